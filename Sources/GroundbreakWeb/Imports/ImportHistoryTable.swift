import Foundation
import GroundbreakDomain
import Plot

/// The imports of one kind made so far: when, which file, by whom, and what each did.
struct ImportHistoryTable {
    var history: [ImportRecord]

    var node: Node<HTML.BodyContext> {
        guard !history.isEmpty else { return .p(.class("meta"), .text(WebText.Imports.noHistory)) }
        return .div(.class("table-wrap"), .table(.class("ledger"),
            .thead(.tr(.th(.text(WebText.Imports.time)), .th(.text(WebText.Imports.file)), .th(.text(WebText.Imports.importedBy)),
                       .th(.class("num"), .text(WebText.Imports.created)), .th(.class("num"), .text(WebText.Imports.updated)),
                       .th(.class("num"), .text(WebText.Imports.unchanged)))),
            .tbody(.forEach(history) { record in
                .tr(.td(.text(Format.dateTime(record.at))), .td(.class("name"), .text(record.fileName)), .td(.text(record.actorName)),
                    .td(.class("num"), .text(String(record.created))), .td(.class("num"), .text(String(record.updated))),
                    .td(.class("num"), .text(String(record.unchanged))))
            })))
    }
}
