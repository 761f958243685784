import Foundation
import GroundbreakDomain
import GroundbreakOffice
import GroundbreakStore
import HTTPTypes
import Hummingbird

/// 重点项目推进情况表: the unit's listed projects through a month, grouped by region, by the
/// unit's scheme or by size band, with subtotals.
enum ProgressPages {
    static func xlsx(_ input: EndpointRequest) async throws -> Response {
        guard let request = try await StatisticsRequest.read(input, strict: true) else {
            throw AppError(.forbidden, kind: "forbidden", title: WebText.Statistics.unitOutsideScope)
        }
        let form = FormData(pairs: input.queryItems)
        var errors: [FieldError] = []
        var month = request.query.year == input.today.year ? ReportPages.reportingMonth(input.today) : Month(year: request.query.year, month: 12)!
        if !form["month"].isEmpty {
            if let parsed = Month.parse(form["month"]) { month = parsed } else { errors.append(FieldError("month", .dateInvalid)) }
        }
        var grouping = ProgressTable.Grouping.region
        if !form["group"].isEmpty {
            if let parsed = ProgressTable.Grouping(rawValue: form["group"]) { grouping = parsed }
            else { errors.append(FieldError("group", .unknownCode(field: "group", code: String(form["group"].prefix(20))))) }
        }
        guard errors.isEmpty else { throw AppError.badQuery(ValidationFailure(errors)) }
        let catalog = input.catalog
        let problems = try await input.services.problems.all(reach: Policy.problemReach(of: try input.requirePrincipal(), catalog: catalog))
        let lines = try await input.services.yearLists.progressLines(request.query, through: month, openProblems: problems, catalog: catalog)
        let scheme = request.schemes.first { $0.id == request.query.schemeId }
        let regionName = { (code: String) in catalog.region(code)?.name ?? code }
        let table = ProgressTable.build(lines, grouping: grouping, regionName: regionName,
                                        regionOrder: catalog.assignableRegions.map(\.code), classOrder: scheme?.classes.map(\.name) ?? [],
                                        bands: request.query.bands, belowBands: OfficeText.Progress.belowBands, noClass: OfficeText.Progress.noClass)
        let unit = regionName(request.query.regionCode)
        let title = OfficeText.Progress.title(unit, month.year, month.month)
        let filter = WebText.Statistics.progressFilter(StatisticsText.band(request.query.threshold), scheme?.name, WebText.Statistics.grouping(grouping.rawValue))
        let workbook = ProgressWorkbook(title: title, unitLine: OfficeText.Progress.unitLine(month.year, month.month, filter), schemeName: scheme?.name,
                                        table: table, month: month.month)
        return try await Download.file(contentType: Download.xlsxType, name: title + ".xlsx", fallback: "progress-\(month.iso).xlsx") {
            try workbook.write(to: $0, created: input.now, regionName: regionName)
        }
    }
}
