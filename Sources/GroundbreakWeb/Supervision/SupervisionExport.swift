import Foundation
import GroundbreakDomain
import GroundbreakOffice
import Hummingbird

/// The supervised items a list shows, as a workbook; its filter named in words.
enum SupervisionExport {
    static func filterText(_ view: SupervisionPages.ListView) -> String {
        switch view {
        case .open: WebText.Supervision.showOpen
        case .overdue: WebText.Supervision.showOverdue
        case .all: WebText.Supervision.showAll
        }
    }

    static func xlsx(_ input: EndpointRequest) async throws -> Response {
        let view = SupervisionPages.ListView(input.queryItems)
        let items = try await SupervisionPages.listed(input, view: view)
        typealias T = WebText.Supervision
        let sheet = ListSheet(
            title: T.items, filterLine: WebText.Common.filterLine(filterText(view), Format.dateTime(input.now)),
            columns: [.init(T.serial, width: 6, .integer), .init(T.content, width: 44, .wrapped), .init(T.owner, width: 18), .init(T.deadlineShort, width: 12, .date),
                      .init(T.status, width: 10), .init(T.source, width: 12), .init(T.urges, width: 8, .integer), .init(T.createdOn, width: 12, .date)],
            rows: items.enumerated().map { offset, item in
                [.integer(offset + 1), .text(item.content), .text(item.owner.name(input.catalog)), .date(item.deadline),
                 .text(item.isOverdue(on: input.today) ? T.overdue : item.status.label), .text(item.source.label), .integer(item.urges), .date(item.createdOn)]
            })
        return try await Download.workbook(sheet, name: T.fileName(input.today.iso), fallback: "supervision.xlsx", now: input.now)
    }
}
