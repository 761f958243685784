import Foundation
import GroundbreakDomain
import GroundbreakOffice
import GroundbreakStore
import HTTPTypes
import Hummingbird

/// A sponsoring leader's portfolio: the seat's projects the reader may see, their lights and
/// figures, the 四率, and the problems risen to the city's level.
enum PortfolioPages {
    /// A project and its light (none once it is built, cancelled or not yet lit).
    struct Line: Sendable {
        var project: Project
        var warning: ProjectWarning?
    }

    struct Reading: Sendable {
        var seat: Position
        var projects: [Line]
        var plans: [Int64: Money]
        var done: [Int64: Money]
        var rates: [FourRate]
        var risen: [Problem]
        /// The seat's site visits, coordination meetings and instructions this year, latest first.
        var activities: [SponsorActivity]
        var quarter: Quarter

        var quarterCounts: ActivityCounts { ActivityCounts(activities.filter { quarter.contains($0.on) }) }
    }

    /// `seat=ID`; the reader's own seat when absent. Nil when the reader has no seat and named none.
    static func seat(_ input: EndpointRequest) throws -> Position? {
        let asked = FormData(pairs: input.queryItems)["seat"]
        let id: Int64
        if asked.isEmpty {
            // The reader's own seat; for the centre, the first leader's until it chooses.
            let first = Policy.readsEveryPortfolio(input.principal) ? input.catalog.positions.first { $0.duty == .sponsor }?.id : nil
            guard let own = input.principal?.positionId ?? first else { return nil }
            id = own
        } else {
            guard let parsed = Int64(asked) else { throw AppError.badQuery(ValidationFailure([FieldError("seat", .unknownCode(field: "seat", code: asked))])) }
            id = parsed
        }
        guard Policy.mayReadPortfolio(of: id, principal: input.principal, catalog: input.catalog) else {
            throw AppError(.forbidden, kind: "forbidden", title: WebText.Portfolio.seatOutsideReach)
        }
        guard let position = input.catalog.positions.first(where: { $0.id == id && $0.duty == .sponsor }) else {
            throw AppError.badQuery(ValidationFailure([FieldError("seat", .unknownCode(field: "seat", code: String(id)))]))
        }
        return position
    }

    static func read(_ input: EndpointRequest, _ seat: Position) async throws -> Reading {
        try await read(input, seats: [seat])[0]
    }

    /// Each seat's portfolio, the lights, plans, figures and problems read once for all of them.
    /// Activities are read from `activitiesFrom` (this year's first day when nil).
    static func read(_ input: EndpointRequest, seats: [Position], activitiesFrom: Day? = nil) async throws -> [Reading] {
        let wanted = Set(seats.map(\.id))
        let lit = try await WarningPages.light(input).lit.filter { $0.project.fields.sponsorPositionId.map(wanted.contains) ?? false }
        let lights = Dictionary(lit.map { ($0.project.id, $0.warning) }, uniquingKeysWith: { first, _ in first })
        let all = try await input.services.projects.projects(inStages: Stage.allCases, scope: input.scope(.viewProjects))
            .filter { $0.fields.sponsorPositionId.map(wanted.contains) ?? false }
            .sorted { ($0.fields.totalInvestment, $1.id) > ($1.fields.totalInvestment, $0.id) }
        let ids = Set(all.map(\.id))
        let (plans, done) = try await TargetRepository(database: input.services.database).yearPlansAndDispatch(of: ids, today: input.today)
        let risen = try await input.services.problems.all(reach: .all).filter {
            ($0.projectId.map(ids.contains) ?? false) && $0.level >= .centre && ![.resolved, .closed].contains($0.status)
        }
        let activities = try await SponsorActivityRepository(database: input.services.database)
            .activities(seats: wanted, from: activitiesFrom ?? Month(year: input.today.year, month: 1)!.firstDay)
        var readings: [Reading] = []
        for seat in seats {
            let projects = all.filter { $0.fields.sponsorPositionId == seat.id }
            let own = Set(projects.map(\.id))
            let ownPlans = plans.filter { own.contains($0.projectId) }
            readings.append(Reading(
                seat: seat, projects: projects.map { Line(project: $0, warning: lights[$0.id]) },
                plans: Dictionary(ownPlans.map { ($0.projectId, $0.plannedInvestment) }, uniquingKeysWith: { first, _ in first }),
                done: done.filter { own.contains($0.key) },
                rates: try await FourRatesReading.rates(input, projects: projects, plans: ownPlans, yearDispatch: done),
                risen: risen.filter { $0.projectId.map(own.contains) ?? false },
                activities: activities.filter { $0.seatId == seat.id }, quarter: Quarter(input.today)))
        }
        return readings
    }

    /// The portfolio in a few lines for the leader's home page: the lights counted, the 四率, and the quarter's activities.
    static func summaryLines(_ reading: Reading, rateCatalog: FourRateCatalog) -> [String] {
        typealias T = WebText.Portfolio
        let colours = Dictionary(grouping: reading.projects.compactMap(\.warning), by: \.colour).mapValues(\.count)
        let rates = reading.rates.map { rate in
            T.rateItem(rateCatalog.rates.first { $0.code == rate.code }?.name ?? rate.code.rawValue, rate.percent.map { Decimals.percent($0) } ?? T.none)
        }
        return [T.homeProjects(reading.projects.count, T.colourCount(colours[.red] ?? 0, colours[.yellow] ?? 0, colours[.green] ?? 0)), T.ratesLine(rates),
                PortfolioText.counts(reading.quarterCounts, span: reading.quarter.label)]
    }

    static func page(_ input: EndpointRequest) async throws -> Response {
        try await render(input, seat: try seat(input), errors: [], form: FormData(pairs: []), status: .ok)
    }

    /// The page for `seat`, with a refused activity's errors and what was typed when there are.
    static func render(_ input: EndpointRequest, seat: Position?, errors: [FieldError], form: FormData, status: HTTPResponse.Status) async throws -> Response {
        var reading: Reading?
        if let seat { reading = try await read(input, seat) }
        let seats = input.catalog.positions.filter { $0.duty == .sponsor }
        // The centre and administrators choose any leader; a leader reads their own.
        return Responses.html(PortfolioPage(context: PageContext(input), reading: reading, seats: Policy.readsEveryPortfolio(input.principal) ? seats : [],
                                            catalog: input.catalog, rateCatalog: input.services.fourRates, errors: errors, form: form, today: input.today,
                                            notice: input.queryItems.contains { $0.0 == "notice" } ? WebText.Portfolio.recorded : nil).document,
                              status: status)
    }

    static func api(_ input: EndpointRequest) async throws -> Response {
        guard let seat = try seat(input) else { throw AppError(.forbidden, kind: "forbidden", title: WebText.Portfolio.noSeat) }
        return try Responses.json(PortfolioDTO(try await read(input, seat), rateCatalog: input.services.fourRates))
    }

    static func xlsx(_ input: EndpointRequest) async throws -> Response {
        guard let seat = try seat(input) else { throw AppError(.forbidden, kind: "forbidden", title: WebText.Portfolio.noSeat) }
        let reading = try await read(input, seat)
        typealias T = WebText.Portfolio
        let sheet = ListSheet(title: T.title, filterLine: WebText.Common.filterLine(T.filterText(seat.display), Format.dateTime(input.now)),
                              columns: [.init(WebText.Warnings.serial, width: 6, .integer), .init(T.lights, width: 6), .init(T.project, width: 34, .wrapped),
                                        .init(T.region, width: 10), .init(T.stage, width: 10), .init(T.total, width: 14, .amount),
                                        .init(T.planned, width: 14, .amount), .init(T.done, width: 14, .amount), .init(T.reasons, width: 50, .wrapped)],
                              rows: reading.projects.enumerated().map { index, row in
                                  [.integer(index + 1), .text(row.warning?.colour.label ?? T.none), .text(row.project.fields.name),
                                   .text(input.catalog.region(row.project.fields.regionCode)?.name ?? row.project.fields.regionCode), .text(row.project.stage.label),
                                   .wan(row.project.fields.totalInvestment), .wan(reading.plans[row.project.id]), .wan(reading.done[row.project.id]),
                                   .text(row.warning?.reasons.map(\.text).joined(separator: "；") ?? "")]
                              })
        return try await Download.file(contentType: Download.xlsxType, name: T.fileName(seat.title), fallback: "portfolio-\(seat.id).xlsx") {
            try ListWorkbook.write(sheet, to: $0, created: input.now, countLine: T.count(reading.projects.count))
        }
    }
}
