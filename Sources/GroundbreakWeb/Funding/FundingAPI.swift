import Foundation
import GroundbreakDomain
import GroundbreakStore
import Hummingbird

/// The applications at the API: the same reach, rules and refusals as the pages.
enum FundingAPI {
    static func list(_ input: EndpointRequest) async throws -> Response {
        let listing = try await FundingPages.listing(input)
        return try Responses.json(listing.applications.map { FundingApplicationDTO($0, catalog: input.services.fundingCatalog, reference: input.catalog) })
    }

    static func show(_ input: EndpointRequest) async throws -> Response {
        guard let application = input.fundingApplication else { throw AppError.notFound }
        return try Responses.json(FundingDetailDTO(try await FundingReading.read(application, input), catalog: input.services.fundingCatalog, reference: input.catalog))
    }

    static func create(_ input: EndpointRequest) async throws -> Response {
        let body = try input.json(FundingCreateRequest.self)
        let draft = try FundingInput.draft(title: body.title, channel: body.channel, programme: body.programme ?? "", window: body.windowId.map(String.init) ?? "",
                                           unit: body.unit, handler: body.handlerName ?? "", createdOn: body.createdOn ?? "",
                                           projects: body.projects.map { AppliedProject(projectId: $0.projectId, asked: Money(yuan: $0.askedYuan)) },
                                           today: input.today, errors: [])
        let saved = try await FundingPages.save(draft, input)
        return try Responses.json(FundingApplicationDTO(saved, catalog: input.services.fundingCatalog, reference: input.catalog), status: .created)
    }

    static func revise(_ input: EndpointRequest) async throws -> Response {
        guard let application = input.fundingApplication else { throw AppError.notFound }
        let body = try input.json(FundingReviseRequest.self)
        let draft = try FundingInput.draft(title: body.title, channel: application.channelCode, programme: body.programme ?? "", window: body.windowId.map(String.init) ?? "",
                                           unit: application.unit.text, handler: body.handlerName ?? "", createdOn: application.createdOn.iso,
                                           projects: body.projects.map { AppliedProject(projectId: $0.projectId, asked: Money(yuan: $0.askedYuan)) },
                                           today: input.today, errors: [])
        let saved = try await FundingPages.revise(draft, version: body.version, input)
        return try Responses.json(FundingApplicationDTO(saved, catalog: input.services.fundingCatalog, reference: input.catalog))
    }

    static func record(_ input: EndpointRequest) async throws -> Response {
        guard let application = input.fundingApplication else { throw AppError.notFound }
        let body = try input.json(FundingEventRequest.self)
        let event = try FundingInput.event(kind: body.kind, on: body.on, amount: body.amountYuan.map { .success(Money(yuan: $0)) }, note: body.note ?? "")
        let saved = try await input.services.funding.record(event, applicationId: application.id, expectedVersion: body.version, actor: input.actor,
                                                            today: input.today, now: input.now)
        return try Responses.json(FundingApplicationDTO(saved, catalog: input.services.fundingCatalog, reference: input.catalog))
    }

    static func answer(_ input: EndpointRequest) async throws -> Response {
        guard let application = input.fundingApplication else { throw AppError.notFound }
        let body = try input.json(FundingChecklistRequest.self)
        let saved = try await input.services.funding.answer(body.answers.map { FundingRepository.AnswerWrite(itemCode: $0.item, met: $0.met, evidence: $0.evidence ?? "") },
                                                            applicationId: application.id, expectedVersion: body.version, catalog: input.services.fundingCatalog,
                                                            actor: input.actor, now: input.now)
        return try Responses.json(FundingDetailDTO(try await FundingReading.read(saved, input), catalog: input.services.fundingCatalog, reference: input.catalog))
    }
}
