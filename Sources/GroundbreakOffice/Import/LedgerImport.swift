import Foundation
import GroundbreakDomain

/// The stored projects a file's rows may be: by code, and by name within a region.
public struct ExistingProjects: Sendable {
    public var byCode: [String: Project]
    public var byNameAndRegion: [String: [Project]]
    public var byName: [String: [Project]]
    /// Codes the file names that belong to projects the importer may not see: such a row can
    /// neither match nor be created, and says so without naming the project.
    public var hiddenCodes: Set<String>

    public init(_ projects: [Project], hiddenCodes: Set<String> = []) {
        self.hiddenCodes = hiddenCodes
        byCode = [:]
        byNameAndRegion = [:]
        byName = [:]
        for project in projects {
            if let code = project.fields.code?.value { byCode[code] = project }
            byNameAndRegion[Self.key(name: project.fields.name, region: project.fields.regionCode), default: []].append(project)
            byName[ValueResolver.plainText(project.fields.name), default: []].append(project)
        }
    }

    public static func key(name: String, region: String) -> String {
        ValueResolver.plainText(name) + "|" + region
    }
}

/// Turns a unit's ledger sheet into project creates and updates: resolves names to codes,
/// matches stored projects (by code, else name + region), validates each row with the same rules
/// as the project form, checks the caller's scopes, and says what each row will do.
public struct LedgerImport: Sendable {
    public let columns: ColumnCatalog
    public let catalog: ReferenceCatalog
    public let today: Day
    public let createScope: ProjectScope
    public let editScope: ProjectScope
    let names: NameLookup

    public init(columns: ColumnCatalog, catalog: ReferenceCatalog, today: Day, createScope: ProjectScope, editScope: ProjectScope) {
        self.columns = columns
        self.catalog = catalog
        self.names = NameLookup(catalog: catalog, columns: columns)
        self.today = today
        self.createScope = createScope
        self.editScope = editScope
    }

    public static let required = ["name"]
    static let requiredForCreate = ["region", "category", "investmentType", "totalInvestment"]

    /// Step one: the rows, and the names and codes to look up among stored projects.
    public func cut(_ sheet: Sheet) -> Result<TableRows, ImportProblem> {
        switch TableRows.cut(sheet, columns: columns.columns, required: Self.required, identifying: ["name", "code"], catalog: columns) {
        case .success(let rows): return .success(rows)
        case .failure(.noHeader): return .failure(ImportProblem(row: nil, message: OfficeText.Import.noHeader))
        case .failure(.missingColumns(let names)): return .failure(ImportProblem(row: nil, message: OfficeText.Import.missingColumns(names)))
        }
    }

    /// Step two: what each row does.
    public func plan(_ rows: TableRows, existing: ExistingProjects) -> ImportPreview<ProjectWrite> {
        var preview = ImportPreview<ProjectWrite>()
        preview.columnNotes = notes(rows.table)
        let present = Set(rows.table.columns.map(\.field))
        var seen: [String: Int] = [:]
        for row in rows.rows {
            preview.add(plan(row, table: rows.table, present: present, existing: existing, seen: &seen))
        }
        for (number, reason) in rows.skipped {
            preview.rows.append(RowOutcome(row: number, action: .skipped, name: "", projectId: nil, changes: [], notes: [reason], problems: []))
        }
        preview.rows.sort { $0.row < $1.row }
        return preview
    }

    func notes(_ table: LocatedTable) -> [String] {
        table.columns.compactMap { column in column.ignored.map { OfficeText.Import.ignoredColumn(column.header, $0) } }
            + table.unknownHeaders.map { OfficeText.Import.unknownColumn($0.column, $0.header) }
    }

    func plan(_ row: TableRows.Row, table: LocatedTable, present: Set<String>, existing: ExistingProjects,
              seen: inout [String: Int]) -> (RowOutcome, ProjectWrite?) {
        var problems: [ImportProblem] = []
        func problem(_ field: String, _ message: String) {
            let column = table.column(field)
            problems.append(ImportProblem(row: row.number, column: column.map { CellPosition.columnName($0.index) }, header: column?.header, message: message))
        }
        let (resolvedValues, resolveProblems) = ValueResolver(row: row, table: table, catalog: catalog, names: names).resolve()
        var values = resolvedValues
        let name = values["name"] ?? ""

        // Match a stored project: by code, else by name within the region.
        var match: Project?
        if let code = values["code"].map(TextNormalizer.identifier), !code.isEmpty {
            match = existing.byCode[code]
            if match == nil && existing.hiddenCodes.contains(code) { problem("code", OfficeText.Import.codeTakenElsewhere(code)) }
        }
        if match == nil, let region = values["regionCode"] {
            let candidates = existing.byNameAndRegion[ExistingProjects.key(name: name, region: region)] ?? []
            if candidates.count > 1 { problem("name", OfficeText.Import.ambiguousName(candidates.count)) }
            match = candidates.count == 1 ? candidates[0] : nil
        }
        let identity = match.map { "id:\($0.id)" } ?? values["code"].map { "code:" + TextNormalizer.identifier($0) } ?? "name:" + ExistingProjects.key(name: name, region: values["regionCode"] ?? "")
        if let first = seen[identity] {
            problem("name", OfficeText.Import.duplicateRow(first))
        } else {
            seen[identity] = row.number
        }

        var notes: [String] = []
        var input = match.map { ProjectInput(fields: $0.fields) } ?? ProjectInput()
        var unresolved = resolveProblems
        if let match {
            // Seats are shown by holder and title, which two seats may share: the project's own seat wins.
            for (field, key, id) in [("sponsor", "sponsorPositionId", match.fields.sponsorPositionId), ("secretary", "secretaryPositionId", match.fields.secretaryPositionId)] {
                if let id, let seat = catalog.position(id), let cell = row.cell(field), ValueResolver.plainText(cell.text) == ValueResolver.plainText(seat.display) {
                    values[key] = String(id)
                    unresolved.removeAll { $0.0 == field }
                }
            }
        }
        for (field, message) in unresolved { problem(field, message) }
        input.apply(values)
        let stage: Stage
        if let match {
            stage = match.effectiveStage
            if let wanted = values["stage"].flatMap(Stage.init(rawValue:)), wanted != match.stage { notes.append(OfficeText.Import.stageNotChanged(match.stage.label)) }
        } else {
            stage = values["stage"].flatMap(Stage.init(rawValue:)) ?? .reserve
            for field in Self.requiredForCreate where !present.contains(field) {
                problem(field, OfficeText.Import.missingForCreate(columns.columns.first { $0.field == field }?.header ?? field))
            }
        }

        var fields: ProjectFields?
        if problems.isEmpty || match != nil || !values.isEmpty {
            switch ProjectValidator(catalog: catalog, today: today).validate(input, stage: stage) {
            case .success(let valid):
                fields = valid
                if match == nil {
                    for error in Lifecycle.checkInitial(stage: stage, fields: valid) { problem(Self.importField(error.field), error.message) }
                }
            case .failure(let failure):
                for error in failure.errors { problem(Self.importField(error.field), error.message) }
            }
        }

        var outcome = RowOutcome(row: row.number, action: .refused, name: name, projectId: match?.id, changes: [], notes: notes, problems: [])
        var write: ProjectWrite?
        if let fields, problems.isEmpty {
            if let match {
                var changed = match
                changed.fields = fields
                if !editScope.contains(match) || !editScope.contains(changed) {
                    problem("region", OfficeText.Import.outsideEditScope)
                } else if fields == match.fields {
                    outcome.action = .unchanged
                } else {
                    outcome.action = .update
                    outcome.changes = Self.changedColumns(match.fields, fields)
                    write = .update(projectId: match.id, version: match.version, fields, row: row.number)
                }
            } else if !createScope.contains(Project(id: 0, fields: fields, stage: stage, createdAt: Date(), updatedAt: Date(), version: 0)) {
                problem("region", OfficeText.Import.outsideCreateScope)
            } else {
                outcome.action = .create
                write = .create(fields, stage: stage, row: row.number)
            }
        }
        if !problems.isEmpty { outcome.action = .refused; write = nil }
        outcome.problems = problems
        return (outcome, write)
    }

    /// The validator's field key → the import column it came from.
    static func importField(_ field: String) -> String {
        switch field {
        case "regionCode": "region"
        case "zoneCode": "zone"
        case "categoryCode": "category"
        case "leadDepartmentCode": "leadDepartment"
        case "sponsorPositionId": "sponsor"
        case "secretaryPositionId": "secretary"
        case "longitude", "latitude": "address"
        default: field
        }
    }

    static func changedColumns(_ before: ProjectFields, _ after: ProjectFields) -> [String] {
        var changed: [String] = []
        func check<T: Equatable>(_ path: KeyPath<ProjectFields, T>, _ label: String) {
            if before[keyPath: path] != after[keyPath: path] { changed.append(label) }
        }
        check(\.name, "项目名称"); check(\.code, "投资项目统一代码"); check(\.ownerName, "项目单位"); check(\.ownerCreditCode, "统一社会信用代码")
        check(\.regionCode, "所在属地"); check(\.zoneCode, "所属开发区"); check(\.categoryCode, "项目类别"); check(\.industryDivision, "行业大类")
        check(\.investmentType, "投资类型"); check(\.levels, "项目级别"); check(\.constructionContent, "建设内容及规模"); check(\.location, "详细地址")
        check(\.totalInvestment, "总投资"); check(\.plannedStart, "计划开工"); check(\.plannedCompletion, "计划竣工"); check(\.actualStart, "实际开工")
        check(\.actualCompletion, "实际竣工"); check(\.leadDepartmentCode, "牵头部门"); check(\.sponsorPositionId, "包保领导"); check(\.secretaryPositionId, "项目秘书")
        return changed
    }
}

extension ImportPreview where Planned == ProjectWrite {
    mutating func add(_ planned: (RowOutcome, ProjectWrite?)) {
        rows.append(planned.0)
        if let write = planned.1 { self.planned.append(write) }
    }
}

extension ProjectInput {
    /// Overwrites the fields a row has a column for; the rest keep the stored values.
    mutating func apply(_ values: [String: String]) {
        if let value = values["name"] { name = value }
        if let value = values["code"] { code = value }
        if let value = values["ownerName"] { ownerName = value }
        if let value = values["ownerCreditCode"] { ownerCreditCode = value }
        if let value = values["regionCode"] { regionCode = value }
        if let value = values["zoneCode"] { zoneCode = value }
        if let value = values["categoryCode"] { categoryCode = value }
        if let value = values["industryDivision"] { industryDivision = value }
        if let value = values["investmentType"] { investmentType = value }
        if let value = values["levels"] { levels = value.isEmpty ? [] : value.components(separatedBy: ",") }
        if let value = values["constructionContent"] { constructionContent = value }
        if let value = values["address"] { address = value }
        if let value = values["totalInvestmentWan"] { totalInvestmentWan = value }
        if let value = values["plannedStart"] { plannedStart = value }
        if let value = values["plannedCompletion"] { plannedCompletion = value }
        if let value = values["actualStart"] { actualStart = value }
        if let value = values["actualCompletion"] { actualCompletion = value }
        if let value = values["leadDepartmentCode"] { leadDepartmentCode = value }
        if let value = values["sponsorPositionId"] { sponsorPositionId = value }
        if let value = values["secretaryPositionId"] { secretaryPositionId = value }
    }
}
