import Foundation
import GroundbreakDomain
import Plot

/// The biweekly dispatch: each group's figures for the period, then its active leads, those
/// nobody reported on first.
struct LeadDispatchPage {
    var context: PageContext
    var taskForce: TaskForce
    var dispatch: LeadDispatch
    var catalog: LeadCatalog
    var reference: ReferenceCatalog

    typealias T = WebText.Leads

    var document: HTML {
        let heading = T.dispatchHeading(taskForce.name, dispatch.from.iso, dispatch.through.iso)
        return Layout.document(title: T.dispatchTitle, context: context, nav: .leads, content: .group(
            .p(.class("no-print"), .a(.href(esc(Route.taskForce(taskForce.id).path)), .text(taskForce.name))),
            .h1(.text(T.dispatchTitle)),
            .p(.class("meta"), .text(T.dispatchLead)),
            .form(.method(.get), .class("filters no-print"),
                  .div(.class("filter"), .label(.for("f-through"), .text(T.through)),
                       .input(.type(.date), .id("f-through"), .name("through"), .value(dispatch.through.iso))),
                  .div(.class("filter-actions"), .button(.type(.submit), .class("button"), .text(T.filter)))),
            Components.listTools(filter: heading, xlsx: .taskForceLeadDispatchXLSX(taskForce.id, through: dispatch.through)),
            .if(dispatch.groups.isEmpty, .p(.class("meta"), .text(T.dispatchNoGroups))),
            .forEach(dispatch.groups) { group($0) }
        ))
    }

    func group(_ group: LeadDispatch.Group) -> Node<HTML.BodyContext> {
        func rate(_ rate: LeadFunnel.Rate?) -> String { rate.map { "\($0.name) \($0.percent.map { Decimals.percent($0) } ?? T.none)（\(T.ratio($0.part, $0.whole))）" } ?? "" }
        return .section(.class("card"),
            .h2(.text(group.name), .if(!group.leaderSeats.isEmpty, .span(.class("meta"), .text("　" + reference.seatNames(group.leaderSeats))))),
            .p(.text(T.dispatchLine(active: group.active, advanced: group.advanced, signed: group.signedInPeriod, signedWan: Format.wan(group.signedAmountInPeriod),
                                    registered: group.registeredInPeriod, stale: group.stale))),
            .p(.class("meta"), .text([rate(group.signingRate), rate(group.registrationRate)].filter { !$0.isEmpty }.joined(separator: "；"))),
            .if(!group.lines.isEmpty, .div(.class("table-wrap"), .table(.class("ledger"),
                .thead(.tr(.th(.text(T.leadTitle)), .th(.text(T.unit)), .th(.text(T.stage)), .th(.class("num"), .text(T.daysAtStage)),
                           .th(.text(T.lastActivity)), .th(.text(T.stale)))),
                .tbody(.forEach(group.lines) { line in
                    .tr(.class(line.stale ? "row-late" : ""),
                        .td(.class("name"), .a(.href(esc(Route.lead(line.lead.id).path)), .text(line.lead.title)), .br(),
                            .span(.class("meta"), .text(line.lead.investor.name))),
                        .td(.text(line.lead.unit.name(reference))), .td(.text(catalog.stageName(line.lead.stageCode))),
                        .td(.class("num"), .text(String(line.daysAtStage))), .td(.text(line.lead.lastActivityOn.iso + (line.advanced ? "（\(T.advancedInPeriod)）" : ""))),
                        .td(.text(line.stale ? T.staleMark : "")))
                })))))
    }
}
