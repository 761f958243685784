import GroundbreakDomain
import GroundbreakStore

/// 谋划储备: the county and city reserve libraries, their target, the designations against their
/// minimums, the conversion into starts; a project's entry.
enum ReserveEndpoints: String, EndpointSet {
    case listPage, listXLSX, designationsXLSX, conversionXLSX, projectPage, projectSave, projectPromote, importPage, importUpload, importCommit
    case apiList, apiProject, apiSave, apiPromote, apiImport

    static let navigation = [NavigationEntry(.reserve, order: 33, label: WebText.Nav.reserve, route: .reserve(), requires: .viewProjects)]

    static let feature = "reserve"

    var declaration: EndpointDeclaration {
        switch self {
        case .listPage: .get("/reserve", .viewProjects, ReservePages.list)
        case .listXLSX: .get("/reserve.xlsx", .viewProjects, ReservePages.xlsx)
        case .designationsXLSX: .get("/reserve/designations.xlsx", .viewProjects, ReserveExports.designations)
        case .conversionXLSX: .get("/reserve/conversion.xlsx", .viewProjects, ReserveExports.conversion)
        case .projectPage: .get("/projects/:id/reserve", .viewProjects, on: .project, ReservePages.project)
        case .projectSave: .post("/projects/:id/reserve", .editProject, on: .project, ReservePages.save)
        case .projectPromote: .post("/projects/:id/reserve/promote", .organiseReserve, on: .project, ReservePages.promote)
        case .importPage: .get("/reserve/import", .editProject, { try await ReserveImportPages.list.page($0) })
        case .importUpload: .post("/reserve/import", .editProject, upload: true, { try await ReserveImportPages.list.upload($0) })
        case .importCommit: .post("/reserve/import/commit", .editProject, { try await ReserveImportPages.list.commit($0) })
        case .apiImport: .post("/api/v1/imports/reserve", .editProject, upload: true, { try await ReserveImportPages.list.api($0) })
        case .apiList: .get("/api/v1/reserve", .viewProjects, ReservePages.apiList)
        case .apiProject: .get("/api/v1/projects/:id/reserve", .viewProjects, on: .project, ReservePages.apiProject)
        case .apiSave: .post("/api/v1/projects/:id/reserve", .editProject, on: .project, ReservePages.apiSave)
        case .apiPromote: .post("/api/v1/projects/:id/reserve/promote", .organiseReserve, on: .project, ReservePages.apiPromote)
        }
    }
}

extension Route {
    private typealias E = ReserveEndpoints

    static func reserve(_ filter: ReserveFilter = ReserveFilter()) -> Route { Route(E.listPage, query: filter.query) }
    static func reserveXLSX(_ filter: ReserveFilter) -> Route { Route(E.listXLSX, query: filter.query) }
    static var reserveDesignationsXLSX: Route { Route(E.designationsXLSX) }
    static var reserveConversionXLSX: Route { Route(E.conversionXLSX) }
    static func projectReserve(_ id: Int64) -> Route { Route(E.projectPage, id: id) }
    static func saveReserve(_ id: Int64) -> Route { Route(E.projectSave, id: id) }
    static func promoteReserve(_ id: Int64) -> Route { Route(E.projectPromote, id: id) }
    static var reserveImport: Route { Route(E.importPage) }
    static var reserveImportCommit: Route { Route(E.importCommit) }
}

extension NavItem {
    static let reserve = NavItem("reserve")
}

extension AppServices {
    var reserve: ReserveRepository { ReserveRepository(database: database) }
}

/// Which entries a list shows: a level, a district or zone, a source, a grade, a designation tag.
struct ReserveFilter: Sendable, Equatable {
    var level: String?
    var unit: OrgUnit?
    var source: String?
    var grade: String?
    var tag: String?

    init() {}

    static func parse(_ items: [(String, String)], rules: ReserveRules, reference: ReferenceCatalog) -> Result<ReserveFilter, ValidationFailure> {
        var filter = ReserveFilter()
        var errors: [FieldError] = []
        let form = FormData(pairs: items)
        func code(_ key: String, _ list: [ReserveRules.Code]) -> String? {
            guard !form[key].isEmpty else { return nil }
            if list.contains(where: { $0.code == form[key] }) { return form[key] }
            errors.append(FieldError(key, .unknownCode(field: key, code: String(form[key].prefix(20)))))
            return nil
        }
        filter.level = code("level", rules.levels)
        filter.source = code("source", rules.sources)
        filter.grade = code("grade", rules.grades)
        filter.tag = code("tag", rules.designations.map { ReserveRules.Code(code: $0.tag, name: $0.name) })
        if !form["unit"].isEmpty {
            if let unit = reference.districtOrZone(form["unit"]) {
                filter.unit = unit
            } else { errors.append(FieldError("unit", .unknownCode(field: "unit", code: String(form["unit"].prefix(40))))) }
        }
        return errors.isEmpty ? .success(filter) : .failure(ValidationFailure(errors))
    }

    var query: [(String, String)] {
        [("level", level), ("unit", unit?.text), ("source", source), ("grade", grade), ("tag", tag)].compactMap { key, value in value.map { (key, $0) } }
    }

    func matches(_ entry: ReserveEntry, _ project: Project, reference: ReferenceCatalog) -> Bool {
        if let level, entry.level != level { return false }
        if let source, entry.source != source { return false }
        if let grade, entry.grade != grade { return false }
        if let tag, !project.fields.tags.contains(tag) { return false }
        if let unit, !unit.targetUnit.contains(project, catalog: reference) { return false }
        return true
    }

    func described(_ rules: ReserveRules, reference: ReferenceCatalog) -> String {
        var parts: [String] = []
        if let level { parts.append(rules.name(level, in: rules.levels)) }
        if let unit { parts.append(unit.name(reference)) }
        if let source { parts.append(rules.name(source, in: rules.sources)) }
        if let grade { parts.append(rules.name(grade, in: rules.grades)) }
        if let tag { parts.append(rules.designations.first { $0.tag == tag }?.name ?? tag) }
        return parts.isEmpty ? WebText.Reserve.allVisible : parts.joined(separator: "，")
    }
}
