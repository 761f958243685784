import Foundation
import GroundbreakDomain
import GroundbreakOffice
import GroundbreakStore
import HTTPTypes
import Hummingbird
import Synchronization

/// Every project in the reader's scope still to be built (谋划 to 开工建设, and 暂缓), lit by the
/// current rule set: computed once per reach, day and `FiguresGeneration` for the page, its
/// workbook, the API and every figure that counts lights.
enum WarningPages {
    /// A project and its light. A class: lists of lights at province scale are filtered, counted
    /// and passed around whole, and copying one is then a reference, not every field of a project.
    final class Lit: Sendable, Identifiable {
        /// The signals it was lit from, the project among them.
        let signals: ProjectSignals
        var project: Project { _read { yield signals.project } }
        let warning: ProjectWarning
        /// What every list and count reads, taken once: reaching into the project's fields copies them.
        let colour: WarningColour
        let regionCode: String
        let totalInvestment: Money

        let id: Int64

        init(_ signals: ProjectSignals, warning: ProjectWarning) {
            self.signals = signals
            self.warning = warning
            id = warning.projectId
            colour = warning.colour
            regionCode = signals.project.fields.regionCode
            totalInvestment = signals.project.fields.totalInvestment
        }

        /// Whether these are the signals it was lit from, compared where they are held.
        func isLit(from held: UnsafePointer<ProjectSignals>) -> Bool {
            signals.isSame(as: held)
        }
    }

    static let liveStages: [Stage] = [.reserve, .attraction, .approval, .construction, .suspended]

    /// The reader's projects lit; `scope` widens it for a figure that compares every unit (the
    /// cross-unit table counts each unit's red projects whoever reads it).
    struct Lighting: Sendable {
        let rules: WarningRuleSet
        /// Every light, in the order lit (by project id): for a figure that counts or looks lights up.
        let lit: [Lit]
        /// The order lists are read in and the counts by region, made once per lighting when first
        /// asked: the ranking reads only the red lights, and sorting and counting a province's
        /// 100,000 was a sixth of what its writer waited for after a change.
        private let derived = Derived()

        /// The lists asked for, each filtered once per lighting rather than once per request.
        private let lists = RecentCache<[Lit]>(capacity: 32)

        /// Where the order reddest first is handed back when sorted here (a lighting of every live
        /// project), for the next lighting to start from.
        private let handBack: (@Sendable ([Lit]) -> Void)?

        init(rules: WarningRuleSet, lit: [Lit], reddestFirst: [Lit]? = nil, handBack: (@Sendable ([Lit]) -> Void)? = nil) {
            self.rules = rules
            self.lit = lit
            self.handBack = handBack
            if let reddestFirst { derived.sorted.withLock { $0 = reddestFirst } }
        }

        /// Every light, reddest and largest first (`WarningPages.reddestFirst`).
        var reddestFirst: [Lit] {
            Derived.once(derived.sorted) {
                let sorted = WarningPages.reddestFirst(lit)
                handBack?(sorted)
                return sorted
            }
        }

        /// The lights counted by region and colour.
        var counts: WarningCounts {
            Derived.once(derived.counts) { WarningCounts(lit) }
        }

        /// The lit projects `filter` keeps, reddest and largest first.
        func listed(_ filter: WarningFilter, catalog: ReferenceCatalog) -> [Lit] {
            let key = Route.query(filter.items)
            if let list = lists.value(for: key) { return list }
            let list = WarningPages.listed(reddestFirst, filter, catalog: catalog)
            lists.store(list, for: key)
            return list
        }

        private final class Derived: Sendable {
            let sorted = Mutex<[Lit]?>(nil)
            let counts = Mutex<WarningCounts?>(nil)

            /// What `slot` holds, made by `make` the first time.
            static func once<T: Sendable>(_ slot: borrowing Mutex<T?>, _ make: () -> T) -> T {
                slot.withLock { held in
                    if let held { return held }
                    let made = make()
                    held = made
                    return made
                }
            }
        }
    }

    /// Every live project `scope` reaches (the caller's by default), lit today: computed once per
    /// reach, day and `FiguresGeneration`.
    static func light(_ input: EndpointRequest, scope: ProjectScope? = nil) async throws -> Lighting {
        let scope = scope ?? input.scope(.viewProjects)
        return try await input.services.lights.value(for: try await input.services.figuresKey(scope.key, input.today.iso)) {
            let lighting = try await light(input.services, scope: scope, today: input.today)
            var handBack: (@Sendable ([Lit]) -> Void)?
            if let number = lighting.lighted.lighting {
                let kept = input.services.keptLights
                handBack = { order in kept.keep(reddestFirst: order, of: number) }
            }
            return Lighting(rules: lighting.rules, lit: lighting.lighted.lit, reddestFirst: lighting.lighted.reddestFirst, handBack: handBack)
        }
    }

    /// The order every list of lights is read in: red before yellow before green, then the
    /// largest investment, then the oldest project, by what each light took once.
    static func reddestFirst(_ lit: [Lit]) -> [Lit] {
        // `precedes` on plain values taken once: comparing through the objects retained two of them per comparison.
        let keys = lit.map { (colour: $0.colour.rank, yuan: $0.totalInvestment.yuan, id: $0.warning.projectId) }
        return keys.indices.sorted { a, b in
            (keys[a].colour, keys[a].yuan, keys[b].id) > (keys[b].colour, keys[b].yuan, keys[a].id)
        }.map { lit[$0] }
    }

    /// Whether `a` comes before `b` in the order every list is read in (`reddestFirst`).
    static func precedes(_ a: Lit, _ b: Lit) -> Bool {
        (a.colour.rank, a.totalInvestment.yuan, b.id) > (b.colour.rank, b.totalInvestment.yuan, a.id)
    }

    /// Every live project lit, for the daily record: the approval clocks read here as the pages read them.
    static func lightEverything(_ services: AppServices, today: Day) async throws -> (rules: WarningRuleSet, lit: [Lit]) {
        let lighting = try await light(services, scope: .everything, today: today)
        return (lighting.rules, lighting.lighted.lit)
    }

    /// The one evaluation: the rules in force over the signals of the live projects `scope` reaches.
    static func light(_ services: AppServices, scope: ProjectScope, today: Day) async throws -> (rules: WarningRuleSet, lighted: KeptLights.Lighted) {
        let repository = WarningRepository(database: services.database)
        let rules = try await repository.currentRules()
        let signals = try await repository.signals(inStages: liveStages, scope: scope, indicators: services.indicators, curve: rules.curve,
                                                   reportRules: services.reportRules, calendar: services.workingCalendar(), today: today)
        return (rules, services.keptLights.lit(signals, rules: rules, keep: scope.isEverything))
    }

    static func filter(_ input: EndpointRequest) throws -> WarningFilter {
        switch WarningFilter.parse(input.queryItems, catalog: input.catalog) {
        case .success(let filter): return filter
        case .failure(let failure): throw AppError.badQuery(failure)
        }
    }

    /// The lit projects the filter keeps, in the order of `lit` (`Lighting.reddestFirst` gives them reddest and largest first).
    static func listed(_ lit: [Lit], _ filter: WarningFilter, catalog: ReferenceCatalog) -> [Lit] {
        let regions = filter.regionCode.map(catalog.regionSubtree)
        // Three flags, not a set: hashing each project's colour was most of a lights request.
        let (red, yellow, green) = (filter.colours.contains(.red), filter.colours.contains(.yellow), filter.colours.contains(.green))
        if red && yellow && green && regions == nil { return lit }
        return lit.filter { item in
            let shown = switch item.colour {
            case .red: red
            case .yellow: yellow
            case .green: green
            }
            return shown && (regions?.contains(item.regionCode) ?? true)
        }
    }

    static func page(_ input: EndpointRequest) async throws -> Response {
        let filter = try filter(input)
        let paging = try ListPaging.requested(input, defaultPerPage: perPage)
        // Read before the lights, as their own key is.
        let key = try await input.services.figuresKey("warnings-page", input.scope(.viewProjects).key, input.today.iso, Route.query(WarningsPage.query(filter, paging)))
        let lighting = try await light(input)
        let page = WarningsPage(context: PageContext(input), catalog: input.catalog, rules: lighting.rules, counts: lighting.counts, filter: filter,
                                listed: lighting.listed(filter, catalog: input.catalog), paging: paging)
        return Responses.html(page.document(content: RenderedFigures.content(input.services, key: key) { page.content }))
    }

    /// The page and the API list the lights a page at a time: at province scale they are tens of
    /// thousands, and every count stays over the whole set.
    static let perPage = 100

    static func api(_ input: EndpointRequest) async throws -> Response {
        let filter = try filter(input)
        let paging = try ListPaging.requested(input, defaultPerPage: perPage)
        let lighting = try await light(input)
        return try Responses.json(WarningsDTO(rules: lighting.rules, counts: lighting.counts, listed: lighting.listed(filter, catalog: input.catalog),
                                              paging: paging, catalog: input.catalog))
    }

    static func xlsx(_ input: EndpointRequest) async throws -> Response {
        let filter = try filter(input)
        let lighting = try await light(input)
        let rules = lighting.rules
        let rows = lighting.listed(filter, catalog: input.catalog)
        typealias T = WebText.Warnings
        let sheet = ListSheet(title: T.title, filterLine: T.exportLine(filter.described(input.catalog), rules.version, input.exportTime),
                              columns: [.init(T.serial, width: 6, .integer), .init(T.colour, width: 6), .init(T.project, width: 34, .wrapped),
                                        .init(T.region, width: 10), .init(T.total, width: 14, .amount), .init(T.stage, width: 10),
                                        .init(T.reasons, width: 60, .wrapped)],
                              rows: rows.enumerated().map { index, row in
                                  [.integer(index + 1), .text(row.warning.colour.label), .text(row.project.fields.name),
                                   .text(input.catalog.region(row.project.fields.regionCode)?.name ?? row.project.fields.regionCode),
                                   .wan(row.project.fields.totalInvestment), .text(row.project.stage.label),
                                   .text(row.warning.reasons.map(\.text).joined(separator: "；"))]
                              })
        return try await Download.file(contentType: Download.xlsxType, name: T.fileName(input.today.iso), fallback: "warnings.xlsx") {
            try ListWorkbook.write(sheet, to: $0, created: input.now, countLine: T.count(rows.count))
        }
    }
}
