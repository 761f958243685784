import Foundation
import GroundbreakDomain
import Plot

/// The filters and the applications with their money.
struct FundingListPage {
    var context: PageContext
    var listing: FundingPages.Listing
    var catalog: FundingCatalog
    var windows: [Int64: FundingWindow]
    var reference: ReferenceCatalog

    typealias T = WebText.Funding

    var document: HTML {
        let filter = listing.filter
        let applications = listing.applications
        let sum = { (value: (FundingApplication) -> Money?) in applications.reduce(Money.zero) { $0 + (value($1) ?? .zero) } }
        return Layout.document(title: T.title, context: context, nav: .funding, content: .group(
            .div(.class("page-head"), .h1(.text(T.title)),
                 .div(.class("actions no-print"),
                      .a(.class("button secondary"), .href(esc(Route.fundingFigures().path)), .text(T.figuresLink)),
                      .a(.class("button secondary"), .href(esc(Route.fundingWindows.path)), .text(T.windowsLink)),
                      .if(context.may(.manageFunding), .group(.a(.class("button secondary"), .href(esc(Route.fundingImport.path)), .text(T.importLink)),
                                                               .a(.class("button"), .href(esc(Route.newFunding.path)), .text(T.newApplication)))))),
            .p(.class("meta"), .text(T.lead)),
            filterForm,
            Components.listTools(filter: filter.described(catalog, reference: reference), xlsx: .fundingXLSX(filter)),
            Components.listTotal(applications.count, T.count(applications.count)),
            .div(.class("table-wrap"), .table(.class("ledger"),
                .thead(.tr(.th(.text(T.applicationTitle)), .th(.text(T.channel)), .th(.text(T.unit)), .th(.class("num"), .text(T.projects)),
                           .th(.class("num"), .text(T.asked)), .th(.class("num"), .text(T.approved)), .th(.class("num"), .text(T.issued)),
                           .th(.class("num"), .text(T.arrived)), .th(.class("num"), .text(T.spent)), .th(.text(T.state)))),
                .tbody(.forEach(applications.prefix(500)) { application in
                    .tr(.td(.class("name"), .a(.href(esc(Route.fundingApplication(application.id).path)), .text(application.title)),
                            .span(.class("meta"), .text(application.windowId.flatMap { windows[$0]?.name } ?? ""))),
                        .td(.text(catalog.channelName(application.channelCode) + (application.programme.isEmpty ? "" : "·" + application.programme))),
                        .td(.text(application.unit.name(reference))), .td(.class("num"), .text(String(application.projects.count))),
                        .td(.class("num"), .text(Format.wan(application.asked))), .td(.class("num"), .text(application.approved.map(Format.wan) ?? T.none)),
                        .td(.class("num"), .text(Format.wan(application.issued))), .td(.class("num"), .text(Format.wan(application.arrived))),
                        .td(.class("num"), .text(Format.wan(application.spent))), .td(.text("\(application.state.label) \(application.stateSince.iso)")))
                }),
                .tfoot(.tr(.th(.text(T.totals)), .th(), .th(), .th(.class("num"), .text(String(applications.reduce(0) { $0 + $1.projects.count }))),
                           .th(.class("num"), .text(Format.wan(sum(\.asked)))), .th(.class("num"), .text(Format.wan(sum(\.approved)))),
                           .th(.class("num"), .text(Format.wan(sum(\.issued)))), .th(.class("num"), .text(Format.wan(sum(\.arrived)))),
                           .th(.class("num"), .text(Format.wan(sum(\.spent)))), .th()))))
        ))
    }

    var filterForm: Node<HTML.BodyContext> {
        let filter = listing.filter
        let years = Array(Set(listing.applications.map(\.createdOn.year) + [filter.year].compactMap { $0 })).sorted(by: >)
        return .form(.method(.get), .action(esc(Route.funding().path)), .class("filters no-print"),
            .div(.class("filter-grid"),
                 .div(.class("filter"), .label(.for("f-channel"), .text(T.channel)),
                      Components.select("channel", options: catalog.channels.map { .init($0.code, $0.name) }, selected: [filter.channel ?? ""], blank: T.all)),
                 .div(.class("filter"), .label(.for("f-state"), .text(T.state)),
                      Components.select("state", options: FundingState.allCases.map { .init($0.rawValue, $0.label) }, selected: [filter.state?.rawValue ?? ""], blank: T.all)),
                 .div(.class("filter"), .label(.for("f-unit"), .text(T.unit)),
                      Components.select("unit", options: FundingForms.units(FundingReach(everyUnit: true), reference: reference), selected: [filter.unit?.text ?? ""], blank: T.all)),
                 .div(.class("filter"), .label(.for("f-year"), .text(T.year)),
                      Components.select("year", options: years.map { .init(String($0), String($0)) }, selected: [filter.year.map(String.init) ?? ""], blank: T.all)),
                 .div(.class("filter"), .label(.for("f-q"), .text(T.search)), .input(.type(.search), .id("f-q"), .name("q"), .value(esc(filter.text ?? ""))))),
            .div(.class("filter-actions"), .button(.type(.submit), .class("button"), .text(T.filter))))
    }
}

/// The form that keeps a new application: what, which channel and batch, which unit, and the
/// projects with what is asked for each.
struct FundingNewPage {
    var context: PageContext
    var catalog: FundingCatalog
    var reference: ReferenceCatalog
    var units: [Components.Option]
    var windows: [FundingWindow]
    var errors: [FieldError]
    var form: FormData
    /// The application whose content is changed (its channel, unit and day stay), or nil for a new one.
    var editing: FundingApplication?

    typealias T = WebText.Funding

    var document: HTML {
        let messages = { (field: String) in errors.filter { $0.field == field }.map(\.message) }
        let channels = editing.map { editing in catalog.channels.filter { $0.code == editing.channelCode } } ?? catalog.channels
        let programmes = channels.flatMap { channel in channel.programmes.map { Components.Option($0, $0, group: channel.name) } }
        let names = form.all("project"), amounts = form.all("askedWan")
        let heading = editing.map { "\(T.editApplication)：\($0.title)" } ?? T.newApplication
        return Layout.document(title: heading, context: context, nav: .funding, content: .group(
            .p(.class("no-print"), .a(.href(esc((editing.map { Route.fundingApplication($0.id) } ?? Route.funding()).path)), .text(editing?.title ?? T.title))),
            .h1(.text(heading)),
            .form(.method(.post), .action(esc((editing.map { Route.updateFunding($0.id) } ?? Route.createFunding).path)), .class("card project-form"),
                  Layout.csrfField(context),
                  Components.errorSummary(errors),
                  .unwrap(editing) { editing in
                      .group(.input(.type(.hidden), .name("version"), .value(esc(form["version"].isEmpty ? String(editing.version) : form["version"]))),
                             .p(.class("hint"), .text(T.editHint)),
                             .dl(.class("facts"), .dt(.text(T.channel)), .dd(.text(catalog.channelName(editing.channelCode))),
                                 .dt(.text(T.unit)), .dd(.text(editing.unit.name(reference))), .dt(.text(T.createdOn)), .dd(.text(editing.createdOn.iso))))
                  },
                  .div(.class("field-grid"),
                       Components.textField("title", label: T.applicationTitle, value: form["title"], errors: messages("title"), required: true, wide: true),
                       .if(editing == nil, Components.selectField("channel", label: T.channel, options: catalog.channels.map { .init($0.code, $0.name) }, selected: form["channel"],
                                              errors: messages("channel"), required: true)),
                       Components.selectField("programme", label: T.programme, options: programmes, selected: form["programme"], errors: messages("programme"),
                                              blank: WebText.Common.choose),
                       Components.selectField("window", label: T.window, options: windows.map { .init(String($0.id), "\($0.name)（\(catalog.channelName($0.channelCode))）") },
                                              selected: form["window"], errors: messages("window"), blank: T.noWindow),
                       .if(editing == nil, Components.selectField("unit", label: T.unit, options: units, selected: form["unit"], errors: messages("unit"), required: true)),
                       Components.textField("handlerName", label: T.handler, value: form["handlerName"], errors: messages("handlerName")),
                       .if(editing == nil, Components.textField("createdOn", label: T.createdOn, value: form["createdOn"], errors: messages("createdOn"), inputType: .date))),
                  .p(.class("hint"), .text(T.programmeHint)),
                  .h2(.text(T.projectsSection)),
                  .p(.class("hint"), .text(T.projectsHint)),
                  Components.errorSummary(errors.filter { ["projects", "asked"].contains($0.field) }),
                  .div(.class("field-grid"), .forEach(0..<5) { row in
                      .group(Components.textField("project", label: "\(T.projectRow) \(row + 1)", value: row < names.count ? names[row] : "", required: row == 0),
                             Components.textField("askedWan", label: "\(T.askedWan) \(row + 1)", value: row < amounts.count ? amounts[row] : "", required: row == 0))
                  }),
                  .button(.type(.submit), .class("button"), .text(editing == nil ? T.create : T.saveChanges)))
        ))
    }
}
