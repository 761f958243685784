import Foundation
import GroundbreakDomain

/// Turns a unit's 储备项目库 list (项目名称, 项目代码, 所属县区, 总投资, 生成来源, 等级, 谋划情况, 入库日期,
/// 储备层级, 项目单位) into reserve entries: each row's project is found by its code, else by its
/// name within its district, else kept as a new reserve project; a project already in the library
/// has its source, grade, note and day brought to the row (unchanged when they agree). A row for
/// the city's library is promoted only by those who organise the reserve. Every row is checked
/// before anything is written.
public struct ReserveListImport: Sendable {
    public let columns: ColumnCatalog
    public let reference: ReferenceCatalog
    public let rules: ReserveRules
    public let today: Day
    /// The importer keeps entries of these units' projects.
    public let allows: @Sendable (OrgUnit) -> Bool
    /// The importer's own district or zone: the unit of a row that names none.
    public let defaultUnit: OrgUnit?
    /// The importer may put projects into the city's library.
    public let mayPromote: Bool
    let names: NameLookup

    public init(columns: ColumnCatalog, reference: ReferenceCatalog, rules: ReserveRules, today: Day, allows: @escaping @Sendable (OrgUnit) -> Bool,
                defaultUnit: OrgUnit?, mayPromote: Bool) {
        self.columns = columns
        self.reference = reference
        self.rules = rules
        self.today = today
        self.allows = allows
        self.defaultUnit = defaultUnit
        self.mayPromote = mayPromote
        self.names = NameLookup(catalog: reference, columns: columns)
    }

    public func cut(_ sheet: Sheet) -> Result<TableRows, ImportProblem> {
        TableRows.read(sheet, columns: columns.reserveColumns, required: ["name", "source", "grade", "note"], identifying: ["name"], catalog: columns)
    }

    /// What the rows are checked against: the projects the importer edits and the library's entries.
    public struct Stored: Sendable {
        public var projects: [Project]
        public var entries: [ReserveEntry]

        public init(projects: [Project], entries: [ReserveEntry]) {
            self.projects = projects
            self.entries = entries
        }
    }

    public func plan(_ rows: TableRows, stored: Stored) -> ImportPreview<ReserveImportWrite> {
        let projects = ListProjects(stored.projects, reference: reference, today: today)
        let units = ListUnits(reference: reference, names: names, defaultUnit: defaultUnit, allows: allows,
                              required: OfficeText.ReserveImport.unitRequired, outside: OfficeText.ReserveImport.outsideReach)
        let entries = Dictionary(stored.entries.map { ($0.projectId, $0) }, uniquingKeysWith: { first, _ in first })
        var seen: [String: Int] = [:]
        return .planning(rows) { plan(ListRow($0, table: rows.table), projects: projects, units: units, entries: entries, seen: &seen) }
    }

    func plan(_ row: ListRow, projects: ListProjects, units: ListUnits, entries: [Int64: ReserveEntry], seen: inout [String: Int]) -> (RowOutcome, ReserveImportWrite?) {
        typealias T = OfficeText.ReserveImport
        let source = code(row, "source", in: rules.sources, stripping: ["生成", "主导"])
        let grade = code(row, "grade", in: rules.grades, stripping: ["类", "级", "档"])
        let note = row.text("note")
        if note.isEmpty { row.problem("note", T.required(row.table.column("note")?.header ?? "note")) }
        if note.count > 1000 { row.problem("note", T.noteTooLong) }
        let enteredOn = row.day("enteredOn", notAfter: today, future: OfficeText.ListImport.inFuture)
        let city = level(row)
        let unit = units.read(row)
        let project = projects.find(row, unit: unit)
        if let project {
            if project.fields.actualStart != nil || ![.reserve, .attraction, .approval].contains(project.effectiveStage) { row.problem("name", T.alreadyStarted) }
            // The project found must be the importer's too (a code may name another unit's project).
            if let owner = Self.unit(of: project), !allows(owner) { row.problem("code", T.outsideReach) }
        }
        let key = project.map { "p\($0.id)" } ?? "n\(unit?.text ?? "")|\(NameLookup.key(row.name))"
        if let first = seen[key] { row.problem("name", T.duplicateRow(first)) } else { seen[key] = row.number }
        let stored = project.flatMap { entries[$0.id] }
        let promote = city && stored?.level != "city"
        if promote && !mayPromote { row.problem("level", T.cityByCentre) }

        var target: RowProject?
        if let project { target = .project(project.id) }
        else if let unit, !row.name.isEmpty, row.problems.isEmpty { target = projects.reserveProject(row, unit: unit, total: row.amount("totalInvestment")).map { .reserve($0) } }
        guard row.problems.isEmpty, let source, let grade, let target else { return (row.outcome(.refused, projectId: project?.id), nil) }

        let day = enteredOn ?? stored?.enteredOn ?? today
        if enteredOn == nil && stored == nil { row.notes.append(T.enteredDefault(day.iso)) }
        let entry = ReserveEntry(projectId: project?.id ?? 0, source: source, grade: grade, note: note, enteredOn: day, version: stored?.version ?? 0)
        guard let stored else {
            var changes = [T.entered] + (promote ? [T.promoted] : [])
            if case .reserve = target { changes.insert(OfficeText.ListImport.reserveCreated, at: 0) }
            return (row.outcome(.create, projectId: project?.id, changes: changes), ReserveImportWrite(target: target, entry: entry, promote: promote, row: row.number))
        }
        var changes: [String] = []
        if stored.source != source { changes.append(T.sourceChange) }
        if stored.grade != grade { changes.append(T.gradeChange) }
        if stored.note != note { changes.append(T.noteChange) }
        if stored.enteredOn != day { changes.append(T.dayChange) }
        if promote { changes.append(T.promoted) }
        guard !changes.isEmpty else { return (row.outcome(.unchanged, projectId: project?.id), nil) }
        return (row.outcome(.update, projectId: project?.id, changes: changes), ReserveImportWrite(target: target, entry: entry, promote: promote, row: row.number))
    }

    /// A code of a small list: the code itself, or the name without its bracketed aside and common
    /// words (政府主导 or 政府 for 政府主导生成, A类 for A类（…）), or the one name containing what the
    /// row says (企业 for 重点企业生成); blank or unknown is a problem.
    func code(_ row: ListRow, _ field: String, in list: [ReserveRules.Code], stripping words: [String]) -> String? {
        let text = row.text(field)
        guard !text.isEmpty else { row.problem(field, OfficeText.ReserveImport.required(row.table.column(field)?.header ?? field)); return nil }
        let bare = { (value: String) -> String in
            let key = NameLookup.key(value)
            let name = key.firstIndex(of: "(").map { String(key[..<$0]) } ?? key
            return words.reduce(name.uppercased()) { $0.replacingOccurrences(of: $1, with: "") }
        }
        let wanted = bare(text)
        if let found = list.first(where: { $0.code.uppercased() == text.uppercased() || bare($0.name) == wanted }) { return found.code }
        let containing = list.filter { wanted.count >= 2 && bare($0.name).contains(wanted) }
        if containing.count == 1 { return containing[0].code }
        row.problem(field, OfficeText.ReserveImport.unknown(text, list.map(\.name).joined(separator: "、")))
        return nil
    }

    /// Whether the row puts the project into the city's library (市级): blank is the county's.
    func level(_ row: ListRow) -> Bool {
        let text = NameLookup.key(row.text("level"))
        guard !text.isEmpty else { return false }
        if text.hasPrefix("市") || text == "city" { return true }
        if ["县", "区", "开发区", "county"].contains(where: { text.hasPrefix($0) || text.contains($0) }) { return false }
        row.problem("level", OfficeText.ReserveImport.unknown(row.text("level"), rules.levels.map(\.name).joined(separator: "、")))
        return false
    }

    static func unit(of project: Project) -> OrgUnit? {
        if let zone = project.fields.zoneCode { return OrgUnit(kind: .zone, code: zone) }
        return OrgUnit(kind: .region, code: project.fields.regionCode)
    }
}
