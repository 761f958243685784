import Foundation
import GroundbreakDomain

/// One row of a unit's list being read (签约项目台账, 向上资金申报清单, 储备项目库): the problems and
/// notes found so far, and the readings the lists share — text, amounts in the header's unit,
/// days, the district or zone. A cell that cannot be read at all is a problem from the start.
final class ListRow {
    let row: TableRows.Row
    let table: LocatedTable
    private(set) var problems: [ImportProblem] = []
    var notes: [String] = []

    init(_ row: TableRows.Row, table: LocatedTable) {
        self.row = row
        self.table = table
        for (field, cell) in row.cells {
            if let message = CellReading.unreadable(cell) { problem(field, message) }
        }
    }

    var number: Int { row.number }

    func problem(_ field: String, _ message: String) {
        problems.append(ImportProblem(row: row.number, column: table.column(field).map { CellPosition.columnName($0.index) },
                                      header: table.column(field)?.header, message: message))
    }

    func text(_ field: String) -> String { row.cell(field).map { TextNormalizer.collapsedLine($0.text) } ?? "" }

    /// The row's name as written (line breaks and stray spaces gone).
    var name: String { row.cell("name").map { ValueResolver.plainText($0.text) } ?? "" }

    func isBlank(_ field: String) -> Bool { row.cell(field)?.isBlank ?? true }

    /// An amount above zero in the header's unit; blank or zero is nil, and a problem saying
    /// `required` when one is given.
    func amount(_ field: String, required: String? = nil) -> Money? {
        guard let cell = row.cell(field), !cell.isBlank else {
            if let required { problem(field, required) }
            return nil
        }
        switch CellReading.money(cell, unit: table.column(field)?.unit) {
        case .success(let money) where money > .zero: return money
        case .success: if let required { problem(field, required) }; return nil
        case .failure: problem(field, OfficeText.Import.badAmount(cell.text)); return nil
        }
    }

    /// A day of a plausible year, not after `today` (`future` says so); blank is nil.
    func day(_ field: String, notAfter today: Day, future: String) -> Day? {
        guard let cell = row.cell(field), !cell.isBlank else { return nil }
        guard let read = CellReading.day(cell), Day.plausibleYears.contains(read.year) else { problem(field, OfficeText.Import.badDate(cell.text)); return nil }
        if read > today { problem(field, future) }
        return read
    }

    /// The outcome so far: refused when a problem was found, else `action`.
    func outcome(_ action: RowAction, projectId: Int64? = nil, changes: [String] = []) -> RowOutcome {
        RowOutcome(row: row.number, action: problems.isEmpty ? action : .refused, name: name, projectId: projectId, changes: problems.isEmpty ? changes : [],
                   notes: notes, problems: problems)
    }
}

/// The district or zone a list's row names: blank is the importer's own, and it must be one the
/// importer works (`allows`); the messages are the list's own.
struct ListUnits: Sendable {
    let reference: ReferenceCatalog
    let names: NameLookup
    let defaultUnit: OrgUnit?
    let allows: @Sendable (OrgUnit) -> Bool
    let required: String
    let outside: String

    func read(_ row: ListRow, field: String = "unit") -> OrgUnit? {
        let text = row.text(field)
        var unit: OrgUnit?
        if text.isEmpty {
            guard let defaultUnit else { row.problem(field, required); return nil }
            unit = defaultUnit
        } else if let region = names.region(text, catalog: reference) {
            unit = OrgUnit(kind: .region, code: region)
        } else if let zone = names.zones[NameLookup.key(text)] {
            unit = OrgUnit(kind: .zone, code: zone)
        } else {
            row.problem(field, OfficeText.Import.unknownValue(text))
            return nil
        }
        guard let unit, allows(unit) else { row.problem(field, outside); return nil }
        return unit
    }
}

extension ImportPreview {
    /// The preview of a list: each row planned by `plan` (a write kept only for a row without
    /// problems), the rows skipped as blank or subtotals, the columns not read, in row order.
    static func planning(_ rows: TableRows, _ plan: (TableRows.Row) -> (RowOutcome, Planned?)) -> ImportPreview<Planned> {
        var preview = ImportPreview<Planned>()
        preview.columnNotes = rows.table.unknownHeaders.map { OfficeText.Import.unknownColumn($0.column, $0.header) }
        for row in rows.rows {
            let (outcome, write) = plan(row)
            preview.rows.append(outcome)
            if let write, outcome.problems.isEmpty { preview.planned.append(write) }
        }
        for (number, reason) in rows.skipped {
            preview.rows.append(RowOutcome(row: number, action: .skipped, name: "", projectId: nil, changes: [], notes: [reason], problems: []))
        }
        preview.rows.sort { $0.row < $1.row }
        return preview
    }
}

/// The projects a list's rows name: by code, else by name within the row's district or zone;
/// a row naming none describes a reserve project to create (类别待补充).
struct ListProjects: Sendable {
    let byCode: [String: Project]
    let byName: [String: [Project]]
    let reference: ReferenceCatalog
    let today: Day

    init(_ projects: [Project], reference: ReferenceCatalog, today: Day) {
        byCode = Dictionary(projects.compactMap { project in project.fields.code.map { ($0.value, project) } }, uniquingKeysWith: { first, _ in first })
        byName = Dictionary(grouping: projects) { NameLookup.key($0.fields.name) }
        self.reference = reference
        self.today = today
    }

    /// The row's project: its code (a code not held is noted, then the name is tried), else its
    /// name within `unit` (two such names are a problem).
    func find(_ row: ListRow, unit: OrgUnit?) -> Project? {
        let code = row.text("code").uppercased()
        if !code.isEmpty {
            if let project = byCode[code] { return project }
            row.notes.append(OfficeText.ListImport.codeNotFound(code))
        }
        guard let unit, !row.name.isEmpty else { return nil }
        let candidates = (byName[NameLookup.key(row.name)] ?? []).filter { inside($0, unit) }
        if candidates.count > 1 { row.problem("name", OfficeText.ListImport.ambiguousProject(candidates.count)) }
        return candidates.count == 1 ? candidates[0] : nil
    }

    /// A project the ledger lacks, as the row describes it: in its district (or zone), its owner
    /// and total where given; the class 待补充 until someone sets it. Its problems are the row's.
    func reserveProject(_ row: ListRow, unit: OrgUnit, total: Money?) -> ProjectInput? {
        var input = ProjectInput()
        input.name = row.name
        input.code = row.text("code").uppercased()
        input.ownerName = row.text("owner")
        switch unit.kind {
        case .region: input.regionCode = unit.code
        case .zone:
            input.zoneCode = unit.code
            // A zone's project sits in the city as a whole until its district is known (as a landed lead's).
            input.regionCode = reference.regions.first { $0.kind == .city }?.code ?? ""
        case .department: break
        }
        input.categoryCode = "TBD"
        input.investmentType = InvestmentType.pending.rawValue
        input.totalInvestmentWan = total?.exactWanText ?? ""
        switch ProjectValidator(catalog: reference, today: today).validate(input, stage: .reserve) {
        case .success: return input
        case .failure(let failure):
            for error in failure.errors { row.problem(error.field == "name" ? "name" : "totalInvestment", error.label + "：" + error.message) }
            return nil
        }
    }

    func inside(_ project: Project, _ unit: OrgUnit) -> Bool {
        unit.targetUnit.contains(project, catalog: reference)
    }
}
