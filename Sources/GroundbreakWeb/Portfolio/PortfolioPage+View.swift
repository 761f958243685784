import Foundation
import GroundbreakDomain
import Plot

/// A sponsor's portfolio: the 四率 with their formulas, the lights counted, the projects with
/// their lights and reasons, and the problems risen to the city's level.
struct PortfolioPage {
    var context: PageContext
    var reading: PortfolioPages.Reading?
    var seats: [Position]
    var catalog: ReferenceCatalog
    var rateCatalog: FourRateCatalog
    var errors: [FieldError] = []
    var form = FormData(pairs: [])
    var today: Day
    var notice: String?

    typealias T = WebText.Portfolio

    var document: HTML {
        Layout.document(title: T.title, context: context, nav: .portfolio, content: .group(
            Components.notice(notice),
            .h1(.text(reading.map { "\(T.title) · \($0.seat.display)" } ?? T.title)),
            .p(.class("meta"), .text(T.lead)),
            .if(!seats.isEmpty, seatForm),
            reading.map(content) ?? .p(.class("notice"), .text(T.noSeat))
        ))
    }

    var seatForm: Node<HTML.BodyContext> {
        .form(.method(.get), .action(esc(Route.portfolio().path)), .class("card filters no-print"),
              .div(.class("field-grid"),
                   Components.selectField("seat", label: T.seat, options: seats.map { Components.Option(String($0.id), $0.display) },
                                          selected: reading.map { String($0.seat.id) } ?? "")),
              .button(.type(.submit), .class("button"), .text(T.show)))
    }

    func content(_ reading: PortfolioPages.Reading) -> Node<HTML.BodyContext> {
        let colours = Dictionary(grouping: reading.projects.compactMap(\.warning), by: \.colour).mapValues(\.count)
        return .group(
            .h2(.text(T.fourRates)),
            FourRatesView.tiles(reading.rates, catalog: rateCatalog),
            .p(.class("meta"), .text(rateCatalog.source)),
            .p(.text(T.colourCount(colours[.red] ?? 0, colours[.yellow] ?? 0, colours[.green] ?? 0))),
            .p(.class("meta"), .text(T.asOf)),
            Components.listTools(filter: T.filterText(reading.seat.display), xlsx: .portfolioXLSX(seat: reading.seat.id)),
            Components.listTotal(reading.projects.count, T.count(reading.projects.count)),
            reading.projects.isEmpty ? .p(.class("notice"), .text(T.noProjects)) : .div(.class("table-wrap"), .table(.class("ledger"),
                .thead(.tr(.th(.text(T.lights)), .th(.text(T.project)), .th(.text(T.region)), .th(.text(T.stage)), .th(.class("num"), .text(T.total)),
                           .th(.class("num"), .text(T.planned)), .th(.class("num"), .text(T.done)), .th(.text(T.reasons)))),
                .tbody(.forEach(reading.projects) { line in
                    .tr(.td(.unwrap(line.warning) { .span(.class("light light-\($0.colour.rawValue)"), .text($0.colour.label)) }),
                        .td(.class("name"), .a(.href(esc(Route.project(line.project.id).path)), .text(line.project.fields.name))),
                        .td(.text(catalog.region(line.project.fields.regionCode)?.name ?? line.project.fields.regionCode)),
                        .td(Components.stageBadge(line.project.stage)), .td(.class("num"), .text(Format.wan(line.project.fields.totalInvestment))),
                        .td(.class("num"), .text(reading.plans[line.project.id].map(Format.wan) ?? T.none)),
                        .td(.class("num"), .text(reading.done[line.project.id].map(Format.wan) ?? T.none)),
                        .td(.text(line.warning?.reasons.map(\.text).joined(separator: "；") ?? "")))
                }))),
            .h2(.text(T.risen)),
            reading.risen.isEmpty ? .p(.class("notice"), .text(T.noRisen)) : .div(.class("table-wrap"), .table(.class("ledger"),
                .thead(.tr(.th(.text(T.problem)), .th(.text(T.level)), .th(.text(T.deadline)))),
                .tbody(.forEach(reading.risen) { problem in
                    .tr(.td(.class("name"), .a(.href(esc(Route.problem(problem.id).path)), .text(Format.headline(problem.description)))),
                        .td(.text(problem.level.label)), .td(.text(problem.deadline?.iso ?? T.none)))
                }))),
            activities(reading)
        )
    }

    /// What the leader did this year on the portfolio's projects, the quarter counted, and the form to record more.
    func activities(_ reading: PortfolioPages.Reading) -> Node<HTML.BodyContext> {
        let names = Dictionary(reading.projects.map { ($0.project.id, $0.project.fields.name) }, uniquingKeysWith: { first, _ in first })
        return .group(
            .h2(.id("activities"), .text(T.activities)),
            .p(.text(PortfolioText.counts(reading.quarterCounts, span: reading.quarter.label))),
            reading.activities.isEmpty ? .p(.class("muted"), .text(T.noActivities)) : .div(.class("table-wrap"), .table(.class("ledger"),
                .thead(.tr(.th(.text(T.activityOn)), .th(.text(T.activityKind)), .th(.text(T.project)), .th(.text(T.activitySummary)), .th(.text(T.recordedBy)))),
                .tbody(.forEach(reading.activities) { activity in
                    .tr(.td(.text(activity.on.iso)), .td(.text(activity.kind.label)),
                        .td(.class("name"), .a(.href(esc(Route.project(activity.projectId).path)), .text(names[activity.projectId] ?? "#\(activity.projectId)"))),
                        .td(.text(activity.summary)), .td(.text(activity.recordedBy)))
                }))),
            .if(context.may(.recordSponsorActivity) && !reading.projects.isEmpty, activityForm(reading))
        )
    }

    func activityForm(_ reading: PortfolioPages.Reading) -> Node<HTML.BodyContext> {
        let messages = { (field: String) in errors.filter { $0.field == field }.map(\.message) }
        return .form(.method(.post), .action(esc(Route.recordSponsorActivity.path)), .class("card project-form no-print"),
                     Layout.csrfField(context),
                     .input(.type(.hidden), .name("seat"), .value(String(reading.seat.id))),
                     .h3(.text(T.recordActivity)),
                     Components.errorSummary(errors),
                     .div(.class("field-grid"),
                          Components.selectField("projectId", label: T.project, options: reading.projects.map { Components.Option(String($0.project.id), $0.project.fields.name) },
                                                 selected: form["projectId"], errors: messages("projectId"), required: true),
                          Components.selectField("kind", label: T.activityKind, options: SponsorActivityKind.allCases.map { Components.Option($0.rawValue, $0.label) },
                                                 selected: form["kind"], errors: messages("kind"), required: true),
                          Components.textField("on", label: T.activityOn, value: form["on"].isEmpty ? today.iso : form["on"], errors: messages("on"), required: true,
                                               inputType: .date),
                          Components.textArea("summary", label: T.activitySummary, value: form["summary"], errors: messages("summary"))),
                     .button(.type(.submit), .class("button"), .text(T.recordActivity)))
    }
}
