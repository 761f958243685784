import Foundation
import GroundbreakDomain

/// Forms and JSON bodies for meetings: calling one, and its minutes.
enum MeetingInput {
    static func value(_ pairs: [(String, String)], _ key: String) -> String {
        pairs.first { $0.0 == key }?.1.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
    }

    /// `kindCode`, `title`, `heldOn`, `place`, `chair`, `attendees` (one per line), `problems` (ids, comma-separated or repeated).
    static func meeting(_ pairs: [(String, String)]) -> Result<Meeting, ValidationFailure> {
        guard let heldOn = Day.parse(value(pairs, "heldOn")) else {
            return .failure(ValidationFailure([FieldError("heldOn", .required(field: "heldOn"))]))
        }
        let attendees = value(pairs, "attendees").split(whereSeparator: { $0 == "\n" || $0 == "、" }).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        var ids: [String: [Int64]] = [:]
        for field in ["projects", "problems"] {
            for text in pairs.filter({ $0.0 == field }).flatMap({ $0.1.split(separator: ",") }) {
                let trimmed = text.trimmingCharacters(in: .whitespaces)
                guard !trimmed.isEmpty else { continue }
                guard let id = Int64(trimmed), id > 0 else { return .failure(ValidationFailure([FieldError(field, .unknownCode(field: field, code: trimmed))])) }
                ids[field, default: []].append(id)
            }
        }
        let agenda = (ids["projects"] ?? []).map { Meeting.AgendaItem(projectId: $0, note: "") } + (ids["problems"] ?? []).map { Meeting.AgendaItem(problemId: $0, note: "") }
        return .success(Meeting(kindCode: value(pairs, "kindCode"), title: value(pairs, "title"), heldOn: heldOn, place: value(pairs, "place"),
                                chair: value(pairs, "chair"), attendees: attendees, agenda: agenda))
    }

    /// Decisions from the form's rows (`decisionText`, `decisionOwner`, `decisionDeadline`, in order; empty rows skipped).
    static func decisions(texts: [String], owners: [String], deadlines: [String], catalog: ReferenceCatalog) -> Result<[Meeting.Decision], ValidationFailure> {
        var decisions: [Meeting.Decision] = []
        var errors: [FieldError] = []
        for index in texts.indices {
            let text = texts[index].trimmingCharacters(in: .whitespacesAndNewlines)
            let ownerText = index < owners.count ? owners[index].trimmingCharacters(in: .whitespaces) : ""
            let deadlineText = index < deadlines.count ? deadlines[index].trimmingCharacters(in: .whitespaces) : ""
            guard !text.isEmpty || !ownerText.isEmpty || !deadlineText.isEmpty else { continue }
            let field = "decisions[\(decisions.count + 1)]"
            var owner: OrgUnit?
            if !ownerText.isEmpty {
                owner = catalog.orgUnit(ownerText)
                if owner == nil { errors.append(FieldError(field, .problem(.unknownUnit(ownerText)))) }
            }
            var deadline: Day?
            if !deadlineText.isEmpty {
                deadline = Day.parse(deadlineText)
                if deadline == nil { errors.append(FieldError(field, .unknownCode(field: "deadline", code: deadlineText))) }
            }
            decisions.append(Meeting.Decision(text: text, owner: owner, deadline: deadline))
        }
        return errors.isEmpty ? .success(decisions) : .failure(ValidationFailure(errors))
    }
}
