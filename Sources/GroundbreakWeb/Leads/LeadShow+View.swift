import Foundation
import GroundbreakDomain
import Plot

/// One lead: who, what, where it stands, its clocks, its events, and (for those who work it) the
/// form that records the next step.
struct LeadShowPage {
    var context: PageContext
    var lead: Lead
    var events: [LeadEvent]
    var funds: [ArrivedFunds] = []
    var clocks: [LeadClock]
    var catalog: LeadCatalog
    var reference: ReferenceCatalog
    var mayWork: Bool
    var errors: [FieldError]
    var form: FormData
    var today: Day
    var notice: String?
    /// The project the lead would become, for the one-step form (only while it has none).
    var landing: ProjectInput?

    typealias T = WebText.Leads

    var document: HTML {
        Layout.document(title: lead.title, context: context, nav: .leads, content: .group(
            .p(.class("no-print"), .a(.href(esc(Route.leads().path)), .text(T.title))),
            Components.notice(notice),
            .h1(.text(lead.title)),
            .dl(.class("details"),
                .dt(.text(T.investor)), .dd(.text("\(lead.investor.name)（\(lead.investor.kind.label)\(lead.investor.homeRegion.isEmpty ? "" : "，" + lead.investor.homeRegion)）")),
                .if(lead.investor.creditCode != nil, .group(.dt(.text(T.creditCode)), .dd(.text(lead.investor.creditCode ?? "")))),
                .dt(.text(T.stage)), .dd(.text(T.stageSince(catalog.stageName(lead.stageCode), lead.stageSince.iso))),
                .dt(.text(T.status)), .dd(.text(lead.status.label + (lead.statusReason.isEmpty ? "" : "：" + lead.statusReason))),
                .dt(.text(T.intended)), .dd(.text(Format.wan(lead.intendedInvestment))),
                .dt(.text(T.channel)), .dd(.text(catalog.channelName(lead.channelCode))),
                .dt(.text(T.unit)), .dd(.text(lead.unit.name(reference))),
                .dt(.text(T.handler)), .dd(.text(lead.handlerName.isEmpty ? T.none : lead.handlerName)),
                .dt(.text(T.sponsor)), .dd(.text(lead.sponsorSeat.map { reference.seatNames([$0]) } ?? T.none)),
                .if(lead.confidential, .group(.dt(.text(T.confidential)), .dd(.text(T.confidentialHint)))),
                .unwrap(lead.signing) { signing in
                    .group(.dt(.text(T.signingLine)),
                           .dd(.text(T.signingText(signing.on.iso, Format.wan(signing.amount), LeadText.contract(signing.contract), LeadText.capital(signing.capital)))))
                },
                .unwrap(lead.registeredCreditCode) { .group(.dt(.text(T.registration)), .dd(.text($0))) },
                .unwrap(lead.projectId) { id in .group(.dt(.text(T.project)), .dd(.a(.href(esc(Route.project(id).path)), .text("#\(id)")))) }),
            .h2(.text(T.clocks)),
            .ul(.forEach(clocks) { clock in
                .li(.class(clock.state == .overdue ? "bad" : ""), .text("\(clock.kind.label)：\(T.due) \(clock.due.iso)，\(LeadText.clockState(clock.state))"))
            }),
            .h2(.text(T.events)),
            events.isEmpty ? .p(.class("muted"), .text(T.noEvents)) : .div(.class("table-wrap"), .table(.class("ledger"),
                .thead(.tr(.th(.text(T.on)), .th(.text(T.action)), .th(.text(T.stage)), .th(.text(T.note)), .th(.text(T.handler)))),
                .tbody(.forEach(events.reversed()) { event in
                    .tr(.td(.text(event.on.iso)), .td(.text(event.kind.label + (event.direction.map { "（\($0.label)）" } ?? ""))),
                        .td(.text(catalog.stageName(event.stageCode))), .td(.text(event.note)), .td(.text(event.actorName)))
                }))),
            fundsSection,
            .if(mayWork, .group(recordForm, linkForm, .unwrap(landing) { landForm($0) }))
        ))
    }

    var linkForm: Node<HTML.BodyContext> {
        .form(.method(.post), .action(esc(Route.linkLead(lead.id).path)), .class("card project-form no-print"),
              Layout.csrfField(context),
              .input(.type(.hidden), .name("version"), .value(String(lead.version))),
              .h2(.text(T.linkHeading)),
              .p(.class("meta"), .text(T.linkHint)),
              Components.textField("project", label: T.linkField, value: form["project"], errors: errors.filter { $0.field == "projectId" }.map(\.message)),
              .div(.class("actions"), .button(.type(.submit), .class("button"), .text(T.linkSave)),
                   .a(.class("button secondary"), .href(esc(Route.newProject.path)), .text(T.enterProject))))
    }

    /// The project filled from the lead; what was typed wins when the form comes back refused.
    func landForm(_ proposed: ProjectInput) -> Node<HTML.BodyContext> {
        let messages = { (field: String) in errors.filter { $0.field == field }.map(\.message) }
        func value(_ field: String, _ fallback: String) -> String { form.all(field).isEmpty ? fallback : form[field] }
        return .form(.method(.post), .action(esc(Route.landLead(lead.id).path)), .class("card project-form no-print"),
              Layout.csrfField(context),
              .input(.type(.hidden), .name("version"), .value(String(lead.version))),
              .h2(.text(T.landHeading)),
              .p(.class("meta"), .text(T.landHint)),
              .div(.class("field-grid"),
                   Components.textField("name", label: T.landName, value: value("name", proposed.name), errors: messages("name"), required: true, wide: true),
                   Components.selectField("regionCode", label: WebText.Projects.region, options: reference.regionOptions, selected: value("regionCode", proposed.regionCode),
                                          errors: messages("regionCode"), required: true),
                   Components.selectField("categoryCode", label: WebText.Projects.category, options: reference.categoryOptions,
                                          selected: value("categoryCode", proposed.categoryCode), errors: messages("categoryCode"), required: true),
                   Components.selectField("investmentType", label: WebText.Projects.investmentType, options: InvestmentType.allCases.map { .init($0.rawValue, $0.label) },
                                          selected: value("investmentType", proposed.investmentType), errors: messages("investmentType"), required: true),
                   Components.textField("totalInvestmentWan", label: T.landTotal, value: value("totalInvestmentWan", proposed.totalInvestmentWan),
                                        errors: messages("totalInvestment"), required: true)),
              .button(.type(.submit), .class("button"), .text(T.landSave)))
    }

    var recordForm: Node<HTML.BodyContext> {
        let messages = { (field: String) in errors.filter { $0.field == field }.map(\.message) }
        let later = catalog.stages.drop { $0.code != lead.stageCode }.dropFirst()
        return .form(.method(.post), .action(esc(Route.leadEvent(lead.id).path)), .class("card project-form no-print"),
                     Layout.csrfField(context),
                     .input(.type(.hidden), .name("version"), .value(String(lead.version))),
                     .h2(.text(T.record)),
                     Components.errorSummary(errors),
                     .div(.class("field-grid"),
                          Components.selectField("kind", label: T.action, options: T.actions.map { .init($0, T.actionLabel($0)) },
                                                 selected: form["kind"].isEmpty ? "note" : form["kind"], errors: messages("kind"), required: true, blank: nil),
                          Components.textField("on", label: T.on, value: form["on"].isEmpty ? today.iso : form["on"], errors: messages("on"), required: true,
                                               inputType: .date),
                          Components.selectField("stage", label: T.toStage, options: later.map { .init($0.code, $0.name) }, selected: form["stage"],
                                                 errors: messages("stage")),
                          Components.selectField("direction", label: T.direction, options: LeadEvent.Direction.allCases.map { .init($0.rawValue, $0.label) },
                                                 selected: form["direction"], errors: messages("direction")),
                          Components.textArea("note", label: T.note, value: form["note"], errors: messages("note"))),
                     .details(.if(!messages("signingAmount").isEmpty || !messages("registeredCreditCode").isEmpty, .attribute(named: "open", value: "open")),
                              .summary(.text(T.signing)),
                              .div(.class("field-grid"),
                                   Components.textField("signedOn", label: T.signedOn, value: form["signedOn"], errors: messages("signedOn"), inputType: .date),
                                   Components.textField("signedWan", label: T.signedWan, value: form["signedWan"], errors: messages("signingAmount")),
                                   Components.selectField("contract", label: T.contract, options: LeadSigning.Contract.allCases.map { .init($0.rawValue, LeadText.contract($0)) },
                                                          selected: form["contract"], errors: messages("contract")),
                                   Components.selectField("capital", label: T.capital, options: LeadSigning.Capital.allCases.map { .init($0.rawValue, LeadText.capital($0)) },
                                                          selected: form["capital"], errors: messages("capital")),
                                   Components.textField("registeredCreditCode", label: T.registeredCreditCode, value: form["registeredCreditCode"],
                                                        errors: messages("registeredCreditCode")))),
                     .button(.type(.submit), .class("button"), .text(T.record)))
    }
}
