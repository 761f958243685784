import Foundation
import GroundbreakDomain

/// A form or JSON body turned into a problem event. Which events a route takes follows its
/// policy action: the centre manages (分办, 挂起, 恢复, 提级), the owner handles (回复, 办结,
/// 无力解决), the raiser confirms (销号, 重新办理).
enum ProblemEventInput {
    enum Group: Sendable {
        case manage, handle, confirm

        /// The kind of event each form choice becomes (提级 and 无力解决 are both escalations).
        static func kind(of event: String) -> ProblemEvent.Kind? {
            let kinds: [String: ProblemEvent.Kind] = [
                "assign": .assign, "suspend": .suspend, "resume": .resume, "escalate": .escalate, "beyondPower": .escalate,
                "reply": .reply, "resolve": .resolve, "closeOut": .closeOut, "reopen": .reopen,
            ]
            return kinds[event]
        }

        var events: [String] {
            switch self {
            case .manage: ["assign", "suspend", "resume", "escalate"]
            case .handle: ["reply", "resolve", "beyondPower"]
            case .confirm: ["closeOut", "reopen"]
            }
        }
    }

    struct Context {
        var problem: Problem
        var settings: ProblemSettings
        var calendar: WorkingCalendar
        var catalog: ReferenceCatalog
        var today: Day
    }

    /// The event and the version the caller read, or every problem with the input.
    static func parse(_ pairs: [(String, String)], group: Group, context: Context) -> Result<(ProblemEvent, Int), ValidationFailure> {
        func value(_ key: String) -> String { pairs.first { $0.0 == key }?.1.trimmingCharacters(in: .whitespacesAndNewlines) ?? "" }
        var errors: [FieldError] = []
        let version = Int(value("version"))
        if version == nil { errors.append(FieldError("version", .required(field: "version"))) }
        let kind = value("event")
        guard group.events.contains(kind) else {
            errors.append(FieldError("event", .unknownCode(field: "event", code: kind)))
            return .failure(ValidationFailure(errors))
        }
        let text = value("text")
        let event: ProblemEvent?
        switch kind {
        case "assign":
            event = assignment(pairs, value: value, context: context, errors: &errors)
        case "suspend": event = .suspend(reason: text)
        case "resume": event = .resume(note: text)
        case "escalate", "beyondPower":
            switch ProblemRules.escalation(of: context.problem, reason: kind == "escalate" ? .centre : .beyondPower, note: text,
                                           settings: context.settings, calendar: context.calendar, today: context.today) {
            case .success(let escalation): event = escalation
            case .failure(let failure): errors += failure.errors; event = nil
            }
        case "reply": event = .reply(text: text)
        case "resolve": event = .resolve(evidence: text)
        case "closeOut": event = .closeOut(note: text)
        default: event = .reopen(reason: text)
        }
        guard errors.isEmpty, let event, let version else { return .failure(ValidationFailure(errors)) }
        return .success((event, version))
    }

    /// 分办: the owner, the helpers (repeated `supportUnits`, or one comma-separated value), the
    /// level (the problem's own by default) and the deadline (the level's working days by default).
    static func assignment(_ pairs: [(String, String)], value: (String) -> String, context: Context, errors: inout [FieldError]) -> ProblemEvent? {
        let catalog = context.catalog
        func unit(_ text: String, field: String) -> OrgUnit? {
            guard let unit = catalog.orgUnit(text) else { errors.append(FieldError(field, .problem(.unknownUnit(text)))); return nil }
            return unit
        }
        let ownerText = value("owner")
        if ownerText.isEmpty { errors.append(FieldError("owner", .problem(.ownerRequired))) }
        let owner = ownerText.isEmpty ? nil : unit(ownerText, field: "owner")
        let supportTexts = pairs.filter { $0.0 == "supportUnits" }.flatMap { $0.1.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }
        let support = supportTexts.filter { !$0.isEmpty }.compactMap { unit($0, field: "supportUnits") }
        var level = context.problem.level
        if !value("level").isEmpty {
            if let chosen = ProblemLevel(rawValue: value("level")) { level = chosen } else { errors.append(FieldError("level", .unknownCode(field: "level", code: value("level")))) }
        }
        var deadline = ProblemRules.defaultDeadline(level: level, settings: context.settings, calendar: context.calendar, today: context.today)
        if !value("deadline").isEmpty {
            if let day = Day.parse(value("deadline")) { deadline = day } else { errors.append(FieldError("deadline", .unknownCode(field: "deadline", code: value("deadline")))) }
        }
        guard let owner else { return nil }
        return .assign(owner: owner, support: support, deadline: deadline, level: level)
    }

    /// A new problem of an enterprise without a project (万人助万企): its name and region, category, description.
    static func raiseForEnterprise(_ pairs: [(String, String)], principal: Principal, settings: ProblemSettings, catalog: ReferenceCatalog,
                                   today: Day) -> Result<Problem, ValidationFailure> {
        func value(_ key: String) -> String { pairs.first { $0.0 == key }?.1.trimmingCharacters(in: .whitespacesAndNewlines) ?? "" }
        var errors: [FieldError] = []
        let name = TextNormalizer.collapsedLine(value("enterpriseName"))
        if name.isEmpty { errors.append(FieldError("enterpriseName", .required(field: "enterpriseName"))) }
        let region = catalog.canonicalRegionCode(value("regionCode")).flatMap { code in catalog.assignableRegions.contains { $0.code == code } ? code : nil }
        if region == nil { errors.append(FieldError("regionCode", .unknownCode(field: "regionCode", code: value("regionCode")))) }
        var drafted: Problem?
        switch raise(pairs, project: nil, principal: principal, settings: settings, today: today) {
        case .success(let problem): drafted = problem
        case .failure(let failure): errors += failure.errors
        }
        guard errors.isEmpty, var problem = drafted, let region else { return .failure(ValidationFailure(errors)) }
        problem.enterpriseName = name
        problem.regionCode = region
        return .success(problem)
    }

    /// A new problem on `project` from a form or JSON body.
    static func raise(_ pairs: [(String, String)], project: Project?, principal: Principal, settings: ProblemSettings, today: Day) -> Result<Problem, ValidationFailure> {
        func value(_ key: String) -> String { pairs.first { $0.0 == key }?.1 ?? "" }
        var errors: [FieldError] = []
        let category = value("categoryCode").trimmingCharacters(in: .whitespaces)
        if settings.category(category) == nil {
            errors.append(FieldError("categoryCode", category.isEmpty ? .required(field: "categoryCode") : .problem(.unknownCategory(category))))
        }
        let description = value("description").trimmingCharacters(in: .whitespacesAndNewlines)
        if description.isEmpty { errors.append(FieldError("description", .problem(.descriptionRequired))) }
        if description.count > ProblemRules.maxText { errors.append(FieldError("description", .problem(.textTooLong(max: ProblemRules.maxText)))) }
        guard errors.isEmpty else { return .failure(ValidationFailure(errors)) }
        return .success(Problem(projectId: project?.id, regionCode: project?.fields.regionCode ?? "", categoryCode: category, description: description,
                                raisedByUserId: principal.userId, raisedByName: principal.displayName, raisedOn: today))
    }
}

extension OrgUnit {
    /// `department:CC-GXJ`, as forms and the API write a unit.
    var key: String { "\(kind.rawValue):\(code)" }

    /// The unit's name as people say it: a department's short name, a region's name.
    func name(_ catalog: ReferenceCatalog) -> String {
        switch kind {
        case .department: catalog.department(code)?.shortName ?? code
        case .region: catalog.region(code)?.name ?? code
        case .zone: catalog.zone(code)?.shortName ?? code
        }
    }
}
