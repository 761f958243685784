import Foundation
import GroundbreakDomain
import GroundbreakStore
import Hummingbird

/// A landed lead put on the ledger in one step: the project filled from the lead, what the user
/// adds over it, and the link — one transaction (`LeadRepository.land`).
enum LeadLandingPages {
    /// The project as the lead fills it, its class's category when the scheme names one.
    static func proposed(_ lead: Lead, _ input: EndpointRequest) async throws -> ProjectInput {
        var category: String?
        if let classId = lead.schemeClassId {
            category = try await input.services.schemes.schemes().lazy.flatMap(\.classes).first { $0.id == classId }?.categoryCode
        }
        return LeadLanding.projectInput(lead, categoryCode: category)
    }

    static func land(_ lead: Lead, version: Int, _ project: ProjectInput, _ input: EndpointRequest) async throws -> (lead: Lead, project: Project) {
        let landed = try await input.services.leads.land(leadId: lead.id, expectedVersion: version, project, allowed: input.scope(.createProject),
                                                         visible: input.scope(.viewProjects), catalog: input.catalog, actor: input.actor,
                                                         today: input.today, now: input.now)
        input.services.responses.clear()
        return landed
    }

    static func land(_ input: EndpointRequest) async throws -> Response {
        guard let lead = input.lead else { throw AppError.notFound }
        let form = input.form ?? FormData(pairs: [])
        return try await FormSubmission.submit({
            guard let version = Int(form["version"]) else { throw StoreError.invalid(ValidationFailure([FieldError("version", .required(field: "version"))])) }
            var project = try await proposed(lead, input)
            project.name = form["name"]
            project.regionCode = form["regionCode"]
            project.categoryCode = form["categoryCode"]
            project.investmentType = form["investmentType"]
            project.totalInvestmentWan = form["totalInvestmentWan"]
            let landed = try await land(lead, version: version, project, input)
            return Responses.redirect(to: Route.project(landed.project.id).path(notice: "saved"))
        }, refused: { try await LeadPages.renderShow(input, errors: $0.errors, form: form, status: $0.status) })
    }

    static func apiLand(_ input: EndpointRequest) async throws -> Response {
        guard let lead = input.lead else { throw AppError.notFound }
        let body = try input.json(LeadLandRequest.self)
        var project = try await proposed(lead, input)
        if let name = body.name { project.name = name }
        if let region = body.regionCode { project.regionCode = region }
        if let zone = body.zoneCode { project.zoneCode = zone }
        if let category = body.categoryCode { project.categoryCode = category }
        if let type = body.investmentType { project.investmentType = type }
        if let yuan = body.totalInvestmentYuan { project.totalInvestmentWan = Money(yuan: yuan).exactWanText }
        if let start = body.plannedStart { project.plannedStart = start }
        let landed = try await land(lead, version: body.version, project, input)
        return try Responses.json(LeadLandedDTO(lead: LeadsAPI.dto(landed.lead, input), project: ProjectDTO(landed.project, catalog: input.catalog, today: input.today)),
                                  status: .created)
    }
}
