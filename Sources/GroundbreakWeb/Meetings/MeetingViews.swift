import Foundation
import GroundbreakDomain
import GroundbreakStore
import Plot

struct MeetingListPage {
    var context: PageContext
    var meetings: [Meeting]
    var settings: MeetingSettings
    var errors: [FieldError]
    var form: FormData

    var document: HTML {
        let content: Node<HTML.BodyContext> = .group(
            .h1(.text("会议")),
            Components.errorSummary(errors),
            context.may(.runMeetings) ? createForm : .empty,
            meetings.isEmpty ? .p(.class("empty"), .text("还没有会议。")) : .div(.class("table-wrap"), .table(.class("ledger"),
                .thead(.tr(.th(.text("日期")), .th(.text("会议")), .th(.text("名称")), .th(.class("num"), .text("议题")), .th(.class("num"), .text("决定事项")), .th(.text("纪要")))),
                .tbody(.forEach(meetings) { meeting in
                    .tr(.td(.text(meeting.heldOn.iso)), .td(.text("\(settings.kind(meeting.kindCode)?.name ?? meeting.kindCode) 第\(meeting.serial)次")),
                        .td(.class("name"), .a(.href(esc(Route.meeting(meeting.id).path)), .text(meeting.title))),
                        .td(.class("num"), .text(String(meeting.agenda.count))), .td(.class("num"), .text(String(meeting.decisions.count))),
                        .td(.text(meeting.status == .minuted ? "已印发" : "未印发")))
                })))
        )
        return Layout.document(title: "会议", context: context, nav: .meetings, content: content)
    }

    var createForm: Node<HTML.BodyContext> {
        let messages = { (field: String) in errors.filter { $0.field == field }.map(\.message) }
        let kinds = settings.kinds.map { Components.Option($0.code, $0.name) }
        return .form(.method(.post), .action(esc(Route.meetings.path)), .class("card project-form"),
                     Layout.csrfField(context),
                     .h2(.text("召开会议")),
                     .p(.class("meta"), .text("上一次同类会议未解决的问题和未办结的督办事项会自动列入本次议题。")),
                     .div(.class("field-grid"),
                          Components.selectField("kindCode", label: "会议种类", options: kinds, selected: form["kindCode"], errors: messages("kindCode"), required: true),
                          Components.textField("title", label: "会议名称", value: form["title"], errors: messages("title"), required: true),
                          Components.textField("heldOn", label: "日期", value: form["heldOn"], errors: messages("heldOn"), required: true, inputType: .date),
                          Components.textField("place", label: "地点", value: form["place"]),
                          Components.textField("chair", label: "主持", value: form["chair"]),
                          Components.textField("projects", label: "汇报项目：项目编号（逗号分隔）", value: form["projects"], errors: messages("projects")),
                          Components.textField("problems", label: "议题：问题编号（逗号分隔）", value: form["problems"], errors: messages("problems")),
                          Components.textArea("attendees", label: "出席（每行一个职务或单位）", value: form["attendees"])),
                     .button(.type(.submit), .class("button"), .text("召开")))
    }
}

struct MeetingShowPage {
    var context: PageContext
    var meeting: Meeting
    var settings: MeetingSettings
    var catalog: ReferenceCatalog
    var problems: [Int64: Problem]
    var items: [Int64: SupervisedItem]
    var projects: [Int64: Project]
    var errors: [FieldError]

    var document: HTML {
        let kind = settings.kind(meeting.kindCode)?.name ?? meeting.kindCode
        let content: Node<HTML.BodyContext> = .group(
            .p(.class("breadcrumb"), .a(.href(esc(Route.meetings.path)), .text("会议"))),
            .h1(.text(meeting.title)),
            .p(.class("meta"), .text("\(kind) \(settings.number(of: meeting)) · \(meeting.heldOn.iso) · \(meeting.place) · 主持：\(meeting.chair)")),
            Components.errorSummary(errors),
            .h2(.text("议题")),
            meeting.agenda.isEmpty ? .p(.class("empty"), .text("没有议题。")) : .ul(.forEach(meeting.agenda) { agendaLine($0) }),
            meeting.status == .minuted ? minutes : (context.may(.runMeetings) ? minutesForm : .p(.class("meta"), .text("纪要尚未印发。")))
        )
        return Layout.document(title: meeting.title, context: context, nav: .meetings, content: content)
    }

    func agendaLine(_ item: Meeting.AgendaItem) -> Node<HTML.ListContext> {
        let carried = item.carriedOver ? "（上次会议遗留）" : ""
        if let id = item.projectId {
            return .li(.a(.href(esc(Route.project(id).path)), .text(projects[id]?.fields.name ?? "项目 #\(id)")), .text(" 汇报"))
        }
        if let id = item.problemId {
            let problem = problems[id]
            return .li(.a(.href(esc(Route.problem(id).path)), .text("问题 #\(id)")), .text(" \(problem.map { String($0.description.prefix(50)) } ?? "") \(problem?.status.label ?? "")\(carried)"))
        }
        if let id = item.supervisedItemId {
            let supervised = items[id]
            return .li(.a(.href(esc(Route.supervisedItem(id).path)), .text("督办 #\(id)")), .text(" \(supervised.map { String($0.content.prefix(50)) } ?? item.note) \(supervised?.status.label ?? "")\(carried)"))
        }
        return .li(.text(item.note))
    }

    var minutes: Node<HTML.BodyContext> {
        .section(.class("card"),
                 .h2(.text("会议纪要")),
                 .p(.a(.class("button secondary"), .href(esc(Route.meetingMinutesDocx(meeting.id).path)), .text("下载纪要（.docx）"))),
                 .p(.text(meeting.summary)),
                 .ol(.forEach(meeting.decisions) { decision in
                     let owner = decision.owner.map { "责任单位：\($0.name(catalog))；完成时限：\(decision.deadline?.iso ?? "—")" } ?? ""
                     let link: Node<HTML.BodyContext> = decision.supervisedItemId.map { .a(.href(esc(Route.supervisedItem($0).path)), .text(" 督办 #\($0)")) } ?? .empty
                     return .li(.text(decision.text + (owner.isEmpty ? "" : "（\(owner)）")), link)
                 }))
    }

    var minutesForm: Node<HTML.BodyContext> {
        let units = Components.unitOptions(catalog)
        return .form(.method(.post), .action(esc(Route.meetingMinutes(meeting.id).path)), .class("card project-form"),
                     Layout.csrfField(context),
                     .input(.type(.hidden), .name("version"), .value(String(meeting.version))),
                     .h2(.text("印发纪要")),
                     .p(.class("meta"), .text("写明责任单位和完成时限的决定事项，印发时自动列为督办事项。")),
                     .div(.class("field-grid"), Components.textArea("summary", label: "会议情况", value: "")),
                     .forEach(1...6) { index in
                         .div(.class("field-grid"),
                              Components.textField("decisionText", label: "决定事项 \(index)", value: "", form: "d\(index)"),
                              Components.selectField("decisionOwner", label: "责任单位", options: units, selected: "", blank: "（无需办理）", form: "d\(index)"),
                              Components.textField("decisionDeadline", label: "完成时限", value: "", inputType: .date, form: "d\(index)"))
                     },
                     .button(.type(.submit), .class("button"), .text("印发纪要")))
    }
}
