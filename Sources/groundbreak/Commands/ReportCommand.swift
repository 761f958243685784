import ArgumentParser
import Foundation
import GroundbreakDomain
import GroundbreakStore
import Logging

struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "report", abstract: CLIText.Report.abstract, subcommands: [Statistics.self, Ranking.self])

    /// `groundbreak report statistics --unit 二道区 --year 2019 --threshold 3000 --bands 10000,50000`
    struct Statistics: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "statistics", abstract: CLIText.Report.statisticsAbstract,
                                                        discussion: CLIText.Report.statisticsDiscussion)

        @OptionGroup var common: CommonOptions

        @Option(name: .long, help: ArgumentHelp(CLIText.Report.unitHelp))
        var unit: String

        @Option(name: .long, help: ArgumentHelp(CLIText.Report.yearHelp))
        var year: Int

        @Option(name: .long, help: ArgumentHelp(CLIText.Report.thresholdHelp))
        var threshold: Int64?

        @Option(name: .long, help: ArgumentHelp(CLIText.Report.bandsHelp))
        var bands: String = "10000,100000,500000,1000000"

        @Option(name: .long, help: ArgumentHelp(CLIText.Report.schemeHelp))
        var scheme: String?

        @Option(name: .long, help: ArgumentHelp(CLIText.Report.shapeHelp))
        var shape: String = ParagraphStyle.Shape.byDimension.rawValue

        @Flag(name: .long, help: ArgumentHelp(CLIText.Report.noTotalHelp))
        var noTotal = false

        @Option(name: .long, help: ArgumentHelp(CLIText.Report.namedHelp))
        var named: Int = 0

        func run() async throws {
            let settings = try await ConfigurationLoader.start(overrides: common.overrides, envFile: common.envFile)
            let logger = Logger(label: "groundbreak.report")
            let paragraph = try await Work.withDatabase(settings, logger: logger) { database in
                _ = try await Work.migrate(database, logger: logger)
                return try await Work.statisticsParagraph(database, unit: unit, year: year, thresholdWan: threshold, bands: bands, scheme: scheme,
                                                          shape: shape, showTotal: !noTotal, named: named)
            }
            print(paragraph)
        }
    }
}

/// `groundbreak report ranking --month 2026-10`: the cross-unit table as tab-separated lines, and
/// the sentence for the first and the last.
struct Ranking: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "ranking", abstract: CLIText.Report.rankingAbstract,
                                                    discussion: CLIText.Report.rankingDiscussion)

    @OptionGroup var common: CommonOptions

    @Option(name: .long, help: ArgumentHelp(CLIText.Report.monthHelp))
    var month: String

    @Option(name: .long, help: ArgumentHelp(CLIText.Report.setHelp))
    var set: String = "regions"

    func run() async throws {
        let settings = try await ConfigurationLoader.start(overrides: common.overrides, envFile: common.envFile)
        let logger = Logger(label: "groundbreak.report")
        guard let month = Month.parse(month), Day.plausibleYears.contains(month.year) else { throw Work.Failure(message: CLIText.Report.badMonth(self.month)) }
        guard let unitSet = AssessmentUnitSet.parse(set) else { throw Work.Failure(message: CLIText.Report.badSet(set)) }
        let lines = try await Work.withDatabase(settings, logger: logger) { database in
            _ = try await Work.migrate(database, logger: logger)
            return try await Work.ranking(database, month: month, set: unitSet)
        }
        print(lines.joined(separator: "\n"))
    }
}

extension Work {
    /// The month's table as the page shows it (frozen once closed); computed here without the
    /// lights, which need the approval clocks the server keeps.
    static func ranking(_ database: Database, month: Month, set: AssessmentUnitSet = .regions) async throws -> [String] {
        guard month.firstDay <= Day.inChina(Date()) else { throw Failure(message: CLIText.Report.monthNotBegun(month.label)) }
        if let id = set.taskForceId, try await TaskForceRepository(database: database).taskForce(id: id) == nil {
            throw Failure(message: CLIText.Report.unknownTaskForce(id))
        }
        let table = try await AssessmentRepository(database: database).table(
            month: month, set: set, scheme: try AssessmentRepository.scheme(), catalog: try await ReferenceRepository(database: database).catalog(),
            indicators: try TargetRepository.catalog(), reportRules: try MonthlyReportRepository.rules(), lights: nil)
        typealias T = CLIText.Report
        var lines = [T.rankingTitle(month.label, AssessmentText.setName(set), table.frozen != nil), T.rankingHeader]
        for row in table.rows {
            let f = row.figures
            lines.append([String(row.rank), row.name, AssessmentText.change(row.rankChange), AssessmentText.number(row.score), f.investment.formatted(in: .wan, decimals: 0),
                          f.completionPercent.map { Decimals.percent($0) } ?? "—", f.gapPoints.map { Decimals.text($0, signed: true) } ?? "—",
                          AssessmentText.honours(row.honours)].joined(separator: "\t"))
        }
        lines.append(AssessmentText.sentence(table))
        return lines
    }

    /// The paragraph for a unit (by name or code) and year; the threshold defaults to that year's
    /// list's, the scheme to the unit's first; the year before is compared when it has a list.
    static func statisticsParagraph(_ database: Database, unit: String, year: Int, thresholdWan: Int64?, bands: String, scheme: String?,
                                    shape: String, showTotal: Bool, named: Int) async throws -> String {
        let catalog = try await ReferenceRepository(database: database).catalog()
        guard let region = catalog.regionCode(named: unit) else {
            throw Failure(message: CLIText.Report.unknownUnit(unit))
        }
        guard Day.plausibleYears.contains(year) else { throw Failure(message: CLIText.Work.badYear(year)) }
        guard let amounts = StatisticsQuery.parseBands(bands) else { throw Failure(message: CLIText.Report.badBands(bands)) }
        guard let paragraphShape = ParagraphStyle.Shape(rawValue: shape) else { throw Failure(message: CLIText.Report.badShape(shape)) }
        guard (0...StatisticsQuery.maxNamed).contains(named) else { throw Failure(message: CLIText.Report.badNamed(StatisticsQuery.maxNamed)) }
        let lists = YearListRepository(database: database)
        let listed = try await lists.lists(regionCodes: [region]).first { $0.year == year }
        let threshold = thresholdWan.map(Money.wan) ?? listed?.threshold ?? .wan(5_000)
        let schemes = try await SchemeRepository(database: database).schemes(regionCodes: [region])
        var schemeId = schemes.first?.id
        if let scheme {
            guard scheme == "none" || schemes.contains(where: { String($0.id) == scheme || $0.name == scheme }) else {
                throw Failure(message: CLIText.Report.unknownScheme(scheme, schemes.map(\.name)))
            }
            schemeId = schemes.first { String($0.id) == scheme || $0.name == scheme }?.id
        }
        let query = StatisticsQuery(regionCode: region, year: year, threshold: threshold, bands: amounts.filter { $0 > threshold },
                                    schemeId: schemeId, style: ParagraphStyle(shape: paragraphShape, showTotal: showTotal, namedLargest: named))
        let figures = try await lists.figures(query, catalog: catalog)
        guard figures.count > 0 else { throw Failure(message: CLIText.Report.noList(catalog.region(region)?.name ?? region, year)) }
        return StatisticsParagraph.write(figures, style: query.style)
    }
}
