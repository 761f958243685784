import Foundation
import GroundbreakDomain
import GroundbreakStore
import Plot

/// One problem: what it is, who owns it at which level by when, every event of its handling
/// (the escalation chain included), and the forms the reader's duties allow.
struct ProblemShowPage {
    var context: PageContext
    var problem: Problem
    var project: Project?
    var events: [ProblemEventRecord]
    var files: [StoredFile]
    var settings: ProblemSettings
    var catalog: ReferenceCatalog
    var may: Set<PolicyAction>
    var errors: [FieldError]
    var notice: String?

    var document: HTML {
        let content: Node<HTML.BodyContext> = .group(
            .p(.class("breadcrumb"), .a(.href(esc(Route.problems(ProblemQuery()).path)), .text("问题清单"))),
            .h1(.text("问题 #\(problem.id)")),
            Components.notice(notice),
            Components.errorSummary(errors),
            summary,
            forms,
            .h2(.text("办理过程")),
            .ol(.class("timeline"), .forEach(events) { entry(for: $0) }),
            fileList
        )
        return Layout.document(title: "问题 #\(problem.id)", context: context, nav: .problems, content: content)
    }

    var summary: Node<HTML.BodyContext> {
        let subject: Node<HTML.BodyContext> = project.map { .a(.href(esc(Route.project($0.id).path)), .text($0.fields.name)) }
            ?? .text(problem.enterpriseName.isEmpty ? "—" : "企业：\(problem.enterpriseName)")
        let overdue = problem.isOverdue(on: context.today)
        let rows: [(String, Node<HTML.BodyContext>)] = [
            ("项目", subject),
            ("类别", .text(settings.category(problem.categoryCode)?.name ?? problem.categoryCode)),
            ("问题描述", .text(problem.description)),
            ("提出", .text("\(problem.raisedByName)，\(problem.raisedOn.iso)")),
            ("层级", .text(problem.level.label + (problem.escalations > 0 ? "（已提级 \(problem.escalations) 次）" : ""))),
            ("责任单位", .text(problem.owner.map { $0.name(catalog) } ?? "待分办")),
            ("配合单位", .text(problem.supportUnits.isEmpty ? "—" : problem.supportUnits.map { $0.name(catalog) }.joined(separator: "、"))),
            ("办理时限", .text((problem.deadline?.iso ?? "—") + (overdue ? "（已逾期）" : ""))),
            ("状态", .text(problem.status.label + (problem.statusNote.isEmpty ? "" : "：\(problem.statusNote)"))),
        ]
        return .section(.class("card"), .table(.class("ledger"), .tbody(.forEach(rows) { row in .tr(.th(.text(row.0)), .td(row.1)) })))
    }

    var fileList: Node<HTML.BodyContext> {
        guard !files.isEmpty else { return .empty }
        return .group(.h2(.text("佐证材料")), .ul(.forEach(files) { file in
            .li(.a(.href(esc(Route.file(file.id).path)), .text(file.name)), .span(.class("when"), .text(" \(file.uploadedBy) \(Format.dateTime(file.uploadedAt))")))
        }))
    }

    func entry(for event: ProblemEventRecord) -> Node<HTML.ListContext> {
        var parts = [event.kind.label]
        if event.kind == .assign || event.kind == .escalate {
            parts.append("\(event.level.label)：\(event.owner.map { $0.name(catalog) } ?? "—")，时限 \(event.deadline?.iso ?? "—")")
        }
        if !event.text.isEmpty { parts.append(event.text) }
        return .li(.span(.class("when"), .text("\(event.on.iso) \(event.actorName)")), .text(" " + parts.joined(separator: " — ")))
    }

    var forms: Node<HTML.BodyContext> {
        .group(
            may.contains(.manageProblems) ? manageForms : .empty,
            may.contains(.handleProblem) ? handleForm : .empty,
            may.contains(.confirmProblem) && [.resolved, .closed].contains(problem.status) ? confirmForm : .empty
        )
    }

    func eventForm(_ route: Route, title: String, events: [(String, String)], textLabel: String, extra: Node<HTML.FormContext> = .empty,
                   upload: Bool = false) -> Node<HTML.BodyContext> {
        .form(.method(.post), .action(esc(route.path)), .class("card project-form event-form"),
              .attribute(named: "enctype", value: upload ? "multipart/form-data" : nil),
              Layout.csrfField(context),
              .input(.type(.hidden), .name("version"), .value(String(problem.version))),
              .h2(.text(title)),
              .div(.class("field-grid"),
                   Components.selectField("event", label: "操作", options: events.map { Components.Option($0.0, $0.1) }, selected: "", blank: nil),
                   extra,
                   Components.textArea("text", label: textLabel, value: "")),
              .button(.type(.submit), .class("button"), .text("提交")))
    }

    var manageForms: Node<HTML.BodyContext> {
        let units = Components.unitOptions(catalog)
        let levels = ProblemLevel.allCases.map { Components.Option($0.rawValue, $0.label) }
        let assign: Node<HTML.FormContext> = .group(
            Components.selectField("owner", label: "责任单位（分办时）", options: units, selected: problem.owner?.key ?? ""),
            Components.selectField("level", label: "层级", options: levels, selected: problem.level.rawValue, blank: nil),
            Components.textField("deadline", label: "办理时限（留空按层级工作日）", value: problem.deadline?.iso ?? "", inputType: .date),
            .div(.class("field"), Components.label("supportUnits", "配合单位", required: false),
                 Components.select("supportUnits", options: units, selected: Set(problem.supportUnits.map(\.key)), blank: nil, multiple: true))
        )
        return eventForm(.manageProblem(problem.id), title: "分办与督办（项目中心）",
                         events: [("assign", "分办 / 改派"), ("escalate", "提级"), ("suspend", "挂起"), ("resume", "恢复办理")],
                         textLabel: "说明（挂起、提级须写明原因）", extra: assign)
    }

    var handleForm: Node<HTML.BodyContext> {
        eventForm(.handleProblem(problem.id), title: "办理（责任单位）",
                  events: [("reply", "办理回复"), ("resolve", "办结（附解决情况）"), ("beyondPower", "无力解决，申请提级")],
                  textLabel: "进展、解决情况或原因",
                  extra: .div(.class("field"), .label(.for("file"), .text("佐证材料（图片、PDF 或 Office 文件，可不传）")),
                              .input(.type(.file), .id("file"), .name("file"), .attribute(named: "accept", value: ".jpg,.jpeg,.png,.webp,.pdf,.docx,.xlsx,.pptx"))),
                  upload: true)
    }

    var confirmForm: Node<HTML.BodyContext> {
        eventForm(.confirmProblem(problem.id), title: "销号确认（提出人或项目中心）",
                  events: problem.status == .resolved ? [("closeOut", "确认解决，销号"), ("reopen", "未解决，退回重办")] : [("reopen", "重新办理")],
                  textLabel: "意见（退回须写明原因）")
    }
}
