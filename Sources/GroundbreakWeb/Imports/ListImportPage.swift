import Foundation
import GroundbreakDomain
import Plot

/// A unit's list imported into a feature (签约项目台账, 向上资金申报清单): the upload form with what
/// it reads, and the imports of that kind made so far.
struct ListImportPage {
    var context: PageContext
    var title: String
    var nav: NavItem
    var back: (route: Route, label: String)
    var action: Route
    var hints: [String]
    var history: [ImportRecord]
    var notice: String?
    var errors: [FieldError] = []

    var document: HTML {
        Layout.document(title: title, context: context, nav: nav, content: .group(
            .p(.class("no-print"), .a(.href(esc(back.route.path)), .text(back.label))),
            .h1(.text(title)),
            Components.notice(notice),
            Components.errorSummary(errors),
            .form(.method(.post), .action(esc(action.path)), .attribute(named: "enctype", value: "multipart/form-data"), .class("card project-form"),
                  Layout.csrfField(context),
                  .forEach(hints + [WebText.Imports.formatHint]) { .p(.class("meta"), .text($0)) },
                  .div(.class("field"), .label(.for("file"), .text(WebText.Imports.file)),
                       .input(.type(.file), .id("file"), .name("file"), .attribute(named: "accept", value: ".xlsx,.csv"), .required(true))),
                  .button(.type(.submit), .class("button"), .text(WebText.Imports.uploadAndPreview))),
            .h2(.text(WebText.Imports.history)),
            ImportHistoryTable(history: history).node
        ))
    }
}
