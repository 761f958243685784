import Foundation
import GroundbreakDomain
import Plot

/// The 向上资金 application list upload form, what it reads, and the imports made.
struct FundingImportPage {
    var context: PageContext
    var history: [ImportRecord]
    var notice: String?
    var errors: [FieldError] = []

    typealias T = WebText.Funding

    var document: HTML {
        Layout.document(title: T.importTitle, context: context, nav: .funding, content: .group(
            .p(.class("no-print"), .a(.href(esc(Route.funding().path)), .text(T.title))),
            .h1(.text(T.importTitle)),
            Components.notice(notice),
            Components.errorSummary(errors),
            .form(.method(.post), .action(esc(Route.fundingImport.path)), .attribute(named: "enctype", value: "multipart/form-data"), .class("card project-form"),
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
