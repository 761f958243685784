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
            fieldset("基本信息",
                Components.textField("name", label: "项目名称", value: input.name, errors: messages("name"), required: true, wide: true),
                Components.textField("code", label: "投资项目统一代码", value: input.code, errors: messages("code"),
                                     placeholder: "2509-220104-89-01-544060", hint: "24位，赋码前可暂不填写；全角数字和各种横线会自动规范"),
                stageField,
                Components.textField("ownerName", label: "项目单位", value: input.ownerName, errors: messages("ownerName")),
                Components.textField("ownerCreditCode", label: "统一社会信用代码", value: input.ownerCreditCode, errors: messages("ownerCreditCode"), placeholder: "18位"),
                Components.selectField("regionCode", label: "所在属地", options: catalog.regionOptions, selected: input.regionCode, errors: messages("regionCode"), required: true),
                Components.selectField("zoneCode", label: "所属开发区", options: catalog.zoneOptions, selected: input.zoneCode, errors: messages("zoneCode"), blank: "不属于开发区"),
                Components.selectField("categoryCode", label: "项目类别", options: catalog.categoryOptions, selected: input.categoryCode, errors: messages("categoryCode"), required: true),
                Components.selectField("industryDivision", label: "国民经济行业分类（大类）", options: catalog.divisionOptions, selected: input.industryDivision, errors: messages("industryDivision")),
                Components.selectField("investmentType", label: "投资类型", options: InvestmentType.allCases.map { .init($0.rawValue, $0.label) },
                                       selected: input.investmentType, errors: messages("investmentType"), required: true)
            ),
            fieldset("投资与建设",
                Components.textField("totalInvestment", label: "总投资（万元）", value: input.totalInvestmentWan, errors: messages("totalInvestment"),
                                     required: true, placeholder: "如 85000", hint: "单位万元，最多4位小数"),
                Components.textField("address", label: "建设地点", value: input.address, errors: messages("address"), wide: true),
                Components.textField("longitude", label: "经度", value: input.longitude, errors: messages("longitude"), placeholder: "125.3245"),
                Components.textField("latitude", label: "纬度", value: input.latitude, errors: messages("latitude"), placeholder: "43.8868"),
                Components.textArea("constructionContent", label: "建设内容", value: input.constructionContent, errors: messages("constructionContent"))
            ),
            fieldset("进度日期",
                Components.textField("plannedStart", label: "计划开工日期", value: input.plannedStart, errors: messages("plannedStart"), inputType: .date),
                Components.textField("plannedCompletion", label: "计划竣工日期", value: input.plannedCompletion, errors: messages("plannedCompletion"), inputType: .date),
                Components.textField("actualStart", label: "实际开工日期", value: input.actualStart, errors: messages("actualStart"),
                                     hint: "开工建设及以后阶段填写", inputType: .date),
                Components.textField("actualCompletion", label: "实际竣工日期", value: input.actualCompletion, errors: messages("actualCompletion"),
                                     hint: "竣工投产阶段填写", inputType: .date)
            ),
            fieldset("责任体系与标识",
                Components.selectField("leadDepartmentCode", label: "牵头部门", options: catalog.departmentOptions, selected: input.leadDepartmentCode, errors: messages("leadDepartmentCode")),
                .div(
                    .class("field" + (messages("supportDepartmentCodes").isEmpty ? "" : " has-error")),
                    Components.label("supportDepartmentCodes", "配合部门（可多选）", required: false),
                    Components.select("supportDepartmentCodes", options: catalog.departmentOptions, selected: Set(input.supportDepartmentCodes), blank: nil, multiple: true),
                    Components.errors(messages("supportDepartmentCodes"))
                ),
                Components.selectField("sponsorPositionId", label: "包保领导", options: catalog.positionOptions(.sponsor), selected: input.sponsorPositionId,
                                       errors: messages("sponsorPositionId"), blank: "未明确"),
                Components.selectField("secretaryPositionId", label: "项目秘书", options: catalog.positionOptions(.secretary), selected: input.secretaryPositionId,
                                       errors: messages("secretaryPositionId"), blank: "未明确"),
                Components.checkboxes("levels", label: "项目层级", options: ProjectLevel.allCases.map { .init($0.rawValue, $0.label) }, selected: input.levels, errors: messages("levels")),
                Components.checkboxes("tags", label: "标签", options: catalog.tagOptions, selected: input.tags, errors: messages("tags"))
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
        return Components.selectField("stage", label: "当前阶段", options: Lifecycle.creatableStages.map { .init($0.rawValue, $0.label) },
                                      selected: stage.isEmpty ? Stage.reserve.rawValue : stage, errors: messages("stage"), required: true, blank: nil)
    }

    private func fieldset(_ legend: String, _ nodes: Node<HTML.FormContext>...) -> Node<HTML.FormContext> {
        .element(named: "fieldset", nodes: [.class("card"), .element(named: "legend", text: legend), .div(.class("field-grid"), .group(nodes))])
    }
}
