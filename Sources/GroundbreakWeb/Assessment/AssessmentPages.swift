import Foundation
import GroundbreakDomain
import GroundbreakOffice
import GroundbreakStore
import HTTPTypes
import Hummingbird

/// The cross-unit table and its ranking: the month's frozen table once the month has closed,
/// otherwise computed from the data now. Every unit is computed over all its projects whoever
/// reads it: the table is the one the centre sends to every unit.
enum AssessmentPages {
    typealias T = WebText.Assessment

    /// `month=2026-10`; the reporting month (last month) when absent. A month not yet begun is refused.
    static func month(_ input: EndpointRequest) throws -> Month {
        let asked = FormData(pairs: input.queryItems)["month"]
        guard !asked.isEmpty else { return ReportPages.reportingMonth(input.today) }
        guard let month = Month.parse(asked), Day.plausibleYears.contains(month.year) else {
            throw AppError.badQuery(ValidationFailure([FieldError("month", .dateInvalid)]))
        }
        guard month.firstDay <= input.today else { throw AppError.badQuery(ValidationFailure([FieldError("month", .fixed(T.badMonth(month.label)))])) }
        return month
    }

    /// `set=regions` (县(市)区 and 开发区, the default) or `set=departments` (市直部门). A task
    /// force's groups are ranked on the task force's own address, where its policy applies.
    static func unitSet(_ input: EndpointRequest) throws -> AssessmentUnitSet {
        let asked = FormData(pairs: input.queryItems)["set"]
        guard !asked.isEmpty else { return .regions }
        guard let set = AssessmentUnitSet.parse(asked), set.taskForceId == nil else {
            throw AppError.badQuery(ValidationFailure([FieldError("set", .fixed(T.badSet))]))
        }
        return set
    }

    /// The month's table of `set` (frozen, or computed now).
    static func table(_ input: EndpointRequest, month: Month, set: AssessmentUnitSet) async throws -> AssessmentTable {
        try await tables(input, month: month, sets: [set])[0]
    }

    /// The month's tables of `sets`, from one read of the data. The lights are today's, so they
    /// are counted only for the reporting month, whose tables are the ones its close freezes.
    /// Computed once per month, sets, day and `FiguresGeneration`: every unit is computed over all
    /// its projects whoever reads it, so the readers share one computation.
    static func tables(_ input: EndpointRequest, month: Month, sets: [AssessmentUnitSet]) async throws -> [AssessmentTable] {
        let key = try await input.services.figuresKey(month.iso, sets.map(\.key).joined(separator: ","), input.today.iso)
        return try await input.services.assessmentTables.value(for: key) {
            let repository = AssessmentRepository(database: input.services.database)
            var lights: [Int64: WarningColour]?
            if month == ReportPages.reportingMonth(input.today), try await !repository.isFrozen(month) {
                // The tables count red lights only: the other colours need not be hashed in.
                lights = Dictionary(try await WarningPages.light(input, scope: .everything).lit.lazy.filter { $0.colour == .red }
                    .map { ($0.warning.projectId, $0.colour) }, uniquingKeysWith: { first, _ in first })
            }
            return try await repository.tables(month: month, sets: sets, scheme: input.services.assessmentScheme, catalog: input.catalog,
                                               indicators: input.services.indicators, reportRules: input.services.reportRules, lights: lights)
        }
    }

    /// The tables a month's close freezes (the regions', the departments', every task force's
    /// groups'): computed just before it, for a month that has ended and is still open.
    static func tablesToFreeze(_ input: EndpointRequest, month: Month) async throws -> [AssessmentTable] {
        guard input.today > month.lastDay, try await MonthCloseRepository(database: input.services.database).close(of: month) == nil else { return [] }
        let groups = try await input.services.taskForces.taskForces().map { AssessmentUnitSet.groups(taskForceId: $0.id) }
        return try await tables(input, month: month, sets: [.regions, .departments] + groups)
    }

    /// The set the request names: the task force's groups at its address, else the set from the query.
    static func requestedSet(_ input: EndpointRequest) throws -> AssessmentUnitSet {
        if let taskForce = input.taskForce { return .groups(taskForceId: taskForce.id) }
        return try unitSet(input)
    }

    static func listing(_ input: EndpointRequest) async throws -> AssessmentListing {
        AssessmentListing(table: try await table(input, month: try month(input), set: try requestedSet(input)), taskForce: input.taskForce)
    }

    static func page(_ input: EndpointRequest) async throws -> Response {
        // Read before the table, as the table's own key is.
        let key = try await input.services.figuresKey("assessment-page", try month(input).iso, try requestedSet(input).key, input.today.iso)
        let page = AssessmentPage(context: PageContext(input), listing: try await listing(input), reportingMonth: ReportPages.reportingMonth(input.today))
        return Responses.html(page.document(content: RenderedFigures.content(input.services, key: key) { page.content }))
    }

    static func api(_ input: EndpointRequest) async throws -> Response {
        try Responses.json(AssessmentDTO(try await listing(input)))
    }

    static func xlsx(_ input: EndpointRequest) async throws -> Response {
        let listing = try await listing(input)
        let table = listing.table
        let items = table.scheme.items
        var columns: [ListSheet.Column] = [.init(T.rank, width: 6, .integer), .init(T.unit, width: 16), .init(T.change, width: 7), .init(T.score, width: 9),
                                           .init(T.investment, width: 14, .amount), .init(listing.targetHeading, width: 14, .amount), .init(T.completion, width: 9),
                                           .init(T.timeProgress, width: 9), .init(T.gap, width: 11), .init(T.underWay, width: 9, .integer),
                                           .init(T.newStarts, width: 9, .integer), .init(T.admitted, width: 10), .init(T.problems, width: 11),
                                           .init(T.overdue, width: 9, .integer), .init(T.reports, width: 11), .init(T.approvals, width: 11), .init(T.red, width: 8),
                                           .init(T.signed, width: 11), .init(T.signingMonths, width: 10), .init(T.honours, width: 12)]
        columns += items.map { .init("\($0.code) \(AssessmentText.measure($0.measure))（\(AssessmentText.number($0.weight))）", width: 12) }
        let rows: [[ListSheet.Value]] = table.rows.map { row in
            let f = row.figures
            var values: [ListSheet.Value] = [
                .integer(row.rank), .text(row.name), .text(AssessmentText.change(row.rankChange)), .text(AssessmentText.number(row.score)),
                .wan(f.investment), .wan(f.target), .text(T.percent(f.completionPercent)), .text(T.percent(f.timeProgressPercent)),
                .text(T.points(f.gapPoints)), .integer(f.underWay), .integer(f.newStarts), .text(T.ratio(f.admitted, f.admissionEligible)),
                .text(T.ratio(f.problemsOnTime, f.problemsDue)), .integer(f.problemsOverdue), .text(T.ratio(f.reportsOnTime, f.reportsOwed)),
                .text(T.ratio(f.approvalsOnTime, f.approvalsDecided)), .text(f.red.map(String.init) ?? T.none),
                .text(T.optionalRatio(f.leadsSigned, f.leads)), .text(T.optionalRatio(f.monthsWithSigning, f.monthsElapsed)), .text(AssessmentText.honours(row.honours)),
            ]
            values += row.items.map { .text($0.points.map(AssessmentText.number) ?? T.notScored) }
            return values
        }
        let sheet = ListSheet(title: listing.title, filterLine: WebText.Common.filterLine(listing.filterText, input.exportTime),
                              columns: columns, rows: rows)
        return try await Download.file(contentType: Download.xlsxType, name: T.fileName(listing.title, table.month.iso), fallback: "assessment.xlsx") {
            try ListWorkbook.write(sheet, to: $0, created: input.now, countLine: T.count(rows.count) + "。" + listing.sentence)
        }
    }
}

/// One table as the page, workbook and API name it: which units, in whose words, at which address.
struct AssessmentListing {
    typealias T = WebText.Assessment

    var table: AssessmentTable
    /// The task force whose groups the table ranks.
    var taskForce: TaskForce?

    var title: String { taskForce.map { T.groupsTitle($0.name) } ?? T.title }
    var setName: String { taskForce.map { T.groupsSet($0.name) } ?? T.setName(table.unitSet) }
    var filterText: String { T.filterText(table.month.label, setName) }
    var sentence: String { AssessmentText.sentence(table, scope: T.scope(table.unitSet)) }
    var targetHeading: String { taskForce == nil ? T.target : T.plan }

    func route(month: Month?) -> Route {
        taskForce.map { .taskForceRanking($0.id, month: month) } ?? .assessment(month: month, set: table.unitSet)
    }

    func xlsx(month: Month) -> Route {
        taskForce.map { .taskForceRankingXLSX($0.id, month: month) } ?? .assessmentXLSX(month: month, set: table.unitSet)
    }
}
