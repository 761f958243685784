import Foundation
import GroundbreakDomain
import GroundbreakStore

/// A project's page: every field, its flags, the stage form and its history.
struct ProjectShowPage {
    var context: PageContext
    var project: Project
    var catalog: ReferenceCatalog
    var transitions: [StageTransitionRecord]
    var audit: [AuditEntry]
    var notice: String?
    /// A refused stage change: what was asked and why not.
    var transitionErrors: [FieldError] = []
    var transitionForm = FormData(pairs: [])
    /// What the page offers; the guard decides the requests themselves.
    var canEdit = false
    var canTransition = false
    /// From the approvals board: items past their limit, and whether backward scheduling has slipped.
    var approvalsOverdue = 0
    var approvalsSlipped = false
    /// Its class in each unit's scheme, and its lines on year lists (the officials' 建设性质).
    var classes: [(scheme: ClassificationScheme, item: SchemeClass)] = []
    var statements: [(list: YearList, entry: YearListEntry)] = []
    /// Its light under the current rule set, with the reasons (nil once built or cancelled).
    var warning: ProjectWarning?
    /// The daily record's changes of colour, latest first.
    var lightHistory: [LightChange] = []
    /// The 招商 leads it came from that the reader may see, with their stage names.
    var sourceLeads: [(lead: Lead, stage: String)] = []

    var flags: [ProjectFlag] {
        project.flags(rules: catalog.flagRules, today: context.today)
    }

    var targets: [Stage] {
        Lifecycle.targets(from: project.stage, suspendedFrom: project.suspendedFrom)
    }

    func name(region code: String) -> String { catalog.region(code)?.name ?? code }
    func name(department code: String) -> String { catalog.department(code)?.name ?? code }

    func seat(_ id: Int64?) -> String {
        guard let id else { return WebText.Projects.unassigned }
        guard let position = catalog.position(id) else { return WebText.Projects.positionNumber(id) }
        return "\(position.display) · \(position.unitName)"
    }

    /// One line per audit row: when, who, what changed.
    struct HistoryLine {
        var at: Date
        var actor: String
        var action: String
        var changes: [String]
        var reason: String
    }

    var history: [HistoryLine] {
        audit.reversed().map { entry in
            HistoryLine(
                at: entry.at, actor: entry.actorName, action: Self.actionLabel(entry.action),
                changes: Self.changedFields(before: entry.beforeJSON, after: entry.afterJSON), reason: entry.reason
            )
        }
    }

    static func actionLabel(_ action: String) -> String {
        switch action {
        case "create": WebText.Projects.create
        case "update": WebText.Projects.update
        case "transition": WebText.Projects.transitionHeading
        default: action
        }
    }

    /// The labels of the fields that differ between two audit snapshots.
    static func changedFields(before: String?, after: String?) -> [String] {
        guard let before, let after,
              let old = try? JSONSerialization.jsonObject(with: Data(before.utf8)) as? [String: Any],
              let new = try? JSONSerialization.jsonObject(with: Data(after.utf8)) as? [String: Any]
        else { return [] }
        func flatten(_ object: [String: Any]) -> [String: String] {
            var result: [String: String] = [:]
            for (key, value) in (object["fields"] as? [String: Any]) ?? [:] {
                if key == "location", let location = value as? [String: Any] {
                    for (inner, innerValue) in location { result[inner] = "\(innerValue)" }
                } else {
                    result[key] = "\(value)"
                }
            }
            result["stage"] = "\(object["stage"] ?? "")"
            return result
        }
        let left = flatten(old), right = flatten(new)
        let keyNames: [String: String] = ["leadDepartmentCode": "leadDepartmentCode", "supportDepartmentCodes": "supportDepartmentCodes"]
        return Set(left.keys).union(right.keys).sorted()
            .filter { left[$0] != right[$0] }
            .map { DomainText.field(keyNames[$0] ?? $0).zh }
    }
}
