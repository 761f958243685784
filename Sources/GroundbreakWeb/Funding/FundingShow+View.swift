import Foundation
import GroundbreakDomain
import Plot

/// One application: what it asks for which projects, the channel's checklist against them, the
/// money at every step and, for those who keep it, the forms that record what happened.
struct FundingShowPage {
    var context: PageContext
    var reading: FundingReading
    var catalog: FundingCatalog
    var window: FundingWindow?
    var reference: ReferenceCatalog
    var visible: ProjectScope
    var mayKeep: Bool
    var errors: [FieldError]
    var form: FormData
    var today: Day
    var notice: String?

    typealias T = WebText.Funding

    var application: FundingApplication { reading.application }

    var document: HTML {
        Layout.document(title: application.title, context: context, nav: .funding, content: .group(
            .p(.class("no-print"), .a(.href(esc(Route.funding().path)), .text(T.title))),
            .h1(.text(application.title)),
            .if(notice != nil, .div(.class("alert alert-success"), .text(notice ?? ""))),
            Components.errorSummary(errors),
            .if(reading.late != nil, .div(.class("alert alert-error"), .text(lateText))),
            .if(mayKeep && FundingRules.revisable(application.state), .p(.class("no-print"), .a(.class("button secondary"), .href(esc(Route.editFunding(application.id).path)),
                                                                                             .text(T.editApplication)))),
            .dl(.class("facts"),
                .dt(.text(T.channel)), .dd(.text(catalog.channelName(application.channelCode) + (application.programme.isEmpty ? "" : "·" + application.programme))),
                .dt(.text(T.window)), .dd(.text(window.map { "\($0.name)（\($0.opensOn.iso)—\($0.closesOn.iso)）" } ?? T.noWindow)),
                .dt(.text(T.unit)), .dd(.text(application.unit.name(reference))),
                .dt(.text(T.handler)), .dd(.text(application.handlerName.isEmpty ? T.none : application.handlerName)),
                .dt(.text(T.state)), .dd(.strong(.text(application.state.label)), .text(" " + application.stateSince.iso)),
                .dt(.text(T.asked)), .dd(.text(Format.wan(application.asked))),
                .dt(.text(T.approved)), .dd(.text(application.approved.map(Format.wan) ?? T.none)),
                .dt(.text(T.issued)), .dd(.text(Format.wan(application.issued))),
                .dt(.text(T.arrived)), .dd(.text(Format.wan(application.arrived))),
                .dt(.text(T.spent)), .dd(.text(Format.wan(application.spent))),
                .dt(.text(T.maturity)), .dd(.text(reading.eligibility.maturity.map { catalog.maturity[$0].name } ?? T.none))),
            projectsSection,
            checklistSection,
            eventsSection
        ))
    }

    var lateText: String {
        guard let late = reading.late else { return "" }
        return T.late(Format.wan(late.unspent), late.dueOn.iso, late.daysLate)
    }

    var projectsSection: Node<HTML.BodyContext> {
        .group(
            .h2(.text(T.projectsSection)),
            .div(.class("table-wrap"), .table(.class("ledger"),
                .thead(.tr(.th(.text(T.projectName)), .th(.text(T.projectCode)), .th(.text(T.stage)), .th(.text(T.maturity)), .th(.text(T.excluded)),
                           .th(.class("num"), .text(T.asked)))),
                .tbody(.forEach(application.projects) { applied in
                    let project = reading.projects[applied.projectId]
                    let read = reading.eligibility.projects.first { $0.projectId == applied.projectId }
                    let name: Node<HTML.BodyContext> = project.map { project in
                        visible.contains(project) ? .a(.href(esc(Route.project(project.id).path)), .text(project.fields.name)) : .text(project.fields.name)
                    } ?? .text(String(applied.projectId))
                    return .tr(.td(.class("name"), name), .td(.text(project?.fields.code?.value ?? T.none)), .td(.text(project?.effectiveStage.label ?? T.none)),
                               .td(.text(read.map { catalog.maturity[$0.maturity].name } ?? T.none)),
                               .td(.class(read?.excluded.isEmpty == false ? "bad" : ""), .text(read?.excluded.joined(separator: "；") ?? "")),
                               .td(.class("num"), .text(Format.wan(applied.asked))))
                })))
        )
    }

    var checklistSection: Node<HTML.BodyContext> {
        let eligibility = reading.eligibility
        let names = Dictionary(reading.projects.values.map { ($0.id, $0.fields.name) }, uniquingKeysWith: { first, _ in first })
        let choices = [Components.Option("", T.byData), Components.Option("met", T.met), Components.Option("unmet", T.unmet)]
        let table: Node<HTML.BodyContext> = .div(.class("table-wrap"), .table(.class("ledger"),
            .thead(.tr(.th(.text(T.item)), .th(.text(T.computed)), .th(.text(T.answer)), .th(.text(T.evidence)), .th(.text(T.met)))),
            .tbody(.forEach(eligibility.lines) { line in
                let computed = line.computed.map { $0 ? T.met : T.unmet + (line.shortProjects.isEmpty ? "" : "（\(line.shortProjects.map { names[$0] ?? String($0) }.joined(separator: "、"))）") }
                let answered = form.pairs.isEmpty ? (line.answer.map { $0.met ? "met" : "unmet" } ?? "") : form["answer_\(line.item.code)"]
                let evidence = form.pairs.isEmpty ? line.answer?.evidence ?? "" : form["evidence_\(line.item.code)"]
                return .tr(.attribute(named: "data-item", value: line.item.code),
                           .td(.class("name"), .text(line.item.name)), .td(.text(computed ?? T.notAnswered)),
                           .td(mayKeep ? Components.select("answer_\(line.item.code)", options: choices, selected: [answered], blank: nil, form: "checklist")
                                       : .text(line.answer.map { $0.met ? T.met : T.unmet } ?? T.byData)),
                           .td(mayKeep ? .input(.type(.text), .name("evidence_\(line.item.code)"), .value(esc(evidence)), .attribute(named: "form", value: "checklist"),
                                                .attribute(named: "aria-label", value: "\(T.evidence)：\(line.item.name)"))
                                       : .text(line.answer?.evidence ?? "")),
                           .td(.class(line.met ? "good" : "bad"), .text(line.met ? T.met : T.unmet)))
            })))
        return .group(
            .h2(.text(T.checklistSection)),
            .p(.class("meta"), .text(T.checklistLead)),
            .p(.strong(.class(eligibility.isEligible ? "good" : "bad"), .text(eligibility.isEligible ? T.eligible : T.notEligible)),
               .text(" " + T.checklistCount(eligibility.metCount, eligibility.lines.count))),
            table,
            .if(mayKeep, .form(.method(.post), .id("checklist"), .action(esc(Route.answerFunding(application.id).path)), .class("no-print"),
                               Layout.csrfField(context), .input(.type(.hidden), .name("version"), .value(String(application.version))),
                               .button(.type(.submit), .class("button secondary"), .text(T.saveAnswers))))
        )
    }

    var eventsSection: Node<HTML.BodyContext> {
        let messages = { (field: String) in errors.filter { $0.field == field }.map(\.message) }
        let allowed = FundingRules.allowed(in: application.state)
        return .group(
            .h2(.text(T.eventsSection)),
            application.events.isEmpty ? .p(.class("muted"), .text(T.noEvents)) : .div(.class("table-wrap"), .table(.class("ledger"),
                .thead(.tr(.th(.text(T.eventOn)), .th(.text(T.eventKind)), .th(.class("num"), .text(T.amountWan)), .th(.text(T.note)), .th(.text(T.actor)))),
                .tbody(.forEach(application.events.reversed()) { event in
                    .tr(.td(.text(event.on.iso)), .td(.text(event.kind.label)), .td(.class("num"), .text(event.amount.map(Format.wan) ?? "")),
                        .td(.text(event.note)), .td(.text(event.actorName)))
                }))),
            .if(mayKeep, .form(.method(.post), .action(esc(Route.recordFunding(application.id).path)), .class("card project-form no-print"),
                Layout.csrfField(context),
                .input(.type(.hidden), .name("version"), .value(String(application.version))),
                .h3(.text(T.recordEvent)),
                .if(allowed == [.note], .p(.class("hint"), .text(T.noneToRecord))),
                .div(.class("field-grid"),
                     Components.selectField("kind", label: T.eventKind, options: allowed.map { .init($0.rawValue, $0.label) }, selected: form["kind"],
                                            errors: messages("kind"), required: true),
                     Components.textField("on", label: T.eventOn, value: form["on"].isEmpty ? today.iso : form["on"], errors: messages("on"), required: true,
                                          inputType: .date),
                     Components.textField("amountWan", label: T.amountWan, value: form["amountWan"], errors: messages("amount")),
                     Components.textField("note", label: T.note, value: form["note"], errors: messages("note"), wide: true)),
                .button(.type(.submit), .class("button"), .text(T.record))))
        )
    }
}
