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
            .p(.class("breadcrumb"), .a(.href(esc(Route.problems(ProblemQuery()).path)), .text(WebText.Problems.list))),
            .h1(.text(Format.headline(problem.description))),
            .p(.class("meta"), .text(WebText.Problems.numbered(problem.id))),
            Components.notice(notice),
            Components.errorSummary(errors),
            summary,
            forms,
            .h2(.text(WebText.Problems.history)),
            .ol(.class("timeline"), .forEach(events) { entry(for: $0) }),
            fileList
        )
        return Layout.document(title: Format.headline(problem.description), context: context, nav: .problems, content: content)
    }

    var summary: Node<HTML.BodyContext> {
        let subject: Node<HTML.BodyContext> = project.map { .a(.href(esc(Route.project($0.id).path)), .text($0.fields.name)) }
            ?? .text(problem.enterpriseName.isEmpty ? "—" : WebText.Problems.enterprise(problem.enterpriseName))
        let overdue = problem.isOverdue(on: context.today)
        let rows: [(String, Node<HTML.BodyContext>)] = [
            (WebText.Problems.project, subject),
            (WebText.Problems.categoryShort, .text(settings.category(problem.categoryCode)?.name ?? problem.categoryCode)),
            (WebText.Problems.description, .text(problem.description)),
            (WebText.Problems.raised, .text("\(problem.raisedByName)，\(problem.raisedOn.iso)")),
            (WebText.Problems.level, .text(problem.level.label + (problem.escalations > 0 ? WebText.Problems.escalatedTimes(problem.escalations) : ""))),
            (WebText.Problems.owner, .text(problem.owner.map { $0.name(catalog) } ?? WebText.Problems.toAssign)),
            (WebText.Problems.support, .text(problem.supportUnits.isEmpty ? "—" : problem.supportUnits.map { $0.name(catalog) }.joined(separator: "、"))),
            (WebText.Problems.handlingDeadline, .text((problem.deadline?.iso ?? "—") + (overdue ? WebText.Problems.overdueMark : ""))),
            (WebText.Problems.status, .text(problem.status.label + (problem.statusNote.isEmpty ? "" : "：\(problem.statusNote)"))),
        ]
        return .section(.class("card"), .table(.class("ledger"), .tbody(.forEach(rows) { row in .tr(.th(.text(row.0)), .td(row.1)) })))
    }

    var fileList: Node<HTML.BodyContext> {
        guard !files.isEmpty else { return .empty }
        return .group(.h2(.text(WebText.Problems.evidence)), .ul(.forEach(files) { file in
            .li(.a(.href(esc(Route.file(file.id).path)), .text(file.name)), .span(.class("when"), .text(" \(file.uploadedBy) \(Format.dateTime(file.uploadedAt))")))
        }))
    }

    func entry(for event: ProblemEventRecord) -> Node<HTML.ListContext> {
        var parts = [event.kind.label]
        if event.kind == .assign || event.kind == .escalate {
            parts.append(WebText.Problems.escalationStep(event.level.label, event.owner.map { $0.name(catalog) } ?? "—", event.deadline?.iso ?? "—"))
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

    /// A form of the events the problem's state allows; none when it allows none of them (a
    /// 待分办 problem offers 分办, not the owner's 办理).
    func eventForm(_ route: Route, title: String, events all: [(String, String)], textLabel: String, extra: Node<HTML.FormContext> = .empty,
                   upload: Bool = false) -> Node<HTML.BodyContext> {
        let events = all.filter { ProblemEventInput.Group.kind(of: $0.0).map { ProblemRules.allows($0, from: problem.status) } ?? false }
        guard !events.isEmpty else { return .empty }
        return .form(.method(.post), .action(esc(route.path)), .class("card project-form event-form"),
              .attribute(named: "enctype", value: upload ? "multipart/form-data" : nil),
              Layout.csrfField(context),
              .input(.type(.hidden), .name("version"), .value(String(problem.version))),
              .h2(.text(title)),
              .div(.class("field-grid"),
                   Components.selectField("event", label: WebText.Problems.actions, options: events.map { Components.Option($0.0, $0.1) }, selected: "", blank: nil),
                   extra,
                   Components.textArea("text", label: textLabel, value: "")),
              .button(.type(.submit), .class("button"), .text(WebText.Problems.submit)))
    }

    var manageForms: Node<HTML.BodyContext> {
        let units = Components.unitOptions(catalog)
        let levels = ProblemLevel.allCases.map { Components.Option($0.rawValue, $0.label) }
        let assign: Node<HTML.FormContext> = .group(
            Components.selectField("owner", label: WebText.Problems.ownerWhenAssigning, options: units, selected: problem.owner?.key ?? ""),
            Components.selectField("level", label: WebText.Problems.level, options: levels, selected: problem.level.rawValue, blank: nil),
            Components.textField("deadline", label: WebText.Problems.deadlineHint, value: problem.deadline?.iso ?? "", inputType: .date),
            .div(.class("field"), Components.label("supportUnits", WebText.Problems.support, required: false),
                 Components.select("supportUnits", options: units, selected: Set(problem.supportUnits.map(\.key)), blank: nil, multiple: true))
        )
        return eventForm(.manageProblem(problem.id), title: WebText.Problems.manageHeading,
                         events: [("assign", WebText.Problems.assign), ("escalate", WebText.Problems.escalate), ("suspend", WebText.Problems.suspend), ("resume", WebText.Problems.resume)],
                         textLabel: WebText.Problems.manageNote, extra: assign)
    }

    var handleForm: Node<HTML.BodyContext> {
        eventForm(.handleProblem(problem.id), title: WebText.Problems.handleHeading,
                  events: [("reply", WebText.Problems.reply), ("resolve", WebText.Problems.resolve), ("beyondPower", WebText.Problems.beyondPower)],
                  textLabel: WebText.Problems.handleNote,
                  extra: .div(.class("field"), .label(.for("file"), .text(WebText.Problems.evidenceHint)),
                              .input(.type(.file), .id("file"), .name("file"), .attribute(named: "accept", value: ".jpg,.jpeg,.png,.webp,.pdf,.docx,.xlsx,.pptx"))),
                  upload: true)
    }

    var confirmForm: Node<HTML.BodyContext> {
        eventForm(.confirmProblem(problem.id), title: WebText.Problems.confirmHeading,
                  events: problem.status == .resolved ? [("closeOut", WebText.Problems.closeOut), ("reopen", WebText.Problems.reopen)] : [("reopen", WebText.Problems.reopenShort)],
                  textLabel: WebText.Problems.confirmNote)
    }
}
