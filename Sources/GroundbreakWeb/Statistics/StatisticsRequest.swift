import Foundation
import GroundbreakDomain
import GroundbreakStore
import HTTPTypes

/// A paragraph asked for by query: `unit=220105&year=2019&threshold=3000&bands=10000,50000&scheme=3`
/// (amounts in 万元). What is left out takes the unit's own defaults: its latest year with a list,
/// that list's threshold, its first scheme.
struct StatisticsRequest: Sendable {
    var query: StatisticsQuery
    /// The regions the reader may ask about (every project of each lies in the reader's scope).
    var offered: [Region]
    var schemes: [ClassificationScheme]
    var lists: [YearList]

    /// The size bands named when none are asked for: 亿元, 10亿元, 50亿元, 100亿元 (seed 002's wording).
    static let defaultBands: [Money] = [.yi(1), .yi(10), .yi(50), .yi(100)]

    static func offeredRegions(_ input: EndpointRequest) -> [Region] {
        let scope = input.scope(.viewProjects)
        return input.catalog.assignableRegions.filter { scope.covers(TargetUnit(kind: .region, code: $0.code), catalog: input.catalog) }
    }

    /// Nil when the reader may read no unit's figures (a secretary or a sponsor follows seats).
    static func read(_ input: EndpointRequest, strict: Bool) async throws -> StatisticsRequest? {
        let form = FormData(pairs: input.queryItems)
        let offered = offeredRegions(input)
        var errors: [FieldError] = []
        let city = input.catalog.regions.first { $0.kind == .city }?.code
        let own = input.principal?.unit.flatMap { $0.kind == .region ? $0.code : nil }
        guard var region = [own, city].compactMap({ $0 }).first(where: { code in offered.contains { $0.code == code } }) ?? offered.first?.code else {
            return nil
        }
        if !form["unit"].isEmpty {
            let code = input.catalog.regionCode(named: form["unit"])
            if let code, offered.contains(where: { $0.code == code }) { region = code }
            else if code == nil { errors.append(FieldError("unit", .unknownCode(field: "unit", code: String(form["unit"].prefix(40))))) }
            else if strict { throw AppError(.forbidden, kind: "forbidden", title: WebText.Statistics.unitOutsideScope) }
        }
        let (lists, schemes) = try await choices(input, region: region)
        var year = lists.first { $0.regionCode == region }?.year ?? lists.first?.year ?? input.today.year
        if !form["year"].isEmpty {
            if let value = Int(form["year"]), Day.plausibleYears.contains(value) { year = value } else { errors.append(FieldError("year", .dateInvalid)) }
        }
        var threshold = lists.first { $0.regionCode == region && $0.year == year }?.threshold ?? .wan(5_000)
        if !form["threshold"].isEmpty {
            if let wan = Int64(form["threshold"]), (0...100_000_000).contains(wan) { threshold = .wan(wan) }
            else { errors.append(FieldError("threshold", .numberOutOfRange(field: "threshold", min: "0", max: "100000000"))) }
        }
        var bands = defaultBands
        if !form["bands"].isEmpty {
            if let parsed = StatisticsQuery.parseBands(form["bands"]) {
                bands = parsed
            } else {
                errors.append(FieldError("bands", .field(WebText.Statistics.badBands(StatisticsQuery.maxBands))))
            }
        }
        bands = Array(Set(bands.filter { $0 > threshold })).sorted()
        var schemeId = schemes.first?.id
        if form["scheme"] == "none" { schemeId = nil }
        else if !form["scheme"].isEmpty {
            if let id = Int64(form["scheme"]), schemes.contains(where: { $0.id == id }) { schemeId = id }
            else { errors.append(FieldError("scheme", .unknownCode(field: "scheme", code: String(form["scheme"].prefix(20))))) }
        }
        var style = ParagraphStyle()
        if !form["shape"].isEmpty {
            if let shape = ParagraphStyle.Shape(rawValue: form["shape"]) { style.shape = shape } else { errors.append(FieldError("shape", .unknownCode(field: "shape", code: String(form["shape"].prefix(20))))) }
        }
        if !form["total"].isEmpty { style.showTotal = form["total"] == "true" }
        if !form["named"].isEmpty {
            if let named = Int(form["named"]), (0...StatisticsQuery.maxNamed).contains(named) { style.namedLargest = named }
            else { errors.append(FieldError("named", .numberOutOfRange(field: "named", min: "0", max: String(StatisticsQuery.maxNamed)))) }
        }
        guard errors.isEmpty else { throw AppError.badQuery(ValidationFailure(errors)) }
        return StatisticsRequest(query: StatisticsQuery(regionCode: region, year: year, threshold: threshold, bands: bands, schemeId: schemeId, style: style),
                                 offered: offered, schemes: schemes, lists: lists)
    }

    typealias Choices = (lists: [YearList], schemes: [ClassificationScheme])

    /// The year lists of `region` and the units within it, and its schemes: kept by the figures
    /// generation (creating a list or a scheme is audited, so it moves it).
    static func choices(_ input: EndpointRequest, region: String) async throws -> Choices {
        let services = input.services
        return try await services.statisticsChoices.value(for: try await services.figuresKey("statistics-choices", region)) {
            (try await services.yearLists.lists(regionCodes: input.catalog.regionSubtree(region)), try await services.schemes.schemes(regionCodes: [region]))
        }
    }

    /// The query as asked, for links to the same paragraph (the .docx, the page).
    var items: [(String, String)] {
        [("unit", query.regionCode), ("year", String(query.year)), ("threshold", query.threshold.exactWanText),
         ("bands", query.bands.map(\.exactWanText).joined(separator: ",")), ("scheme", query.schemeId.map(String.init) ?? "none"),
         ("shape", query.style.shape.rawValue), ("total", query.style.showTotal ? "true" : "false"), ("named", String(query.style.namedLargest))]
    }
}
