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
                       .span(.class("code"), .text(fields.code?.value ?? WebText.Projects.noCode)))
                ),
                .div(.class("actions"),
                     .a(.class("button secondary"), .href(esc(Route.projectApprovals(project.id).path)), .text(WebText.Projects.approvals)),
                     .a(.class("button secondary"), .href(esc(Route.projectReserve(project.id).path)), .text(WebText.Nav.reserve)),
                     .a(.class("button secondary"), .href(esc(Route.projectReadiness(project.id).path)), .text(WebText.Nav.readiness)),
                     .a(.class("button secondary"), .href(esc(Route.projectReports(project.id, year: nil).path)), .text(WebText.Projects.reports)),
                     .a(.class("button secondary"), .href(esc(Route.problems(problemQuery).path)), .text(WebText.Projects.problems)),
                     .if(canEdit, .a(.class("button"), .href(esc(Route.editProject(project.id).path)), .text(WebText.Project.edit))))
            ),
            Components.notice(notice),
            .if(!flags.isEmpty, .div(.class("flags-panel"), .strong(.text(WebText.Project.flags + "：")), Components.flagBadges(flags))),
            .if(approvalsSlipped || approvalsOverdue > 0, .div(.class("alert alert-warn"),
                .text(([approvalsOverdue > 0 ? WebText.Projects.approvalsOverdue(approvalsOverdue) : nil,
                        approvalsSlipped ? WebText.Projects.approvalsBehind : nil] as [String?]).compactMap { $0 }.joined(separator: "；") + "。"),
                .a(.href(esc(Route.projectApprovals(project.id).path)), .text(WebText.Projects.viewApprovals)))),
            .unwrap(warning) { warning in
                .p(.class("warning-line"), .span(.class("light light-\(warning.colour.rawValue)"), .text(warning.colour.label)), .text(" "),
                   .a(.href(esc(Route.warnings().path)), .text(warning.explanation)))
            },
            .if(!lightHistory.isEmpty, .details(.class("light-history"), .summary(.text(WebText.Projects.lightHistory(lightHistory.count))),
                .ul(.forEach(lightHistory) { change in
                    .li(.span(.class("light light-\(change.colour.rawValue)"), .text(change.colour.label)), .text(" "),
                        .text(WebText.Projects.lightChange(change.since.iso, change.ruleVersion, change.explanation)))
                }))),
            .if(!fields.owed.isEmpty, .div(.class("alert alert-warn"), .text(WebText.Projects.owedFields(fields.owed.map { DomainText.field($0).zh })))),
            .if(project.stage == .suspended || project.stage == .cancelled,
                .div(.class("alert alert-warn"), .text(WebText.Projects.stageReason(project.stage.label, project.stageNote ?? "")))),
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
            section(WebText.Projects.basics, [
                (WebText.Projects.code, fields.code.map { WebText.Projects.codeWithFormat($0.value, $0.format == .current ? WebText.Projects.currentFormat : WebText.Projects.oldFormat) } ?? WebText.Projects.noCode),
                (WebText.Projects.owner, fields.ownerName.isEmpty ? "—" : fields.ownerName),
                (WebText.Projects.ownerCreditCode, fields.ownerCreditCode?.value ?? "—"),
                (WebText.Projects.region, name(region: fields.regionCode)),
                (WebText.Projects.zoneOf, fields.zoneCode.flatMap { catalog.zone($0)?.name } ?? "—"),
                (WebText.Projects.category, catalog.category(fields.categoryCode)?.name ?? fields.categoryCode),
                (WebText.Projects.industry, industry.map { "\($0.sectionCode) \(catalog.section($0.sectionCode)?.name ?? "") / \($0.code) \($0.name)" } ?? "—"),
                (WebText.Projects.investmentType, fields.investmentType.label),
                (WebText.Projects.levels, fields.levels.isEmpty ? "—" : fields.levels.map(\.label).joined(separator: "、")),
                (WebText.Projects.tags, fields.tags.isEmpty ? "—" : fields.tags.map { catalog.tag($0)?.name ?? $0 }.joined(separator: "、")),
            ]),
            section(WebText.Projects.investmentAndConstruction, [
                (WebText.Projects.totalInvestment, WebText.Projects.investmentWanAndYi(Format.wan(fields.totalInvestment), Format.yi(fields.totalInvestment))),
                (WebText.Projects.sizeBandLong, catalog.band(for: fields.totalInvestment)?.label ?? "—"),
                (WebText.Projects.natureThisYear(context.today.year), project.constructionNature(in: context.today.year)?.label ?? "—"),
                (WebText.Projects.address, fields.location.address.isEmpty ? "—" : fields.location.address),
                (WebText.Projects.coordinates, fields.location.longitude.map { WebText.Projects.eastNorth(Format.coordinate($0), Format.coordinate(fields.location.latitude ?? 0)) } ?? "—"),
                (WebText.Projects.constructionContent, fields.constructionContent.isEmpty ? "—" : fields.constructionContent),
            ]),
            .if(!classes.isEmpty || !statements.isEmpty, section(WebText.Projects.listsAndClasses,
                classes.map { (WebText.Projects.classIn($0.scheme.name), $0.item.name + ($0.item.confirmed ? "" : WebText.Projects.unconfirmedMark)) }
                + statements.map { line in
                    let implied = ListNature.implied(by: project, year: line.list.year)
                    let stated = line.entry.nature
                    let differs = stated != nil && implied != nil && stated != implied
                    return (WebText.Projects.yearList(line.list.year, name(region: line.list.regionCode), StatisticsText.band(line.list.threshold)),
                            WebText.Projects.statement(stated?.label, line.entry.plannedInvestment.map(Format.wan), differs ? implied?.label : nil))
                })),
            .if(!sourceLeads.isEmpty, .section(.class("card"), .h2(.text(WebText.Leads.sourceHeading)),
                .ul(.forEach(sourceLeads) { line in
                    .li(.a(.href(esc(Route.lead(line.lead.id).path)), .text(line.lead.title)),
                        .text("（" + WebText.Leads.sourceLine(line.lead.investor.name, line.stage) + "）"))
                }))),
            section(WebText.Projects.dates, [
                (WebText.Projects.plannedStartShort, Format.day(fields.plannedStart)),
                (WebText.Projects.plannedCompletionShort, Format.day(fields.plannedCompletion)),
                (WebText.Projects.actualStartShort, Format.day(fields.actualStart)),
                (WebText.Projects.actualCompletionShort, Format.day(fields.actualCompletion)),
            ]),
            section(WebText.Projects.responsibility, [
                (WebText.Projects.leadDepartment, fields.leadDepartmentCode.map { name(department: $0) } ?? WebText.Projects.unassigned),
                (WebText.Projects.supportDepartments, fields.supportDepartmentCodes.isEmpty ? "—" : fields.supportDepartmentCodes.map { name(department: $0) }.joined(separator: "、")),
                (WebText.Projects.sponsor, seat(fields.sponsorPositionId)),
                (WebText.Projects.secretary, seat(fields.secretaryPositionId)),
            ]),
            .p(.class("meta"), .text(WebText.Projects.createdAndUpdated(Format.dateTime(project.createdAt), Format.dateTime(project.updatedAt))))
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
            .if(targets.isEmpty, .p(.class("muted"), .text(WebText.Projects.finalStage(project.stage.label)))),
            .if(!targets.isEmpty, .form(
                .method(.post), .action(esc(Route.transition(project.id).path)), .class("transition-form"),
                Layout.csrfField(context),
                .input(.type(.hidden), .name("version"), .value(esc(String(project.version)))),
                Components.errorSummary(transitionErrors, title: WebText.Projects.stageUnchanged),
                Components.selectField("target", label: WebText.Projects.targetStage, options: targets.map { .init($0.rawValue, $0.label) },
                                       selected: transitionForm["target"], errors: messages("target"), required: true),
                .div(.class("field"), .data(named: "for-target", value: "construction"),
                     Components.textField("actualStart", label: WebText.Projects.actualStart, value: transitionForm["actualStart"].isEmpty ? (project.fields.actualStart?.iso ?? "") : transitionForm["actualStart"],
                                          errors: messages("actualStart"), hint: WebText.Projects.actualStartMeaning, inputType: .date)),
                .div(.class("field"), .data(named: "for-target", value: "operation"),
                     Components.textField("actualCompletion", label: WebText.Projects.completionDate, value: transitionForm["actualCompletion"], errors: messages("actualCompletion"), inputType: .date)),
                Components.textArea("note", label: WebText.Projects.transitionNote, value: transitionForm["note"], errors: messages("note")),
                .button(.type(.submit), .class("button"), .text(WebText.Projects.confirmTransition))
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
                .h3(.text(WebText.Projects.transitionHeading)),
                .ol(.class("timeline"), .forEach(transitions.reversed()) { record in
                    .li(
                        .span(.class("when"), .text(Format.dateTime(record.at))),
                        .text(" \(record.from.label) → \(record.to.label)"),
                        .span(.class("who"), .text(" · \(record.actor)")),
                        .if(!record.note.isEmpty, .span(.class("note"), .text("：\(record.note)")))
                    )
                })
            )),
            .h3(.text(WebText.Projects.history)),
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
