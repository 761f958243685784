import Foundation
import GroundbreakDomain
import Plot

/// The filter both lists share.
struct ReadinessFilterForm {
    var filter: ReadinessFilter
    var action: Route
    var year: Int?
    var reference: ReferenceCatalog

    typealias T = WebText.Readiness

    var node: Node<HTML.BodyContext> {
        let units = UnitOptions.districtsAndZones(reference)
        return .form(.method(.get), .action(esc(action.path)), .class("filters no-print"),
            .div(.class("filter-grid"),
                 .div(.class("filter"), .label(.for("f-unit"), .text(T.region)), Components.select("unit", options: units, selected: [filter.unit?.text ?? ""], blank: T.all)),
                 .if(year != nil, .div(.class("filter"), .label(.for("f-year"), .text(T.year)),
                                       .input(.type(.number), .id("f-year"), .name("year"), .value(year.map(String.init) ?? ""))))),
            .div(.class("filter-actions"), .button(.type(.submit), .class("button"), .text(T.filter))))
    }
}

/// 开工条件: the year's planned starts, not ready first, with what each lacks.
struct ReadinessStartsPage {
    var context: PageContext
    var listing: ReadinessListPages.Listing
    var lines: [ReadinessListPages.Line]
    var catalog: ReadinessCatalog
    var reference: ReferenceCatalog

    typealias T = WebText.Readiness

    var document: HTML {
        let filter = listing.filter
        let ready = lines.filter(\.summary.readyForStart).count
        return Layout.document(title: T.startsTitle, context: context, nav: .readiness, content: .group(
            .div(.class("page-head"), .h1(.text(T.startsTitle)),
                 .div(.class("actions no-print"), .a(.class("button secondary"), .href(esc(Route.landWaiting(ReadinessFilter(unit: filter.unit)).path)), .text(T.landLink)))),
            .p(.class("meta"), .text(T.startsLead)),
            ReadinessFilterForm(filter: filter, action: .readinessStarts(), year: listing.year, reference: reference).node,
            Components.listTools(filter: filter.described(reference, year: listing.year), xlsx: .readinessStartsXLSX(ReadinessFilter(unit: filter.unit, year: listing.year))),
            Components.listTotal(lines.count, T.readyCount(ready, lines.count)),
            .div(.class("table-wrap"), .table(.class("ledger"),
                .thead(.tr(.th(.text(T.project)), .th(.text(T.region)), .th(.text(T.plannedStart)), .th(.text(T.state)), .th(.text(T.level)), .th(.text(T.missing)))),
                .tbody(.forEach(lines.prefix(1000)) { line in
                    .tr(.attribute(named: "data-project", value: String(line.project.id)),
                        .td(.class("name"), .a(.href(esc(Route.projectReadiness(line.project.id).path)), .text(line.project.fields.name))),
                        .td(.text(reference.region(line.project.fields.regionCode)?.name ?? line.project.fields.regionCode)),
                        .td(.text(line.project.fields.plannedStart?.iso ?? "")),
                        .td(.class(line.summary.readyForStart ? "good" : "bad"), .text(line.summary.readyForStart ? T.ready : T.notReady(line.summary.missingForStart.count))),
                        .td(.text(ReadinessListPages.levelName(line, catalog))), .td(.text(ReadinessListPages.missingNames(line, catalog))))
                })))
        ))
    }
}

/// 已拿地未开工: land supplied, no start, the longest waiting first.
struct ReadinessLandPage {
    var context: PageContext
    var listing: ReadinessListPages.Listing
    var lines: [ReadinessListPages.Line]
    var catalog: ReadinessCatalog
    var reference: ReferenceCatalog

    typealias T = WebText.Readiness

    var document: HTML {
        let filter = listing.filter
        return Layout.document(title: T.landTitle, context: context, nav: .readiness, content: .group(
            .div(.class("page-head"), .h1(.text(T.landTitle)),
                 .div(.class("actions no-print"), .a(.class("button secondary"), .href(esc(Route.readinessStarts(ReadinessFilter(unit: filter.unit)).path)), .text(T.startsLink)))),
            .p(.class("meta"), .text(T.landLead)),
            ReadinessFilterForm(filter: filter, action: .landWaiting(), year: nil, reference: reference).node,
            Components.listTools(filter: filter.described(reference, year: nil), xlsx: .landWaitingXLSX(ReadinessFilter(unit: filter.unit))),
            Components.listTotal(lines.count, T.count(lines.count)),
            .div(.class("table-wrap"), .table(.class("ledger"),
                .thead(.tr(.th(.text(T.project)), .th(.text(T.region)), .th(.text(T.stage)), .th(.text(T.landSuppliedOn)), .th(.class("num"), .text(T.daysWaiting)),
                           .th(.text(T.plannedStart)), .th(.text(T.missing)))),
                .tbody(.forEach(lines.prefix(1000)) { line in
                    .tr(.attribute(named: "data-project", value: String(line.project.id)),
                        .td(.class("name"), .a(.href(esc(Route.projectReadiness(line.project.id).path)), .text(line.project.fields.name))),
                        .td(.text(reference.region(line.project.fields.regionCode)?.name ?? line.project.fields.regionCode)),
                        .td(.text(line.project.effectiveStage.label)), .td(.text(line.summary.landSuppliedOn?.iso ?? "")),
                        .td(.class("num"), .text(String(line.daysWaiting ?? 0))), .td(.text(line.project.fields.plannedStart?.iso ?? "")),
                        .td(.text(ReadinessListPages.missingNames(line, catalog))))
                })))
        ))
    }
}
