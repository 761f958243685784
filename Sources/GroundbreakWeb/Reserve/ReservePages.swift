import Foundation
import GroundbreakDomain
import GroundbreakOffice
import GroundbreakStore
import HTTPTypes
import Hummingbird

/// The reserve libraries read for the caller (computed once for the page, the workbook and the
/// API), and one project's entry.
enum ReservePages {
    typealias T = WebText.Reserve

    struct Listing: Sendable {
        var filter: ReserveFilter
        var lines: [(entry: ReserveEntry, project: Project)]
        var figures: ReserveFigures
        /// The reserve's bands for the reader's own unit (`GroundworkReadings.homeUnit`), today.
        var bands: [GroundworkReading]
    }

    static func listing(_ input: EndpointRequest) async throws -> Listing {
        let rules = input.services.reserveRules
        let filter: ReserveFilter
        switch ReserveFilter.parse(input.queryItems, rules: rules, reference: input.catalog) {
        case .success(let parsed): filter = parsed
        case .failure(let failure): throw AppError.badQuery(failure)
        }
        let base = try await base(input)
        return Listing(filter: filter, lines: base.lines.filter { filter.matches($0.entry, $0.project, reference: input.catalog) }, figures: base.figures, bands: base.bands)
    }

    /// The libraries as the caller sees them, unfiltered: one computation per scope, own unit and
    /// day, kept until the next audited change (entries, projects and targets are audited).
    static func base(_ input: EndpointRequest) async throws -> Listing {
        let (services, catalog, today, rules) = (input.services, input.catalog, input.today, input.services.reserveRules)
        let scope = input.scope(.viewProjects)
        let home = GroundworkReadings.homeUnit(input)
        // The designations are checked for every district and department when the caller sees the whole city, else for its own unit.
        var regions = AssessmentCalculator.comparedUnits(.regions, catalog, on: today).compactMap(\.regionOrZone)
        var departments = catalog.departments.filter { $0.level == "city" }.map { OrgUnit(kind: .department, code: $0.code) }
        if scope != .everything {
            let own = input.principal?.unit
            regions = regions.filter { $0 == own }
            departments = departments.filter { $0 == own }
        }
        let (checkedRegions, checkedDepartments) = (regions, departments)
        let key = try await services.figuresKey("reserve", scope.key, home?.text ?? "-", regions.map(\.text).joined(separator: ","),
                                                departments.map(\.text).joined(separator: ","), today.iso)
        let all = try await services.reserveListings.value(for: key) {
            let entries = try await services.reserve.entries()
            let projects = try await services.projects.projects(ids: entries.map(\.projectId)).filter { scope.contains($0.value) }
            let visible = entries.filter { projects[$0.projectId] != nil }
            let figures = ReserveFigures(entries: visible, projects: projects, rules: rules, regions: checkedRegions, departments: checkedDepartments, catalog: catalog, on: today)
            let lines = visible.compactMap { entry in projects[entry.projectId].map { (entry: entry, project: $0) } }
            return Listing(filter: ReserveFilter(), lines: lines, figures: figures, bands: [])
        }
        var bands: [GroundworkReading] = []
        if let home { bands = try await GroundworkReadings.read(input, unit: home, on: today, kinds: [.reserve]) }
        return Listing(filter: all.filter, lines: all.lines, figures: all.figures, bands: bands)

    }

    static func list(_ input: EndpointRequest) async throws -> Response {
        Responses.html(ReserveListPage(context: PageContext(input), listing: try await listing(input), rules: input.services.reserveRules, reference: input.catalog).document)
    }

    static func xlsx(_ input: EndpointRequest) async throws -> Response {
        let listing = try await listing(input)
        let rules = input.services.reserveRules
        let tagName = { (project: Project) in rules.designations.filter { project.fields.tags.contains($0.tag) }.map(\.name).joined(separator: "、") }
        let sheet = ListSheet(title: T.entries, filterLine: WebText.Common.filterLine(listing.filter.described(rules, reference: input.catalog), Format.dateTime(input.now)),
                              columns: [.init(T.serial, width: 6, .integer), .init(T.project, width: 34, .wrapped), .init(T.region, width: 12), .init(T.total, width: 14, .amount),
                                        .init(T.level, width: 16), .init(T.source, width: 14), .init(T.grade, width: 20, .wrapped), .init(T.tags, width: 12),
                                        .init(T.stage, width: 8), .init(T.enteredOn, width: 11), .init(T.promotedOn, width: 11), .init(T.note, width: 40, .wrapped)],
                              rows: listing.lines.enumerated().map { index, line in
                                  [.integer(index + 1), .text(line.project.fields.name), .text(input.catalog.region(line.project.fields.regionCode)?.name ?? line.project.fields.regionCode),
                                   .wan(line.project.fields.totalInvestment), .text(rules.name(line.entry.level, in: rules.levels)), .text(rules.name(line.entry.source, in: rules.sources)),
                                   .text(rules.name(line.entry.grade, in: rules.grades)), .text(tagName(line.project)), .text(line.project.effectiveStage.label),
                                   .text(line.entry.enteredOn.iso), .text(line.entry.promotedOn?.iso ?? ""), .text(line.entry.note)]
                              })
        return try await Download.file(contentType: Download.xlsxType, name: T.fileName, fallback: "reserve.xlsx") {
            try ListWorkbook.write(sheet, to: $0, created: input.now, countLine: T.listCount(listing.lines.count))
        }
    }

    static func project(_ input: EndpointRequest) async throws -> Response {
        try await render(input, errors: [], form: FormData(pairs: []), status: .ok)
    }

    static func render(_ input: EndpointRequest, errors: [FieldError], form: FormData, status: HTTPResponse.Status) async throws -> Response {
        let project = try input.targetProject()
        return Responses.html(ReserveProjectPage(context: PageContext(input), project: project, entry: try await input.services.reserve.entry(projectId: project.id),
                                                 rules: input.services.reserveRules, today: input.today,
                                                 mayEdit: Policy.decide(.editProject, on: project, for: input.principal, catalog: input.catalog) == .allow,
                                                 errors: errors, form: form, notice: input.queryItems.contains { $0.0 == "notice" } ? T.saved : nil).document, status: status)
    }

    static func parse(source: String, grade: String, note: String, enteredOn: String, version: Int, project: Project, today: Day) throws -> ReserveEntry {
        var entered = today
        if !enteredOn.isEmpty {
            guard let day = Day.parse(enteredOn) else { throw StoreError.invalid(ValidationFailure([FieldError("enteredOn", .dateInvalid)])) }
            entered = day
        }
        return ReserveEntry(projectId: project.id, source: source, grade: grade, note: note, enteredOn: entered, version: version)
    }

    static func save(_ input: EndpointRequest) async throws -> Response {
        let project = try input.targetProject()
        let form = input.form ?? FormData(pairs: [])
        return try await FormSubmission.submit({
            let entry = try parse(source: form["source"], grade: form["grade"], note: form["note"], enteredOn: form["enteredOn"], version: Int(form["version"]) ?? 0,
                                  project: project, today: input.today)
            _ = try await input.services.reserve.save(entry, project: project, rules: input.services.reserveRules, actor: input.actor, today: input.today, now: input.now)
            return Responses.redirect(to: Route.projectReserve(project.id).path(notice: "saved"))
        }, refused: { try await render(input, errors: $0.errors, form: form, status: $0.status) })
    }

    static func promote(_ input: EndpointRequest) async throws -> Response {
        let project = try input.targetProject()
        let form = input.form ?? FormData(pairs: [])
        return try await FormSubmission.submit({
            _ = try await input.services.reserve.promote(projectId: project.id, expectedVersion: Int(form["version"]) ?? -1, actor: input.actor, today: input.today,
                                                         now: input.now)
            return Responses.redirect(to: Route.projectReserve(project.id).path(notice: "saved"))
        }, refused: { try await render(input, errors: $0.errors, form: form, status: $0.status) })
    }

    static func apiList(_ input: EndpointRequest) async throws -> Response {
        try Responses.json(ReserveListDTO(try await listing(input), rules: input.services.reserveRules))
    }

    static func apiProject(_ input: EndpointRequest) async throws -> Response {
        let project = try input.targetProject()
        return try Responses.json(ReserveProjectDTO(projectId: project.id, entry: try await input.services.reserve.entry(projectId: project.id).map(ReserveEntryDTO.init)))
    }

    static func apiSave(_ input: EndpointRequest) async throws -> Response {
        let project = try input.targetProject()
        let body = try input.json(ReserveSaveRequest.self)
        let entry = try parse(source: body.source, grade: body.grade, note: body.note, enteredOn: body.enteredOn ?? "", version: body.version, project: project, today: input.today)
        let saved = try await input.services.reserve.save(entry, project: project, rules: input.services.reserveRules, actor: input.actor, today: input.today, now: input.now)
        return try Responses.json(ReserveProjectDTO(projectId: project.id, entry: ReserveEntryDTO(saved)))
    }

    static func apiPromote(_ input: EndpointRequest) async throws -> Response {
        let project = try input.targetProject()
        let body = try input.json(ReservePromoteRequest.self)
        let saved = try await input.services.reserve.promote(projectId: project.id, expectedVersion: body.version, actor: input.actor, today: input.today, now: input.now)
        return try Responses.json(ReserveProjectDTO(projectId: project.id, entry: ReserveEntryDTO(saved)))
    }
}
