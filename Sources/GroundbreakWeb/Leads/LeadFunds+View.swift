import Foundation
import GroundbreakDomain
import Plot

/// Each unit's funds year to date against last year.
struct LeadFundsPage {
    var context: PageContext
    var month: Month
    var lines: [LeadFundsPages.UnitLine]
    var reference: ReferenceCatalog

    typealias T = WebText.Leads

    var document: HTML {
        Layout.document(title: T.fundsTitle, context: context, nav: .leads, content: .group(
            .p(.class("no-print"), .a(.href(esc(Route.leads().path)), .text(T.title))),
            .h1(.text(T.fundsTitle)),
            .p(.class("meta"), .text(T.fundsLead)),
            .form(.method(.get), .action(esc(Route.leadFunds().path)), .class("card filters no-print"),
                  .div(.class("field-grid"), .div(.class("field"), .label(.for("month"), .text(T.month)),
                                                  .input(.type(.month), .id("month"), .name("month"), .value(month.iso)))),
                  .button(.type(.submit), .class("button"), .text(T.filter))),
            .h2(.text(T.fundsHeading(month.label))),
            Components.listTools(filter: T.fundsHeading(month.label), xlsx: .leadFundsXLSX(month: month)),
            Components.listTotal(lines.count, WebText.Assessment.count(lines.count)),
            .div(.class("table-wrap"), .table(.class("ledger"),
                .thead(.tr(.th(.text(T.unit)), .th(.class("num"), .text(T.domestic)), .th(.class("num"), .text(T.lastYearDomestic)),
                           .th(.class("num"), .text(T.domesticGrowth)), .th(.class("num"), .text(T.foreign)), .th(.class("num"), .text(T.lastYearForeign)),
                           .th(.class("num"), .text(T.foreignGrowth)))),
                .tbody(.forEach(lines) { line in
                    let f = line.figures
                    return .tr(.attribute(named: "data-unit", value: line.unit.text), .td(.class("name"), .text(line.unit.name(reference))),
                               .td(.class("num"), .text(Format.wan(f.domestic))), .td(.class("num"), .text(Format.wan(f.lastYearDomestic))),
                               .td(.class("num"), .text(f.domesticGrowth.map { Decimals.percent($0) } ?? T.none)),
                               .td(.class("num"), .text(Format.wan(f.foreign))), .td(.class("num"), .text(Format.wan(f.lastYearForeign))),
                               .td(.class("num"), .text(f.foreignGrowth.map { Decimals.percent($0) } ?? T.none)))
                })))
        ))
    }
}

extension LeadShowPage {
    /// What arrived for the lead, and (for those who work it) the form that records a month.
    var fundsSection: Node<HTML.BodyContext> {
        let messages = { (field: String) in errors.filter { $0.field == field }.map(\.message) }
        return .group(
            .h2(.text(T.fundsSection)),
            funds.isEmpty ? .p(.class("muted"), .text(T.noFunds)) : .div(.class("table-wrap"), .table(.class("ledger"),
                .thead(.tr(.th(.text(T.fundsMonth)), .th(.text(T.capital)), .th(.text(T.currency)), .th(.class("num"), .text(T.amountWan)), .th(.class("num"), .text(T.rate)),
                           .th(.class("num"), .text(T.yuanWan)))),
                .tbody(.forEach(funds) { item in
                    .tr(.td(.text(item.month.iso)), .td(.text(LeadText.capital(item.capital))), .td(.text(item.currency)),
                        .td(.class("num"), .text(Format.wan(Money(yuan: item.original)))), .td(.class("num"), .text(Decimals.text(item.rate, places: 4))),
                        .td(.class("num"), .text(Format.wan(item.amount))))
                }))),
            .if(mayWork, .form(.method(.post), .action(esc(Route.recordLeadFunds(lead.id).path)), .class("card project-form no-print"),
                Layout.csrfField(context),
                .h3(.text(T.recordFunds)),
                .div(.class("field-grid"),
                     Components.textField("month", label: T.fundsMonth, value: form["month"], errors: messages("month"), required: true, inputType: .month),
                     Components.selectField("capital", label: T.capital, options: LeadSigning.Capital.allCases.map { .init($0.rawValue, LeadText.capital($0)) },
                                            selected: form["capital"], errors: messages("capital"), required: true),
                     Components.selectField("currency", label: T.currency, options: ArrivedFunds.currencies.map { .init($0, $0) }, selected: form["currency"],
                                            errors: messages("currency"), blank: nil),
                     Components.textField("amountWan", label: T.amountWan, value: form["amountWan"], errors: messages("amount"), required: true),
                     Components.textField("rate", label: T.rate, value: form["rate"], errors: messages("rate"))),
                .button(.type(.submit), .class("button"), .text(T.recordFunds))))
        )
    }
}
