import Foundation
import GroundbreakDomain
import GroundbreakStore
import HTTPTypes
import Hummingbird
import Plot

/// Unit targets and 序时进度: each indicator's actual against the year's target and the time passed.
enum TargetPages {
    struct Query: Sendable {
        var unit: TargetUnit
        var month: Month
    }

    /// The units whose figures the caller may read: those every project of which lies in the
    /// caller's scope (current regions, zones and departments; retired codes are not offered).
    static func offeredUnits(_ input: EndpointRequest) -> [TargetUnit] {
        let catalog = input.catalog
        let scope = input.scope(.viewProjects)
        let all = catalog.assignableRegions.map { TargetUnit(kind: .region, code: $0.code) }
            + catalog.zones.map { TargetUnit(kind: .zone, code: $0.code) }
            + catalog.departments.map { TargetUnit(kind: .department, code: $0.code) }
        return all.filter { scope.covers($0, catalog: catalog) }
    }

    /// `unit=region:220104&month=2026-10`; defaults: the city for city-wide seats, otherwise the
    /// caller's own unit, otherwise the first unit it may read; last month. A unit the caller may
    /// not read is refused (`strict`, the API) or replaced by the default (the page). Nil when the
    /// caller may read no unit at all.
    static func query(_ input: EndpointRequest, _ items: [(String, String)], offered: [TargetUnit], strict: Bool) throws -> Query? {
        let form = FormData(pairs: items)
        var errors: [FieldError] = []
        let city = input.catalog.regions.first { $0.kind == .city }.map { TargetUnit(kind: .region, code: $0.code) }
        let own = input.principal?.unit?.targetUnit
        let preferred = [city, own].compactMap { $0 }.first { offered.contains($0) } ?? offered.first
        var unit = preferred
        if !form["unit"].isEmpty {
            if let parsed = TargetUnit.parse(form["unit"]) {
                if offered.contains(parsed) { unit = parsed }
                else if strict { throw AppError(.forbidden, kind: "forbidden", title: WebText.Monthly.unitOutsideScope) }
            } else {
                errors.append(FieldError("unit", .unknownCode(field: "unit", code: form["unit"])))
            }
        }
        var month = ReportPages.reportingMonth(input.today)
        if !form["month"].isEmpty {
            if let parsed = Month.parse(form["month"]) { month = parsed } else { errors.append(FieldError("month", .dateInvalid)) }
        }
        guard errors.isEmpty else { throw AppError.badQuery(ValidationFailure(errors)) }
        return unit.map { Query(unit: $0, month: month) }
    }

    /// The unit's indicators for the month among the projects the caller sees: one computation per
    /// scope, unit, month and day, kept until the next audited change (reports, plans, targets).
    static func readings(_ input: EndpointRequest, _ query: Query) async throws -> [IndicatorReading] {
        let (services, scope, catalog) = (input.services, input.scope(.viewProjects), input.catalog)
        let key = try await services.figuresKey("targets", scope.key, query.unit.text, query.month.iso, input.today.iso)
        return try await services.targetReadings.value(for: key) {
            let repository = TargetRepository(database: services.database)
            // A unit the scope covers (every offered one) is summed from the projects' kept parts.
            let actuals = scope.covers(query.unit, catalog: catalog)
                ? try await repository.actuals(unit: query.unit, month: query.month, catalog: catalog, reportRules: services.reportRules,
                                               indicators: services.indicators)
                : IndicatorCalculator.actuals(try await repository.inputs(unit: query.unit, month: query.month, scope: scope, catalog: catalog),
                                              catalog: services.indicators)
            return IndicatorCalculator.readings(actuals: actuals, targets: try await repository.targets(unit: query.unit, year: query.month.year),
                                                month: query.month.month, catalog: services.indicators)
        }
    }

    static func page(_ input: EndpointRequest) async throws -> Response {
        let offered = offeredUnits(input)
        let query = try (try? query(input, input.queryItems, offered: offered, strict: false)) ?? query(input, [], offered: offered, strict: false)
        var page = TargetsPage(context: PageContext(input), query: query, readings: [],
                               units: offered, catalog: input.catalog, indicators: input.services.indicators,
                               canSet: Policy.decide(.setTargets, for: input.principal, catalog: input.catalog) == .allow,
                               notice: input.queryItems.first { $0.0 == "notice" }.map { _ in WebText.Monthly.saved })
        guard let query else { return Responses.html(page.document) }
        // What the figures part shows is the reader's own (its scope, its funding reach, whether it
        // may set targets), so it is kept per reader, as the home page's is. Read before the figures.
        let rendered = try await input.services.figuresKey("targets-page", "user \(input.principal?.userId ?? 0)", query.unit.text, query.month.iso, input.today.iso)
        page.readings = try await readings(input, query)
        page.rates = try await unitRates(input, query.unit)
        page.groundwork = try await GroundworkReadings.read(input, unit: query.unit, on: GroundworkReadings.day(ending: query.month, today: input.today))
        page.rateCatalog = input.services.fourRates
        return Responses.html(page.document(query, figures: RenderedFigures.content(input.services, key: rendered, in: input.services.renderedPerReader,
                                                                                  forms: page.context) { page.figures(query, context: $0) }))
    }

    /// A unit's 四率 as a leader's or a group's are computed: its projects in the reader's scope, this year through last month.
    /// Kept per scope, unit and day until the next audited change, as the readings are.
    static func unitRates(_ input: EndpointRequest, _ unit: TargetUnit) async throws -> [FourRate] {
        let (services, scope, catalog, today) = (input.services, input.scope(.viewProjects), input.catalog, input.today)
        let key = try await services.figuresKey("fourRates", scope.key, unit.text, today.iso)
        return try await services.unitRates.value(for: key) {
            // A unit the scope covers (every offered one) is summed from its projects' kept parts.
            if scope.covers(unit, catalog: catalog) {
                return try await FourRatesRepository(database: services.database).rates(unit: unit, catalog: catalog, reportRules: services.reportRules, today: today)
            }
            let open = try await FourRatesReading.openApprovals(input)
            let projects = try await services.projects.projects(inStages: Stage.allCases, scope: scope, where: unit.membership(catalog))
            // The 四率 measure completion on the planned projects alone: a city's dispatch figures
            // are read for its fifty thousand plans, not its hundred thousand projects.
            let (plans, done) = try await TargetRepository(database: services.database)
                .yearPlansAndDispatch(of: Set(projects.map(\.id)), today: today, plannedOnly: true)
            return try await FourRatesReading.rates(services, scope: scope, openApprovals: open, projects: projects, plans: plans, yearDispatch: done, today: today)
        }
    }

    /// The curve a write sets: the one asked for, or the unit's own for that year when none is.
    static func curve(_ asked: String?, unit: TargetUnit, year: Int, _ input: EndpointRequest) async throws -> String {
        if let asked, !asked.isEmpty { return asked }
        return UnitTarget.unitCurve(of: try await TargetRepository(database: input.services.database).targets(unit: unit, year: year))
    }

    static func target(from fields: FormData, indicators: IndicatorCatalog, curve: (TargetUnit, Int) async throws -> String) async throws -> Result<UnitTarget, ValidationFailure> {
        var errors: [FieldError] = []
        let unit = TargetUnit.parse(fields["unit"])
        if unit == nil { errors.append(FieldError("unit", .required(field: "unit"))) }
        let year = Int(fields["year"])
        if year == nil { errors.append(FieldError("year", .required(field: "year"))) }
        let indicator = indicators.indicator(fields["indicator"])
        if indicator == nil { errors.append(FieldError("indicator", .unknownCode(field: "indicator", code: fields["indicator"]))) }
        var value: Double?
        if indicator?.kind == .amount {
            switch Money.parse(fields["value"], unit: .wan) {
            case .success(let money): value = Double(money.yuan)
            case .failure(let problem): errors.append(FieldError("value", .money(problem)))
            }
        } else {
            value = Double(TextNormalizer.halfWidth(fields["value"]).trimmingCharacters(in: .whitespaces))
            if value == nil { errors.append(FieldError("value", .required(field: "value"))) }
        }
        guard errors.isEmpty, let unit, let year, let indicator, let value else { return .failure(ValidationFailure(errors)) }
        return .success(UnitTarget(unit: unit, year: year, indicator: indicator.code, value: value, curve: try await curve(unit, year)))
    }

    static func set(_ input: EndpointRequest) async throws -> Response {
        let form = input.form ?? FormData(pairs: [])
        switch try await target(from: form, indicators: input.services.indicators, curve: { try await curve(form["curve"], unit: $0, year: $1, input) }) {
        case .failure(let failure): throw AppError.validation(failure)
        case .success(let target):
            try await TargetRepository(database: input.services.database).set(target, catalog: input.services.indicators, reference: input.catalog, actor: input.actor, now: input.now)
            return Responses.redirect(to: Route.targets(unit: target.unit.text, month: form["month"].isEmpty ? nil : form["month"]).path(notice: "saved"))
        }
    }

    struct ReadingDTO: Codable, Sendable {
        var indicator: String
        var label: String
        var kind: String
        @ExplicitNull var target: Double?
        @ExplicitNull var curve: String?
        var timeProgress: Double
        @ExplicitNull var actual: Double?
        @ExplicitNull var completionPercent: Double?
        @ExplicitNull var gapPoints: Double?
        var bulletin: String
    }

    struct ReadingsDTO: Codable, Sendable {
        var unit: String
        var unitName: String
        var month: String
        var readings: [ReadingDTO]
        var groundwork: [GroundworkDTO]
    }

    static func api(_ input: EndpointRequest) async throws -> Response {
        try await api(input, items: input.queryItems)
    }

    static func api(_ input: EndpointRequest, items: [(String, String)]) async throws -> Response {
        guard let query = try query(input, items, offered: offeredUnits(input), strict: true) else {
            throw AppError(.forbidden, kind: "forbidden", title: WebText.Monthly.unitOutsideScope)
        }
        let readings = try await readings(input, query)
        let groundwork = try await GroundworkReadings.read(input, unit: query.unit, on: GroundworkReadings.day(ending: query.month, today: input.today))
        return try Responses.json(ReadingsDTO(unit: query.unit.text, unitName: query.unit.name(input.catalog), month: query.month.iso, readings: readings.map {
            ReadingDTO(indicator: $0.indicator.code, label: $0.indicator.label, kind: $0.indicator.kind.rawValue, target: $0.target?.value,
                       curve: $0.target?.curve, timeProgress: $0.timeProgress * 100, actual: $0.actual, completionPercent: $0.completionPercent,
                       gapPoints: $0.gapPoints, bulletin: $0.bulletin)
        }, groundwork: groundwork.map(GroundworkDTO.init)))
    }

    struct TargetBody: Decodable, Sendable {
        var unit: String
        var year: Int
        var indicator: String
        /// Yuan for amounts, counts, percents.
        var value: Double
        var curve: String?
    }

    static func apiSet(_ input: EndpointRequest) async throws -> Response {
        let body = try input.json(TargetBody.self)
        guard let unit = TargetUnit.parse(body.unit) else { throw AppError.validation(ValidationFailure([FieldError("unit", .unknownCode(field: "unit", code: body.unit))])) }
        let target = UnitTarget(unit: unit, year: body.year, indicator: body.indicator, value: body.value,
                                curve: try await curve(body.curve, unit: unit, year: body.year, input))
        try await TargetRepository(database: input.services.database).set(target, catalog: input.services.indicators, reference: input.catalog, actor: input.actor, now: input.now)
        return try await api(input)
    }
}
