import Foundation
import GroundbreakDomain
import Plot

extension ProjectShowPage {
    /// The project's open problems.
    var problemQuery: ProblemQuery {
        var query = ProblemQuery()
        query.projectId = project.id
        return query
    }

    var document: HTML {
        let fields = project.fields
        return Layout.document(title: fields.name, context: context, nav: .none, content: .group(
            .nav(.class("breadcrumb"), .a(.href(esc(Route.ledger.path)), .text(WebText.Ledger.title)), .span(.text(" / ")), .span(.text(fields.name))),
            .div(
                .class("page-head"),
                .div(
                    .h1(.text(fields.name)),
                    .p(.class("subtitle"),
                       Components.stageBadge(project.stage),
                       .span(.class("code"), .text(fields.code?.value ?? "尚未赋码")),
                       .span(.text("版本 \(project.version)")))
                ),
                .div(.class("actions"),
                     .a(.class("button secondary"), .href(esc(Route.projectApprovals(project.id).path)), .text("审批进度")),
                     .a(.class("button secondary"), .href(esc(Route.projectReports(project.id, year: nil).path)), .text("月度填报")),
                     .a(.class("button secondary"), .href(esc(Route.problems(problemQuery).path)), .text("问题清单")),
                     .if(canEdit, .a(.class("button"), .href(esc(Route.editProject(project.id).path)), .text(WebText.Project.edit))))
            ),
            Components.notice(notice),
            .if(!flags.isEmpty, .div(.class("flags-panel"), .strong(.text(WebText.Project.flags + "：")), Components.flagBadges(flags))),
            .if(approvalsSlipped || approvalsOverdue > 0, .div(.class("alert alert-warn"),
                .text(([approvalsOverdue > 0 ? "\(approvalsOverdue) 个审批事项已超过办结时限" : nil,
                        approvalsSlipped ? "按目标开工日期倒排工期，前期审批已滞后" : nil] as [String?]).compactMap { $0 }.joined(separator: "；") + "。"),
                .a(.href(esc(Route.projectApprovals(project.id).path)), .text("查看审批进度")))),
            .if(project.stage == .suspended || project.stage == .cancelled,
                .div(.class("alert alert-warn"), .text("\(project.stage.label)原因：\(project.stageNote ?? "")"))),
            .div(
                .class("columns"),
                .div(.class("col-main"), details(fields)),
                .div(.class("col-side"), .if(canTransition, transitionPanel), historyPanel)
            )
        ))
    }

    private func details(_ fields: ProjectFields) -> Node<HTML.BodyContext> {
        let industry = fields.industryDivision.flatMap { catalog.division($0) }
        return .group(
            section("基本信息", [
                ("投资项目统一代码", fields.code.map { "\($0.value)（\($0.format == .current ? "现行格式" : "旧格式")）" } ?? "尚未赋码"),
                ("项目单位", fields.ownerName.isEmpty ? "—" : fields.ownerName),
                ("统一社会信用代码", fields.ownerCreditCode?.value ?? "—"),
                ("所在属地", name(region: fields.regionCode)),
                ("所属开发区", fields.zoneCode.flatMap { catalog.zone($0)?.name } ?? "—"),
                ("项目类别", catalog.category(fields.categoryCode)?.name ?? fields.categoryCode),
                ("国民经济行业分类", industry.map { "\($0.sectionCode) \(catalog.section($0.sectionCode)?.name ?? "") / \($0.code) \($0.name)" } ?? "—"),
                ("投资类型", fields.investmentType.label),
                ("项目层级", fields.levels.isEmpty ? "—" : fields.levels.map(\.label).joined(separator: "、")),
                ("标签", fields.tags.isEmpty ? "—" : fields.tags.map { catalog.tag($0)?.name ?? $0 }.joined(separator: "、")),
            ]),
            section("投资与建设", [
                ("总投资", "\(Format.wan(fields.totalInvestment)) 万元（\(Format.yi(fields.totalInvestment)) 亿元）"),
                ("规模档", catalog.band(for: fields.totalInvestment)?.label ?? "—"),
                ("建设性质（\(context.today.year)年）", project.constructionNature(in: context.today.year)?.label ?? "—"),
                ("建设地点", fields.location.address.isEmpty ? "—" : fields.location.address),
                ("坐标", fields.location.longitude.map { "东经 \($0)，北纬 \(fields.location.latitude ?? 0)" } ?? "—"),
                ("建设内容", fields.constructionContent.isEmpty ? "—" : fields.constructionContent),
            ]),
            section("进度日期", [
                ("计划开工", Format.day(fields.plannedStart)),
                ("计划竣工", Format.day(fields.plannedCompletion)),
                ("实际开工", Format.day(fields.actualStart)),
                ("实际竣工", Format.day(fields.actualCompletion)),
            ]),
            section("责任体系", [
                ("牵头部门", fields.leadDepartmentCode.map { name(department: $0) } ?? "未明确"),
                ("配合部门", fields.supportDepartmentCodes.isEmpty ? "—" : fields.supportDepartmentCodes.map { name(department: $0) }.joined(separator: "、")),
                ("包保领导", seat(fields.sponsorPositionId)),
                ("项目秘书", seat(fields.secretaryPositionId)),
            ]),
            .p(.class("meta"), .text("录入于 \(Format.dateTime(project.createdAt))，最后更新 \(Format.dateTime(project.updatedAt))"))
        )
    }

    private func section(_ title: String, _ rows: [(String, String)]) -> Node<HTML.BodyContext> {
        .section(
            .class("card"),
            .h2(.text(title)),
            .element(named: "dl", nodes: [.class("details")] + rows.flatMap { label, value -> [Node<HTML.BodyContext>] in
                [.element(named: "dt", text: label), .element(named: "dd", text: value)]
            })
        )
    }

    private var transitionPanel: Node<HTML.BodyContext> {
        .section(
            .class("card"),
            .h2(.text(WebText.Project.transition)),
            .if(targets.isEmpty, .p(.class("muted"), .text("项目处于“\(project.stage.label)”，不再变更阶段。"))),
            .if(!targets.isEmpty, .form(
                .method(.post), .action(esc(Route.transition(project.id).path)), .class("transition-form"),
                Layout.csrfField(context),
                .input(.type(.hidden), .name("version"), .value(esc(String(project.version)))),
                Components.errorSummary(transitionErrors, title: "阶段未变更"),
                Components.selectField("target", label: "转入阶段", options: targets.map { .init($0.rawValue, $0.label) },
                                       selected: transitionForm["target"], errors: messages("target"), required: true),
                .div(.class("field"), .data(named: "for-target", value: "construction"),
                     Components.textField("actualStart", label: "实际开工日期", value: transitionForm["actualStart"].isEmpty ? (project.fields.actualStart?.iso ?? "") : transitionForm["actualStart"],
                                          errors: messages("actualStart"), hint: "主体工程破土开槽或正式打桩的日期", inputType: .date)),
                .div(.class("field"), .data(named: "for-target", value: "operation"),
                     Components.textField("actualCompletion", label: "竣工日期", value: transitionForm["actualCompletion"], errors: messages("actualCompletion"), inputType: .date)),
                Components.textArea("note", label: "说明（暂缓、终止须填写原因）", value: transitionForm["note"], errors: messages("note")),
                .button(.type(.submit), .class("button"), .text("确认变更"))
            ))
        )
    }

    private func messages(_ field: String) -> [String] {
        transitionErrors.filter { $0.field == field }.map(\.message)
    }

    private var historyPanel: Node<HTML.BodyContext> {
        .section(
            .class("card"),
            .h2(.text(WebText.Project.history)),
            .if(!transitions.isEmpty, .group(
                .h3(.text("阶段变更")),
                .ol(.class("timeline"), .forEach(transitions.reversed()) { record in
                    .li(
                        .span(.class("when"), .text(Format.dateTime(record.at))),
                        .text(" \(record.from.label) → \(record.to.label)"),
                        .span(.class("who"), .text(" · \(record.actor)")),
                        .if(!record.note.isEmpty, .span(.class("note"), .text("：\(record.note)")))
                    )
                })
            )),
            .h3(.text("操作记录")),
            .ol(.class("timeline"), .forEach(history) { line in
                .li(
                    .span(.class("when"), .text(Format.dateTime(line.at))),
                    .text(" \(line.actor) \(line.action)"),
                    .if(!line.changes.isEmpty, .span(.class("note"), .text("：" + line.changes.joined(separator: "、")))),
                    .if(!line.reason.isEmpty, .span(.class("note"), .text("（\(line.reason)）")))
                )
            })
        )
    }
}
