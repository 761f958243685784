import Foundation
import GroundbreakDomain
import Plot

/// The lights: counts by region (each count a link to its list), the rules in force, and the list.
struct WarningsPage {
    var context: PageContext
    var catalog: ReferenceCatalog
    var rules: WarningRuleSet
    var counts: WarningCounts
    var filter: WarningFilter
    var listed: [WarningPages.Lit]
    var paging: ListPaging

    typealias T = WebText.Warnings

    var document: HTML { document(content: content) }

    /// The page around `content` (the same for every reader of the lights; see `RenderedFigures`).
    func document(content: Node<HTML.BodyContext>) -> HTML {
        Layout.document(title: T.title, context: context, nav: .warnings, content: content)
    }

    /// The query of this page of the list: the filter, then the page and its size where not the first and the default.
    static func query(_ filter: WarningFilter, _ paging: ListPaging) -> [(String, String)] {
        var items = filter.items
        if paging.page > 1 { items.append(("page", String(paging.page))) }
        if paging.perPage != WarningPages.perPage { items.append(("perPage", String(paging.perPage))) }
        return items
    }

    var content: Node<HTML.BodyContext> {
        .group(
            .h1(.text(T.title)),
            .p(.class("meta"), .text(T.lead)),
            .p(.class("meta"), .text(T.ruleLine(rules.version, rules.validFrom, rules.author, rules.reason))),
            .details(.summary(.text(T.rules)), .ul(.forEach(rules.rules) { .li(.text(T.ruleItem($0.code, $0.basis))) }),
                     .p(.a(.href(esc(Route.warningRules.path)), .text(T.editRules)))),
            countsTable,
            filterForm,
            Components.listTools(filter: filter.described(catalog), xlsx: .warningsXLSX(filter)),
            Components.listTotal(listed.count, T.count(listed.count)),
            list
        )
    }

    func link(_ colour: WarningColour?, region: String?) -> String {
        var target = WarningFilter()
        if let colour { target.colours = [colour] }
        target.regionCode = region
        return Route.warnings(target).path
    }

    var countsTable: Node<HTML.BodyContext> {
        let rows = counts.byRegion(catalog)
        func cells(_ counts: [WarningColour: Int], region: String?) -> [Node<HTML.TableRowContext>] {
            var cells: [Node<HTML.TableRowContext>] = [WarningColour.red, .yellow, .green].map { colour in
                let count: Node<HTML.BodyContext> = .a(.href(esc(link(colour, region: region))), .text(String(counts[colour] ?? 0)))
                return .td(.class("num"), count)
            }
            cells.append(.td(.class("num"), .text(String(counts.values.reduce(0, +)))))
            return cells
        }
        let total = counts.byColour
        let head: Node<HTML.TableContext> = .thead(.tr(.th(.text(T.region)), .th(.class("num"), .text(T.red)), .th(.class("num"), .text(T.yellow)),
                                                       .th(.class("num"), .text(T.green)), .th(.class("num"), .text(T.all))))
        var body: [Node<HTML.TableContext>] = rows.map { row in .tr(.group([.td(.text(row.name))] + cells(row.counts, region: row.code))) }
        body.append(.tr(.class("total"), .group([.td(.text(T.all))] + cells(total, region: nil))))
        return .div(.class("table-wrap"), .table(.class("ledger"), head, .tbody(.group(body))))
    }

    var filterForm: Node<HTML.BodyContext> {
        let colourOptions = [Components.Option("red,yellow", T.redAndYellow)] + WarningColour.allCases.reversed().map { Components.Option($0.rawValue, $0.label) }
        let selected = WarningColour.allCases.filter(filter.colours.contains).map(\.rawValue).joined(separator: ",")
        return .form(.method(.get), .action(esc(Route.warnings().path)), .class("card filters"),
                     .div(.class("field-grid"),
                          Components.selectField("colour", label: T.colourChoice, options: colourOptions, selected: selected == "yellow,red" ? "red,yellow" : selected, blank: nil),
                          Components.selectField("region", label: T.region, options: catalog.regionOptions, selected: filter.regionCode ?? "", blank: T.allRegions)),
                     .button(.type(.submit), .class("button"), .text(T.filter)))
    }

    var list: Node<HTML.BodyContext> {
        guard !listed.isEmpty else { return .p(.class("notice"), .text(T.none)) }
        let shown = paging.slice(listed)
        return .group(
            .div(.class("table-wrap"), .table(.class("ledger"),
                .thead(.tr(.th(.text(T.colour)), .th(.text(T.project)), .th(.text(T.region)), .th(.class("num"), .text(T.total)), .th(.text(T.reasons)))),
                .tbody(.forEach(Array(shown)) { row in
                    .tr(.td(.span(.class("light light-\(row.warning.colour.rawValue)"), .text(row.warning.colour.label))),
                        .td(.class("name"), .a(.href(esc(Route.project(row.project.id).path)), .text(row.project.fields.name))),
                        .td(.text(catalog.region(row.project.fields.regionCode)?.name ?? row.project.fields.regionCode)),
                        .td(.class("num"), .text(Format.wan(row.project.fields.totalInvestment))),
                        .td(.text(row.warning.reasons.map(\.text).joined(separator: "；"))))
                }))),
            Components.pagination(page: paging.page, pageCount: paging.pageCount(of: listed.count)) { page in
                Route.warnings(query: Self.query(filter, ListPaging(page: page, perPage: paging.perPage))).path
            }
        )
    }
}
