import Foundation
import GroundbreakDomain
import GroundbreakStore

/// A project's approvals as the page and the API show them: each item with its clock and its
/// backward-scheduled deadlines, the stages' due dates, and whether the project has slipped.
struct ApprovalBoard: Sendable {
    struct Row: Sendable {
        var approval: ProjectApproval
        var item: ApprovalItem
        var reading: ApprovalClockReading
        var deadline: BackwardSchedule.Deadline?
        var events: [ApprovalEventRecord]
    }

    var plan: ApprovalPlan?
    var rows: [Row]
    /// Latest due date per stage (parallel items run side by side).
    var stageDue: [Int: Day]
    var slipped: Bool

    static let stageOrder = [1, 2, 3, 0, 4]

    static func build(project: Project, plan: ApprovalPlan?, approvals: [ProjectApproval], events: [ApprovalEventRecord],
                      items: [ApprovalItem], calendar: WorkingCalendar, today: Day) -> ApprovalBoard {
        let byCode = Dictionary(uniqueKeysWithValues: items.map { ($0.code, $0) })
        let entries = approvals.compactMap { approval in byCode[approval.itemCode].map { (item: $0, approval: approval) } }
        let deadlines = plan?.targetStart.map { BackwardSchedule.plan(entries, targetStart: $0, calendar: calendar, today: today) } ?? []
        let eventsById = Dictionary(grouping: events, by: \.approvalId)
        let rows = entries.map { entry in
            Row(approval: entry.approval, item: entry.item,
                reading: ApprovalClock.read(entry.approval, item: entry.item, calendar: calendar, today: today),
                deadline: deadlines.first { $0.itemCode == entry.item.code }, events: eventsById[entry.approval.id] ?? [])
        }.sorted { (stageOrder.firstIndex(of: $0.item.stage) ?? 9, $0.item.sort) < (stageOrder.firstIndex(of: $1.item.stage) ?? 9, $1.item.sort) }
        var stageDue: [Int: Day] = [:]
        for stage in Set(rows.map(\.item.stage)) {
            stageDue[stage] = ApprovalClock.stageDue(rows.filter { $0.item.stage == stage }.map(\.reading))
        }
        return ApprovalBoard(plan: plan, rows: rows, stageDue: stageDue, slipped: deadlines.contains(where: \.slipped))
    }

    /// `withEvents`: the item logs too, for the tab and the API; the project page only needs the clocks.
    static func load(_ input: EndpointRequest, project: Project, withEvents: Bool = true) async throws -> ApprovalBoard {
        let services = input.services
        let approvals = try await services.approvals.approvals(projectId: project.id)
        return build(project: project, plan: try await services.approvals.plan(projectId: project.id), approvals: approvals,
                     events: withEvents ? try await services.approvals.events(approvalIds: approvals.map(\.id)) : [], items: services.approvalItems(),
                     calendar: services.workingCalendar(), today: input.today)
    }
}

/// Reads an approval event from form or JSON fields; every problem is reported.
enum ApprovalEventInput {
    static func parse(_ fields: [String: String]) -> Result<(event: ApprovalEvent, version: Int), ValidationFailure> {
        var errors: [FieldError] = []
        func text(_ key: String) -> String { (fields[key] ?? "").trimmingCharacters(in: .whitespaces) }
        func day(_ key: String, required: Bool) -> Day? {
            let raw = text(key)
            if raw.isEmpty {
                if required { errors.append(FieldError(key, .required(field: key))) }
                return nil
            }
            guard let day = Day.parse(raw) else {
                errors.append(FieldError(key, .dateInvalid))
                return nil
            }
            return day
        }
        let version = Int(text("version"))
        if version == nil { errors.append(FieldError("version", .required(field: "version"))) }
        guard let kind = ApprovalEvent.Kind(rawValue: text("kind")) else {
            errors.append(FieldError("kind", text("kind").isEmpty ? .required(field: "kind") : .unknownCode(field: "kind", code: text("kind"))))
            return .failure(ValidationFailure(errors))
        }
        let placeholder = Day(year: 2000, month: 1, day: 1)!
        let event: ApprovalEvent
        switch kind {
        case .apply: event = .apply(on: day("on", required: true) ?? placeholder)
        case .accept: event = .accept(on: day("on", required: true) ?? placeholder)
        case .acceptByCommitment: event = .acceptByCommitment(on: day("on", required: true) ?? placeholder)
        case .acceptWithDeficiency:
            event = .acceptWithDeficiency(on: day("on", required: true) ?? placeholder, supplementDue: day("supplementDue", required: true) ?? placeholder,
                                          missing: text("missingMaterials"))
        case .supplementReceived: event = .supplementReceived(on: day("on", required: true) ?? placeholder)
        case .pause: event = .pause(from: day("on", required: true) ?? placeholder, reason: text("reason"))
        case .resume: event = .resume(on: day("on", required: true) ?? placeholder)
        case .approve: event = .approve(on: day("on", required: true) ?? placeholder, documentNumber: text("documentNumber"))
        case .reject: event = .reject(on: day("on", required: true) ?? placeholder, reason: text("reason"))
        case .notNeeded: event = .notNeeded(reason: text("reason"))
        case .correct:
            event = .correct(appliedOn: day("appliedOn", required: false), acceptedOn: day("acceptedOn", required: false),
                             decidedOn: day("decidedOn", required: false), reason: text("reason"))
        }
        guard errors.isEmpty, let version else { return .failure(ValidationFailure(errors)) }
        return .success((event, version))
    }
}
