import Foundation
import GroundbreakDomain

/// A task force or a group as the pages' forms send it: seats and classes as repeated numbers,
/// units as a list written with 、 or commas.
enum TaskForceInput {
    static func ids(_ pairs: [(String, String)], _ key: String, errors: inout [FieldError]) -> [Int64] {
        pairs.filter { $0.0 == key && !$0.1.isEmpty }.compactMap { pair in
            guard let id = Int64(pair.1) else { errors.append(FieldError(key, .unknownCode(field: key, code: pair.1))); return nil }
            return id
        }
    }

    /// `区发改局、区规自分局` → two units.
    static func units(_ text: String) -> [String] {
        text.split(whereSeparator: { "、,，;；\n".contains($0) }).map { TextNormalizer.collapsedLine(String($0)) }.filter { !$0.isEmpty }
    }

    static func taskForce(_ form: FormData) -> Result<TaskForce, ValidationFailure> {
        var errors: [FieldError] = []
        let unit = OrgUnit.parse(form["unit"]).flatMap { [.region, .zone].contains($0.kind) ? $0 : nil }
        if unit == nil { errors.append(FieldError("unit", form["unit"].isEmpty ? .required(field: "unit") : .unknownCode(field: "unit", code: form["unit"]))) }
        let leaders = ids(form.pairs, "leaderSeats", errors: &errors), deputies = ids(form.pairs, "deputySeats", errors: &errors)
        guard errors.isEmpty, let unit else { return .failure(ValidationFailure(errors)) }
        return .success(TaskForce(unit: unit, name: form["name"], shape: TextNormalizer.collapsedLine(form["shape"]), leaderSeats: leaders, deputySeats: deputies,
                                  office: TextNormalizer.collapsedLine(form["office"]), duty: form["duty"].trimmingCharacters(in: .whitespacesAndNewlines)))
    }

    /// What the edit form changes of a task force: all but its unit and groups.
    static func header(_ form: FormData) -> Result<TaskForce, ValidationFailure> {
        var errors: [FieldError] = []
        let leaders = ids(form.pairs, "leaderSeats", errors: &errors), deputies = ids(form.pairs, "deputySeats", errors: &errors)
        guard errors.isEmpty else { return .failure(ValidationFailure(errors)) }
        return .success(TaskForce(unit: OrgUnit(kind: .region, code: ""), name: form["name"], shape: form["shape"], leaderSeats: leaders, deputySeats: deputies,
                                  office: form["office"], duty: form["duty"]))
    }

    /// The form a task force's or group's edit starts from: what it is now.
    static func form(_ taskForce: TaskForce) -> FormData {
        FormData(pairs: [("name", taskForce.name), ("shape", taskForce.shape), ("office", taskForce.office), ("duty", taskForce.duty)]
            + taskForce.leaderSeats.map { ("leaderSeats", String($0)) } + taskForce.deputySeats.map { ("deputySeats", String($0)) })
    }

    static func form(_ group: WorkingGroup) -> FormData {
        FormData(pairs: [("name", group.name), ("leadUnits", group.leadUnits.joined(separator: "、")), ("supportUnits", group.supportUnits.joined(separator: "、")),
                         ("duty", group.duty)]
            + group.leaderSeats.map { ("leaderSeats", String($0)) } + group.memberSeats.map { ("memberSeats", String($0)) }
            + group.classIds.map { ("classIds", String($0)) })
    }

    /// A group from the form; its projects are looked up by name by the caller.
    static func group(_ form: FormData, projectIds: [Int64]) -> Result<WorkingGroup, ValidationFailure> {
        var errors: [FieldError] = []
        let leaders = ids(form.pairs, "leaderSeats", errors: &errors), members = ids(form.pairs, "memberSeats", errors: &errors)
        let classes = ids(form.pairs, "classIds", errors: &errors)
        guard errors.isEmpty else { return .failure(ValidationFailure(errors)) }
        return .success(WorkingGroup(name: form["name"], leaderSeats: leaders, memberSeats: members, leadUnits: units(form["leadUnits"]),
                                     supportUnits: units(form["supportUnits"]), duty: form["duty"].trimmingCharacters(in: .whitespacesAndNewlines),
                                     projectIds: projectIds, classIds: classes))
    }
}
