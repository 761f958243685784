import Foundation
import GroundbreakDomain
import Plot

/// The bulletins: drafts (for their writers), the issued ones with their numbers, and the form
/// that generates a draft.
struct BulletinListPage {
    var context: PageContext
    var bulletins: [Bulletin]
    var leaders: [Position]
    var reportingMonth: Month
    var errors: [FieldError]
    var form: FormData

    typealias T = WebText.Bulletins

    var document: HTML {
        let drafts = bulletins.filter { $0.status == .draft }
        let issued = bulletins.filter { $0.status == .issued }
        return Layout.document(title: T.title, context: context, nav: .bulletins, content: .group(
            .h1(.text(T.title)),
            .p(.class("meta"), .text(T.lead)),
            .if(context.may(.manageBulletins), .group(createForm, .h2(.text(T.drafts)), table(drafts, empty: T.noDrafts))),
            .h2(.text(T.issued)),
            table(issued, empty: T.none)
        ))
    }

    var createForm: Node<HTML.BodyContext> {
        let messages = { (field: String) in errors.filter { $0.field == field }.map(\.message) }
        let kinds = BulletinKind.allCases.map { Components.Option($0.rawValue, $0.label) }
        let month = form["month"].isEmpty ? reportingMonth.iso : form["month"]
        return .form(.method(.post), .action(esc(Route.createBulletin.path)), .class("card filters no-print"),
                     Layout.csrfField(context),
                     .h2(.text(T.newBulletin)),
                     Components.errorSummary(errors),
                     .div(.class("field-grid"),
                          Components.selectField("kind", label: T.kind, options: kinds, selected: form["kind"], errors: messages("kind"), required: true),
                          Components.textField("month", label: T.month, value: month, errors: messages("month"), required: true, inputType: .month),
                          Components.selectField("seat", label: T.seat, options: leaders.map { Components.Option(String($0.id), $0.display) },
                                                 selected: form["seat"], errors: messages("seat"), blank: T.allLeaders)),
                     .button(.type(.submit), .class("button"), .text(T.create)))
    }

    func table(_ rows: [Bulletin], empty: String) -> Node<HTML.BodyContext> {
        guard !rows.isEmpty else { return .p(.class("notice"), .text(empty)) }
        return .div(.class("table-wrap"), .table(.class("ledger"),
            .thead(.tr(.th(.text(T.number)), .th(.text(T.bulletinTitle)), .th(.text(T.kind)), .th(.text(T.month)), .th(.text(T.issuedOn)))),
            .tbody(.forEach(rows) { bulletin in
                .tr(.td(.text(bulletin.number.isEmpty ? bulletin.status.label : bulletin.number)),
                    .td(.class("name"), .a(.href(esc(Route.bulletin(bulletin.id).path)), .text(bulletin.title))),
                    .td(.text(bulletin.kind.label)), .td(.text(bulletin.month.label)), .td(.text(bulletin.issuedOn?.iso ?? "")))
            })))
    }
}
