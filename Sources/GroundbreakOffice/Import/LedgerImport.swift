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
    /// What the stored projects already have, so a file that says it again plans nothing:
    /// their statements by `YearList.key`, their classes by `ClassificationScheme.key(region:name:)`.
    public var statements: [Int64: [String: YearStatement]] = [:]
    public var classes: [Int64: [String: String]] = [:]

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
/// as the project form, checks the caller's scopes, and says what each row will do. The file is
/// read as its unit keeps it: the title row names the unit, year and threshold; a class column in
/// the unit's own classes is read in its scheme; 建设性质 and the year's planned investment go on
/// the year's list; what a row leaves out that a project can wait for is marked 待补充.
public struct LedgerImport: Sendable {
    public let columns: ColumnCatalog
    public let catalog: ReferenceCatalog
    public let today: Day
    public let createScope: ProjectScope
    public let editScope: ProjectScope
    /// The importer's own region (or the city's), for a file whose title names no unit.
    public let defaultRegion: String?
    /// The year the user chose in the preview, for a file that names none.
    public let chosenYear: Int?
    let names: NameLookup

    public init(columns: ColumnCatalog, catalog: ReferenceCatalog, today: Day, createScope: ProjectScope, editScope: ProjectScope,
                defaultRegion: String? = nil, chosenYear: Int? = nil) {
        self.columns = columns
        self.catalog = catalog
        self.names = NameLookup(catalog: catalog, columns: columns)
        self.today = today
        self.createScope = createScope
        self.editScope = editScope
        self.defaultRegion = defaultRegion
        self.chosenYear = chosenYear
    }

    public static let required = ["name"]
    /// Without these a new project cannot be stored: the rest may be 待补充.
    static let requiredForCreate = ["totalInvestment"]

    /// Step one: the rows, and the names and codes to look up among stored projects.
    public func cut(_ sheet: Sheet) -> Result<TableRows, ImportProblem> {
        TableRows.read(sheet, columns: columns.columns, required: Self.required, identifying: ["name", "code"], catalog: columns).map { rows in
            var rows = rows
            rows.title = LedgerTitle.read(sheet, above: rows.table.headerRow)
            return rows
        }
    }

    /// Step two: what each row does. `schemes` are the stored ones (the file's unit's are used).
    public func plan(_ rows: TableRows, existing: ExistingProjects, schemes: [ClassificationScheme] = []) -> ImportPreview<LedgerWrite> {
        var preview = ImportPreview<LedgerWrite>()
        var file = ledgerFile(rows)
        let reading = ClassReading(rows: rows, file: file, schemes: schemes, names: names)
        file.schemeName = reading.schemeName
        file.newClasses = reading.newClasses
        preview.ledger = file
        preview.columnNotes = notes(rows.table)
        let present = Set(rows.table.columns.map(\.field))
        var seen: [String: Int] = [:]
        let context = RowContext(table: rows.table, present: present, existing: existing, file: file, classes: reading)
        var owedRows = 0
        for row in rows.rows {
            preview.add(plan(row, context: context, seen: &seen, owedRows: &owedRows))
        }
        preview.ledger?.owedRows = owedRows
        preview.summary = summary(file, owedRows: owedRows, stated: preview.planned.filter { $0.statement != nil }.count)
        for (number, reason) in rows.skipped {
            preview.rows.append(RowOutcome(row: number, action: .skipped, name: "", projectId: nil, changes: [], notes: [reason], problems: []))
        }
        preview.rows.sort { $0.row < $1.row }
        return preview
    }

    /// The file as a whole: its unit, year, threshold and level.
    func ledgerFile(_ rows: TableRows) -> LedgerFile {
        let title = rows.title
        var file = LedgerFile(title: title.text)
        file.regionCode = title.unitText.flatMap { names.region($0, catalog: catalog) ?? names.regionWithin($0) } ?? defaultRegion
        file.threshold = title.threshold
        file.level = title.level
        let states = rows.table.column("constructionNature") != nil || rows.table.column("yearPlan") != nil
        if let year = rows.table.column("yearPlan")?.year { (file.year, file.yearSource) = (year, .header) }
        else if let year = title.year { (file.year, file.yearSource) = (year, .title) }
        else if let year = chosenYear { (file.year, file.yearSource) = (year, .chosen) }
        else if states { (file.year, file.yearSource) = (today.year, .assumed) }
        return file
    }

    func notes(_ table: LocatedTable) -> [String] {
        table.columns.compactMap { column in column.ignored.map { OfficeText.Import.ignoredColumn(column.header, $0) } }
            + table.unknownHeaders.map { OfficeText.Import.unknownColumn($0.column, $0.header) }
    }

    /// "从文件读出：单位 二道区，年度 2019，3000万元以上…", what the file adds besides projects,
    /// and a guessed year's request to confirm.
    func summary(_ file: LedgerFile, owedRows: Int, stated: Int) -> [String] {
        var parts: [String] = []
        if let region = file.regionCode.flatMap(catalog.region) { parts.append(OfficeText.Import.unitPart(region.name)) }
        if let year = file.year, file.yearSource != .assumed { parts.append(OfficeText.Import.yearPart(year)) }
        if let threshold = file.threshold { parts.append(OfficeText.Import.thresholdPart(threshold.formatted(in: .wan, decimals: 0) + "万元")) }
        if let level = file.level { parts.append(level.label) }
        if let scheme = file.schemeName { parts.append(OfficeText.Import.schemePart(scheme, file.newClasses.count)) }
        var lines = parts.isEmpty ? [] : [OfficeText.Import.understood(parts)]
        if let year = file.year, stated > 0 { lines.append(OfficeText.Import.stated(stated, year)) }
        if let scheme = file.schemeName, !file.newClasses.isEmpty { lines.append(OfficeText.Import.newClasses(scheme, file.newClasses)) }
        if owedRows > 0 { lines.append(OfficeText.Import.owedRows(owedRows)) }
        if file.yearSource == .assumed { lines.append(OfficeText.Import.yearAssumed) }
        return lines
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

extension ImportPreview where Planned == LedgerWrite {
    mutating func add(_ planned: (RowOutcome, LedgerWrite?)) {
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
