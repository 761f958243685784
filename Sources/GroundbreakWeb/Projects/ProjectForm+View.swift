import Foundation
import GroundbreakDomain
import Plot

extension ProjectFormPage {
    var document: HTML {
        Layout.document(title: title, context: context, nav: { if case .create = mode { return .newProject } else { return .none } }(), content: .group(
            .nav(.class("breadcrumb"), .a(.href(esc(Route.ledger.path)), .text(WebText.Ledger.title)), .span(.text(" / ")), .span(.text(title))),
            .h1(.text(title)),
            .unwrap(conflictVersion) { version in
                .div(.class("alert alert-warn"), .attribute(named: "role", value: "alert"), .text(DomainText.staleVersion(current: version).zh))
            },
            Components.errorSummary(errors),
            form
        ))
    }

    private var form: Node<HTML.BodyContext> {
        .form(
            .method(.post), .action(esc(action)), .class("project-form"), .novalidate(),
            Layout.csrfField(context),
            .unwrap(version) { .input(.type(.hidden), .name("version"), .value(esc(String($0)))) },
            fieldset(WebText.Projects.basics,
                Components.textField("name", label: WebText.Projects.name, value: input.name, errors: messages("name"), required: true, wide: true),
                Components.textField("code", label: WebText.Projects.code, value: input.code, errors: messages("code"),
                                     placeholder: "2509-220104-89-01-544060", hint: WebText.Projects.codeHint),
                stageField,
                Components.textField("ownerName", label: WebText.Projects.owner, value: input.ownerName, errors: messages("ownerName")),
                Components.textField("ownerCreditCode", label: WebText.Projects.ownerCreditCode, value: input.ownerCreditCode, errors: messages("ownerCreditCode"), placeholder: WebText.Projects.creditCodeHint),
                Components.selectField("regionCode", label: WebText.Projects.region, options: catalog.regionOptions, selected: input.regionCode, errors: messages("regionCode"), required: true),
                Components.selectField("zoneCode", label: WebText.Projects.zoneOf, options: catalog.zoneOptions, selected: input.zoneCode, errors: messages("zoneCode"), blank: WebText.Projects.noZone),
                Components.selectField("categoryCode", label: WebText.Projects.category, options: catalog.categoryOptions, selected: input.categoryCode, errors: messages("categoryCode"), required: true),
                Components.selectField("industryDivision", label: WebText.Projects.industryDivision, options: catalog.divisionOptions, selected: input.industryDivision, errors: messages("industryDivision")),
                Components.selectField("investmentType", label: WebText.Projects.investmentType, options: InvestmentType.allCases.map { .init($0.rawValue, $0.label) },
                                       selected: input.investmentType, errors: messages("investmentType"), required: true)
            ),
            fieldset(WebText.Projects.investmentAndConstruction,
                Components.textField("totalInvestment", label: WebText.Projects.totalInvestmentWan, value: input.totalInvestmentWan, errors: messages("totalInvestment"),
                                     required: true, placeholder: WebText.Projects.investmentExample, hint: WebText.Projects.investmentHint),
                Components.textField("address", label: WebText.Projects.address, value: input.address, errors: messages("address"), wide: true),
                Components.textField("longitude", label: WebText.Projects.longitude, value: input.longitude, errors: messages("longitude"), placeholder: "125.3245"),
                Components.textField("latitude", label: WebText.Projects.latitude, value: input.latitude, errors: messages("latitude"), placeholder: "43.8868"),
                Components.textArea("constructionContent", label: WebText.Projects.constructionContent, value: input.constructionContent, errors: messages("constructionContent"))
            ),
            fieldset(WebText.Projects.dates,
                Components.textField("plannedStart", label: WebText.Projects.plannedStart, value: input.plannedStart, errors: messages("plannedStart"), inputType: .date),
                Components.textField("plannedCompletion", label: WebText.Projects.plannedCompletion, value: input.plannedCompletion, errors: messages("plannedCompletion"), inputType: .date),
                Components.textField("actualStart", label: WebText.Projects.actualStart, value: input.actualStart, errors: messages("actualStart"),
                                     hint: WebText.Projects.actualStartHint, inputType: .date),
                Components.textField("actualCompletion", label: WebText.Projects.actualCompletion, value: input.actualCompletion, errors: messages("actualCompletion"),
                                     hint: WebText.Projects.actualCompletionHint, inputType: .date)
            ),
            fieldset(WebText.Projects.responsibilityAndTags,
                Components.selectField("leadDepartmentCode", label: WebText.Projects.leadDepartment, options: catalog.departmentOptions, selected: input.leadDepartmentCode, errors: messages("leadDepartmentCode")),
                .div(
                    .class("field" + (messages("supportDepartmentCodes").isEmpty ? "" : " has-error")),
                    Components.label("supportDepartmentCodes", WebText.Projects.supportDepartmentsHint, required: false),
                    Components.select("supportDepartmentCodes", options: catalog.departmentOptions, selected: Set(input.supportDepartmentCodes), blank: nil, multiple: true),
                    Components.errors(messages("supportDepartmentCodes"))
                ),
                Components.selectField("sponsorPositionId", label: WebText.Projects.sponsor, options: catalog.positionOptions(.sponsor), selected: input.sponsorPositionId,
                                       errors: messages("sponsorPositionId"), blank: WebText.Projects.unassigned),
                Components.selectField("secretaryPositionId", label: WebText.Projects.secretary, options: catalog.positionOptions(.secretary), selected: input.secretaryPositionId,
                                       errors: messages("secretaryPositionId"), blank: WebText.Projects.unassigned),
                Components.checkboxes("levels", label: WebText.Projects.levels, options: ProjectLevel.allCases.map { .init($0.rawValue, $0.label) }, selected: input.levels, errors: messages("levels")),
                Components.checkboxes("tags", label: WebText.Projects.tags, options: catalog.tagOptions, selected: input.tags, errors: messages("tags"))
            ),
            .div(
                .class("form-actions"),
                .button(.type(.submit), .class("button"), .text(WebText.Project.save)),
                .a(.class("button secondary"), .href(esc(cancelPath)), .text(WebText.Project.cancel))
            )
        )
    }

    private var cancelPath: String {
        if case .edit(let project) = mode { return Route.project(project.id).path }
        return Route.ledger.path
    }

    private var stageField: Node<HTML.FormContext> {
        guard case .create(let stage) = mode else { return .empty }
        return Components.selectField("stage", label: WebText.Projects.currentStage, options: Lifecycle.creatableStages.map { .init($0.rawValue, $0.label) },
                                      selected: stage.isEmpty ? Stage.reserve.rawValue : stage, errors: messages("stage"), required: true, blank: nil)
    }

    private func fieldset(_ legend: String, _ nodes: Node<HTML.FormContext>...) -> Node<HTML.FormContext> {
        .element(named: "fieldset", nodes: [.class("card"), .element(named: "legend", text: legend), .div(.class("field-grid"), .group(nodes))])
    }
}
