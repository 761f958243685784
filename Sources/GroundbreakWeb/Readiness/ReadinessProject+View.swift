import Foundation
import GroundbreakDomain
import Plot

/// One project's readiness items by group, the level and start conditions reached, and (for those
/// who edit the project) the form that keeps them and the button that raises an unmet one.
struct ReadinessProjectPage {
    var context: PageContext
    var project: Project
    var summary: ReadinessSummary
    var catalog: ReadinessCatalog
    var reference: ReferenceCatalog
    var mayEdit: Bool
    var errors: [FieldError]
    var form: FormData
    var notice: String?

    typealias T = WebText.Readiness

    var document: HTML {
        let units = reference.departments.map { Components.Option("department:\($0.code)", $0.shortName, group: WebText.Funding.department) }
            + reference.assignableRegions.filter { $0.kind != .city }.map { Components.Option("region:\($0.code)", $0.name, group: WebText.Common.regions) }
        let states = ReadinessState.allCases.map { Components.Option($0.rawValue, $0.label) }
        let value = { (field: String, code: String, stored: String) in form.pairs.isEmpty ? stored : form["\(field)_\(code)"] }
        return Layout.document(title: "\(T.projectTitle)：\(project.fields.name)", context: context, nav: .readiness, content: .group(
            .p(.class("no-print"), .a(.href(esc(Route.project(project.id).path)), .text(T.back))),
            .h1(.text("\(T.projectTitle)：\(project.fields.name)")),
            .p(.class("meta"), .text(T.projectLead)),
            .if(notice != nil, .div(.class("alert alert-success"), .text(notice ?? ""))),
            Components.errorSummary(errors),
            .div(.class("tiles"),
                 .div(.class("tile"), .span(.class("tile-count"), .text(summary.readyForStart ? T.ready : T.notReady(summary.missingForStart.count))),
                      .span(.class("tile-label"), .text(T.startsTitle))),
                 .div(.class("tile"), .span(.class("tile-count"), .text(T.levelReached(summary.level.map { catalog.levels[$0].name }))),
                      .span(.class("tile-label"), .text(T.level))),
                 .div(.class("tile"), .span(.class("tile-count"), .text(summary.landSuppliedOn?.iso ?? T.none)), .span(.class("tile-label"), .text(T.landSuppliedOn)))),
            .form(.method(.post), .id("readiness"), .action(esc(Route.saveReadiness(project.id).path)), .class("no-print"), Layout.csrfField(context)),
            .div(.class("table-wrap"), .table(.class("ledger"),
                .thead(.tr(.th(.text(T.group)), .th(.text(T.item)), .th(.text(T.state)), .th(.text(T.dueOn)), .th(.text(T.doneOn)), .th(.text(T.unit)),
                           .th(.text(T.way)), .th(.text(T.note)), .if(mayEdit, .th()))),
                .tbody(.forEach(summary.items) { item in
                    let entry = catalog.item(item.code)!
                    let field = { (name: String, stored: String, type: HTMLInputType) -> Node<HTML.BodyContext> in
                        mayEdit ? .input(.type(type), .name("\(name)_\(item.code)"), .value(esc(value(name, item.code, stored))), .attribute(named: "form", value: "readiness"),
                                         .attribute(named: "aria-label", value: "\(entry.name) \(name)"))
                                : .text(stored)
                    }
                    return .tr(.attribute(named: "data-item", value: item.code), .class(item.state.isMet ? "" : entry.forStart ? "bad" : ""),
                               .td(.text(ReadinessText.group(entry.group))), .td(.class("name"), .text(entry.name + (entry.forStart ? "（\(T.forStart)）" : ""))),
                               .td(mayEdit ? Components.select("state_\(item.code)", options: states, selected: [value("state", item.code, item.state.rawValue)], blank: nil,
                                                               form: "readiness")
                                           : .text(item.state.label)),
                               .td(field("due", item.dueOn?.iso ?? "", .date)), .td(field("done", item.doneOn?.iso ?? "", .date)),
                               .td(mayEdit ? Components.select("unit_\(item.code)", options: units, selected: [value("unit", item.code, item.unit?.text ?? "")], blank: T.none,
                                                               form: "readiness")
                                           : .text(item.unit?.name(reference) ?? "")),
                               .td(entry.recordsWay == true
                                   ? (mayEdit ? Components.select("way_\(item.code)", options: catalog.landWays.map { .init($0, $0) }, selected: [value("way", item.code, item.way)],
                                                                  blank: T.none, form: "readiness") : .text(item.way))
                                   : .text("")),
                               .td(field("note", item.note, .text)),
                               .if(mayEdit, .td(.input(.type(.hidden), .name("version_\(item.code)"), .value(String(item.version)), .attribute(named: "form", value: "readiness")),
                                                .if(!item.state.isMet, .form(.method(.post), .action(esc(Route.readinessProblem(project.id).path)), .class("inline no-print"),
                                                                             Layout.csrfField(context), .input(.type(.hidden), .name("item"), .value(item.code)),
                                                                             .button(.type(.submit), .class("button secondary small"), .text(T.raise)))))))
                }))),
            .if(mayEdit, .button(.type(.submit), .class("button no-print"), .attribute(named: "form", value: "readiness"), .text(T.save)))
        ))
    }
}
