import Foundation
import GroundbreakDomain
import Plot

/// This year against last year per channel and unit, the province's share, the sentences, the
/// late spending; and, for the centre, the form that enters the province's figure.
struct FundingFiguresPage {
    var context: PageContext
    var figures: FundingFigures
    var catalog: FundingCatalog
    var reference: ReferenceCatalog
    var errors: [FieldError]
    var form: FormData

    typealias T = WebText.Funding

    var document: HTML {
        let heading = T.figuresHeading(figures.through.iso)
        return Layout.document(title: T.figuresTitle, context: context, nav: .funding, content: .group(
            .p(.class("no-print"), .a(.href(esc(Route.funding().path)), .text(T.title))),
            .h1(.text(T.figuresTitle)),
            .p(.class("meta"), .text(T.figuresLead)),
            .form(.method(.get), .action(esc(Route.fundingFigures().path)), .class("card filters no-print"),
                  .div(.class("field-grid"), .div(.class("field"), .label(.for("through"), .text(T.through)),
                                                  .input(.type(.date), .id("through"), .name("through"), .value(figures.through.iso)))),
                  .button(.type(.submit), .class("button"), .text(T.filter))),
            Components.errorSummary(errors),
            Components.listTools(filter: "\(figures.scopeName)，\(heading)", xlsx: .fundingFiguresXLSX(through: figures.through)),
            .h2(.text(T.sentences)),
            .ul(.class("sentences"), .forEach(figures.channels.filter { $0.comparison.thisYear.issuedProjects > 0 || $0.comparison.comparedWith.issuedProjects > 0 }) { line in
                .li(.attribute(named: "data-channel", value: line.key), .text(line.sentence ?? ""))
            }),
            .h2(.text(T.byChannel)),
            table(figures.channels + [figures.total], shares: true),
            .h2(.text(T.byUnit)),
            Components.listTotal(figures.units.count, T.unitCount(figures.units.count)),
            table(figures.units, shares: false),
            lateSection,
            .if(context.may(.organiseFunding), provinceForm)
        ))
    }

    func table(_ lines: [FundingFigures.Line], shares: Bool) -> Node<HTML.BodyContext> {
        let percent = { (value: Double?) in value.map { Decimals.percent($0) } ?? T.none }
        return .div(.class("table-wrap"), .table(.class("ledger"),
            .thead(.tr(.th(.text(shares ? T.channel : T.unit)), .th(.class("num"), .text(T.appliedCount)), .th(.class("num"), .text(T.asked)),
                       .th(.class("num"), .text(T.wonCount)), .th(.class("num"), .text(T.approved)), .th(.class("num"), .text(T.issuedCount)),
                       .th(.class("num"), .text(T.issued)), .th(.class("num"), .text(T.arrived)), .th(.class("num"), .text(T.spent)),
                       .th(.class("num"), .text(T.lastYearToDate)), .th(.class("num"), .text(T.growth)), .th(.text(T.above)),
                       .if(shares, .th(.text(T.provinceShare))))),
            .tbody(.forEach(lines) { line in
                let c = line.comparison, now = c.thisYear
                return .tr(.attribute(named: "data-line", value: line.key), .td(.class("name"), .text(line.name)),
                           .td(.class("num"), .text(String(now.appliedProjects))), .td(.class("num"), .text(Format.wan(now.asked))),
                           .td(.class("num"), .text(String(now.wonProjects))), .td(.class("num"), .text(Format.wan(now.approved))),
                           .td(.class("num"), .text(String(now.issuedProjects))), .td(.class("num"), .text(Format.wan(now.issued))),
                           .td(.class("num"), .text(Format.wan(now.arrived))), .td(.class("num"), .text(Format.wan(now.spent))),
                           .td(.class("num"), .text(Format.wan(c.comparedWith.issued))), .td(.class("num"), .text(percent(c.issuedGrowth))),
                           .td(.class(c.aboveLastYear ? "good" : "bad"), .text(c.aboveLastYear ? T.yes : T.no)),
                           .if(shares, .td(.text(line.share.map { "\(percent($0.projects)) / \(percent($0.amount))" } ?? T.none))))
            })))
    }

    var lateSection: Node<HTML.BodyContext> {
        .group(
            .h2(.text(T.lateSection)),
            .p(.class("meta"), .text(T.lateLead)),
            figures.late.isEmpty ? .p(.class("muted"), .text(T.noLate)) : .div(.class("table-wrap"), .table(.class("ledger"),
                .thead(.tr(.th(.text(T.applicationTitle)), .th(.text(T.channel)), .th(.text(T.unit)), .th(.class("num"), .text(T.issued)),
                           .th(.class("num"), .text(T.spent)), .th(.class("num"), .text(T.unspent)), .th(.text(T.dueOn)), .th(.class("num"), .text(T.daysLate)))),
                .tbody(.forEach(figures.late) { item in
                    .tr(.td(.class("name"), .a(.href(esc(Route.fundingApplication(item.application.id).path)), .text(item.application.title))),
                        .td(.text(catalog.channelName(item.application.channelCode))), .td(.text(item.application.unit.name(reference))),
                        .td(.class("num"), .text(Format.wan(item.application.issued))), .td(.class("num"), .text(Format.wan(item.application.spent))),
                        .td(.class("num bad"), .text(Format.wan(item.late.unspent))), .td(.text(item.late.dueOn.iso)),
                        .td(.class("num"), .text(String(item.late.daysLate))))
                })))
        )
    }

    var provinceForm: Node<HTML.BodyContext> {
        let messages = { (field: String) in errors.filter { $0.field == field }.map(\.message) }
        return .form(.method(.post), .action(esc(Route.setProvinceFunding.path)), .class("card project-form no-print"),
            Layout.csrfField(context),
            .h3(.text(T.provinceForm)),
            .div(.class("field-grid"),
                 Components.textField("year", label: T.year, value: form["year"].isEmpty ? String(figures.through.year) : form["year"], errors: messages("year"), required: true),
                 Components.selectField("channel", label: T.channel, options: catalog.channels.map { .init($0.code, $0.name) }, selected: form["channel"],
                                        errors: messages("channel"), required: true),
                 Components.textField("projects", label: T.provinceProjects, value: form["projects"], errors: messages("projects"), required: true),
                 Components.textField("amountWan", label: T.provinceAmountWan, value: form["amountWan"], errors: messages("amount"), required: true),
                 Components.textField("note", label: T.provinceNote, value: form["note"], errors: messages("note"))),
            .button(.type(.submit), .class("button"), .text(T.saveProvince)))
    }
}
