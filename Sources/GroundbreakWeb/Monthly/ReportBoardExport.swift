import Foundation
import GroundbreakDomain
import GroundbreakOffice
import Hummingbird

/// The reporting board as a workbook: the month, the states asked for, every row (not one page).
enum ReportBoardExport {
    static func filterText(_ filter: ReportBoardFilter, catalog: ReferenceCatalog) -> String {
        let states = filter.states.isEmpty ? WebText.Common.everything
            : ReportBoardFilter.order.filter(filter.states.contains).map(\.label).joined(separator: "、")
        var text = WebText.Monthly.boardFilter(filter.month.label, states)
        if let region = filter.region { text += WebText.Common.filterSeparator + WebText.Monthly.regionFilter(catalog.region(region)?.name ?? region) }
        if filter.mine { text += WebText.Common.filterSeparator + WebText.Monthly.mineOnly }
        return text
    }

    static func xlsx(_ input: EndpointRequest) async throws -> Response {
        let filter: ReportBoardFilter
        switch ReportBoardFilter.parse(input.queryItems.filter { $0.0 != "page" }, defaultMonth: ReportPages.reportingMonth(input.today)) {
        case .success(let parsed): filter = parsed
        case .failure(let failure): throw AppError.badQuery(failure)
        }
        let rows = ReportPages.listed(try await ReportPages.boardRows(input, month: filter.month), filter, input)
        let closing = try await ReportPages.closing(input, month: filter.month, rows: rows)
        typealias T = WebText.Monthly
        let catalog = input.catalog
        let sheet = ListSheet(
            title: T.reportsOf(filter.month.label), filterLine: WebText.Common.filterLine(filterText(filter, catalog: catalog), Format.dateTime(input.now)),
            columns: [.init(T.serial, width: 6, .integer), .init(T.project, width: 36, .wrapped), .init(T.region, width: 12), .init(T.stage, width: 10),
                      .init(T.responsible, width: 18), .init(T.thisMonthDispatch, width: 14, .amount), .init(T.thisMonthStatistical, width: 14, .amount),
                      .init(T.sentBy, width: 20), .init(T.status, width: 10)],
            rows: rows.enumerated().map { offset, row in
                let frozen = closing.close == nil ? nil : closing.snapshot[row.project.id]
                return [.integer(offset + 1), .text(row.project.fields.name), .text(catalog.region(row.project.fields.regionCode)?.name ?? row.project.fields.regionCode),
                        .text(row.project.stage.label), .text(ReportRules.responsible(row.project, catalog: catalog)),
                        .wan(closing.close == nil ? row.report?.figures.dispatch : frozen?.dispatch),
                        .wan(closing.close == nil ? row.report?.figures.statistical : frozen?.statistical),
                        .text(row.report.map { "\($0.submittedBy) \(Format.dateTime($0.submittedAt))" } ?? ""), .text(row.state.label)]
            })
        return try await Download.workbook(sheet, name: T.boardFileName(filter.month.iso), fallback: "reports.xlsx", now: input.now)
    }
}
