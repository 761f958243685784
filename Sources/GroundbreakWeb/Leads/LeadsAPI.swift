import Foundation
import GroundbreakDomain
import GroundbreakStore
import HTTPTypes
import Hummingbird

enum LeadsAPI {
    static func dto(_ lead: Lead, _ input: EndpointRequest) -> LeadDTO {
        LeadDTO(lead, clocks: LeadClock.read(lead, catalog: input.services.leadCatalog, calendar: input.services.workingCalendar(), today: input.today),
                catalog: input.services.leadCatalog, reference: input.catalog)
    }

    static func list(_ input: EndpointRequest) async throws -> Response {
        try Responses.json(try await LeadPages.listing(input).leads.map { dto($0, input) })
    }

    static func funnel(_ input: EndpointRequest) async throws -> Response {
        try Responses.json(LeadFunnelDTO(try await LeadPages.listing(input, dwell: true).funnel))
    }

    static func show(_ input: EndpointRequest) async throws -> Response {
        guard let lead = input.lead else { throw AppError.notFound }
        let events = try await input.services.leads.events(leadId: lead.id).map {
            LeadDetailDTO.Event(id: $0.id, kind: $0.kind.rawValue, stage: $0.stageCode, direction: $0.direction?.rawValue, on: $0.on.iso, note: $0.note,
                                actorName: $0.actorName)
        }
        let funds = try await LeadFundsRepository(database: input.services.database).funds(leadId: lead.id).map(LeadDetailDTO.Funds.init)
        return try Responses.json(LeadDetailDTO(lead: dto(lead, input), events: events, funds: funds))
    }

    static func create(_ input: EndpointRequest) async throws -> Response {
        let body = try input.json(LeadCreateRequest.self)
        let fields = LeadInput.Fields(title: body.title, investorName: body.investor.name, creditCode: body.investor.creditCode ?? "", investorKind: body.investor.kind,
                                      homeRegion: body.investor.homeRegion ?? "", industry: body.industryDivision ?? "",
                                      intended: Money(yuan: body.intendedYuan ?? 0), channel: body.channel, unit: body.unit, handler: body.handlerName ?? "",
                                      sponsorSeat: body.sponsorSeat.map(String.init) ?? "", schemeClass: body.schemeClassId.map(String.init) ?? "", confidential: body.confidential ?? false, createdOn: body.createdOn ?? "")
        let draft: Lead
        switch LeadInput.lead(fields, today: input.today) {
        case .success(let lead): draft = lead
        case .failure(let failure): throw AppError.validation(failure)
        }
        return try Responses.json(dto(try await LeadPages.save(draft, input), input), status: .created)
    }

    /// The project must be one the caller sees: a lead is not a way to learn of others' projects.
    static func link(_ input: EndpointRequest) async throws -> Response {
        guard let lead = input.lead else { throw AppError.notFound }
        let body = try input.json(LeadLinkRequest.self)
        guard let project = try await input.services.projects.project(id: body.projectId),
              Policy.decide(.viewProjects, on: project, for: input.principal, catalog: input.catalog) == .allow else {
            throw AppError.validation(ValidationFailure([FieldError("projectId", .fixed(LeadText.noProject))]))
        }
        let saved = try await input.services.leads.link(leadId: lead.id, projectId: project.id, expectedVersion: body.version, actor: input.actor,
                                                        today: input.today, now: input.now)
        return try Responses.json(dto(saved, input))
    }

    static func record(_ input: EndpointRequest) async throws -> Response {
        guard let lead = input.lead else { throw AppError.notFound }
        let body = try input.json(LeadEventRequest.self)
        let signing = body.signing.map { LeadInput.SigningFields(on: $0.on, amount: $0.yuan, amountText: "", contract: $0.contract, capital: $0.capital) }
        let action: LeadAction
        switch LeadInput.action(kind: body.kind, on: body.on, note: body.note ?? "", stage: body.stage ?? "", direction: body.direction ?? "", signing: signing,
                                creditCode: body.registeredCreditCode ?? "") {
        case .success(let parsed): action = parsed
        case .failure(let failure): throw AppError.validation(failure)
        }
        let saved = try await input.services.leads.record(action, leadId: lead.id, expectedVersion: body.version, catalog: input.services.leadCatalog,
                                                          actor: input.actor, today: input.today, now: input.now)
        return try Responses.json(dto(saved, input))
    }
}
