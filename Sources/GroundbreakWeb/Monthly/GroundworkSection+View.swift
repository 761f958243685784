import Foundation
import GroundbreakDomain
import Plot

/// The targets page's front-of-the-chain table: each measure's figure on its day against the
/// unit's target, with the centre's form to set the reserve's and the starts' targets.
struct GroundworkSection {
    typealias T = WebText.Groundwork
    var context: PageContext
    var readings: [GroundworkReading]
    var unit: TargetUnit
    var month: Month
    var canSet: Bool

    static func target(_ reading: GroundworkReading) -> String {
        var parts: [String] = []
        if let count = reading.targetCount { parts.append(T.count(count)) }
        if let amount = reading.targetAmount { parts.append(T.amount(Format.yi(amount))) }
        guard !parts.isEmpty else { return T.notSet }
        let source = switch reading.targetSource {
        case .set: T.setByCentre
        case .data: T.fromData
        case .lastYear: T.lastYear
        case .none: ""
        }
        return parts.joined(separator: " / ") + source
    }

    static func done(_ reading: GroundworkReading) -> String { T.countAndAmount(reading.count, Format.yi(reading.amount)) }

    var node: Node<HTML.BodyContext> {
        .group(
            .h2(.text(T.heading)),
            .p(.class("meta"), .text(T.hint(GroundworkReadings.day(ending: month, today: context.today).iso))),
            .div(.class("table-wrap"), .table(.class("ledger"), .attribute(named: "data-table", value: "groundwork"),
                .thead(.tr(.th(.text(T.measure)), .th(.text(T.asOf)), .th(.class("num"), .text(T.target)), .th(.class("num"), .text(T.done)),
                           .th(.text(T.verdict)), .th(.text("")))),
                .tbody(.forEach(readings) { reading in
                    .tr(.attribute(named: "data-measure", value: esc(reading.measure.code)),
                        .td(.class("name"), .text(reading.measure.name)),
                        .td(.text(reading.asOf.iso)),
                        .td(.class("num"), .text(Self.target(reading))),
                        .td(.class("num"), .attribute(named: "data-count", value: String(reading.count)), .text(Self.done(reading))),
                        .td(.span(.class(reading.met == false ? "flag flag-red" : ""), .text(reading.sentence))),
                        .td(canSet && reading.measure.settable ? setForm(reading) : .empty))
                })))
        )
    }

    private func setForm(_ reading: GroundworkReading) -> Node<HTML.BodyContext> {
        let own = reading.targetSource == .set
        let form = "g\(reading.measure.code.replacingOccurrences(of: ":", with: "-"))-"
        return .form(.method(.post), .action(esc(Route.groundworkTarget.path)), .class("inline-form"),
            Layout.csrfField(context),
            .input(.type(.hidden), .name("unit"), .value(esc(unit.text))),
            .input(.type(.hidden), .name("year"), .value(String(month.year))),
            .input(.type(.hidden), .name("month"), .value(esc(month.iso))),
            .input(.type(.hidden), .name("measure"), .value(esc(reading.measure.code))),
            .input(.type(.text), .name("count"), .id(form + "count"), .value(own ? reading.targetCount.map(String.init) ?? "" : ""), .attribute(named: "size", value: "5"),
                   .attribute(named: "inputmode", value: "numeric"), .attribute(named: "aria-label", value: esc(T.targetCount)), .attribute(named: "placeholder", value: esc(T.targetCount))),
            .input(.type(.text), .name("amount"), .id(form + "amount"), .value(own ? reading.targetAmount.map(\.exactWanText) ?? "" : ""), .attribute(named: "size", value: "9"),
                   .attribute(named: "inputmode", value: "decimal"), .attribute(named: "aria-label", value: esc(T.targetAmount)), .attribute(named: "placeholder", value: esc(T.targetAmount))),
            .button(.type(.submit), .class("button secondary"), .attribute(named: "title", value: esc(T.setHint)), .text(T.set)))
    }
}
