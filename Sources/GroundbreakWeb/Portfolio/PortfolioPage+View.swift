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

    typealias T = WebText.Portfolio

    var document: HTML {
        Layout.document(title: T.title, context: context, nav: .portfolio, content: .group(
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
                })))
        )
    }
}
