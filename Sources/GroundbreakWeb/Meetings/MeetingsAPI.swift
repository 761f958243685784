import Foundation
import GroundbreakDomain
import GroundbreakStore
import HTTPTypes
import Hummingbird

enum MeetingsAPI {
    struct AgendaDTO: Codable, Sendable {
        @ExplicitNull var projectId: Int64?
        @ExplicitNull var problemId: Int64?
        @ExplicitNull var supervisedItemId: Int64?
        var note: String
        var carriedOver: Bool
    }

    struct DecisionDTO: Codable, Sendable {
        var text: String
        @ExplicitNull var owner: ProblemsAPI.UnitDTO?
        @ExplicitNull var deadline: String?
        @ExplicitNull var supervisedItemId: Int64?
    }

    struct MeetingDTO: Codable, Sendable {
        var id: Int64
        var kindCode: String
        var kindName: String
        var number: String
        var serial: Int
        var title: String
        var heldOn: String
        var place: String
        var chair: String
        var attendees: [String]
        var agenda: [AgendaDTO]
        var summary: String
        var decisions: [DecisionDTO]
        var status: String
        var version: Int

        init(_ meeting: Meeting, settings: MeetingSettings, catalog: ReferenceCatalog) {
            id = meeting.id
            kindCode = meeting.kindCode
            kindName = settings.kind(meeting.kindCode)?.name ?? meeting.kindCode
            number = settings.number(of: meeting)
            serial = meeting.serial
            title = meeting.title
            heldOn = meeting.heldOn.iso
            place = meeting.place
            chair = meeting.chair
            attendees = meeting.attendees
            agenda = meeting.agenda.map { AgendaDTO(projectId: $0.projectId, problemId: $0.problemId, supervisedItemId: $0.supervisedItemId, note: $0.note, carriedOver: $0.carriedOver) }
            summary = meeting.summary
            decisions = meeting.decisions.map { DecisionDTO(text: $0.text, owner: $0.owner.map { ProblemsAPI.UnitDTO($0, catalog: catalog) }, deadline: $0.deadline?.iso,
                                                             supervisedItemId: $0.supervisedItemId) }
            status = meeting.status.rawValue
            version = meeting.version
        }
    }

    /// Always through `MeetingReading`: agenda text the caller may not read never leaves.
    static func dto(_ input: EndpointRequest, _ meeting: Meeting) async throws -> MeetingDTO {
        MeetingDTO(try await MeetingReading.load(input, meeting).meeting, settings: input.services.meetingSettings, catalog: input.catalog)
    }

    static func list(_ input: EndpointRequest) async throws -> Response {
        var dtos: [MeetingDTO] = []
        for meeting in try await input.services.meetings.meetings() { dtos.append(try await dto(input, meeting)) }
        return try Responses.json(dtos)
    }

    static func show(_ input: EndpointRequest) async throws -> Response {
        guard let meeting = input.meeting else { throw AppError.notFound }
        return try Responses.json(try await dto(input, meeting))
    }

    static func create(_ input: EndpointRequest) async throws -> Response {
        let body = try input.json(MeetingRequest.self)
        switch MeetingInput.meeting(body.pairs) {
        case .failure(let failure): throw AppError.validation(failure)
        case .success(let draft):
            let saved = try await input.services.meetings.create(draft, settings: input.services.meetingSettings, actor: input.actor, now: input.now)
            return try Responses.json(try await dto(input, saved), status: .created)
        }
    }

    struct MinutesBody: Decodable, Sendable {
        struct Decision: Decodable, Sendable {
            var text: String
            var owner: String?
            var deadline: String?
        }
        var summary: String?
        var decisions: [Decision]?
        var version: Int
    }

    static func minutes(_ input: EndpointRequest) async throws -> Response {
        guard let meeting = input.meeting else { throw AppError.notFound }
        let body = try input.json(MinutesBody.self)
        let rows = body.decisions ?? []
        switch MeetingInput.decisions(texts: rows.map(\.text), owners: rows.map { $0.owner ?? "" }, deadlines: rows.map { $0.deadline ?? "" }, catalog: input.catalog) {
        case .failure(let failure): throw AppError.validation(failure)
        case .success(let decisions):
            let saved = try await input.services.meetings.issueMinutes(id: meeting.id, expectedVersion: body.version, summary: body.summary ?? "", decisions: decisions,
                                                                      settings: input.services.meetingSettings, actor: input.actor, today: input.today, now: input.now)
            return try Responses.json(try await dto(input, saved))
        }
    }
}
