import Foundation
import GroundbreakDomain
import GroundbreakStore
import Plot

struct MeetingListPage {
    var context: PageContext
    var meetings: [Meeting]
    var settings: MeetingSettings
    /// Escalated and overdue problems, offered as agenda items to tick.
    var candidates: [Problem]
    var catalog: ReferenceCatalog
    var errors: [FieldError]
    var form: FormData

    var document: HTML {
        let content: Node<HTML.BodyContext> = .group(
            .h1(.text(WebText.Meetings.meetings)),
            Components.errorSummary(errors),
            context.may(.runMeetings) ? createForm : .empty,
            meetings.isEmpty ? .p(.class("empty"), .text(WebText.Meetings.none)) : .div(.class("table-wrap"), .table(.class("ledger"),
                .thead(.tr(.th(.text(WebText.Meetings.date)), .th(.text(WebText.Meetings.meetings)), .th(.text(WebText.Meetings.name)), .th(.class("num"), .text(WebText.Meetings.agenda)), .th(.class("num"), .text(WebText.Meetings.decisions)), .th(.text(WebText.Meetings.minutes)))),
                .tbody(.forEach(meetings) { meeting in
                    .tr(.td(.text(meeting.heldOn.iso)), .td(.text(WebText.Meetings.kindSerial(settings.kind(meeting.kindCode)?.name ?? meeting.kindCode, meeting.serial))),
                        .td(.class("name"), .a(.href(esc(Route.meeting(meeting.id).path)), .text(meeting.title))),
                        .td(.class("num"), .text(String(meeting.agenda.count))), .td(.class("num"), .text(String(meeting.decisions.count))),
                        .td(.text(meeting.status == .minuted ? WebText.Meetings.issued : WebText.Meetings.notIssued)))
                })))
        )
        return Layout.document(title: WebText.Meetings.meetings, context: context, nav: .meetings, content: content)
    }

    /// The escalated and overdue problems as boxes to tick, with one box that ticks them all.
    func problemPicker<C: HTML.BodyContext>(errors: [String]) -> Node<C> {
        let ticked = Set(form.all("problems"))
        guard !candidates.isEmpty else { return .p(.class("meta"), .text(WebText.Meetings.noCandidates)) }
        let boxes: [Node<HTML.BodyContext>] = candidates.map { problem in
            let note = WebText.Meetings.candidateNote(problem.owner.map { $0.name(catalog) } ?? "—", problem.deadline?.iso ?? "—", problem.level.label)
            return .label(.class("check"),
                          .input(.type(.checkbox), .name("problems"), .value(String(problem.id)), .checked(ticked.contains(String(problem.id)))),
                          .text(Format.headline(problem.description)), .span(.class("sub"), .text(note)))
        }
        let all: Node<HTML.BodyContext> = .label(.class("check"), .input(.type(.checkbox), .attribute(named: "data-check-all", value: "problems")),
                                                 .text(WebText.Meetings.tickAll))
        return .div(.class("field wide picker"),
                    .element(named: "fieldset", nodes: [.element(named: "legend", text: WebText.Meetings.problemsHint), all, .div(.class("checks column"), .group(boxes))]),
                    Components.errors(errors))
    }

    var createForm: Node<HTML.BodyContext> {
        let messages = { (field: String) in errors.filter { $0.field == field }.map(\.message) }
        let kinds = settings.kinds.map { Components.Option($0.code, $0.name) }
        return .form(.method(.post), .action(esc(Route.meetings.path)), .class("card project-form"),
                     Layout.csrfField(context),
                     .h2(.text(WebText.Meetings.callHeading)),
                     .p(.class("meta"), .text(WebText.Meetings.carryOverHint)),
                     .div(.class("field-grid"),
                          Components.selectField("kindCode", label: WebText.Meetings.kind, options: kinds, selected: form["kindCode"], errors: messages("kindCode"), required: true),
                          Components.textField("title", label: WebText.Meetings.title, value: form["title"], errors: messages("title"), required: true),
                          Components.textField("heldOn", label: WebText.Meetings.date, value: form["heldOn"], errors: messages("heldOn"), required: true, inputType: .date),
                          Components.textField("place", label: WebText.Meetings.place, value: form["place"]),
                          Components.textField("chair", label: WebText.Meetings.chair, value: form["chair"]),
                          Components.textArea("projectNames", label: WebText.Meetings.projectsHint, value: form["projectNames"], errors: messages("projectNames")),
                          Components.textArea("attendees", label: WebText.Meetings.attendeesHint, value: form["attendees"])),
                     problemPicker(errors: messages("problems")),
                     .button(.type(.submit), .class("button"), .text(WebText.Meetings.call)))
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
            .p(.class("breadcrumb"), .a(.href(esc(Route.meetings.path)), .text(WebText.Meetings.meetings))),
            .h1(.text(meeting.title)),
            .p(.class("meta"), .text(WebText.Meetings.subtitle(kind, settings.number(of: meeting), meeting.heldOn.iso, meeting.place, meeting.chair))),
            .if(!meeting.attendees.isEmpty, .p(.text(WebText.Meetings.attendeesLine(meeting.attendees.joined(separator: "、"))))),
            .div(.class("list-tools"), .button(.type(.button), .class("button secondary no-print"), .attribute(named: "data-print", value: ""), .text(WebText.Common.print))),
            Components.errorSummary(errors),
            .h2(.text(WebText.Meetings.agenda)),
            meeting.agenda.isEmpty ? .p(.class("empty"), .text(WebText.Meetings.noAgenda)) : .ul(.forEach(meeting.agenda) { agendaLine($0) }),
            meeting.status == .minuted ? minutes
                : !context.may(.runMeetings) ? .p(.class("meta"), .text(WebText.Meetings.minutesNotIssued))
                : meeting.heldOn > context.today ? .p(.class("meta"), .text(WebText.Meetings.minutesAfterMeeting(meeting.heldOn.iso)))
                : minutesForm
        )
        return Layout.document(title: meeting.title, context: context, nav: .meetings, content: content)
    }

    func agendaLine(_ item: Meeting.AgendaItem) -> Node<HTML.ListContext> {
        let carried = item.carriedOver ? WebText.Meetings.carriedOver : ""
        if let id = item.projectId {
            return .li(.a(.href(esc(Route.project(id).path)), .text(projects[id]?.fields.name ?? WebText.Meetings.projectNumber(id))), .text(WebText.Meetings.reports))
        }
        if let id = item.problemId {
            let problem = problems[id]
            return .li(.text(WebText.Meetings.problemLead), .a(.href(esc(Route.problem(id).path)), .text(problem.map { Format.headline($0.description, limit: 60) } ?? WebText.Meetings.problemNumber(id))),
                       .text(" \(problem?.status.label ?? "")\(carried)"))
        }
        if let id = item.supervisedItemId {
            let supervised = items[id]
            return .li(.text(WebText.Meetings.itemLead), .a(.href(esc(Route.supervisedItem(id).path)), .text(supervised.map { Format.headline($0.content, limit: 60) } ?? WebText.Meetings.itemNumber(id))),
                       .text(" \(supervised?.status.label ?? item.note)\(carried)"))
        }
        return .li(.text(item.note))
    }

    var minutes: Node<HTML.BodyContext> {
        .section(.class("card"),
                 .h2(.text(WebText.Meetings.minutesHeading)),
                 .p(.a(.class("button secondary"), .href(esc(Route.meetingMinutesDocx(meeting.id).path)), .text(WebText.Meetings.downloadMinutes))),
                 .p(.text(meeting.summary)),
                 .ol(.forEach(meeting.decisions) { decision in
                     let owner = decision.owner.map { WebText.Meetings.decisionOwner($0.name(catalog), decision.deadline?.iso ?? "—") } ?? ""
                     let link: Node<HTML.BodyContext> = decision.supervisedItemId.map { .a(.href(esc(Route.supervisedItem($0).path)), .text(WebText.Meetings.itemReference($0))) } ?? .empty
                     return .li(.text(decision.text + (owner.isEmpty ? "" : "（\(owner)）")), link)
                 }))
    }

    var minutesForm: Node<HTML.BodyContext> {
        let units = Components.unitOptions(catalog)
        return .form(.method(.post), .action(esc(Route.meetingMinutes(meeting.id).path)), .class("card project-form"),
                     Layout.csrfField(context),
                     .input(.type(.hidden), .name("version"), .value(String(meeting.version))),
                     .h2(.text(WebText.Meetings.issueMinutes)),
                     .p(.class("meta"), .text(WebText.Meetings.decisionsHint)),
                     .div(.class("field-grid"), Components.textArea("summary", label: WebText.Meetings.summary, value: "")),
                     .forEach(1...6) { index in
                         .div(.class("field-grid decision-row"),
                              Components.textField("decisionText", label: WebText.Meetings.decisionNumber(index), value: "", form: "d\(index)"),
                              Components.selectField("decisionOwner", label: WebText.Meetings.owner, options: units, selected: "", blank: WebText.Meetings.noAction, form: "d\(index)"),
                              Components.textField("decisionDeadline", label: WebText.Meetings.deadline, value: "", inputType: .date, form: "d\(index)"))
                     },
                     .p(.button(.type(.button), .class("button secondary no-print"), .attribute(named: "data-add-row", value: "decision-row"), .text(WebText.Meetings.addDecision))),
                     .button(.type(.submit), .class("button"), .text(WebText.Meetings.issueMinutes)))
    }
}
