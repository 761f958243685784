import Foundation
import GroundbreakDomain
import GroundbreakStore
import Plot

struct SupervisionListPage {
    var context: PageContext
    var items: [SupervisedItem]
    var view: SupervisionPages.ListView
    var catalog: ReferenceCatalog
    var errors: [FieldError]
    var form: FormData

    var document: HTML {
        let overdue = items.filter { $0.isOverdue(on: context.today) }.count
        let content: Node<HTML.BodyContext> = .group(
            .h1(.text(WebText.Supervision.items)),
            Components.errorSummary(errors),
            .p(.class("lead list-total"), .attribute(named: "data-total", value: String(items.count)), .text(summary(overdue: overdue))),
            .div(.class("stage-chips"), .forEach([(SupervisionPages.ListView.open, WebText.Supervision.showOpen), (.overdue, WebText.Supervision.showOverdue),
                                                  (.all, WebText.Supervision.showAll)]) { choice, label in
                .a(.class("chip" + (choice == view ? " active" : "")), .href(esc(Route.supervision(choice).path)), .span(.class("chip-label"), .text(label)))
            }),
            context.may(.superviseItems) ? createForm : .empty,
            Components.listTools(filter: SupervisionExport.filterText(view), xlsx: .supervisionXLSX(view)),
            table
        )
        return Layout.document(title: WebText.Supervision.items, context: context, nav: .supervision, content: content)
    }

    func summary(overdue: Int) -> String {
        switch view {
        case .open: WebText.Supervision.openSummary(items.count, overdue)
        case .overdue: WebText.Supervision.overdueSummary(items.count)
        case .all: WebText.Supervision.allSummary(items.count)
        }
    }

    var createForm: Node<HTML.BodyContext> {
        let messages = { (field: String) in errors.filter { $0.field == field }.map(\.message) }
        let units = Components.unitOptions(catalog)
        let sources = SupervisedItem.Source.allCases.map { Components.Option($0.rawValue, $0.label) }
        return .form(.method(.post), .action(esc(Route.supervision(openOnly: true).path)), .class("card project-form"),
                     Layout.csrfField(context),
                     .h2(.text(WebText.Supervision.createHeading)),
                     .div(.class("field-grid"),
                          Components.textArea("content", label: WebText.Supervision.content, value: form["content"], errors: messages("content")),
                          Components.selectField("owner", label: WebText.Supervision.owner, options: units, selected: form["owner"], errors: messages("owner"), required: true),
                          Components.textField("deadline", label: WebText.Supervision.deadline, value: form["deadline"], errors: messages("deadline"), required: true, inputType: .date),
                          Components.selectField("source", label: WebText.Supervision.source, options: sources, selected: form["source"], blank: nil),
                          Components.textField("sourceNote", label: WebText.Supervision.sourceNote, value: form["sourceNote"])),
                     .button(.type(.submit), .class("button"), .text(WebText.Supervision.create)))
    }

    var table: Node<HTML.BodyContext> {
        guard !items.isEmpty else { return .p(.class("empty"), .text(WebText.Supervision.none)) }
        return .div(.class("table-wrap"), .table(.class("ledger"),
            .thead(.tr(.th(.text(WebText.Supervision.content)), .th(.text(WebText.Supervision.owner)), .th(.text(WebText.Supervision.deadlineShort)), .th(.text(WebText.Supervision.status)), .th(.text(WebText.Supervision.source)), .th(.class("num"), .text(WebText.Supervision.urges)))),
            .tbody(.forEach(items) { item in
                let status: Node<HTML.BodyContext> = item.isOverdue(on: context.today)
                    ? .span(.class("badge clock-overdue"), .text(WebText.Supervision.overdue)) : .span(.class("badge"), .text(item.status.label))
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
            (WebText.Supervision.content, item.content), (WebText.Supervision.owner, item.owner.name(catalog)), (WebText.Supervision.deadline, item.deadline.iso + (overdue ? WebText.Supervision.overdueMark : "")),
            (WebText.Supervision.status, item.status.label), (WebText.Supervision.source, item.sourceNote.isEmpty ? item.source.label : "\(item.source.label)：\(item.sourceNote)"),
            (WebText.Supervision.create, "\(item.createdBy)，\(item.createdOn.iso)"), (WebText.Supervision.urgeCount, String(item.urges)),
        ]
        let content: Node<HTML.BodyContext> = .group(
            .p(.class("breadcrumb"), .a(.href(esc(Route.supervision(openOnly: true).path)), .text(WebText.Supervision.items))),
            .h1(.text(Format.headline(item.content))),
            .p(.class("meta"), .text(WebText.Supervision.numbered(item.id))),
            Components.errorSummary(errors),
            .section(.class("card"), .table(.class("ledger"), .tbody(.forEach(rows) { row in .tr(.th(.text(row.0)), .td(.text(row.1))) }))),
            may.contains(.superviseItems) && (overdue || item.urges > 0)
                ? .p(.a(.class("button secondary"), .href(esc(Route.supervisionLetter(item.id).path)), .text(WebText.Supervision.downloadLetter))) : .empty,
            may.contains(.answerSupervision) && item.status.isOpen
                ? form(.answerSupervision(item.id), title: WebText.Supervision.answerHeading, events: [("feedback", WebText.Supervision.feedback), ("done", WebText.Supervision.done)], withDeadline: false) : .empty,
            may.contains(.superviseItems) && item.status != .closed
                ? form(.decideSupervision(item.id), title: WebText.Supervision.decideHeading, events: item.status.isOpen ? [("urge", WebText.Supervision.urge)] : [("close", WebText.Supervision.close), ("reopen", WebText.Supervision.reopen)],
                       withDeadline: item.status.isOpen) : .empty,
            .h2(.text(WebText.Supervision.history)),
            .ol(.class("timeline"), .forEach(Array(events.enumerated())) { index, event in
                // An urge that moved the deadline says so, from the deadline it recorded.
                let moved = event.kind == .urge && index > 0 && events[index - 1].deadline != event.deadline
                let words = [event.text, moved ? WebText.Supervision.deadlineMoved(event.deadline.iso) : ""].filter { !$0.isEmpty }.joined(separator: "；")
                return .li(.span(.class("when"), .text("\(event.on.iso) \(event.actorName)")), .text(" \(event.kind.label)" + (words.isEmpty ? "" : " — \(words)")))
            })
        )
        return Layout.document(title: Format.headline(item.content), context: context, nav: .supervision, content: content)
    }

    func form(_ route: Route, title: String, events: [(String, String)], withDeadline: Bool) -> Node<HTML.BodyContext> {
        .form(.method(.post), .action(esc(route.path)), .class("card project-form event-form"),
              Layout.csrfField(context),
              .input(.type(.hidden), .name("version"), .value(String(item.version))),
              .h2(.text(title)),
              .div(.class("field-grid"),
                   Components.selectField("event", label: WebText.Supervision.actions, options: events.map { Components.Option($0.0, $0.1) }, selected: "", blank: nil),
                   withDeadline ? Components.textField("deadline", label: WebText.Supervision.newDeadline, value: "", inputType: .date) : .empty,
                   Components.textArea("text", label: WebText.Supervision.note, value: "")),
              .button(.type(.submit), .class("button"), .text(WebText.Supervision.submit)))
    }
}
