import Foundation
import GroundbreakDomain
import GroundbreakOffice
import GroundbreakStore
import HTTPTypes
import Hummingbird

/// The year's batches and targets; one batch's planned projects with their readiness and starts,
/// computed once here for the page, the workbook and the API.
enum CampaignPages {
    typealias T = WebText.Campaigns

    struct Line: Sendable {
        var project: Project
        var summary: ReadinessSummary
    }

    struct Reading: Sendable {
        var campaign: Campaign
        var lines: [Line]
        var ready: Int { lines.filter(\.summary.readyForStart).count }
        var started: Int { lines.filter { $0.project.fields.actualStart != nil }.count }
        var total: Money { lines.reduce(.zero) { $0 + $1.project.fields.totalInvestment } }
    }

    static func year(_ input: EndpointRequest) throws -> Int {
        let text = FormData(pairs: input.queryItems)["year"]
        guard !text.isEmpty else { return input.today.year }
        guard let year = Int(text), Day.plausibleYears.contains(year) else {
            throw AppError.badQuery(ValidationFailure([FieldError("year", .numberOutOfRange(field: "year", min: "2000", max: "2100"))]))
        }
        return year
    }

    /// The year's start targets for the reader's own unit (the city's for a city-wide reader),
    /// read as the targets page reads them; none when the reader holds no unit's figures.
    static func targets(_ input: EndpointRequest, year: Int) async throws -> (unit: TargetUnit?, readings: [GroundworkReading]) {
        guard let home = GroundworkReadings.homeUnit(input) else { return (nil, []) }
        let day = year < input.today.year ? Day(year: year, month: 12, day: 31)! : year == input.today.year ? input.today : Day(year: year, month: 1, day: 1)!
        return (home, try await GroundworkReadings.read(input, unit: home, on: day, kinds: [.starts]))
    }

    /// The batch's projects the caller sees, with their readiness; not started and not ready first.
    static func read(_ campaign: Campaign, _ input: EndpointRequest) async throws -> Reading {
        let scope = input.scope(.viewProjects)
        let found = try await input.services.projects.projects(ids: campaign.projectIds)
        let projects = campaign.projectIds.compactMap { found[$0] }.filter(scope.contains)
        let recorded = try await input.services.readiness.items(projectIds: projects.map(\.id))
        let lines = projects.map { Line(project: $0, summary: ReadinessSummary(projectId: $0.id, recorded: recorded[$0.id] ?? [], catalog: input.services.readinessCatalog)) }
        return Reading(campaign: campaign, lines: lines.sorted {
            ($0.project.fields.actualStart == nil ? 0 : 1, $0.summary.readyForStart ? 1 : 0, $0.project.id) < ($1.project.fields.actualStart == nil ? 0 : 1, $1.summary.readyForStart ? 1 : 0, $1.project.id)
        })
    }

    static func list(_ input: EndpointRequest) async throws -> Response {
        try await renderList(input, errors: [], form: FormData(pairs: []), status: .ok)
    }

    static func renderList(_ input: EndpointRequest, errors: [FieldError], form: FormData, status: HTTPResponse.Status) async throws -> Response {
        let year = try year(input)
        let campaigns = try await input.services.campaigns.campaigns().filter { $0.year == year }
        var readings: [Reading] = []
        for campaign in campaigns { readings.append(try await read(campaign, input)) }
        return Responses.html(CampaignListPage(context: PageContext(input), year: year, targets: try await targets(input, year: year), readings: readings,
                                               catalog: input.services.campaignCatalog, reference: input.catalog, 
                                               errors: errors, form: form).document, status: status)
    }

    /// The year's batches as the workbook officials hand out, with the start targets in its last line.
    static func yearXLSX(_ input: EndpointRequest) async throws -> Response {
        let year = try year(input)
        var readings: [Reading] = []
        for campaign in try await input.services.campaigns.campaigns().filter({ $0.year == year }) { readings.append(try await read(campaign, input)) }
        let targets = try await targets(input, year: year)
        let catalog = input.services.campaignCatalog
        let sheet = ListSheet(title: T.yearTitle(year), filterLine: WebText.Common.filterLine(T.yearFilter(year, targets.unit?.name(input.catalog) ?? T.city), Format.dateTime(input.now)),
                              columns: [.init(T.serial, width: 6, .integer), .init(T.name, width: 30, .wrapped), .init(T.season, width: 14), .init(T.heldOn, width: 11),
                                        .init(T.unit, width: 12), .init(T.planned, width: 12, .integer), .init(T.ready, width: 12, .integer), .init(T.started, width: 10, .integer),
                                        .init(T.total, width: 16, .amount)],
                              rows: readings.enumerated().map { index, reading in
                                  let campaign = reading.campaign
                                  return [.integer(index + 1), .text(campaign.name), .text(catalog.season(campaign.season)?.name ?? campaign.season), .text(campaign.heldOn.iso),
                                          .text(campaign.unit?.name(input.catalog) ?? T.city), .integer(reading.lines.count), .integer(reading.ready), .integer(reading.started),
                                          .wan(reading.total)]
                              })
        let targetLine = targets.readings.map(\.sentence).joined(separator: "；")
        return try await Download.file(contentType: Download.xlsxType, name: T.yearFile(year), fallback: "campaigns.xlsx") {
            try ListWorkbook.write(sheet, to: $0, created: input.now, countLine: T.yearCount(readings.count) + (targetLine.isEmpty ? "" : "。" + targetLine))
        }
    }

    static func create(_ input: EndpointRequest) async throws -> Response {
        let form = input.form ?? FormData(pairs: [])
        return try await FormSubmission.submit({
            let saved = try await save(season: form["season"], name: form["name"], heldOn: form["heldOn"], unit: form["unit"], note: form["note"], input)
            return Responses.redirect(to: Route.campaign(saved.id).path(notice: "saved"))
        }, refused: { try await renderList(input, errors: $0.errors, form: form, status: $0.status) })
    }

    static func save(season: String, name: String, heldOn: String, unit: String, note: String, _ input: EndpointRequest) async throws -> Campaign {
        var errors: [FieldError] = []
        let held = Day.parse(heldOn)
        if held == nil { errors.append(FieldError("heldOn", heldOn.isEmpty ? .required(field: "heldOn") : .dateInvalid)) }
        var parsedUnit: OrgUnit?
        if !unit.isEmpty {
            parsedUnit = OrgUnit.parse(unit)
            if parsedUnit == nil { errors.append(FieldError("unit", .unknownCode(field: "unit", code: String(unit.prefix(40))))) }
        }
        guard errors.isEmpty, let held else { throw StoreError.invalid(ValidationFailure(errors)) }
        return try await input.services.campaigns.create(Campaign(year: held.year, season: season, name: name, heldOn: held, unit: parsedUnit, note: note),
                                                         catalog: input.services.campaignCatalog, reference: input.catalog, actor: input.actor, now: input.now)
    }

    static func show(_ input: EndpointRequest) async throws -> Response {
        try await renderShow(input, errors: [], form: FormData(pairs: []), status: .ok)
    }

    static func renderShow(_ input: EndpointRequest, errors: [FieldError], form: FormData, status: HTTPResponse.Status) async throws -> Response {
        guard let loaded = input.campaign else { throw AppError.notFound }
        let campaign = try await input.services.campaigns.campaign(id: loaded.id) ?? loaded
        return Responses.html(CampaignShowPage(context: PageContext(input), reading: try await read(campaign, input), catalog: input.services.campaignCatalog,
                                               readiness: input.services.readinessCatalog, reference: input.catalog, errors: errors, form: form,
                                               notice: input.queryItems.contains { $0.0 == "notice" } ? T.saved : nil).document, status: status)
    }

    static func xlsx(_ input: EndpointRequest) async throws -> Response {
        guard let campaign = input.campaign else { throw AppError.notFound }
        let reading = try await read(campaign, input)
        let readiness = input.services.readinessCatalog
        let sheet = ListSheet(title: campaign.name, filterLine: WebText.Common.filterLine("\(campaign.name)（\(campaign.heldOn.iso)）", Format.dateTime(input.now)),
                              columns: [.init(T.serial, width: 6, .integer), .init(T.project, width: 34, .wrapped), .init(T.region, width: 12), .init(T.total, width: 14, .amount),
                                        .init(T.plannedStart, width: 11), .init(T.readiness, width: 16), .init(WebText.Readiness.missing, width: 36, .wrapped),
                                        .init(T.actualStart, width: 11)],
                              rows: reading.lines.enumerated().map { index, line in
                                  [.integer(index + 1), .text(line.project.fields.name), .text(input.catalog.region(line.project.fields.regionCode)?.name ?? line.project.fields.regionCode),
                                   .wan(line.project.fields.totalInvestment), .text(line.project.fields.plannedStart?.iso ?? ""),
                                   .text(line.summary.readyForStart ? WebText.Readiness.ready : WebText.Readiness.notReady(line.summary.missingForStart.count)),
                                   .text(line.summary.missingForStart.compactMap { readiness.item($0)?.name }.joined(separator: "、")),
                                   .text(line.project.fields.actualStart?.iso ?? "")]
                              })
        return try await Download.file(contentType: Download.xlsxType, name: T.file(campaign.name), fallback: "campaign.xlsx") {
            try ListWorkbook.write(sheet, to: $0, created: input.now, countLine: T.summary(reading.lines.count, reading.ready, reading.started, Format.wan(reading.total)))
        }
    }

    /// Adds (`add=1`) or removes a project named as officials name it (name or code), within the caller's scope.
    static func setProject(_ input: EndpointRequest) async throws -> Response {
        guard let campaign = input.campaign else { throw AppError.notFound }
        let form = input.form ?? FormData(pairs: [])
        return try await FormSubmission.submit({
            let project: Project
            switch try await ProjectLookup.project(named: form["project"], field: "project", input) {
            case .success(let found): project = found
            case .failure(let error): throw StoreError.invalid(ValidationFailure([error]))
            }
            _ = try await input.services.campaigns.set(projectId: project.id, on: campaign.id, add: form["add"] != "0", actor: input.actor, today: input.today, now: input.now)
            return Responses.redirect(to: Route.campaign(campaign.id).path(notice: "saved"))
        }, refused: { try await renderShow(input, errors: $0.errors, form: form, status: $0.status) })
    }

    static func apiList(_ input: EndpointRequest) async throws -> Response {
        let year = try year(input)
        var batches: [CampaignDTO] = []
        for campaign in try await input.services.campaigns.campaigns().filter({ $0.year == year }) {
            batches.append(CampaignDTO(try await read(campaign, input), reference: input.catalog))
        }
        return try Responses.json(CampaignYearDTO(year: year, targets: try await targets(input, year: year), campaigns: batches, reference: input.catalog))
    }

    static func apiShow(_ input: EndpointRequest) async throws -> Response {
        guard let campaign = input.campaign else { throw AppError.notFound }
        return try Responses.json(CampaignDTO(try await read(campaign, input), reference: input.catalog))
    }

    static func apiCreate(_ input: EndpointRequest) async throws -> Response {
        let body = try input.json(CampaignCreateRequest.self)
        let saved = try await save(season: body.season, name: body.name, heldOn: body.heldOn, unit: body.unit ?? "", note: body.note ?? "", input)
        return try Responses.json(CampaignDTO(try await read(saved, input), reference: input.catalog), status: .created)
    }

    static func apiProjects(_ input: EndpointRequest) async throws -> Response {
        guard let campaign = input.campaign else { throw AppError.notFound }
        let body = try input.json(CampaignProjectRequest.self)
        guard let project = try await input.services.projects.project(id: body.projectId), input.scope(.viewProjects).contains(project) else {
            throw AppError.validation(ValidationFailure([FieldError("project", .unknownCode(field: "project", code: String(body.projectId)))]))
        }
        let saved = try await input.services.campaigns.set(projectId: project.id, on: campaign.id, add: body.add, actor: input.actor, today: input.today, now: input.now)
        return try Responses.json(CampaignDTO(try await read(saved, input), reference: input.catalog))
    }
}
