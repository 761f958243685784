import Foundation
import GroundbreakDomain
import GroundbreakStore
import HTTPTypes
import Hummingbird

enum SupervisionAPI {
    struct ItemDTO: Codable, Sendable {
        var id: Int64
        var content: String
        var owner: ProblemsAPI.UnitDTO
        var deadline: String
        var overdue: Bool
        var source: String
        var sourceNote: String
        @ExplicitNull var problemId: Int64?
        var status: String
        var statusLabel: String
        var createdOn: String
        var createdBy: String
        @ExplicitNull var doneOn: String?
        @ExplicitNull var closedOn: String?
        var urges: Int
        var version: Int

        init(_ item: SupervisedItem, catalog: ReferenceCatalog, today: Day) {
            id = item.id
            content = item.content
            owner = ProblemsAPI.UnitDTO(item.owner, catalog: catalog)
            deadline = item.deadline.iso
            overdue = item.isOverdue(on: today)
            source = item.source.rawValue
            sourceNote = item.sourceNote
            problemId = item.problemId
            status = item.status.rawValue
            statusLabel = item.status.label
            createdOn = item.createdOn.iso
            createdBy = item.createdBy
            doneOn = item.doneOn?.iso
            closedOn = item.closedOn?.iso
            urges = item.urges
            version = item.version
        }
    }

    struct EventDTO: Codable, Sendable {
        var kind: String
        var label: String
        var text: String
        var deadline: String
        var statusAfter: String
        var actor: String
        var on: String
    }

    struct DetailDTO: Codable, Sendable {
        var item: ItemDTO
        var events: [EventDTO]
    }

    static func detail(_ input: EndpointRequest, _ item: SupervisedItem) async throws -> DetailDTO {
        let events = try await input.services.supervision.events(itemId: item.id).map {
            EventDTO(kind: $0.kind.rawValue, label: $0.kind.label, text: $0.text, deadline: $0.deadline.iso, statusAfter: $0.statusAfter.rawValue, actor: $0.actorName, on: $0.on.iso)
        }
        return DetailDTO(item: ItemDTO(item, catalog: input.catalog, today: input.today), events: events)
    }

    static func list(_ input: EndpointRequest) async throws -> Response {
        let items = try await SupervisionPages.listed(input, view: SupervisionPages.ListView(input.queryItems))
        return try Responses.json(items.map { ItemDTO($0, catalog: input.catalog, today: input.today) })
    }

    static func show(_ input: EndpointRequest) async throws -> Response {
        guard let item = input.supervisedItem else { throw AppError.notFound }
        return try Responses.json(try await detail(input, item))
    }

    static func create(_ input: EndpointRequest) async throws -> Response {
        let body = try input.json(SupervisedItemRequest.self)
        switch SupervisionInput.item(body.pairs, catalog: input.catalog, createdBy: input.actor.name, today: input.today) {
        case .failure(let failure): throw AppError.validation(failure)
        case .success(let item):
            let saved = try await input.services.supervision.create(item, actor: input.actor, today: input.today, now: input.now)
            return try Responses.json(try await detail(input, saved), status: .created)
        }
    }

    static func event(_ input: EndpointRequest, deciding: Bool) async throws -> Response {
        guard let item = input.supervisedItem else { throw AppError.notFound }
        let body = try input.json(SupervisionEventRequest.self)
        switch SupervisionInput.event(body.pairs, deciding: deciding) {
        case .failure(let failure): throw AppError.validation(failure)
        case .success(let (event, version)):
            let saved = try await input.services.supervision.record(event, itemId: item.id, expectedVersion: version, actor: input.actor, today: input.today, now: input.now)
            return try Responses.json(try await detail(input, saved))
        }
    }
}
