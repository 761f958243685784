import Foundation
import GroundbreakDomain
import Plot

/// The 签约项目台账 upload form, what it reads, and the imports made.
struct LeadImportPage {
    var context: PageContext
    var history: [ImportRecord]
    var notice: String?
    var errors: [FieldError] = []

    typealias T = WebText.Leads

    var document: HTML {
        Layout.document(title: T.importTitle, context: context, nav: .leads, content: .group(
            .p(.class("no-print"), .a(.href(esc(Route.leads().path)), .text(T.title))),
            .h1(.text(T.importTitle)),
            Components.notice(notice),
            Components.errorSummary(errors),
            .form(.method(.post), .action(esc(Route.leadImport.path)), .attribute(named: "enctype", value: "multipart/form-data"), .class("card project-form"),
                  Layout.csrfField(context),
                  .p(.class("meta"), .text(T.importHint)),
                  .p(.class("meta"), .text(T.importRules)),
                  .p(.class("meta"), .text(WebText.Imports.formatHint)),
                  .div(.class("field"), .label(.for("file"), .text(WebText.Imports.file)),
                       .input(.type(.file), .id("file"), .name("file"), .attribute(named: "accept", value: ".xlsx,.csv"), .required(true))),
                  .button(.type(.submit), .class("button"), .text(WebText.Imports.uploadAndPreview))),
            .h2(.text(WebText.Imports.history)),
            ImportHistoryTable(history: history).node
        ))
    }
}
