import Foundation
import GroundbreakDomain
import Plot

/// The year's targets and batches, and (for the centre) the form that opens a batch.
struct CampaignListPage {
    var context: PageContext
    var year: Int
    var targets: (unit: TargetUnit?, readings: [GroundworkReading])
    var readings: [CampaignPages.Reading]
    var catalog: CampaignCatalog
    var reference: ReferenceCatalog
    var errors: [FieldError]
    var form: FormData

    typealias T = WebText.Campaigns

    var document: HTML {
        let messages = { (field: String) in errors.filter { $0.field == field }.map(\.message) }
        let units = reference.assignableRegions.filter { $0.kind != .city }.map { Components.Option("region:\($0.code)", $0.name) }
        return Layout.document(title: T.title, context: context, nav: .campaigns, content: .group(
            .h1(.text(T.title)),
            .p(.class("meta"), .text(T.lead)),
            .form(.method(.get), .action(esc(Route.campaigns().path)), .class("filters no-print"),
                  .div(.class("filter-grid"), .div(.class("filter"), .label(.for("f-year"), .text(T.year)),
                                                   .input(.type(.number), .id("f-year"), .name("year"), .value(String(year))))),
                  .div(.class("filter-actions"), .button(.type(.submit), .class("button"), .text(T.filter)))),
            .h2(.text(T.targets)),
            .p(.class("meta"), .text(targets.unit.map { T.scopeNote($0.name(reference)) } ?? T.noUnit)),
            .div(.class("tiles"), .forEach(targets.readings) { reading in
                .div(.class("tile"), .attribute(named: "data-target", value: esc(reading.measure.code)), .attribute(named: "title", value: esc(reading.sentence)),
                     .span(.class("tile-count"), .text(reading.targetCount.map { "\(reading.count) / \($0)" } ?? String(reading.count))),
                     .span(.class("tile-label"), .text(T.targetLine(reading.measure.name, reading.asOf.iso))))
            }),
            .h2(.text(T.batches)),
            Components.listTools(filter: T.yearFilter(year, targets.unit?.name(reference) ?? T.city), xlsx: .campaignsXLSX(year: year)),
            readings.isEmpty ? .p(.class("muted"), .text(T.noBatches)) : .div(.class("table-wrap"), .table(.class("ledger"),
                .thead(.tr(.th(.text(T.name)), .th(.text(T.season)), .th(.text(T.heldOn)), .th(.text(T.unit)), .th(.class("num"), .text(T.planned)),
                           .th(.class("num"), .text(T.ready)), .th(.class("num"), .text(T.started)), .th(.class("num"), .text(T.total)))),
                .tbody(.forEach(readings) { reading in
                    let campaign = reading.campaign
                    return .tr(.td(.class("name"), .a(.href(esc(Route.campaign(campaign.id).path)), .text(campaign.name))),
                               .td(.text(catalog.season(campaign.season)?.name ?? campaign.season)), .td(.text(campaign.heldOn.iso)),
                               .td(.text(campaign.unit?.name(reference) ?? T.city)), .td(.class("num"), .text(String(reading.lines.count))),
                               .td(.class("num"), .text(String(reading.ready))), .td(.class("num"), .text(String(reading.started))),
                               .td(.class("num"), .text(Format.wan(reading.total))))
                }))),
            .if(context.may(.organiseCampaigns), .form(.method(.post), .action(esc(Route.createCampaign.path)), .class("card project-form no-print"),
                Layout.csrfField(context),
                Components.errorSummary(errors),
                .h3(.text(T.newBatch)),
                .div(.class("field-grid"),
                     Components.selectField("season", label: T.season, options: catalog.seasons.map { .init($0.code, $0.name) }, selected: form["season"],
                                            errors: messages("season"), required: true),
                     Components.textField("name", label: T.name, value: form["name"], errors: messages("name"), required: true, wide: true),
                     Components.textField("heldOn", label: T.heldOn, value: form["heldOn"], errors: messages("heldOn"), required: true, inputType: .date),
                     Components.selectField("unit", label: T.unit, options: units, selected: form["unit"], errors: messages("unit"), blank: T.city),
                     Components.textField("note", label: T.note, value: form["note"], errors: messages("note"), wide: true)),
                .button(.type(.submit), .class("button"), .text(T.save))))
        ))
    }
}

/// One batch: its planned projects with readiness and starts; the centre adds and removes them.
struct CampaignShowPage {
    var context: PageContext
    var reading: CampaignPages.Reading
    var catalog: CampaignCatalog
    var readiness: ReadinessCatalog
    var reference: ReferenceCatalog
    var errors: [FieldError]
    var form: FormData
    var notice: String?

    typealias T = WebText.Campaigns

    var document: HTML {
        let campaign = reading.campaign
        let mayOrganise = context.may(.organiseCampaigns)
        return Layout.document(title: campaign.name, context: context, nav: .campaigns, content: .group(
            .p(.class("no-print"), .a(.href(esc(Route.campaigns(year: campaign.year).path)), .text(T.back))),
            .h1(.text(campaign.name)),
            .p(.class("meta"), .text("\(catalog.season(campaign.season)?.name ?? campaign.season) · \(campaign.heldOn.iso) · \(campaign.unit?.name(reference) ?? T.city)"
                                     + (campaign.note.isEmpty ? "" : " · " + campaign.note))),
            .if(notice != nil, .div(.class("alert alert-success"), .text(notice ?? ""))),
            Components.errorSummary(errors),
            Components.listTools(filter: "\(campaign.name)（\(campaign.heldOn.iso)）", xlsx: .campaignXLSX(campaign.id)),
            Components.listTotal(reading.lines.count, T.summary(reading.lines.count, reading.ready, reading.started, Format.wan(reading.total))),
            .div(.class("table-wrap"), .table(.class("ledger"),
                .thead(.tr(.th(.text(T.project)), .th(.text(T.region)), .th(.class("num"), .text(T.total)), .th(.text(T.plannedStart)), .th(.text(T.readiness)),
                           .th(.text(T.actualStart)), .if(mayOrganise, .th()))),
                .tbody(.forEach(reading.lines) { line in
                    let project = line.project
                    return .tr(.attribute(named: "data-project", value: String(project.id)),
                               .td(.class("name"), .a(.href(esc(Route.projectReadiness(project.id).path)), .text(project.fields.name))),
                               .td(.text(reference.region(project.fields.regionCode)?.name ?? project.fields.regionCode)),
                               .td(.class("num"), .text(Format.wan(project.fields.totalInvestment))), .td(.text(project.fields.plannedStart?.iso ?? "")),
                               .td(.class(line.summary.readyForStart ? "good" : "bad"), .text(line.summary.readyForStart ? WebText.Readiness.ready
                                   : WebText.Readiness.notReady(line.summary.missingForStart.count) + "：" + line.summary.missingForStart.compactMap { readiness.item($0)?.name }.joined(separator: "、"))),
                               .td(.text(project.fields.actualStart?.iso ?? T.none)),
                               .if(mayOrganise, .td(.form(.method(.post), .action(esc(Route.campaignProjects(campaign.id).path)), .class("inline no-print"),
                                                          Layout.csrfField(context), .input(.type(.hidden), .name("project"), .value(esc(project.fields.code?.value ?? project.fields.name))),
                                                          .input(.type(.hidden), .name("add"), .value("0")),
                                                          .button(.type(.submit), .class("button secondary small"), .text(T.remove))))))
                }))),
            .if(mayOrganise, .form(.method(.post), .action(esc(Route.campaignProjects(campaign.id).path)), .class("card project-form no-print"),
                Layout.csrfField(context), .input(.type(.hidden), .name("add"), .value("1")),
                .div(.class("field-grid"), Components.textField("project", label: T.projectField, value: form["project"], errors: errors.filter { $0.field == "project" }.map(\.message),
                                                                required: true, wide: true)),
                .button(.type(.submit), .class("button"), .text(T.addProject))))
        ))
    }
}
