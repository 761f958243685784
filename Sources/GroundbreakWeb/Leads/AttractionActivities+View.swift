import Foundation
import GroundbreakDomain
import Plot

/// The month's 招商活动: the rhythm (units short of an activity or a signing named first), the
/// activities, and the form that records one.
struct AttractionActivitiesPage {
    var context: PageContext
    var reading: AttractionActivityPages.Reading
    var reference: ReferenceCatalog
    /// The units the reader may record activities for; empty for a reader who only reads.
    var units: [Components.Option]
    var errors: [FieldError]
    var form: FormData
    var notice: String?

    typealias T = WebText.Leads

    var document: HTML {
        let rhythm = reading.rhythm
        let short = rhythm.short
        return Layout.document(title: T.activitiesTitle, context: context, nav: .leads, content: .group(
            .p(.class("no-print"), .a(.href(esc(Route.leads().path)), .text(T.title))),
            Components.notice(notice),
            .h1(.text(T.activitiesTitle)),
            .p(.class("meta"), .text(T.rhythmLead)),
            .form(.method(.get), .action(esc(Route.leadActivities().path)), .class("card filters no-print"),
                  .div(.class("field-grid"), .div(.class("field"), .label(.for("month"), .text(T.month)),
                                                  .input(.type(.month), .id("month"), .name("month"), .value(reading.month.iso)))),
                  .button(.type(.submit), .class("button"), .text(T.filter))),
            .h2(.text(T.rhythmHeading(reading.month.label))),
            Components.listTools(filter: T.rhythmHeading(reading.month.label), xlsx: .leadRhythmXLSX(month: reading.month)),
            .p(.class(short.isEmpty ? "meta" : "notice"), .text(short.isEmpty ? T.rhythmAllMet : T.rhythmShort(short.map { $0.unit.name(reference) }))),
            .div(.class("table-wrap"), .table(.class("ledger"),
                .thead(.tr(.th(.text(T.unit)), .th(.class("num"), .text(T.activityCount)), .th(.class("num"), .text(T.signingCount)),
                           .th(.class("num"), .text(T.signedAmount)))),
                .tbody(.forEach(rhythm.lines) { line in
                    .tr(.class(line.isShort ? "bad" : ""), .td(.class("name"), .text(line.unit.name(reference))), .td(.class("num"), .text(String(line.activities))),
                        .td(.class("num"), .text(String(line.signings))), .td(.class("num"), .text(Format.wan(line.signedAmount))))
                }))),
            .h2(.text(T.activitiesHeading)),
            Components.listTotal(reading.activities.count, T.activityTotal(reading.activities.count)),
            reading.activities.isEmpty ? .p(.class("muted"), .text(T.noActivities)) : .div(.class("table-wrap"), .table(.class("ledger"),
                .thead(.tr(.th(.text(T.on)), .th(.text(T.unit)), .th(.text(T.activityKind)), .th(.text(T.activityTitle)), .th(.text(T.leaderAttending)),
                           .th(.text(T.investorsMet)))),
                .tbody(.forEach(reading.activities) { activity in
                    .tr(.td(.text(activity.on.iso)), .td(.text(activity.unit.name(reference))), .td(.text(activity.kind.label)), .td(.class("name"), .text(activity.title)),
                        .td(.text(activity.leaderSeat.map { reference.seatNames([$0]) } ?? T.none)), .td(.text(activity.investorsMet)))
                }))),
            .if(!units.isEmpty, recordForm)
        ))
    }

    var recordForm: Node<HTML.BodyContext> {
        let messages = { (field: String) in errors.filter { $0.field == field }.map(\.message) }
        let seats = reference.positions.filter { [.sponsor, .staff].contains($0.duty) }.map { Components.Option(String($0.id), $0.display) }
        return .form(.method(.post), .action(esc(Route.recordLeadActivity.path)), .class("card project-form no-print"),
                     Layout.csrfField(context),
                     .h2(.text(T.recordActivity)),
                     Components.errorSummary(errors),
                     .div(.class("field-grid"),
                          Components.selectField("unit", label: T.unit, options: units, selected: form["unit"], errors: messages("unit"), required: true),
                          Components.selectField("kind", label: T.activityKind, options: AttractionActivity.Kind.allCases.map { .init($0.rawValue, $0.label) },
                                                 selected: form["kind"], errors: messages("kind"), required: true),
                          Components.textField("on", label: T.on, value: form["on"], errors: messages("on"), required: true, inputType: .date),
                          Components.textField("title", label: T.activityTitle, value: form["title"], errors: messages("title"), required: true, wide: true),
                          Components.selectField("leaderSeat", label: T.leaderAttending, options: seats, selected: form["leaderSeat"], errors: messages("leaderSeat")),
                          Components.textArea("investorsMet", label: T.investorsMet, value: form["investorsMet"]),
                          Components.textArea("note", label: T.activityNote, value: form["note"], errors: messages("note"))),
                     .button(.type(.submit), .class("button"), .text(T.recordActivity)))
    }
}
