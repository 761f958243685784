import Foundation
import GroundbreakDomain
import Plot

/// A unit's targets and 序时进度, its groundwork and its 四率, with the forms that set the targets.
struct TargetsPage {
    var context: PageContext
    /// Nil when the caller may read no unit's figures.
    var query: TargetPages.Query?
    var readings: [IndicatorReading]
    /// The units whose figures the caller may read.
    var units: [TargetUnit]
    var catalog: ReferenceCatalog
    var indicators: IndicatorCatalog
    var canSet: Bool
    var notice: String?
    /// The unit's 四率 now (its projects in the reader's scope, this year through last month).
    var rates: [FourRate] = []
    var rateCatalog: FourRateCatalog?
    /// The unit's front-of-the-chain readings (`GroundworkReadings`).
    var groundwork: [GroundworkReading] = []

    static func format(_ value: Double?, _ kind: Indicator.Kind) -> String {
        guard let value else { return "—" }
        switch kind {
        case .amount: return Money(approximately: value).map { $0.formatted(in: .wan, grouped: true) + WebText.Monthly.wanSuffix } ?? "—"
        case .count: return String(format: WebText.Monthly.countFormat, value)
        case .percent: return Decimals.percent(value)
        }
    }

    /// A share of the year (0…1) as the page prints it.
    static func percent(_ share: Double) -> String { Format.share(share) }

    var unitOptions: [Components.Option] {
        units.map { unit in
            let group = switch unit.kind {
            case .region: WebText.Monthly.regions
            case .zone: WebText.Monthly.zones
            case .department: WebText.Monthly.leadDepartments
            }
            return .init(unit.text, unit.name(catalog), group: group)
        }
    }

    var document: HTML {
        guard let query else {
            return Layout.document(title: WebText.Monthly.targets, context: context, nav: .reports, content: .group(
                .h1(.text(WebText.Monthly.targets)), .p(.class("muted"), .text(WebText.Monthly.noUnitInScope))))
        }
        return document(query, figures: figures(query, context: context))
    }

    /// The page around `figures` (the same for every visit of one reader to the same figures; see `RenderedFigures`).
    func document(_ query: TargetPages.Query, figures: Node<HTML.BodyContext>) -> HTML {
        Layout.document(title: WebText.Monthly.targets, context: context, nav: .reports, content: .group(
            .h1(.text(WebText.Monthly.targetsOf(query.unit.name(catalog), query.month.label))),
            Components.notice(notice),
            figures))
    }

    /// The unit's readings, groundwork and 四率, with the forms that set them (whose CSRF token is `context`'s).
    func figures(_ query: TargetPages.Query, context: PageContext) -> Node<HTML.BodyContext> {
        .group(
            .form(.method(.get), .action(esc(Route.targets(unit: nil, month: nil).path)), .class("filters"),
                .div(.class("filter-grid"),
                    .div(.class("filter"), .label(.for("f-unit"), .text(WebText.Monthly.unit)), Components.select("unit", options: unitOptions, selected: [query.unit.text], blank: nil)),
                    .div(.class("filter"), .label(.for("f-month"), .text(WebText.Monthly.asOfMonth)),
                         .input(.type(.text), .name("month"), .id("f-month"), .value(esc(query.month.iso))))),
                .div(.class("filter-actions"), .button(.type(.submit), .class("button"), .text(WebText.Monthly.view)))),
            .p(.class("meta"), .text(WebText.Monthly.targetsHint(indicators.source))),
            .p(.class("meta"), .text(WebText.Monthly.oneCurve(UnitTarget.unitCurve(of: readings.compactMap(\.target)) == "northern" ? WebText.Monthly.northernCurve : WebText.Monthly.evenCurve,
                                                             readings.first.map { Self.percent($0.timeProgress) } ?? "—"))),
            Components.listTools(filter: TargetExport.filterText(query, catalog: catalog), xlsx: .targetsXLSX(unit: query.unit.text, month: query.month.iso)),
            .div(.class("table-wrap"), .table(.class("ledger"),
                .thead(.tr(.th(.text(WebText.Monthly.indicator)), .th(.class("num"), .text(WebText.Monthly.annualTarget)), .th(.class("num"), .text(WebText.Monthly.timeProgress)), .th(.class("num"), .text(WebText.Monthly.done)),
                           .th(.text(WebText.Monthly.bulletinMeasure)), .th(.text("")))),
                .tbody(.forEach(readings) { reading in
                    .tr(.td(.class("name"), .text(reading.indicator.label), .span(.class("sub"), .text(reading.indicator.basis))),
                        .td(.class("num"), .text(Self.format(reading.target?.value, reading.indicator.kind))),
                        .td(.class("num"), .text(Self.percent(reading.timeProgress))),
                        .td(.class("num"), .text(Self.format(reading.actual, reading.indicator.kind))),
                        .td(.span(.class((reading.gapPoints ?? 0) < 0 ? "flag flag-red" : ""), .text(reading.bulletin))),
                        .td(canSet ? setForm(reading, query: query, context: context) : .empty))
                }))),
            groundwork.isEmpty ? .empty : GroundworkSection(context: context, readings: groundwork, unit: query.unit, month: query.month, canSet: canSet).node,
            .unwrap(rateCatalog) { catalog in
                .group(.h2(.text(WebText.Monthly.fourRatesNow)), FourRatesView.tiles(rates, catalog: catalog), .p(.class("meta"), .text(catalog.source)))
            }
        )
    }

    private func setForm(_ reading: IndicatorReading, query: TargetPages.Query, context: PageContext) -> Node<HTML.BodyContext> {
        let kind = reading.indicator.kind
        let current = reading.target.map { kind == .amount ? (Money(approximately: $0.value)?.exactWanText ?? "") : String(format: "%g", $0.value) } ?? ""
        return .form(.method(.post), .action(esc(Route.targets(unit: nil, month: nil).path)), .class("inline-form"),
            Layout.csrfField(context),
            .input(.type(.hidden), .name("unit"), .value(esc(query.unit.text))),
            .input(.type(.hidden), .name("year"), .value(String(query.month.year))),
            .input(.type(.hidden), .name("month"), .value(esc(query.month.iso))),
            .input(.type(.hidden), .name("indicator"), .value(esc(reading.indicator.code))),
            .input(.type(.text), .name("value"), .value(esc(current)), .attribute(named: "size", value: "8"), .attribute(named: "inputmode", value: "decimal"),
                   .attribute(named: "aria-label", value: esc(WebText.Monthly.annualTargetIn(reading.indicator.label, kind == .amount ? WebText.Monthly.wanUnit : kind == .percent ? "%" : WebText.Monthly.countUnit)))),
            Components.select("curve", options: [.init("linear", WebText.Monthly.evenCurve), .init("northern", WebText.Monthly.northernCurve)], selected: [UnitTarget.unitCurve(of: readings.compactMap(\.target))], blank: nil,
                              form: "t\(reading.indicator.code)-"),
            .button(.type(.submit), .class("button secondary"), .text(WebText.Monthly.set)))
    }
}
