import Foundation
import GroundbreakDomain
import Plot

/// One bulletin as it will print, with (for a draft and its writers) the forms that edit,
/// regenerate, issue or discard it.
struct BulletinShowPage {
    var context: PageContext
    var bulletin: Bulletin
    var rules: BulletinRules.Kind
    var errors: [FieldError]
    var notice: String?

    typealias T = WebText.Bulletins

    var editable: Bool { bulletin.status == .draft && context.may(.manageBulletins) }

    var document: HTML {
        Layout.document(title: bulletin.title, context: context, nav: .bulletins, content: .group(
            .p(.class("no-print"), .a(.href(esc(Route.bulletins.path)), .text(T.back))),
            Components.notice(notice),
            Components.errorSummary(errors),
            .p(.class("meta"), .text(T.monthLine(bulletin.kind.label, bulletin.month.label))),
            .p(.class("meta"), .text(bulletin.status == .issued
                ? T.issuedLine(bulletin.number, bulletin.issuedOn?.iso ?? "", bulletin.issuedBy) : T.draftLine(bulletin.createdBy, Format.dateTime(bulletin.createdAt)))),
            .div(.class("list-tools no-print"),
                 .a(.class("button secondary"), .href(esc(Route.bulletinDocx(bulletin.id).path)), .text(T.docx)),
                 .button(.type(.button), .class("button secondary"), .attribute(named: "data-print", value: ""), .text(WebText.Common.print))),
            .article(.class("bulletin"),
                     .p(.class("masthead"), .text(rules.masthead)),
                     .p(.class("bulletin-number"), .text(bulletin.number)),
                     .h1(.text(bulletin.title)),
                     .forEach(bulletin.sections) { section in
                         .group(.h2(.text(section.heading)),
                                .forEach(section.paragraphs) { .p(.text($0)) },
                                .unwrap(section.table) { table in
                                    .div(.class("table-wrap"), .table(.class("ledger"),
                                        .thead(.tr(.forEach(table.columns) { .th(.text($0)) })),
                                        .tbody(.forEach(table.rows) { row in .tr(.forEach(row) { .td(.text($0)) }) })))
                                })
                     }),
            .if(editable, actions)
        ))
    }

    var actions: Node<HTML.BodyContext> {
        let version = Node<HTML.FormContext>.input(.type(.hidden), .name("version"), .value(String(bulletin.version)))
        return .group(
            .form(.method(.post), .action(esc(Route.saveBulletin(bulletin.id).path)), .class("card project-form no-print"),
                  Layout.csrfField(context), version,
                  .h2(.text(T.edit)),
                  Components.textField("title", label: T.bulletinTitle, value: bulletin.title, required: true, wide: true),
                  .forEach(Array(bulletin.sections.enumerated())) { index, section in
                      .div(.class("field wide"),
                           .label(.for("f-heading-\(index)"), .text(T.sectionHeading)),
                           .input(.type(.text), .name("heading"), .id("f-heading-\(index)"), .value(esc(section.heading))),
                           .label(.for("f-paragraphs-\(index)"), .text(T.paragraphs)),
                           .textarea(.name("paragraphs"), .id("f-paragraphs-\(index)"), .rows(max(3, section.paragraphs.count * 2)),
                                     .text(section.paragraphs.joined(separator: "\n"))))
                  },
                  .button(.type(.submit), .class("button"), .text(T.save))),
            .form(.method(.post), .action(esc(Route.issueBulletin(bulletin.id).path)), .class("card no-print"),
                  Layout.csrfField(context), version, .p(.class("meta"), .text(T.issueNote)),
                  .button(.type(.submit), .class("button"), .text(T.issue))),
            .form(.method(.post), .action(esc(Route.regenerateBulletin(bulletin.id).path)), .class("card no-print"),
                  Layout.csrfField(context), version, .p(.class("meta"), .text(T.regenerateNote)),
                  .button(.type(.submit), .class("button secondary"), .text(T.regenerate))),
            .form(.method(.post), .action(esc(Route.discardBulletin(bulletin.id).path)), .class("card no-print"),
                  Layout.csrfField(context), version,
                  .button(.type(.submit), .class("button danger"), .text(T.discard)))
        )
    }
}
