import Foundation
import GroundbreakDomain
import Plot

/// The cross-unit table: the month, whether it is frozen, the sentence for the first and the
/// last, every unit's figures with its score and rank, the item scores, and the scheme.
struct AssessmentPage {
    var context: PageContext
    var listing: AssessmentListing
    var reportingMonth: Month

    typealias T = WebText.Assessment

    var table: AssessmentTable { listing.table }

    var lead: String {
        switch table.unitSet {
        case .regions: T.lead
        case .departments: T.leadDepartments
        case .groups: T.leadGroups
        }
    }

    var document: HTML { document(content: content) }

    /// The page around `content` (the same for every reader of the table; see `RenderedFigures`).
    func document(content: Node<HTML.BodyContext>) -> HTML {
        Layout.document(title: listing.title, context: context, nav: .assessment, content: content)
    }

    var content: Node<HTML.BodyContext> {
        .group(
            .h1(.text(listing.title)),
            setTabs,
            .p(.class("meta"), .text(lead)),
            .p(.class("meta"), .text(T.schemeLine(table.scheme.name, table.scheme.version, table.scheme.validFrom))),
            monthForm,
            .p(.class(table.frozen == nil ? "notice" : "meta"), .text(table.frozen.map { T.frozenLine(Format.dateTime($0.at), $0.by) } ?? T.liveLine)),
            Components.listTools(filter: listing.filterText, xlsx: listing.xlsx(month: table.month)),
            Components.listTotal(table.rows.count, T.count(table.rows.count)),
            .h2(.text(T.sentenceHeading)),
            .p(.class("sentence"), .text(listing.sentence)),
            figuresTable,
            .p(.class("meta"), .text(table.rows.contains { $0.figures.red != nil } ? T.redLive : T.redAbsent)),
            .p(.class("meta"), .text(T.scoreNote)),
            .h2(.text(T.itemsHeading)),
            itemsTable,
            schemeTable
        )
    }

    /// The regions' and the departments' tables, one click apart; a task force's links back to it.
    var setTabs: Node<HTML.BodyContext> {
        if let taskForce = listing.taskForce {
            return .p(.class("no-print"), .a(.href(esc(Route.taskForce(taskForce.id).path)), .text(taskForce.name)))
        }
        return .nav(.class("tabs no-print"), .attribute(named: "aria-label", value: T.setHeading),
                    .forEach([AssessmentUnitSet.regions, .departments]) { set in
                        .a(.href(esc(Route.assessment(month: table.month, set: set).path)), .class(set == table.unitSet ? "active" : ""), .text(T.setName(set)))
                    })
    }

    var monthForm: Node<HTML.BodyContext> {
        .form(.method(.get), .action(esc(listing.route(month: nil).path)), .class("card filters no-print"),
              .if(table.unitSet == .departments, .input(.type(.hidden), .name("set"), .value(table.unitSet.key))),
              .div(.class("field-grid"),
                   .div(.class("field"), .label(.for("month"), .text(T.month)),
                        .input(.type(.month), .id("month"), .name("month"), .value(table.month.iso), .attribute(named: "max", value: reportingMonth.next.iso)))),
              .button(.type(.submit), .class("button"), .text(T.show)))
    }

    func num(_ text: String) -> Node<HTML.TableRowContext> { .td(.class("num"), .text(text)) }

    var figuresTable: Node<HTML.BodyContext> {
        let heads = [T.investment, listing.targetHeading, T.completion, T.timeProgress, T.gap, T.underWay, T.newStarts, T.newStartRate, T.resumeRate,
                     T.admitted, T.problems, T.overdue, T.reports, T.approvals, T.red, T.signed, T.signingMonths]
        return .div(.class("table-wrap"), .table(.class("ledger ranking"),
            .thead(.tr(.th(.text(T.rank)), .th(.text(T.unit)), .th(.text(T.change)), .th(.class("num"), .text(T.score)), .th(.text(T.honours)),
                       .forEach(heads) { .th(.class("num"), .text($0)) })),
            .tbody(.forEach(table.rows) { row in
                let f = row.figures
                return .tr(.attribute(named: "data-unit", value: row.unit.text),
                           .td(.class("num"), .text(String(row.rank))), .td(.class("name"), .text(row.name)),
                           .td(.text(AssessmentText.change(row.rankChange))), num(AssessmentText.number(row.score)),
                           .td(.text(AssessmentText.honours(row.honours))),
                           num(Format.wan(f.investment)), num(f.target.map(Format.wan) ?? T.noTarget), num(T.percent(f.completionPercent)),
                           num(T.percent(f.timeProgressPercent)), num(T.points(f.gapPoints)), num(String(f.underWay)), num(String(f.newStarts)),
                           num(T.percent(f.newStartRate)), num(T.percent(f.resumeRate)), num(T.ratio(f.admitted, f.admissionEligible)),
                           num(T.ratio(f.problemsOnTime, f.problemsDue)), num(String(f.problemsOverdue)), num(T.ratio(f.reportsOnTime, f.reportsOwed)),
                           num(T.ratio(f.approvalsOnTime, f.approvalsDecided)), num(f.red.map(String.init) ?? T.none),
                           num(T.optionalRatio(f.leadsSigned, f.leads)), num(T.optionalRatio(f.monthsWithSigning, f.monthsElapsed)))
            })))
    }

    var itemsTable: Node<HTML.BodyContext> {
        let items = table.scheme.items
        return .div(.class("table-wrap"), .table(.class("ledger"),
            .thead(.tr(.th(.text(T.rank)), .th(.text(T.unit)),
                       .forEach(items) { .th(.class("num"), .text("\($0.code) \(AssessmentText.measure($0.measure))（\(AssessmentText.number($0.weight))）")) },
                       .th(.class("num"), .text(T.score)))),
            .tbody(.forEach(table.rows) { row in
                .tr(.td(.class("num"), .text(String(row.rank))), .td(.class("name"), .text(row.name)),
                    .forEach(row.items) { score in
                        let value = score.value.map { T.percent($0) } ?? ""
                        let outcome = score.outcome.map { " " + AssessmentText.outcome($0) } ?? ""
                        return num(score.points.map { "\(AssessmentText.number($0))（\(value)\(outcome)）" } ?? T.notScored)
                    },
                    num(AssessmentText.number(row.score)))
            })))
    }

    var schemeTable: Node<HTML.BodyContext> {
        .details(.summary(.text(T.scheme)),
                 .p(.class("meta"), .text(table.scheme.source)),
                 .div(.class("table-wrap"), .table(.class("ledger"),
                    .thead(.tr(.th(.text(T.item)), .th(.class("num"), .text(T.weight)), .th(.text(T.scoring)), .th(.text(T.basis)))),
                    .tbody(.forEach(table.scheme.items) { item in
                        .tr(.td(.text("\(item.code) \(AssessmentText.measure(item.measure))")), num(AssessmentText.number(item.weight)),
                            .td(.text(AssessmentText.scoring(item.scoring))), .td(.text(item.basis)))
                    }))))
    }
}
