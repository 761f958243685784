import Foundation
import GroundbreakDomain
import GroundbreakStore
import HTTPTypes
import Hummingbird
import Plot

/// A project's plan for a year, on its 月度填报 tab and in the API.
enum AnnualPlanPages {
    /// Form fields: `year`, `plannedInvestmentWan`, `plannedStart`, `plannedCompletion`, `nature`, `inStartList`, `campaign`, `version`.
    static func parse(_ form: FormData, projectId: Int64) -> Result<(AnnualPlan, Int?), ValidationFailure> {
        var errors: [FieldError] = []
        let year = Int(form["year"].trimmingCharacters(in: .whitespaces))
        if year == nil { errors.append(FieldError("year", .required(field: "year"))) }
        var investment = Money.zero
        switch Money.parse(form["plannedInvestmentWan"], unit: .wan) {
        case .success(let value): investment = value
        case .failure(let problem): errors.append(FieldError("plannedInvestment", problem == .empty ? .required(field: "plannedInvestment") : .money(problem)))
        }
        func day(_ key: String) -> Day? {
            guard !form[key].isEmpty else { return nil }
            guard let value = Day.parse(form[key]) else { errors.append(FieldError(key, .dateInvalid)); return nil }
            return value
        }
        let start = day("plannedStart"), completion = day("plannedCompletion")
        let nature = ConstructionNature(rawValue: form["nature"])
        if nature == nil { errors.append(FieldError("nature", .required(field: "nature"))) }
        guard errors.isEmpty, let year, let nature else { return .failure(ValidationFailure(errors)) }
        return .success((AnnualPlan(projectId: projectId, year: year, plannedInvestment: investment, plannedStart: start, plannedCompletion: completion,
                                    nature: nature, inStartList: form["inStartList"] == "1", campaign: form["campaign"]), Int(form["version"])))
    }

    static func save(_ input: EndpointRequest) async throws -> Response {
        let project = try input.targetProject()
        let form = input.form ?? FormData(pairs: [])
        return try await FormSubmission.submit({
            switch parse(form, projectId: project.id) {
            case .failure(let failure): throw StoreError.invalid(failure)
            case .success(let (plan, version)):
                _ = try await AnnualPlanRepository(database: input.services.database).save(plan, project: project, expectedVersion: version,
                                                                                          actor: input.actor, now: input.now)
                return Responses.redirect(to: Route.projectReports(project.id, year: plan.year).path(notice: "saved"))
            }
        }, refused: { try await ReportPages.render(input, project: project, errors: $0.errors, form: form, status: $0.status) })
    }

    struct PlanDTO: Codable, Sendable {
        var year: Int
        var plannedInvestment: Int64
        @ExplicitNull var plannedStart: String?
        @ExplicitNull var plannedCompletion: String?
        var nature: String
        var inStartList: Bool
        var campaign: String
        var version: Int

        init(_ plan: AnnualPlan) {
            year = plan.year
            plannedInvestment = plan.plannedInvestment.yuan
            plannedStart = plan.plannedStart?.iso
            plannedCompletion = plan.plannedCompletion?.iso
            nature = plan.nature.rawValue
            inStartList = plan.inStartList
            campaign = plan.campaign
            version = plan.version
        }
    }

    static func api(_ input: EndpointRequest) async throws -> Response {
        try Responses.json(try await AnnualPlanRepository(database: input.services.database).plans(projectId: try input.targetProject().id).map(PlanDTO.init))
    }

    struct PlanBody: Decodable, Sendable {
        var year: Int
        var plannedInvestment: Int64
        var plannedStart: String?
        var plannedCompletion: String?
        var nature: String
        var inStartList: Bool?
        var campaign: String?
        var version: Int?
    }

    static func apiSave(_ input: EndpointRequest) async throws -> Response {
        let project = try input.targetProject()
        let body = try input.json(PlanBody.self)
        guard body.plannedInvestment >= 0 else { throw AppError.validation(ValidationFailure([FieldError("plannedInvestment", .money(.negative))])) }
        let form = FormData(pairs: [("year", String(body.year)), ("plannedInvestmentWan", Money(yuan: body.plannedInvestment).exactWanText),
                                    ("plannedStart", body.plannedStart ?? ""), ("plannedCompletion", body.plannedCompletion ?? ""), ("nature", body.nature),
                                    ("inStartList", body.inStartList == true ? "1" : ""), ("campaign", body.campaign ?? ""),
                                    ("version", body.version.map(String.init) ?? "")])
        switch parse(form, projectId: project.id) {
        case .failure(let failure): throw AppError.validation(failure)
        case .success(let (plan, version)):
            let saved = try await AnnualPlanRepository(database: input.services.database).save(plan, project: project, expectedVersion: version,
                                                                                              actor: input.actor, now: input.now)
            return try Responses.json(PlanDTO(saved))
        }
    }

    /// The plan card on the tab: the year's plan, how far the year's dispatch figures have got, the form.
    static func card(_ context: PageContext, project: Project, year: Int, plan: AnnualPlan?, yearDispatch: Money, canEdit: Bool, form: FormData,
                     errors: [FieldError]) -> Node<HTML.BodyContext> {
        func value(_ key: String, _ fallback: String) -> String { form.pairs.contains { $0.0 == key } && form["year"] == String(year) ? form[key] : fallback }
        func messages(_ field: String) -> [String] { errors.filter { $0.field == field }.map(\.message) }
        let share = plan.flatMap { $0.plannedInvestment > .zero ? Double(yearDispatch.yuan) / Double($0.plannedInvestment.yuan) * 100 : nil }
        let suggested = ConstructionNature.of(actualStart: project.fields.actualStart, plannedStart: project.fields.plannedStart,
                                              actualCompletion: project.fields.actualCompletion, year: year)
        return .section(.class("card"),
            .h2(.text(WebText.Monthly.annualPlanOf(year))),
            .p(.text(plan.map { plan in
                WebText.Monthly.planLine(ProjectReportsPage.wan(plan.plannedInvestment), plan.nature.label, plan.inStartList ? WebText.Monthly.inStartListNote : "",
                                         plan.campaign.isEmpty ? "" : WebText.Monthly.campaignNote(plan.campaign))
                    + WebText.Monthly.yearDispatchDone(ProjectReportsPage.wan(yearDispatch)) + (share.map { WebText.Monthly.shareOfPlan(Decimals.text($0)) } ?? "") + "。"
            } ?? WebText.Monthly.noAnnualPlan)),
            .if(canEdit, .form(.method(.post), .action(esc(Route.projectPlans(project.id).path)), .class("project-form"),
                Layout.csrfField(context),
                .input(.type(.hidden), .name("year"), .value(String(year))),
                .input(.type(.hidden), .name("version"), .value(plan.map { String($0.version) } ?? "")),
                .div(.class("field-grid"),
                    Components.textField("plannedInvestmentWan", label: WebText.Monthly.plannedInvestmentWan, value: value("plannedInvestmentWan", plan?.plannedInvestment.exactWanText ?? ""),
                                         errors: messages("plannedInvestment"), required: true),
                    Components.selectField("nature", label: WebText.Monthly.nature, options: ConstructionNature.allCases.map { .init($0.rawValue, $0.label) },
                                           selected: value("nature", (plan?.nature ?? suggested)?.rawValue ?? ""), errors: messages("nature"), required: true),
                    Components.textField("plannedStart", label: WebText.Monthly.startsThisYear, value: value("plannedStart", plan?.plannedStart?.iso ?? ""), errors: messages("plannedStart"), inputType: .date),
                    Components.textField("plannedCompletion", label: WebText.Monthly.completesThisYear, value: value("plannedCompletion", plan?.plannedCompletion?.iso ?? ""),
                                         errors: messages("plannedCompletion"), inputType: .date),
                    Components.selectField("inStartList", label: WebText.Monthly.inStartList, options: [.init("1", WebText.Monthly.yes)], selected: value("inStartList", plan?.inStartList == true ? "1" : ""),
                                           blank: WebText.Monthly.no),
                    Components.textField("campaign", label: WebText.Monthly.campaign, value: value("campaign", plan?.campaign ?? ""), errors: messages("campaign"),
                                         placeholder: WebText.Monthly.campaignExample)),
                .button(.type(.submit), .class("button secondary"), .text(WebText.Monthly.saveAnnualPlan))))
        )
    }
}
