import Foundation
import GroundbreakDomain
import GroundbreakStore

/// What the big screen shows, each figure taken by the function that serves the page it
/// summarises: the ledger's totals, the targets page's reading, the problem list's figures, the
/// supervised items, the approvals analytics.
struct ScreenFigures: Sendable {
    /// What colours the map.
    enum Measure: String, Sendable, CaseIterable {
        case projects, investment, overdue
    }

    struct RegionFigure: Sendable {
        var region: Region
        var tile: ScreenMap.Tile
        var projects: Int
        var investment: Money
        var overdueProblems: Int
    }

    var projects: Int
    var investment: Money
    var byStage: [(stage: Stage, count: Int, investment: Money)]
    /// 本年完成投资 against the year's target and 序时进度, for the unit the targets page opens on.
    var investmentReading: IndicatorReading?
    var readingUnit: String?
    var problems: ProblemFigures
    var itemsOpen: Int
    var itemsOverdue: Int
    var approvals: ApprovalAnalytics.CityFigures
    /// Projects that started this year, by month (January first).
    var startsByMonth: [Int]
    var regions: [RegionFigure]
    var asOf: Date

    /// Computed once per reader, day and `FiguresGeneration` (every figure here follows the
    /// reader's reach); `asOf` says when. The map is the one the services hold, so it needs no key.
    static func read(_ input: EndpointRequest) async throws -> ScreenFigures {
        try await input.services.screens.value(for: try await input.services.figuresKey(reader(input), input.today.iso)) {
            try await compute(input)
        }
    }

    /// Whose figures: the big screen shows each reader their own reach.
    static func reader(_ input: EndpointRequest) -> String {
        input.principal.map { "user \($0.userId)" } ?? "anonymous"
    }

    static func compute(_ input: EndpointRequest) async throws -> ScreenFigures {
        let map = input.services.screenMap
        let scope = input.scope(.viewProjects)
        let catalog = input.catalog
        let tiles = map.tiles.compactMap { tile in catalog.region(tile.region).map { (tile, $0) } }
        let ledger = try await input.services.projects.ledgerTotals(scope: scope, regions: tiles.map(\.1.code), year: input.today.year,
                                                                    catalog: catalog, today: input.today)
        var investmentReading: IndicatorReading?
        var readingUnit: String?
        let offered = TargetPages.offeredUnits(input)
        if let query = try TargetPages.query(input, [], offered: offered, strict: false) {
            investmentReading = try await TargetPages.readings(input, query).first { $0.indicator.code == IndicatorCalculator.investmentCode }
            readingUnit = query.unit.name(catalog)
        }
        let board = try await ProblemPages.board(input, query: ProblemQuery())
        let open = try await SupervisionPages.listed(input, view: .open)
        let analytics = try await ApprovalPages.analyticsResult(input)
        let overdueByRegion = Dictionary(board.figures.overdueByOwner.filter { $0.owner.kind == .region }.map { ($0.owner.code, $0.count) },
                                         uniquingKeysWith: +)
        let regions = zip(tiles, ledger.regions).map { tile, totals in
            RegionFigure(region: tile.1, tile: tile.0, projects: totals.count, investment: totals.investment, overdueProblems: overdueByRegion[tile.1.code] ?? 0)
        }
        let whole = ledger.whole
        return ScreenFigures(
            projects: whole.count, investment: whole.investment,
            byStage: Stage.allCases.map { ($0, whole.byStage[$0]?.count ?? 0, whole.byStage[$0]?.investment ?? .zero) },
            investmentReading: investmentReading, readingUnit: readingUnit, problems: board.figures,
            itemsOpen: open.count, itemsOverdue: open.filter { $0.isOverdue(on: input.today) }.count,
            approvals: analytics.city, startsByMonth: ledger.startsByMonth, regions: regions, asOf: input.now)
    }

    /// The figure a region's tile shows for the measure, and how strong its colour is (0…1).
    func value(_ region: RegionFigure, _ measure: Measure) -> (text: String, share: Double) {
        let values = regions.map { figure -> Double in
            switch measure {
            case .projects: Double(figure.projects)
            case .investment: Double(figure.investment.yuan)
            case .overdue: Double(figure.overdueProblems)
            }
        }
        let most = max(values.max() ?? 0, 1)
        switch measure {
        case .projects: return (Format.count(region.projects), Double(region.projects) / most)
        case .investment: return (Format.yi(region.investment), Double(region.investment.yuan) / most)
        case .overdue: return (Format.count(region.overdueProblems), Double(region.overdueProblems) / most)
        }
    }
}
