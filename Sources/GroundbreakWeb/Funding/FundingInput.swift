import Foundation
import GroundbreakDomain
import GroundbreakStore

/// What the pages' forms and the API's bodies say, read into the rules' terms. Every problem is
/// named with its field; nothing is kept from a form with one.
enum FundingInput {
    /// A new application from the page's form: projects as rows of `project` (name or code) and `askedWan`.
    static func application(_ form: FormData, input: EndpointRequest) async throws -> FundingApplication {
        var errors: [FieldError] = []
        var projects: [AppliedProject] = []
        let names = form.all("project"), amounts = form.all("askedWan")
        for (index, name) in names.enumerated() where !name.trimmingCharacters(in: .whitespaces).isEmpty {
            let amount = index < amounts.count ? amounts[index] : ""
            switch try await ProjectLookup.project(named: name, field: "projects", input) {
            case .success(let project):
                switch Money.parse(amount, unit: .wan) {
                case .success(let money): projects.append(AppliedProject(projectId: project.id, asked: money))
                case .failure(let error): errors.append(FieldError("asked", .money(error)))
                }
            case .failure(let error): errors.append(error)
            }
        }
        let draft = try draft(title: form["title"], channel: form["channel"], programme: form["programme"], window: form["window"], unit: form["unit"],
                              handler: form["handlerName"], createdOn: form["createdOn"], projects: projects, today: input.today, errors: errors)
        return draft
    }

    /// The fields every way in shares; `errors` are those found before.
    static func draft(title: String, channel: String, programme: String, window: String, unit: String, handler: String, createdOn: String,
                      projects: [AppliedProject], today: Day, errors: [FieldError]) throws -> FundingApplication {
        var errors = errors
        let parsedUnit = OrgUnit.parse(unit)
        if parsedUnit == nil { errors.append(FieldError("unit", unit.isEmpty ? .required(field: "unit") : .unknownCode(field: "unit", code: String(unit.prefix(40))))) }
        var windowId: Int64?
        if !window.isEmpty {
            if let id = Int64(window) { windowId = id } else { errors.append(FieldError("window", .unknownCode(field: "window", code: String(window.prefix(20))))) }
        }
        var created = today
        if !createdOn.isEmpty {
            if let day = Day.parse(createdOn) { created = day } else { errors.append(FieldError("createdOn", .dateInvalid)) }
        }
        guard errors.isEmpty, let parsedUnit else { throw StoreError.invalid(ValidationFailure(errors)) }
        return FundingApplication(title: title, channelCode: channel, programme: TextNormalizer.collapsedLine(programme), windowId: windowId, unit: parsedUnit,
                                  handlerName: handler, projects: projects, stateSince: created, createdOn: created)
    }

    /// An event from a form (`amountWan` in 万元) or the API (`amountYuan`).
    static func event(kind: String, on: String, amount: Result<Money, MoneyParseError>?, note: String) throws -> FundingEvent {
        var errors: [FieldError] = []
        let parsedKind = FundingEvent.Kind(rawValue: kind)
        if parsedKind == nil { errors.append(FieldError("kind", kind.isEmpty ? .required(field: "kind") : .unknownCode(field: "kind", code: String(kind.prefix(20))))) }
        let day = Day.parse(on)
        if day == nil { errors.append(FieldError("on", on.isEmpty ? .required(field: "on") : .dateInvalid)) }
        var money: Money?
        switch amount {
        case .success(let value): money = value
        case .failure(let error): errors.append(FieldError("amount", .money(error)))
        case nil: break
        }
        guard errors.isEmpty, let parsedKind, let day else { throw StoreError.invalid(ValidationFailure(errors)) }
        return FundingEvent(applicationId: 0, kind: parsedKind, on: day, amount: parsedKind.isMoney ? money : nil, note: note, actorName: "")
    }

    /// The checklist form: per line `answer_<code>` (`met`, `unmet`, or empty to go by the data) and `evidence_<code>`;
    /// only lines whose answer changed are written.
    static func answers(_ form: FormData, current: FundingApplication, channel: FundingCatalog.Channel?) -> [FundingRepository.AnswerWrite] {
        (channel?.checklist ?? []).compactMap { item in
            let choice = form["answer_\(item.code)"], evidence = form["evidence_\(item.code)"]
            let met: Bool? = choice == "met" ? true : choice == "unmet" ? false : nil
            let before = current.answer(item.code)
            if before?.met == met && (met == nil || before?.evidence == TextNormalizer.collapsedLine(evidence)) { return nil }
            return FundingRepository.AnswerWrite(itemCode: item.code, met: met, evidence: evidence)
        }
    }
}

/// An application read for its page and the API: its projects, the channel's checklist against
/// them, and whether issued money is spent late.
struct FundingReading: Sendable {
    var application: FundingApplication
    var projects: [Int64: Project]
    var eligibility: FundingEligibility
    var late: LateSpending?

    static func read(_ application: FundingApplication, _ input: EndpointRequest) async throws -> FundingReading {
        let catalog = input.services.fundingCatalog
        var projects: [Int64: Project] = [:]
        var facts: [(id: Int64, facts: FundingMaturity.Facts, category: String, division: String?)] = []
        for applied in application.projects {
            guard let project = try await input.services.projects.project(id: applied.projectId) else { continue }
            projects[project.id] = project
            let plan = try await input.services.approvals.plan(projectId: project.id)
            let approvals = plan == nil ? nil : try await input.services.approvals.approvals(projectId: project.id).map { ($0.itemCode, $0.status) }
            facts.append((project.id, FundingMaturity.Facts(project: project, approvals: approvals), project.fields.categoryCode, project.fields.industryDivision))
        }
        let channel = catalog.channel(application.channelCode) ?? FundingCatalog.Channel(code: application.channelCode, name: application.channelCode, department: "")
        return FundingReading(application: application, projects: projects,
                              eligibility: FundingEligibility(channel: channel, catalog: catalog, projects: facts, answers: application.answers),
                              late: channel.spendWithinMonths.flatMap { LateSpending.watch(application, months: $0, today: input.today) })
    }
}
