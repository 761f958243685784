import Foundation
import GroundbreakDomain
import GroundbreakStore
import Plot

struct SupervisionListPage {
    var context: PageContext
    var items: [SupervisedItem]
    var openOnly: Bool
    var catalog: ReferenceCatalog
    var errors: [FieldError]
    var form: FormData

    var document: HTML {
        let overdue = items.filter { $0.isOverdue(on: context.today) }.count
        let content: Node<HTML.BodyContext> = .group(
            .h1(.text("督办事项")),
            Components.errorSummary(errors),
            .p(.class("lead"), .text(openOnly ? "未办结 \(items.count) 件，其中逾期 \(overdue) 件。" : "全部 \(items.count) 件。")),
            .p(.a(.href(esc(Route.supervision(openOnly: !openOnly).path)), .text(openOnly ? "查看全部（含已销号）" : "只看未办结"))),
            context.may(.superviseItems) ? createForm : .empty,
            table
        )
        return Layout.document(title: "督办事项", context: context, nav: .supervision, content: content)
    }

    var createForm: Node<HTML.BodyContext> {
        let messages = { (field: String) in errors.filter { $0.field == field }.map(\.message) }
        let units = Components.unitOptions(catalog)
        let sources = SupervisedItem.Source.allCases.map { Components.Option($0.rawValue, $0.label) }
        return .form(.method(.post), .action(esc(Route.supervision(openOnly: true).path)), .class("card project-form"),
                     Layout.csrfField(context),
                     .h2(.text("立项督办")),
                     .div(.class("field-grid"),
                          Components.textArea("content", label: "督办内容", value: form["content"], errors: messages("content")),
                          Components.selectField("owner", label: "责任单位", options: units, selected: form["owner"], errors: messages("owner"), required: true),
                          Components.textField("deadline", label: "办理时限", value: form["deadline"], errors: messages("deadline"), required: true, inputType: .date),
                          Components.selectField("source", label: "来源", options: sources, selected: form["source"], blank: nil),
                          Components.textField("sourceNote", label: "来源说明（会议及文号、批示等）", value: form["sourceNote"])),
                     .button(.type(.submit), .class("button"), .text("立项")))
    }

    var table: Node<HTML.BodyContext> {
        guard !items.isEmpty else { return .p(.class("empty"), .text("没有督办事项。")) }
        return .div(.class("table-wrap"), .table(.class("ledger"),
            .thead(.tr(.th(.text("督办内容")), .th(.text("责任单位")), .th(.text("时限")), .th(.text("状态")), .th(.text("来源")), .th(.class("num"), .text("催办")))),
            .tbody(.forEach(items) { item in
                let status: Node<HTML.BodyContext> = item.isOverdue(on: context.today)
                    ? .span(.class("badge clock-overdue"), .text("已逾期")) : .span(.class("badge"), .text(item.status.label))
                return .tr(.td(.class("name"), .a(.href(esc(Route.supervisedItem(item.id).path)), .text(String(item.content.prefix(60))))),
                           .td(.text(item.owner.name(catalog))), .td(.text(item.deadline.iso)), .td(status), .td(.text(item.source.label)),
                           .td(.class("num"), .text(String(item.urges))))
            })))
    }
}

struct SupervisionShowPage {
    var context: PageContext
    var item: SupervisedItem
    var events: [SupervisionEventRecord]
    var catalog: ReferenceCatalog
    var may: Set<PolicyAction>
    var errors: [FieldError]

    var document: HTML {
        let overdue = item.isOverdue(on: context.today)
        let rows: [(String, String)] = [
            ("督办内容", item.content), ("责任单位", item.owner.name(catalog)), ("办理时限", item.deadline.iso + (overdue ? "（已逾期）" : "")),
            ("状态", item.status.label), ("来源", item.sourceNote.isEmpty ? item.source.label : "\(item.source.label)：\(item.sourceNote)"),
            ("立项", "\(item.createdBy)，\(item.createdOn.iso)"), ("催办次数", String(item.urges)),
        ]
        let content: Node<HTML.BodyContext> = .group(
            .p(.class("breadcrumb"), .a(.href(esc(Route.supervision(openOnly: true).path)), .text("督办事项"))),
            .h1(.text("督办事项 #\(item.id)")),
            Components.errorSummary(errors),
            .section(.class("card"), .table(.class("ledger"), .tbody(.forEach(rows) { row in .tr(.th(.text(row.0)), .td(.text(row.1))) }))),
            may.contains(.superviseItems) && (overdue || item.urges > 0)
                ? .p(.a(.class("button secondary"), .href(esc(Route.supervisionLetter(item.id).path)), .text("下载督办函（.docx）"))) : .empty,
            may.contains(.answerSupervision) && item.status.isOpen
                ? form(.answerSupervision(item.id), title: "反馈（责任单位）", events: [("feedback", "反馈进展"), ("done", "报告办结")], withDeadline: false) : .empty,
            may.contains(.superviseItems) && item.status != .closed
                ? form(.decideSupervision(item.id), title: "督查（督查室）", events: item.status.isOpen ? [("urge", "催办并发督办函")] : [("close", "核销销号"), ("reopen", "退回重办")],
                       withDeadline: item.status.isOpen) : .empty,
            .h2(.text("办理过程")),
            .ol(.class("timeline"), .forEach(events) { event in
                .li(.span(.class("when"), .text("\(event.on.iso) \(event.actorName)")), .text(" \(event.kind.label)" + (event.text.isEmpty ? "" : " — \(event.text)")))
            })
        )
        return Layout.document(title: "督办事项 #\(item.id)", context: context, nav: .supervision, content: content)
    }

    func form(_ route: Route, title: String, events: [(String, String)], withDeadline: Bool) -> Node<HTML.BodyContext> {
        .form(.method(.post), .action(esc(route.path)), .class("card project-form event-form"),
              Layout.csrfField(context),
              .input(.type(.hidden), .name("version"), .value(String(item.version))),
              .h2(.text(title)),
              .div(.class("field-grid"),
                   Components.selectField("event", label: "操作", options: events.map { Components.Option($0.0, $0.1) }, selected: "", blank: nil),
                   withDeadline ? Components.textField("deadline", label: "新的办理时限（可不填）", value: "", inputType: .date) : .empty,
                   Components.textArea("text", label: "说明", value: "")),
              .button(.type(.submit), .class("button"), .text("提交")))
    }
}
