import Foundation
import GroundbreakDomain
import GroundbreakStore
import HTTPTypes
import Hummingbird

/// `/api/v1` for approvals: a project's items with clocks, events, queues, analytics, the
/// working-day calculator and the catalogue.
enum ApprovalsAPI {
    struct ClockDTO: Codable, Sendable {
        var state: String
        var stateLabel: String
        var limit: Int
        var unit: String
        @ExplicitNull var elapsed: Int?
        @ExplicitNull var remaining: Int?
        @ExplicitNull var due: String?
        var pausedDays: Int
        var provisional: Bool

        init(_ reading: ApprovalClockReading) {
            state = reading.state.rawValue
            stateLabel = reading.state.label
            limit = reading.limit
            unit = reading.unit.rawValue
            elapsed = reading.elapsed
            remaining = reading.remaining
            due = reading.due?.iso
            pausedDays = reading.pausedDays
            provisional = reading.provisional
        }
    }

    struct PauseDTO: Codable, Sendable {
        var reason: String
        var from: String
        @ExplicitNull var to: String?
    }

    /// One entry of an item's log: what happened, when, by whom and why.
    struct LogEntryDTO: Codable, Sendable {
        var kind: String
        var kindLabel: String
        var at: Date
        var actor: String
        var reason: String
        var detail: [String: String]

        init(_ record: ApprovalEventRecord) {
            kind = record.kind
            kindLabel = ApprovalEvent.Kind(rawValue: record.kind)?.label ?? record.kind
            at = record.at
            actor = record.actor
            reason = record.reason
            detail = (try? JSONDecoder().decode([String: String].self, from: Data(record.detail.utf8))) ?? [:]
        }
    }

    struct ApprovalDTO: Codable, Sendable {
        var id: Int64
        var projectId: Int64
        var itemCode: String
        var itemName: String
        var stage: Int
        var departmentCode: String
        var status: String
        var statusLabel: String
        @ExplicitNull var appliedOn: String?
        @ExplicitNull var acceptedOn: String?
        @ExplicitNull var supplementDue: String?
        var missingMaterials: String
        @ExplicitNull var decidedOn: String?
        var documentNumber: String
        var pauses: [PauseDTO]
        var clock: ClockDTO
        @ExplicitNull var applyBy: String?
        @ExplicitNull var approveBy: String?
        var slipped: Bool
        var version: Int
        /// On a project's board only.
        var log: [LogEntryDTO]?

        init(approval: ProjectApproval, item: ApprovalItem, reading: ApprovalClockReading, deadline: BackwardSchedule.Deadline?,
             events: [ApprovalEventRecord]? = nil) {
            id = approval.id
            projectId = approval.projectId
            itemCode = item.code
            itemName = item.name
            stage = item.stage
            departmentCode = item.departmentCode
            status = approval.status.rawValue
            statusLabel = approval.status.label
            appliedOn = approval.appliedOn?.iso
            acceptedOn = approval.acceptedOn?.iso
            supplementDue = approval.supplementDue?.iso
            missingMaterials = approval.missingMaterials
            decidedOn = approval.decidedOn?.iso
            documentNumber = approval.documentNumber
            pauses = approval.pauses.map { PauseDTO(reason: $0.reason, from: $0.from.iso, to: $0.to?.iso) }
            clock = ClockDTO(reading)
            applyBy = deadline?.applyBy.iso
            approveBy = deadline?.approveBy.iso
            slipped = deadline?.slipped ?? false
            version = approval.version
            log = events?.map(LogEntryDTO.init)
        }
    }

    struct BoardDTO: Codable, Sendable {
        @ExplicitNull var approvalType: String?
        @ExplicitNull var targetStart: String?
        var slipped: Bool
        var stageDue: [String: String]
        var items: [ApprovalDTO]

        init(_ board: ApprovalBoard) {
            approvalType = board.plan?.type.rawValue
            targetStart = board.plan?.targetStart?.iso
            slipped = board.slipped
            stageDue = Dictionary(uniqueKeysWithValues: board.stageDue.map { (String($0.key), $0.value.iso) })
            items = board.rows.map { ApprovalDTO(approval: $0.approval, item: $0.item, reading: $0.reading, deadline: $0.deadline, events: $0.events) }
        }
    }

    static func projectApprovals(_ input: EndpointRequest) async throws -> Response {
        try Responses.json(BoardDTO(try await ApprovalBoard.load(input, project: try input.targetProject())))
    }

    struct PlanBody: Codable, Sendable {
        var approvalType: String
        var targetStart: String?
    }

    static func setPlan(_ input: EndpointRequest) async throws -> Response {
        let project = try input.targetProject()
        let body = try input.json(PlanBody.self)
        switch ApprovalPages.plan(from: ["approvalType": body.approvalType, "targetStart": body.targetStart ?? ""]) {
        case .failure(let failure): throw AppError.validation(failure)
        case .success(let (type, target)):
            try await input.services.approvals.setPlan(projectId: project.id, type: type, targetStart: target, catalog: input.services.approvalItems(),
                                                       actor: input.actor, today: input.today, now: input.now)
        }
        return try Responses.json(BoardDTO(try await ApprovalBoard.load(input, project: project)))
    }

    static func event(_ input: EndpointRequest) async throws -> Response {
        guard let approval = input.approval else { throw AppError.notFound }
        let body = try input.json(ApprovalEventRequest.self)
        switch ApprovalEventInput.parse(body.fields) {
        case .failure(let failure): throw AppError.validation(failure)
        case .success(let (event, version)):
            let updated = try await input.services.approvals.record(id: approval.id, expectedVersion: version, event, actor: input.actor,
                                                                     today: input.today, now: input.now)
            guard let item = input.services.approvalItems().first(where: { $0.code == updated.itemCode }) else { throw AppError.notFound }
            let reading = ApprovalClock.read(updated, item: item, calendar: input.services.workingCalendar(), today: input.today)
            return try Responses.json(ApprovalDTO(approval: updated, item: item, reading: reading, deadline: nil))
        }
    }

    struct QueueDTO: Codable, Sendable {
        struct Entry: Codable, Sendable {
            var projectName: String
            var approval: ApprovalDTO
        }
        var totalCount: Int
        var page: Int
        var perPage: Int
        var entries: [Entry]
    }

    static func queue(_ input: EndpointRequest) async throws -> Response {
        let filter = ApprovalPages.QueueFilter(input.queryItems)
        guard filter.errors.isEmpty else { throw AppError.badQuery(ValidationFailure(filter.errors)) }
        let rows = try await ApprovalPages.queueRows(input, filter: filter)
        return try Responses.json(QueueDTO(totalCount: rows.count, page: filter.page, perPage: filter.perPage, entries: filter.slice(rows).map {
            .init(projectName: $0.listing.projectName, approval: ApprovalDTO(approval: $0.listing.approval, item: $0.listing.item, reading: $0.reading, deadline: nil))
        }))
    }

    struct AnalyticsDTO: Codable, Sendable {
        struct Department: Codable, Sendable {
            var departmentCode: String
            var rank: Int
            var handled: Int
            @ExplicitNull var medianWorkingDays: Int?
            @ExplicitNull var p90WorkingDays: Int?
            @ExplicitNull var shareWithinLimit: Double?
            var overdueNow: Int
            @ExplicitNull var rankChange: Int?
        }
        struct ProjectRow: Codable, Sendable {
            var projectId: Int64
            var workingDays: Int
            var withinPromise: Bool
        }
        var asOf: String
        var promisedWorkingDays: Int
        var targetShare: Double
        var projectsWithPermit: Int
        var withinPromise: Int
        @ExplicitNull var share: Double?
        var meetsTarget: Bool
        var departments: [Department]
        /// Page `page` of the projects with a permit, by id (`projectsWithPermit` counts them all).
        var page: Int
        var perPage: Int
        var projects: [ProjectRow]
    }

    /// Projects per page of the analytics: at province scale tens of thousands have a permit.
    static let analyticsPerPage = 100

    static func analytics(_ input: EndpointRequest) async throws -> Response {
        let paging = try ListPaging.requested(input, defaultPerPage: analyticsPerPage)
        let result = try await ApprovalPages.analyticsResult(input)
        return try Responses.json(AnalyticsDTO(
            asOf: result.asOf.iso, promisedWorkingDays: ApprovalAnalytics.promisedWorkingDays, targetShare: ApprovalAnalytics.promisedShare,
            projectsWithPermit: result.city.projectsWithPermit, withinPromise: result.city.withinPromise, share: result.city.share,
            meetsTarget: result.city.meetsTarget,
            departments: result.league.map {
                .init(departmentCode: $0.departmentCode, rank: $0.rank, handled: $0.handled, medianWorkingDays: $0.medianWorkingDays,
                      p90WorkingDays: $0.p90WorkingDays, shareWithinLimit: $0.shareWithinLimit, overdueNow: $0.overdueNow, rankChange: $0.rankChange)
            },
            page: paging.page, perPage: paging.perPage,
            projects: paging.slice(result.projects).map { .init(projectId: $0.projectId, workingDays: $0.workingDays, withinPromise: $0.withinPromise) }
        ))
    }

    struct WorkingDaysDTO: Codable, Sendable {
        var from: String
        @ExplicitNull var add: Int?
        @ExplicitNull var result: String?
        @ExplicitNull var to: String?
        @ExplicitNull var workingDays: Int?
        var provisional: Bool
        var loadedYears: [Int]
    }

    /// How far the calculator counts, either way.
    static let maxWorkingDaysAdded = 2000

    /// `?from=2025-01-20&add=51` → the 51st working day after; `?from=…&to=…` → working days between.
    static func workingDays(_ input: EndpointRequest) async throws -> Response {
        let form = FormData(pairs: input.queryItems)
        var errors: [FieldError] = []
        let from = Day.parse(form["from"])
        if from == nil { errors.append(FieldError("from", form["from"].isEmpty ? .required(field: "from") : .dateInvalid)) }
        let add = form["add"].isEmpty ? nil : Int(form["add"])
        let to = form["to"].isEmpty ? nil : Day.parse(form["to"])
        if !form["add"].isEmpty && (add == nil || abs(add!) > maxWorkingDaysAdded) { errors.append(FieldError("add", .unknownCode(field: "add", code: form["add"]))) }
        if !form["to"].isEmpty && to == nil { errors.append(FieldError("to", .dateInvalid)) }
        if add == nil && to == nil && errors.isEmpty { errors.append(FieldError("add", .required(field: "add"))) }
        guard errors.isEmpty, let from else { throw AppError.badQuery(ValidationFailure(errors)) }
        let calendar = input.services.workingCalendar()
        var dto = WorkingDaysDTO(from: from.iso, add: add, result: nil, to: to?.iso, workingDays: nil, provisional: false, loadedYears: calendar.years.sorted())
        if let add {
            let result = calendar.addingWorkingDays(add, to: from)
            dto.result = result.day.iso
            dto.provisional = result.provisional
        }
        if let to {
            dto.workingDays = calendar.workingDays(after: from, through: to)
            dto.provisional = dto.provisional || calendar.isProvisional(from: from, through: to)
        }
        return try Responses.json(dto)
    }

    struct ItemDTO: Codable, Sendable {
        var code: String
        var name: String
        var stage: Int
        var stageName: String
        var departmentCode: String
        var statutoryLimit: Int
        var unit: String
        @ExplicitNull var promisedLimit: Int?
        var countsFromNextDay: Bool
        var appliesTo: [String]
        var basis: String
        @ExplicitNull var validTo: String?
    }

    static func items(_ input: EndpointRequest) async throws -> Response {
        try Responses.json(input.services.approvalItems().map {
            ItemDTO(code: $0.code, name: $0.name, stage: $0.stage, stageName: ApprovalItem.stageName($0.stage), departmentCode: $0.departmentCode,
                    statutoryLimit: $0.statutoryLimit, unit: $0.unit.rawValue, promisedLimit: $0.promisedLimit, countsFromNextDay: $0.countsFromNextDay,
                    appliesTo: $0.appliesTo.map(\.rawValue).sorted(), basis: $0.basis, validTo: $0.validity.validTo?.iso)
        })
    }
}
