import Foundation
import GroundbreakDomain
import GroundbreakStore
import HTTPTypes
import Hummingbird
import NIOCore

/// `/api/v1` for problems: the lists with the figures, one problem with its history, raising,
/// and the three kinds of events (manage, handle, confirm).
enum ProblemsAPI {
    struct UnitDTO: Codable, Sendable {
        var kind: String
        var code: String
        var name: String

        init(_ unit: OrgUnit, catalog: ReferenceCatalog) {
            kind = unit.kind.rawValue
            code = unit.code
            name = unit.name(catalog)
        }
    }

    struct ProblemDTO: Codable, Sendable {
        var id: Int64
        @ExplicitNull var projectId: Int64?
        var enterpriseName: String
        var regionCode: String
        var categoryCode: String
        var categoryName: String
        var description: String
        var raisedBy: String
        var raisedOn: String
        var level: String
        var levelLabel: String
        @ExplicitNull var owner: UnitDTO?
        var supportUnits: [UnitDTO]
        @ExplicitNull var deadline: String?
        var status: String
        var statusLabel: String
        var overdue: Bool
        var statusNote: String
        @ExplicitNull var resolvedOn: String?
        @ExplicitNull var closedOn: String?
        var escalations: Int
        var version: Int

        init(_ problem: Problem, settings: ProblemSettings, catalog: ReferenceCatalog, today: Day) {
            id = problem.id
            projectId = problem.projectId
            enterpriseName = problem.enterpriseName
            regionCode = problem.regionCode
            categoryCode = problem.categoryCode
            categoryName = settings.category(problem.categoryCode)?.name ?? problem.categoryCode
            description = problem.description
            raisedBy = problem.raisedByName
            raisedOn = problem.raisedOn.iso
            level = problem.level.rawValue
            levelLabel = problem.level.label
            owner = problem.owner.map { UnitDTO($0, catalog: catalog) }
            supportUnits = problem.supportUnits.map { UnitDTO($0, catalog: catalog) }
            deadline = problem.deadline?.iso
            status = problem.status.rawValue
            statusLabel = problem.status.label
            overdue = problem.isOverdue(on: today)
            statusNote = problem.statusNote
            resolvedOn = problem.resolvedOn?.iso
            closedOn = problem.closedOn?.iso
            escalations = problem.escalations
            version = problem.version
        }
    }

    struct EventDTO: Codable, Sendable {
        var kind: String
        var label: String
        var text: String
        var level: String
        @ExplicitNull var owner: UnitDTO?
        @ExplicitNull var deadline: String?
        var statusAfter: String
        var actor: String
        var on: String
        var at: Date
    }

    struct DetailDTO: Codable, Sendable {
        var problem: ProblemDTO
        var events: [EventDTO]
    }

    struct ListDTO: Codable, Sendable {
        struct Figures: Codable, Sendable {
            var total, open, overdue, escalated, closedThisMonth: Int
            @ExplicitNull var resolutionRate: Double?
            @ExplicitNull var medianDaysToClose: Int?
            var overdueByOwner: [OwnerCount]
        }
        struct OwnerCount: Codable, Sendable {
            var owner: UnitDTO
            var count: Int
        }
        struct Cycle: Codable, Sendable {
            var month: String
            var phase: String
            var phaseLabel: String
            var reportBy, assignBy, jointMeetingBy: String
        }
        var totalCount: Int
        var page: Int
        var perPage: Int
        var problems: [ProblemDTO]
        var figures: Figures
        var cycle: Cycle
    }

    static func list(_ input: EndpointRequest) async throws -> Response {
        let query: ProblemQuery
        switch ProblemQuery.parse(input.queryItems) {
        case .success(let parsed): query = parsed
        case .failure(let failure): throw AppError.validation(failure)
        }
        let board = try await ProblemPages.board(input, query: query)
        let settings = input.services.problemSettings, catalog = input.catalog
        let figures = board.figures
        let cycle = board.cycle
        return try Responses.json(ListDTO(
            totalCount: board.page.totalCount, page: board.page.page, perPage: board.page.perPage,
            problems: board.page.problems.map { ProblemDTO($0, settings: settings, catalog: catalog, today: input.today) },
            figures: .init(total: figures.total, open: figures.open, overdue: figures.overdue, escalated: figures.escalated, closedThisMonth: figures.closedThisMonth,
                           resolutionRate: figures.resolutionRate, medianDaysToClose: figures.medianDaysToClose,
                           overdueByOwner: figures.overdueByOwner.map { .init(owner: UnitDTO($0.owner, catalog: catalog), count: $0.count) }),
            cycle: .init(month: cycle.month.iso, phase: cycle.phase.rawValue, phaseLabel: cycle.phase.label, reportBy: cycle.reportBy.iso,
                         assignBy: cycle.assignBy.iso, jointMeetingBy: cycle.jointMeetingBy.iso)
        ))
    }

    static func detail(_ input: EndpointRequest, _ problem: Problem) async throws -> DetailDTO {
        let catalog = input.catalog
        let events = try await input.services.problems.events(problemId: problem.id).map { event in
            EventDTO(kind: event.kind.rawValue, label: event.kind.label, text: event.text, level: event.level.rawValue,
                     owner: event.owner.map { UnitDTO($0, catalog: catalog) }, deadline: event.deadline?.iso, statusAfter: event.statusAfter.rawValue,
                     actor: event.actorName, on: event.on.iso, at: event.at)
        }
        return DetailDTO(problem: ProblemDTO(problem, settings: input.services.problemSettings, catalog: catalog, today: input.today), events: events)
    }

    static func show(_ input: EndpointRequest) async throws -> Response {
        guard let problem = input.problem else { throw AppError.notFound }
        return try Responses.json(try await detail(input, problem))
    }

    /// JSON object → form-like pairs; `supportUnits` may be an array.
    static func raise(_ input: EndpointRequest) async throws -> Response {
        let project = try input.targetProject()
        let body = try input.json(RaiseProblemRequest.self)
        switch ProblemEventInput.raise(body.pairs, project: project, principal: try input.requirePrincipal(), settings: input.services.problemSettings, today: input.today) {
        case .failure(let failure): throw AppError.validation(failure)
        case .success(let problem):
            let saved = try await input.services.problems.raise(problem, notifying: input.services.problemSettings.assigningUnit, actor: input.actor, now: input.now)
            return try Responses.json(try await detail(input, saved), status: .created)
        }
    }

    static func raiseForEnterprise(_ input: EndpointRequest) async throws -> Response {
        let body = try input.json(RaiseEnterpriseProblemRequest.self)
        switch try ProblemPages.enterpriseProblem(input, body.pairs) {
        case .failure(let failure): throw AppError.validation(failure)
        case .success(let problem):
            let saved = try await input.services.problems.raise(problem, notifying: input.services.problemSettings.assigningUnit, actor: input.actor, now: input.now)
            return try Responses.json(try await detail(input, saved), status: .created)
        }
    }

    struct FileDTO: Codable, Sendable {
        var id: Int64
        var name: String
        var contentType: String
        var size: Int
        var uploadedBy: String
        var uploadedAt: Date
        var url: String
    }

    /// The file itself as the body, its name in `name`: evidence the owner attaches.
    static func uploadFile(_ input: EndpointRequest) async throws -> Response {
        guard let problem = input.problem else { throw AppError.notFound }
        let name = input.queryItems.first { $0.0 == "name" }?.1 ?? ""
        let file = try await input.services.files.add(.problemEvidence(problemId: problem.id), name: name,
                                                      bytes: input.body.map { Array($0.readableBytesView) } ?? [],
                                                      maxBytes: input.services.settings.maxUploadBytes, actor: input.actor, now: input.now)
        return try Responses.json(FileDTO(id: file.id, name: file.name, contentType: file.contentType, size: file.size, uploadedBy: file.uploadedBy,
                                          uploadedAt: file.uploadedAt, url: Route.file(file.id).path), status: .created)
    }

    static func event(_ input: EndpointRequest, group: ProblemEventInput.Group) async throws -> Response {
        guard let problem = input.problem else { throw AppError.notFound }
        let body = try input.json(ProblemEventRequest.self)
        switch ProblemEventInput.parse(body.pairs, group: group, context: ProblemPages.eventContext(input, problem)) {
        case .failure(let failure): throw AppError.validation(failure)
        case .success(let (event, version)):
            let saved = try await input.services.problems.record(event, problemId: problem.id, expectedVersion: version, actor: input.actor,
                                                                 today: input.today, now: input.now)
            return try Responses.json(try await detail(input, saved))
        }
    }
}
