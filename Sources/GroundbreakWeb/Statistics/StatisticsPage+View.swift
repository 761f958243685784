import Foundation
import GroundbreakDomain
import Plot

/// The paragraph, what it was written from, and the choices that change it.
struct StatisticsPage {
    var context: PageContext
    var request: StatisticsRequest?
    var figures: StatisticsFigures?
    var paragraph: String
    var catalog: ReferenceCatalog

    typealias T = WebText.Statistics

    var document: HTML { document(content: content) }

    /// The page around `content` (the same for every reader with the same reach and query; see `RenderedFigures`).
    func document(content: Node<HTML.BodyContext>) -> HTML {
        Layout.document(title: T.title, context: context, nav: .statistics, content: content)
    }

    var content: Node<HTML.BodyContext> {
        .group(
            .h1(.text(T.title)),
            .p(.class("meta"), .text(T.lead)),
            // The paragraph first: on a phone it is what is read; the choices follow it.
            .unwrap(request, { request in .group(paragraphCard(request), form(request), figuresAndLists(request)) }, else: .p(.class("notice"), .text(T.noUnit)))
        )
    }

    func form(_ request: StatisticsRequest) -> Node<HTML.BodyContext> {
        let query = request.query
        let units = request.offered.map { Components.Option($0.code, $0.name) }
        let schemes = [Components.Option("none", T.noScheme)] + request.schemes.map { Components.Option(String($0.id), $0.name) }
        let shapes = ParagraphStyle.Shape.allCases.map { Components.Option($0.rawValue, T.shapeLabel($0.rawValue)) }
        return .form(.method(.get), .action(esc(Route.statistics().path)), .class("card filters"),
                     .div(.class("field-grid"),
                          Components.selectField("unit", label: T.unit, options: units, selected: query.regionCode, blank: nil),
                          Components.textField("year", label: T.year, value: String(query.year)),
                          Components.textField("threshold", label: T.threshold, value: query.threshold.exactWanText),
                          Components.textField("bands", label: T.bands, value: query.bands.map(\.exactWanText).joined(separator: ","), hint: T.bandsHint),
                          Components.selectField("scheme", label: T.scheme, options: schemes, selected: query.schemeId.map(String.init) ?? "none", blank: nil),
                          Components.selectField("shape", label: T.shape, options: shapes, selected: query.style.shape.rawValue, blank: nil),
                          Components.selectField("total", label: T.total, options: [.init("true", T.withTotal), .init("false", T.withoutTotal)],
                                                 selected: query.style.showTotal ? "true" : "false", blank: nil),
                          Components.textField("named", label: T.named, value: String(query.style.namedLargest))),
                     .button(.type(.submit), .class("button"), .text(T.write)), .text(" "),
                     .a(.class("button secondary"), .href(esc(Route.schemes(region: query.regionCode).path)), .text(T.viewSchemes)))
    }

    var hasList: Bool { figures.map { $0.count > 0 || $0.previousCount != nil } ?? false }

    func paragraphCard(_ request: StatisticsRequest) -> Node<HTML.BodyContext> {
        guard hasList else { return .p(.class("notice"), .text(T.noList)) }
        return .section(.class("card"),
                     .p(.id("statistics-paragraph"), .class("paragraph"), .text(paragraph)),
                     .div(.class("no-print"),
                          .button(.type(.button), .class("button"), .attribute(named: "data-copy", value: "statistics-paragraph"),
                                  .attribute(named: "data-copied", value: T.copied), .text(T.copy)),
                          .text(" "),
                          .a(.class("button secondary"), .href(esc(Route.statisticsDocx(request.items).path)), .text(T.docx)),
                          .text(" "),
                          .button(.type(.button), .class("button secondary"), .attribute(named: "data-print", value: ""), .text(WebText.Common.print))),
                     .p(.class("no-print"), .text(T.progressLead),
                        .forEach(ProgressTable.Grouping.allCases) { grouping in
                            .group(.a(.href(esc(Route.progressXLSX(request.items, group: grouping).path)), .text(T.grouping(grouping.rawValue))), .text(" "))
                        }))
    }

    func figuresAndLists(_ request: StatisticsRequest) -> Node<HTML.BodyContext> {
        guard let figures, hasList else { return .empty }
        return .group(
            .h2(.text(T.figures)),
            .div(.class("table-wrap"), .table(.class("ledger"),
                .thead(.tr(.th(.text(T.figures)), .th(.class("num"), .text(String(figures.year))), .th(.class("num"), .text(T.previous)))),
                .tbody(
                    .tr(.td(.text(StatisticsText.band(figures.threshold) + T.count)), .td(.class("num"), .text(String(figures.count))),
                        .td(.class("num"), .text(figures.previousCount.map(String.init) ?? T.noPrevious))),
                    .tr(.td(.text(T.totalInvestment)), .td(.class("num"), .text(StatisticsText.amount(figures.total))), .td(.text(""))),
                    .forEach(figures.bands) { band in
                        .tr(.td(.text(StatisticsText.band(band.minimum))), .td(.class("num"), .text(String(band.count))),
                            .td(.class("num"), .text(band.previousCount.map(String.init) ?? T.noPrevious)))
                    },
                    .forEach(figures.groups) { group in
                        .group(.forEach(group.items) { item in
                            .tr(.td(.text(T.groupItem(group.dimension, item.name))), .td(.class("num"), .text(String(item.count))), .td(.text("")))
                        })
                    }
                ))),
            .h2(.text(T.lists)),
            .ul(.forEach(request.lists) { list in
                var onList = ProjectQuery()
                onList.yearListId = list.id
                return .li(.a(.href(esc(Route.ledger(onList).path)),
                              .text(T.listLine(list.year, catalog.region(list.regionCode)?.name ?? list.regionCode, StatisticsText.band(list.threshold), list.title))))
            })
        )
    }
}
