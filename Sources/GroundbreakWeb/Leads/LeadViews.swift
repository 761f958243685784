import Foundation
import GroundbreakDomain
import Plot

/// The units a caller may record leads for (or every district and zone).
enum LeadForms {
    /// The districts and zones a lead of this reach may belong to.
    static func reachedUnits(_ reach: LeadReach, reference: ReferenceCatalog) -> [OrgUnit] {
        UnitOptions.units(reference).filter { reach.everyUnit || reach.units.contains($0) }
    }

    static func units(_ reach: LeadReach, reference: ReferenceCatalog) -> [Components.Option] {
        UnitOptions.options(reachedUnits(reach, reference: reference), reference)
    }

    /// The classes a lead of these units may belong to (its district's schemes and the city's),
    /// grouped by scheme.
    static func classes(_ reach: LeadReach, schemes: [ClassificationScheme], reference: ReferenceCatalog) -> [Components.Option] {
        let regions = reachedUnits(reach, reference: reference).reduce(into: Set<String>()) { $0.formUnion(LeadRules.schemeRegions(of: $1, reference: reference)) }
        return schemes.filter { regions.contains($0.regionCode) }.flatMap { scheme in
            scheme.classes.map { Components.Option(String($0.id), $0.name, group: scheme.name) }
        }
    }
}

/// The funnel, the filters and the leads.
struct LeadListPage {
    var context: PageContext
    var listing: LeadPages.Listing
    var catalog: LeadCatalog
    var reference: ReferenceCatalog

    typealias T = WebText.Leads

    var document: HTML {
        let filter = listing.filter
        return Layout.document(title: T.title, context: context, nav: .leads, content: .group(
            .div(.class("page-head"), .h1(.text(T.title)),
                 .div(.class("actions no-print"),
                      .a(.class("button secondary"), .href(esc(Route.leadActivities().path)), .text(T.activitiesLink)),
                      .a(.class("button secondary"), .href(esc(Route.leadFunds().path)), .text(T.fundsLink)),
                      .if(context.may(.manageLeads), .group(.a(.class("button secondary"), .href(esc(Route.leadImport.path)), .text(T.importLink)),
                                                            .a(.class("button"), .href(esc(Route.newLead.path)), .text(T.newLead)))))),
            .p(.class("meta"), .text(T.lead)),
            funnel,
            filterForm,
            Components.listTools(filter: filter.described(catalog, reference: reference), xlsx: .leadsXLSX(filter)),
            Components.listTotal(listing.leads.count, T.count(listing.leads.count)),
            .div(.class("table-wrap"), .table(.class("ledger"),
                .thead(.tr(.th(.text(T.leadTitle)), .th(.text(T.investor)), .th(.text(T.unit)), .th(.text(T.stage)), .th(.text(T.status)),
                           .th(.class("num"), .text(T.intended)), .th(.text(T.channel)), .th(.text(T.handler)), .th(.text(T.overdueClocks)))),
                .tbody(.forEach(listing.leads.prefix(500)) { lead in
                    .tr(.td(.class("name"), .a(.href(esc(Route.lead(lead.id).path)), .text(lead.title))),
                        .td(.text(lead.investor.name)), .td(.text(lead.unit.name(reference))), .td(.text(catalog.stageName(lead.stageCode))),
                        .td(.text(lead.status.label)), .td(.class("num"), .text(Format.wan(lead.intendedInvestment))),
                        .td(.text(catalog.channelName(lead.channelCode))), .td(.text(lead.handlerName)),
                        .td(.class("bad"), .text((listing.overdue[lead.id] ?? []).map(\.kind.label).joined(separator: "、"))))
                })))
        ))
    }

    var funnel: Node<HTML.BodyContext> {
        let funnel = listing.funnel
        return .section(.class("card"),
            .h2(.text(T.funnel)),
            .div(.class("tiles"),
                 .forEach(funnel.steps) { step in
                     .div(.class("tile"), .span(.class("tile-count"), .text(String(step.reached))),
                          .span(.class("tile-label"), .text("\(step.name)（\(T.standing) \(step.standing)）")),
                          .span(.class("tile-label"), .text(step.medianDwellDays.map { T.medianDwell($0, movedOn: step.movedOn) } ?? "")))
                 }),
            .div(.class("tiles"),
                 .forEach(funnel.rates) { rate in
                     .div(.class("tile"), .span(.class("tile-count"), .text(rate.percent.map { Decimals.percent($0) } ?? T.none)),
                          .span(.class("tile-label"), .text("\(rate.name)（\(T.ratio(rate.part, rate.whole))）")))
                 },
                 .div(.class("tile"), .span(.class("tile-count"), .text(Format.wan(funnel.signedDomestic))), .span(.class("tile-label"), .text(T.signedDomestic))),
                 .div(.class("tile"), .span(.class("tile-count"), .text(Format.wan(funnel.signedForeign))), .span(.class("tile-label"), .text(T.signedForeign))),
                 .div(.class("tile"), .span(.class("tile-count"), .text("\(funnel.shelved) / \(funnel.lost)")), .span(.class("tile-label"), .text(T.shelvedLost)))),
            .p(.class("meta"), .text(T.funnelNote)))
    }

    var filterForm: Node<HTML.BodyContext> {
        let filter = listing.filter
        let units = UnitOptions.districtsAndZones(reference)
        return .form(.method(.get), .action(esc(Route.leads().path)), .class("filters no-print"),
            .div(.class("filter-grid"),
                 .div(.class("filter"), .label(.for("f-unit"), .text(T.unit)), Components.select("unit", options: units, selected: [filter.unit?.text ?? ""], blank: T.all)),
                 .div(.class("filter"), .label(.for("f-stage"), .text(T.stage)),
                      Components.select("stage", options: catalog.stages.map { .init($0.code, $0.name) }, selected: [filter.stage ?? ""], blank: T.all)),
                 .div(.class("filter"), .label(.for("f-status"), .text(T.status)),
                      Components.select("status", options: LeadStatus.allCases.map { .init($0.rawValue, $0.label) }, selected: [filter.status?.rawValue ?? ""], blank: T.all)),
                 .div(.class("filter"), .label(.for("f-channel"), .text(T.channel)),
                      Components.select("channel", options: catalog.channels.map { .init($0.code, $0.name) }, selected: [filter.channel ?? ""], blank: T.all)),
                 .div(.class("filter"), .label(.for("f-q"), .text(T.search)), .input(.type(.search), .id("f-q"), .name("q"), .value(esc(filter.text ?? "")))),
                 .div(.class("filter"), .label(.class("check"), .input(.type(.checkbox), .name("overdue"), .value("1"), .checked(filter.overdueOnly)),
                                               .text(T.overdueOnly)))),
            .div(.class("filter-actions"), .button(.type(.submit), .class("button"), .text(T.filter))))
    }
}

/// The form that records a new lead.
struct LeadNewPage {
    var context: PageContext
    var catalog: LeadCatalog
    var reference: ReferenceCatalog
    var units: [Components.Option]
    var classes: [Components.Option]
    var errors: [FieldError]
    var form: FormData

    typealias T = WebText.Leads

    var document: HTML {
        let messages = { (field: String) in errors.filter { $0.field == field }.map(\.message) }
        let seats = reference.positions.filter { $0.duty == .sponsor }.map { Components.Option(String($0.id), $0.display) }
        return Layout.document(title: T.newLead, context: context, nav: .leads, content: .group(
            .p(.class("no-print"), .a(.href(esc(Route.leads().path)), .text(T.title))),
            .h1(.text(T.newLead)),
            .form(.method(.post), .action(esc(Route.createLead.path)), .class("card project-form"),
                  Layout.csrfField(context),
                  Components.errorSummary(errors),
                  .div(.class("field-grid"),
                       Components.textField("title", label: T.leadTitle, value: form["title"], errors: messages("title"), required: true, wide: true),
                       Components.textField("investor", label: T.investor, value: form["investor"], errors: messages("investor"), required: true),
                       Components.selectField("investorKind", label: T.investorKind, options: Investor.Kind.allCases.map { .init($0.rawValue, $0.label) },
                                              selected: form["investorKind"], errors: messages("investorKind"), required: true),
                       Components.textField("creditCode", label: T.creditCode, value: form["creditCode"], errors: messages("creditCode")),
                       Components.textField("homeRegion", label: T.homeRegion, value: form["homeRegion"]),
                       Components.selectField("industry", label: T.industry, options: reference.divisions.map { .init($0.code, "\($0.code) \($0.name)") },
                                              selected: form["industry"], errors: messages("industry")),
                       Components.textField("intendedWan", label: T.intendedWan, value: form["intendedWan"], errors: messages("intendedInvestment")),
                       Components.selectField("channel", label: T.channel, options: catalog.channels.map { .init($0.code, $0.name) }, selected: form["channel"],
                                              errors: messages("channel"), required: true),
                       Components.selectField("unit", label: T.unit, options: units, selected: form["unit"], errors: messages("unit"), required: true),
                       Components.textField("handler", label: T.handler, value: form["handler"]),
                       Components.selectField("sponsorSeat", label: T.sponsor, options: seats, selected: form["sponsorSeat"], errors: messages("sponsorSeat")),
                       Components.selectField("schemeClass", label: T.schemeClass, options: classes, selected: form["schemeClass"], errors: messages("schemeClass")),
                       Components.textField("createdOn", label: T.createdOn, value: form["createdOn"], errors: messages("createdOn"), inputType: .date),
                       .div(.class("field"), .label(.class("check"), .input(.type(.checkbox), .name("confidential"), .value("1"),
                                                                             .checked(!form["confidential"].isEmpty)), .text(T.confidential)),
                            .p(.class("hint"), .text(T.confidentialHint)))),
                  .button(.type(.submit), .class("button"), .text(T.create)))
        ))
    }
}
