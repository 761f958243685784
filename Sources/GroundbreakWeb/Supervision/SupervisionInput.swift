import Foundation
import GroundbreakDomain

/// Forms and JSON bodies for supervised items.
enum SupervisionInput {
    static func value(_ pairs: [(String, String)], _ key: String) -> String {
        pairs.first { $0.0 == key }?.1.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
    }

    /// A new item: content, owner, deadline, source (and its note), optionally the problem.
    static func item(_ pairs: [(String, String)], catalog: ReferenceCatalog, createdBy: String, today: Day) -> Result<SupervisedItem, ValidationFailure> {
        var errors: [FieldError] = []
        let ownerText = value(pairs, "owner")
        let owner = catalog.orgUnit(ownerText)
        if owner == nil { errors.append(FieldError("owner", ownerText.isEmpty ? .problem(.ownerRequired) : .problem(.unknownUnit(ownerText)))) }
        let deadline = Day.parse(value(pairs, "deadline"))
        if deadline == nil { errors.append(FieldError("deadline", .required(field: "deadline"))) }
        let source = SupervisedItem.Source(rawValue: value(pairs, "source")) ?? .other
        let problemId = Int64(value(pairs, "problemId"))
        guard let owner, let deadline else { return .failure(ValidationFailure(errors)) }
        let item = SupervisedItem(content: value(pairs, "content"), owner: owner, deadline: deadline, source: source, sourceNote: value(pairs, "sourceNote"),
                                  problemId: problemId, createdOn: today, createdBy: createdBy)
        errors += SupervisionRules.validateNew(item, today: today)
        return errors.isEmpty ? .success(item) : .failure(ValidationFailure(errors))
    }

    /// The events each side may send: the owner answers, the supervision office decides.
    static func events(deciding: Bool) -> [String] {
        let kinds: [SupervisionEvent.Kind] = deciding ? [.close, .reopen, .urge] : [.feedback, .done]
        return kinds.map(\.rawValue)
    }

    /// The owner answers (`feedback`, `done`); the supervision office decides (`close`, `reopen`, `urge`).
    static func event(_ pairs: [(String, String)], deciding: Bool) -> Result<(SupervisionEvent, Int), ValidationFailure> {
        let kind = value(pairs, "event")
        let text = value(pairs, "text")
        guard let version = Int(value(pairs, "version")) else { return .failure(ValidationFailure([FieldError("version", .required(field: "version"))])) }
        let event: SupervisionEvent?
        switch (deciding, kind) {
        case (false, "feedback"): event = .feedback(text: text)
        case (false, "done"): event = .done(evidence: text)
        case (true, "close"): event = .close(note: text)
        case (true, "reopen"): event = .reopen(reason: text)
        case (true, "urge"):
            let raw = value(pairs, "deadline")
            guard raw.isEmpty || Day.parse(raw) != nil else { return .failure(ValidationFailure([FieldError("deadline", .unknownCode(field: "deadline", code: raw))])) }
            event = .urge(note: text, newDeadline: Day.parse(raw))
        default: event = nil
        }
        guard let event else { return .failure(ValidationFailure([FieldError("event", .unknownCode(field: "event", code: kind))])) }
        return .success((event, version))
    }
}
