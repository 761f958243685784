import Foundation
import GroundbreakDomain
import GroundbreakStore
import HTTPTypes
import Hummingbird

enum BulletinsAPI {
    static func list(_ input: EndpointRequest) async throws -> Response {
        let drafts = PageContext(input).may(.manageBulletins)
        return try Responses.json(try await input.services.bulletins.bulletins(includingDrafts: drafts).map { BulletinDTO($0, withSections: false) })
    }

    static func show(_ input: EndpointRequest) async throws -> Response {
        guard let bulletin = input.bulletin else { throw AppError.notFound }
        return try Responses.json(BulletinDTO(bulletin, withSections: true))
    }

    static func create(_ input: EndpointRequest) async throws -> Response {
        let body = try input.json(BulletinCreateRequest.self)
        let bulletin = try await BulletinPages.createDraft(input, kind: body.kind, month: body.month, seat: body.seat.map(String.init))
        return try Responses.json(BulletinDTO(bulletin, withSections: true), status: .created)
    }

    static func edit(_ input: EndpointRequest) async throws -> Response {
        guard let bulletin = input.bulletin else { throw AppError.notFound }
        let body = try input.json(BulletinEditRequest.self)
        let sections = body.sections.map { BulletinEdit.SectionText(heading: $0.heading, paragraphs: $0.paragraphs) }
        let saved = try await input.services.bulletins.update(id: bulletin.id, expectedVersion: body.version, actor: input.actor, now: input.now) {
            BulletinEdit.apply(title: body.title, sections: sections, to: $0)
        }
        return try Responses.json(BulletinDTO(saved, withSections: true))
    }

    static func regenerate(_ input: EndpointRequest) async throws -> Response {
        guard let bulletin = input.bulletin else { throw AppError.notFound }
        let body = try input.json(BulletinVersionRequest.self)
        return try Responses.json(BulletinDTO(try await BulletinPages.regenerated(input, bulletin, version: body.version), withSections: true))
    }

    static func issue(_ input: EndpointRequest) async throws -> Response {
        guard let bulletin = input.bulletin else { throw AppError.notFound }
        let body = try input.json(BulletinVersionRequest.self)
        let issued = try await input.services.bulletins.issue(id: bulletin.id, expectedVersion: body.version, rules: input.services.bulletinRules,
                                                              actor: input.actor, today: input.today, now: input.now)
        return try Responses.json(BulletinDTO(issued, withSections: true))
    }

    static func discard(_ input: EndpointRequest) async throws -> Response {
        guard let bulletin = input.bulletin else { throw AppError.notFound }
        let body = try input.json(BulletinVersionRequest.self)
        try await input.services.bulletins.discard(id: bulletin.id, expectedVersion: body.version, actor: input.actor, now: input.now)
        return try Responses.json(BulletinDTO(bulletin, withSections: false))
    }
}
