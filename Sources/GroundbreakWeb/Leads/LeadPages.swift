import Foundation
import GroundbreakDomain
import GroundbreakOffice
import GroundbreakStore
import HTTPTypes
import Hummingbird

/// The leads a reader may see, filtered, with their clocks and the funnel; one lead with its
/// events; a new lead and a move, by the pages' forms.
enum LeadPages {
    typealias T = WebText.Leads

    struct Listing: Sendable {
        var filter: LeadFilter
        var leads: [Lead]
        var funnel: LeadFunnel
        /// Each listed lead's clocks past due.
        var overdue: [Int64: [LeadClock]]
    }

    /// `dwell`: the funnel's stay per stage, which reads every lead's moves — only for the screens that show the funnel.
    static func listing(_ input: EndpointRequest, dwell: Bool = false) async throws -> Listing {
        let catalog = input.services.leadCatalog
        let filter: LeadFilter
        switch LeadFilter.parse(input.queryItems, catalog: catalog, reference: input.catalog) {
        case .success(let parsed): filter = parsed
        case .failure(let failure): throw AppError.badQuery(failure)
        }
        guard let principal = input.principal else { throw AppError.notFound }
        let all = try await input.services.leads.leads(reach: Policy.leadReach(.viewLeads, of: principal, catalog: input.catalog))
        let calendar = input.services.workingCalendar()
        var overdue: [Int64: [LeadClock]] = [:]
        for lead in all {
            let late = LeadClock.overdue(lead, catalog: catalog, calendar: calendar, today: input.today)
            if !late.isEmpty { overdue[lead.id] = late }
        }
        let (kept, inScope) = (filter.matcher(reference: input.catalog), filter.funnelScope.matcher(reference: input.catalog))
        return Listing(filter: filter, leads: all.filter { kept($0, overdue[$0.id] != nil) },
                       funnel: LeadFunnel(all.filter { inScope($0, false) }, catalog: catalog,
                                          moves: dwell ? try await input.services.leads.advances() : [:]), overdue: overdue)
    }

    static func list(_ input: EndpointRequest) async throws -> Response {
        Responses.html(LeadListPage(context: PageContext(input), listing: try await listing(input, dwell: true), catalog: input.services.leadCatalog, reference: input.catalog)
            .document)
    }

    static func xlsx(_ input: EndpointRequest) async throws -> Response {
        let listing = try await listing(input)
        let catalog = input.services.leadCatalog
        let sheet = ListSheet(title: T.title, filterLine: WebText.Common.filterLine(listing.filter.described(catalog, reference: input.catalog), Format.dateTime(input.now)),
                              columns: [.init(T.serial, width: 6, .integer), .init(T.leadTitle, width: 30, .wrapped), .init(T.investor, width: 28, .wrapped),
                                        .init(T.investorKind, width: 10), .init(T.unit, width: 12), .init(T.stage, width: 8), .init(T.status, width: 8),
                                        .init(T.intended, width: 14, .amount), .init(T.channel, width: 10), .init(T.handler, width: 8),
                                        .init(T.signedAmount, width: 14, .amount), .init(T.createdOn, width: 11), .init(T.overdueClocks, width: 14)],
                              rows: listing.leads.enumerated().map { index, lead in
                                  [.integer(index + 1), .text(lead.title), .text(lead.investor.name), .text(lead.investor.kind.label), .text(lead.unit.name(input.catalog)),
                                   .text(catalog.stageName(lead.stageCode)), .text(lead.status.label), .wan(lead.intendedInvestment),
                                   .text(catalog.channelName(lead.channelCode)), .text(lead.handlerName), .wan(lead.signing?.amount),
                                   .text(lead.createdOn.iso), .text((listing.overdue[lead.id] ?? []).map(\.kind.label).joined(separator: "、"))]
                              })
        return try await Download.file(contentType: Download.xlsxType, name: T.fileName, fallback: "leads.xlsx") {
            try ListWorkbook.write(sheet, to: $0, created: input.now, countLine: T.count(listing.leads.count))
        }
    }

    static func new(_ input: EndpointRequest) async throws -> Response {
        try await renderNew(input, errors: [], form: FormData(pairs: [("createdOn", input.today.iso)]), status: .ok)
    }

    static func renderNew(_ input: EndpointRequest, errors: [FieldError], form: FormData, status: HTTPResponse.Status) async throws -> Response {
        guard let principal = input.principal else { throw AppError.notFound }
        let reach = Policy.leadReach(.manageLeads, of: principal, catalog: input.catalog)
        let units = LeadForms.units(reach, reference: input.catalog)
        let classes = LeadForms.classes(reach, schemes: try await input.services.schemes.schemes(), reference: input.catalog)
        return Responses.html(LeadNewPage(context: PageContext(input), catalog: input.services.leadCatalog, reference: input.catalog, units: units,
                                          classes: classes, errors: errors, form: form).document, status: status)
    }

    static func create(_ input: EndpointRequest) async throws -> Response {
        let form = input.form ?? FormData(pairs: [])
        return try await FormSubmission.submit({
            let draft = try LeadInput.lead(form, today: input.today).refusedWhole()
            let saved = try await save(draft, input)
            return Responses.redirect(to: Route.lead(saved.id).path(notice: "saved"))
        }, refused: { try await renderNew(input, errors: $0.errors, form: form, status: $0.status) })
    }

    /// Keeps a new lead when the caller may work leads of its unit.
    static func save(_ draft: Lead, _ input: EndpointRequest) async throws -> Lead {
        guard let principal = input.principal else { throw AppError.notFound }
        let reach = Policy.leadReach(.manageLeads, of: principal, catalog: input.catalog)
        if reach.isEmpty || !(reach.everyUnit || reach.units.contains(draft.unit)) {
            throw StoreError.invalid(ValidationFailure([FieldError("unit", .fixed(T.unitOutsideReach))]))
        }
        return try await input.services.leads.create(draft, catalog: input.services.leadCatalog, reference: input.catalog, actor: input.actor,
                                                     today: input.today, now: input.now)
    }

    static func show(_ input: EndpointRequest) async throws -> Response {
        try await renderShow(input, errors: [], form: FormData(pairs: []), status: .ok)
    }

    static func renderShow(_ input: EndpointRequest, errors: [FieldError], form: FormData, status: HTTPResponse.Status) async throws -> Response {
        guard let loaded = input.lead else { throw AppError.notFound }
        let lead = try await input.services.leads.lead(id: loaded.id) ?? loaded
        let mayWork = Policy.decide(.manageLeads, onLead: lead, for: input.principal, catalog: input.catalog) == .allow
        var page = LeadShowPage(context: PageContext(input), lead: lead, events: try await input.services.leads.events(leadId: lead.id),
                                funds: try await LeadFundsRepository(database: input.services.database).funds(leadId: lead.id),
                                clocks: LeadClock.read(lead, catalog: input.services.leadCatalog, calendar: input.services.workingCalendar(), today: input.today),
                                catalog: input.services.leadCatalog, reference: input.catalog,
                                mayWork: mayWork, errors: errors, form: form, today: input.today,
                                notice: input.queryItems.contains { $0.0 == "notice" } ? T.saved : nil)
        if mayWork && lead.projectId == nil && !input.scope(.createProject).isEmpty { page.landing = try await LeadLandingPages.proposed(lead, input) }
        return Responses.html(page.document, status: status)
    }

    /// Links the lead to a project named as officials name it (name or code), within the caller's scope.
    static func link(_ input: EndpointRequest) async throws -> Response {
        guard let lead = input.lead else { throw AppError.notFound }
        let form = input.form ?? FormData(pairs: [])
        return try await FormSubmission.submit({
            guard let version = Int(form["version"]) else { throw StoreError.invalid(ValidationFailure([FieldError("version", .required(field: "version"))])) }
            let project: Project
            switch try await ProjectLookup.project(named: form["project"], field: "projectId", input) {
            case .success(let found): project = found
            case .failure(let error): throw StoreError.invalid(ValidationFailure([error]))
            }
            _ = try await input.services.leads.link(leadId: lead.id, projectId: project.id, expectedVersion: version, actor: input.actor, today: input.today,
                                                    now: input.now)
            return Responses.redirect(to: Route.lead(lead.id).path(notice: "saved"))
        }, refused: { try await renderShow(input, errors: $0.errors, form: form, status: $0.status) })
    }

    static func record(_ input: EndpointRequest) async throws -> Response {
        guard let lead = input.lead else { throw AppError.notFound }
        let form = input.form ?? FormData(pairs: [])
        return try await FormSubmission.submit({
            guard let version = Int(form["version"]) else { throw StoreError.invalid(ValidationFailure([FieldError("version", .required(field: "version"))])) }
            let action = try LeadInput.action(form).refusedWhole()
            _ = try await input.services.leads.record(action, leadId: lead.id, expectedVersion: version, catalog: input.services.leadCatalog,
                                                      actor: input.actor, today: input.today, now: input.now)
            return Responses.redirect(to: Route.lead(lead.id).path(notice: "saved"))
        }, refused: { try await renderShow(input, errors: $0.errors, form: form, status: $0.status) })
    }
}
