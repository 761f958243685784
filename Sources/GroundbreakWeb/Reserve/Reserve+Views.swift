import Foundation
import GroundbreakDomain
import Plot

/// The reserve's target, designations and conversion, the filters and the entries.
struct ReserveListPage {
    var context: PageContext
    var listing: ReservePages.Listing
    var rules: ReserveRules
    var reference: ReferenceCatalog

    typealias T = WebText.Reserve

    var document: HTML {
        let figures = listing.figures
        let filter = listing.filter
        let option = { (list: [ReserveRules.Code]) in list.map { Components.Option($0.code, $0.name) } }
        return Layout.document(title: T.title, context: context, nav: .reserve, content: .group(
            .h1(.text(T.title)),
            .p(.class("meta"), .text(T.lead)),
            .if(context.may(.editProject), .p(.class("no-print"), .a(.href(esc(Route.reserveImport.path)), .text(T.importLink)))),
            .h2(.text(T.target)),
            .div(.class("tiles"),
                 .forEach(listing.bands) { band in
                     .div(.class("tile"), .attribute(named: "data-figure", value: esc(band.measure.code)), .attribute(named: "title", value: esc(band.sentence)),
                          .span(.class("tile-count"), .text(band.targetCount.map { "\(band.count) / \($0)" } ?? String(band.count))),
                          .span(.class("tile-label"), .text(T.bandLine(band.measure.name, band.targetCount))))
                 },
                 .div(.class("tile"), .span(.class("tile-count"), .text(String(figures.reserveCount))), .span(.class("tile-label"), .text(T.reserveCount))),
                 .div(.class("tile"), .span(.class("tile-count"), .text(Format.wan(figures.reserveAmount))), .span(.class("tile-label"), .text(T.reserveAmount)))),
            .if(!figures.designations.isEmpty, .group(
                .h2(.text(T.designations)),
                .p(.class("meta"), .text(T.designationLead)),
                Components.listTools(filter: T.asOf(T.allVisible, context.today.iso), xlsx: .reserveDesignationsXLSX),
                .div(.class("table-wrap"), .table(.class("ledger"),
                    .thead(.tr(.th(.text(T.unit)), .th(.text(T.designation)), .th(.class("num"), .text(T.count)), .th(.class("num"), .text(T.minimum)), .th())),
                    .tbody(.forEach(figures.designations) { line in
                        .tr(.td(.class("name"), .text(line.unit.name(reference))), .td(.text(rules.designations.first { $0.tag == line.tag }?.name ?? line.tag)),
                            .td(.class("num"), .text(String(line.count))), .td(.class("num"), .text(String(line.minimum))),
                            .td(.class(line.met ? "good" : "bad"), .text(line.met ? T.met : T.unmet)))
                    }))))),
            .h2(.text(T.conversion)),
            .p(.class("meta"), .text(T.conversionLead)),
            Components.listTools(filter: T.asOf(T.allVisible, context.today.iso), xlsx: .reserveConversionXLSX),
            .div(.class("table-wrap"), .table(.class("ledger"),
                .thead(.tr(.th(.text(T.enteredYear)), .th(.class("num"), .text(T.entered)), .th(.class("num"), .text(T.started)), .th(.class("num"), .text(T.rate)))),
                .tbody(.forEach(figures.conversion) { line in
                    .tr(.td(.text(String(line.year))), .td(.class("num"), .text(String(line.entered))), .td(.class("num"), .text(String(line.started))),
                        .td(.class("num"), .text(line.percent.map { Decimals.percent($0) } ?? T.none)))
                }))),
            .h2(.text(T.entries)),
            .form(.method(.get), .action(esc(Route.reserve().path)), .class("filters no-print"),
                .div(.class("filter-grid"),
                     .div(.class("filter"), .label(.for("f-level"), .text(T.level)), Components.select("level", options: option(rules.levels), selected: [filter.level ?? ""], blank: T.all)),
                     .div(.class("filter"), .label(.for("f-unit"), .text(T.region)),
                          Components.select("unit", options: UnitOptions.districtsAndZones(reference), selected: [filter.unit?.text ?? ""], blank: T.all)),
                     .div(.class("filter"), .label(.for("f-source"), .text(T.source)), Components.select("source", options: option(rules.sources), selected: [filter.source ?? ""], blank: T.all)),
                     .div(.class("filter"), .label(.for("f-grade"), .text(T.grade)), Components.select("grade", options: option(rules.grades), selected: [filter.grade ?? ""], blank: T.all)),
                     .div(.class("filter"), .label(.for("f-tag"), .text(T.tags)),
                          Components.select("tag", options: rules.designations.map { .init($0.tag, $0.name) }, selected: [filter.tag ?? ""], blank: T.all))),
                .div(.class("filter-actions"), .button(.type(.submit), .class("button"), .text(T.filter)))),
            Components.listTools(filter: filter.described(rules, reference: reference), xlsx: .reserveXLSX(filter)),
            Components.listTotal(listing.lines.count, T.listCount(listing.lines.count)),
            .div(.class("table-wrap"), .table(.class("ledger"),
                .thead(.tr(.th(.text(T.project)), .th(.text(T.region)), .th(.class("num"), .text(T.total)), .th(.text(T.level)), .th(.text(T.source)), .th(.text(T.grade)),
                           .th(.text(T.tags)), .th(.text(T.stage)), .th(.text(T.enteredOn)))),
                .tbody(.forEach(listing.lines.prefix(1000)) { line in
                    .tr(.attribute(named: "data-project", value: String(line.project.id)),
                        .td(.class("name"), .a(.href(esc(Route.projectReserve(line.project.id).path)), .text(line.project.fields.name))),
                        .td(.text(reference.region(line.project.fields.regionCode)?.name ?? line.project.fields.regionCode)),
                        .td(.class("num"), .text(Format.wan(line.project.fields.totalInvestment))), .td(.text(rules.name(line.entry.level, in: rules.levels))),
                        .td(.text(rules.name(line.entry.source, in: rules.sources))), .td(.text(line.entry.grade)),
                        .td(.text(rules.designations.filter { line.project.fields.tags.contains($0.tag) }.map(\.name).joined(separator: "、"))),
                        .td(.text(line.project.effectiveStage.label)), .td(.text(line.entry.enteredOn.iso)))
                })))
        ))
    }
}

/// One project's entry: entered or not, its level, source, grade and note; the form that keeps
/// them, and the centre's promotion to the city library.
struct ReserveProjectPage {
    var context: PageContext
    var project: Project
    var entry: ReserveEntry?
    var rules: ReserveRules
    var today: Day
    var mayEdit: Bool
    var errors: [FieldError]
    var form: FormData
    var notice: String?

    typealias T = WebText.Reserve

    var document: HTML {
        let messages = { (field: String) in errors.filter { $0.field == field }.map(\.message) }
        let value = { (field: String, stored: String) in form.pairs.isEmpty ? stored : form[field] }
        return Layout.document(title: "\(T.projectTitle)：\(project.fields.name)", context: context, nav: .reserve, content: .group(
            .p(.class("no-print"), .a(.href(esc(Route.project(project.id).path)), .text(T.back))),
            .h1(.text("\(T.projectTitle)：\(project.fields.name)")),
            .if(notice != nil, .div(.class("alert alert-success"), .text(notice ?? ""))),
            Components.errorSummary(errors),
            entry.map { entry in
                .dl(.class("facts"),
                    .dt(.text(T.level)), .dd(.text(rules.name(entry.level, in: rules.levels))),
                    .dt(.text(T.source)), .dd(.text(rules.name(entry.source, in: rules.sources))),
                    .dt(.text(T.grade)), .dd(.text(rules.name(entry.grade, in: rules.grades))),
                    .dt(.text(T.enteredOn)), .dd(.text(entry.enteredOn.iso)),
                    .dt(.text(T.promotedOn)), .dd(.text(entry.promotedOn?.iso ?? T.none)),
                    .dt(.text(T.note)), .dd(.text(entry.note)))
            } ?? .p(.class("muted"), .text(T.notEntered)),
            .if(mayEdit, .form(.method(.post), .action(esc(Route.saveReserve(project.id).path)), .class("card project-form no-print"),
                Layout.csrfField(context),
                .input(.type(.hidden), .name("version"), .value(String(entry?.version ?? 0))),
                .div(.class("field-grid"),
                     Components.selectField("source", label: T.source, options: rules.sources.map { .init($0.code, $0.name) }, selected: value("source", entry?.source ?? ""),
                                            errors: messages("source"), required: true),
                     Components.selectField("grade", label: T.grade, options: rules.grades.map { .init($0.code, $0.name) }, selected: value("grade", entry?.grade ?? ""),
                                            errors: messages("grade"), required: true),
                     Components.textField("enteredOn", label: T.enteredOn, value: value("enteredOn", (entry?.enteredOn ?? today).iso), errors: messages("enteredOn"), inputType: .date),
                     Components.textField("note", label: T.note, value: value("note", entry?.note ?? ""), errors: messages("note") + messages("projectId"), required: true, wide: true)),
                .button(.type(.submit), .class("button"), .text(entry == nil ? T.enter : T.save)))),
            .if(entry?.level == "county" && context.may(.organiseReserve), .form(.method(.post), .action(esc(Route.promoteReserve(project.id).path)), .class("no-print"),
                Layout.csrfField(context), .input(.type(.hidden), .name("version"), .value(String(entry?.version ?? 0))),
                .button(.type(.submit), .class("button secondary"), .text(T.promote))))
        ))
    }
}
