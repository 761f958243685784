import Foundation
import GroundbreakDomain
import HTTPTypes
import Plot

/// The page shown for an error, with the same status the API would give.
struct ErrorPage {
    var error: AppError
    var principal: Principal?
    var csrfToken: String?

    var document: HTML {
        let context = PageContext(principal: principal, csrfToken: csrfToken, today: Day.inChina(Date()))
        return Layout.document(title: error.title, context: context, nav: .none, content: .div(
            .class("card error-page"),
            .h1(.text("\(error.status.code) \(error.title)")),
            .unwrap(error.detail) { .p(.text($0)) },
            .if(!error.fieldErrors.isEmpty, .ul(.forEach(error.fieldErrors) { .li(.text("\($0.label)：\($0.message)")) })),
            .p(.a(.href(esc(Route.ledger.path)), .text(WebText.Common.backToLedger)))
        ))
    }
}
