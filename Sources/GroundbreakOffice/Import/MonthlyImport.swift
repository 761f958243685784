import Foundation
import GroundbreakDomain

/// What monthly import needs to know of the stored side.
public struct StoredMonthly: Sendable {
    public var projects: ExistingProjects
    /// Those projects' stored months: the amounts of every month, the whole report of the months
    /// the file names (`months(in:)`).
    public var history: ReportHistory
    public var closedMonths: Set<Month>

    public init(projects: ExistingProjects, history: ReportHistory, closedMonths: Set<Month>) {
        self.projects = projects
        self.history = history
        self.closedMonths = closedMonths
    }
}

/// Turns a sheet of monthly figures (project code or name, month, 调度口径, 统计口径, progress)
/// into report writes: a row per project and month, many months in one file. A row is checked by
/// the same rules as the monthly form, counting the file's own earlier months as already sent.
public struct MonthlyImport: Sendable {
    public let columns: ColumnCatalog
    public let catalog: ReferenceCatalog
    public let rules: ReportRules
    public let today: Day
    public let editScope: ProjectScope
    let names: NameLookup

    public init(columns: ColumnCatalog, catalog: ReferenceCatalog, rules: ReportRules, today: Day, editScope: ProjectScope) {
        self.columns = columns
        self.catalog = catalog
        self.rules = rules
        self.today = today
        self.editScope = editScope
        self.names = NameLookup(catalog: catalog, columns: columns)
    }

    public func cut(_ sheet: Sheet) -> Result<TableRows, ImportProblem> {
        TableRows.read(sheet, columns: columns.monthlyColumns, required: ["month"], identifying: ["name", "code"], catalog: columns)
    }

    /// The months the rows name, read as `plan` reads them: the months whose stored reports
    /// `StoredMonthly.history` must hold whole.
    public func months(in rows: TableRows) -> Set<Month> {
        Set(rows.rows.compactMap { $0.cell("month").flatMap(CellReading.month) })
    }

    /// A row read and matched, before the rules that need the whole file.
    struct Draft {
        var outcome: RowOutcome
        var write: MonthlyWrite?
        var project: Project?
    }

    public func plan(_ rows: TableRows, stored: StoredMonthly) -> ImportPreview<MonthlyWrite> {
        var preview = ImportPreview<MonthlyWrite>()
        preview.columnNotes = rows.table.unknownHeaders.map { OfficeText.Import.unknownColumn($0.column, $0.header) }
        var seen: [String: Int] = [:]
        var drafts = rows.rows.map { draft($0, table: rows.table, stored: stored, seen: &seen) }
        validate(&drafts, table: rows.table, stored: stored)
        for draft in drafts {
            preview.rows.append(draft.outcome)
            if let write = draft.write, draft.outcome.problems.isEmpty { preview.planned.append(write) }
        }
        for (number, reason) in rows.skipped {
            preview.rows.append(RowOutcome(row: number, action: .skipped, name: "", projectId: nil, changes: [], notes: [reason], problems: []))
        }
        preview.rows.sort { $0.row < $1.row }
        return preview
    }

    func draft(_ row: TableRows.Row, table: LocatedTable, stored: StoredMonthly, seen: inout [String: Int]) -> Draft {
        var problems: [ImportProblem] = []
        func problem(_ field: String, _ message: String) {
            problems.append(ImportProblem(row: row.number, column: table.column(field).map { CellPosition.columnName($0.index) },
                                          header: table.column(field)?.header, message: message))
        }
        for (field, cell) in row.cells {
            if let message = CellReading.unreadable(cell) { problem(field, message) }
        }
        let project = match(row, stored: stored.projects, problem: problem)
        let month = row.cell("month").flatMap { cell in CellReading.month(cell) ?? { problem("month", OfficeText.Import.badMonth(cell.text)); return nil }() }
        let name = project?.fields.name ?? row.cell("name").map { ValueResolver.plainText($0.text) } ?? row.cell("code")?.text ?? ""
        var outcome = RowOutcome(row: row.number, action: .refused, name: month.map { OfficeText.Import.monthLabel(name, $0.label) } ?? name,
                                 projectId: project?.id, changes: [], notes: [], problems: [])
        guard let project, let month, problems.isEmpty else {
            outcome.problems = problems
            return Draft(outcome: outcome, write: nil, project: project)
        }
        let key = "\(project.id)|\(month.iso)"
        if let first = seen[key] { problem("month", OfficeText.Import.duplicateMonth(first)) } else { seen[key] = row.number }

        let current = stored.history.report(of: project.id, in: month)
        let figures = read(row, table: table, over: current?.figures, problem: problem)
        let reason = row.cell("correctionReason").map { TextNormalizer.collapsedLine($0.text) } ?? ""
        if current == nil && row.cell("dispatch") == nil { problem("dispatch", OfficeText.Import.dispatchRequired) }
        var write: MonthlyWrite?
        if let current, current.figures == figures {
            outcome.action = .unchanged
        } else if problems.isEmpty {
            if current?.status == .accepted { problem("month", OfficeText.Import.reportAccepted) }
            if stored.closedMonths.contains(month) && reason.isEmpty { problem("correctionReason", OfficeText.Import.correctionReasonRequired) }
            if !editScope.contains(project) { problem("name", OfficeText.Import.outsideEditScope) }
            outcome.action = current == nil ? .create : .update
            outcome.changes = current.map { Self.changedColumns($0.figures, figures) } ?? []
            write = MonthlyWrite(projectId: project.id, month: month, figures: figures, expectedVersion: current?.version, correctionReason: reason, row: row.number)
        }
        if !problems.isEmpty { outcome.action = .refused }
        outcome.problems = problems
        return Draft(outcome: outcome, write: write, project: project)
    }

    /// By code; else by name within the row's region when the sheet has one; else by name alone.
    func match(_ row: TableRows.Row, stored: ExistingProjects, problem: (String, String) -> Void) -> Project? {
        if let cell = row.cell("code") {
            let code = TextNormalizer.identifier(cell.text)
            guard let project = stored.byCode[code] else { problem("code", OfficeText.Import.unknownProject(cell.text)); return nil }
            return project
        }
        guard let cell = row.cell("name") else { problem("name", OfficeText.Import.noProjectKey); return nil }
        let name = ValueResolver.plainText(cell.text)
        let candidates: [Project]
        if let regionCell = row.cell("region") {
            guard let region = names.region(regionCell.text, catalog: catalog) else {
                problem("region", OfficeText.Import.unknownValue(regionCell.text)); return nil
            }
            candidates = stored.byNameAndRegion[ExistingProjects.key(name: name, region: region)] ?? []
        } else {
            candidates = stored.byName[name] ?? []
        }
        if candidates.count > 1 { problem("name", OfficeText.Import.ambiguousProject(candidates.count)); return nil }
        guard let project = candidates.first else { problem("name", OfficeText.Import.unknownProject(cell.text)); return nil }
        return project
    }

    /// The row's figures over the stored ones: a blank cell keeps what is stored.
    func read(_ row: TableRows.Row, table: LocatedTable, over stored: MonthlyFigures?, problem: (String, String) -> Void) -> MonthlyFigures {
        var figures = stored ?? MonthlyFigures(dispatch: .zero)
        func amount(_ field: String) -> Money? {
            guard let cell = row.cell(field) else { return nil }
            switch CellReading.money(cell, unit: table.column(field)?.unit) {
            case .success(let money): return money
            case .failure: problem(field, OfficeText.Import.badAmount(cell.text)); return nil
            }
        }
        if let dispatch = amount("dispatch") { figures.dispatch = dispatch }
        if let statistical = amount("statistical") { figures.statistical = statistical }
        if let cell = row.cell("progressText") { figures.progressText = TextNormalizer.collapsedLine(cell.text) }
        if let cell = row.cell("jumpReason") { figures.jumpReason = TextNormalizer.collapsedLine(cell.text) }
        if let cell = row.cell("progressPercent") {
            if let percent = CellReading.percent(cell) { figures.progressPercent = percent } else { problem("progressPercent", OfficeText.Import.badPercent(cell.text)) }
        }
        if let cell = row.cell("jobs") {
            if let jobs = CellReading.count(cell) { figures.jobs = jobs } else { problem("jobs", OfficeText.Import.badNumber(cell.text)) }
        }
        return figures.normalised
    }

    /// The form's rules for every row that writes, with the file's other months of the same
    /// project counted as sent (commit writes in month order, so the store sees the same).
    func validate(_ drafts: inout [Draft], table: LocatedTable, stored: StoredMonthly) {
        var fromFile: [Int64: [Month: MonthlyFigures]] = [:]
        for draft in drafts {
            if let write = draft.write { fromFile[write.projectId, default: [:]][write.month] = write.figures }
        }
        for index in drafts.indices {
            guard let write = drafts[index].write, let project = drafts[index].project else { continue }
            let file = fromFile[project.id] ?? [:]
            var others = stored.history.others(of: project.id, besides: write.month).filter { file[$0.month] == nil }
            for (month, figures) in file where month != write.month {
                others.append(ReportedAmounts(month: month, dispatch: figures.dispatch, statistical: figures.statistical))
            }
            for error in MonthlyReportRules.validate(write.figures, month: write.month, project: project, others: others, rules: rules, today: today) {
                let field = table.column(error.field) == nil ? "month" : error.field
                let column = table.column(field)
                drafts[index].outcome.problems.append(ImportProblem(row: write.row, column: column.map { CellPosition.columnName($0.index) },
                                                                    header: column?.header, message: error.message))
                drafts[index].outcome.action = .refused
            }
        }
    }

    static func changedColumns(_ before: MonthlyFigures, _ after: MonthlyFigures) -> [String] {
        var changed: [String] = []
        func check<T: Equatable>(_ path: KeyPath<MonthlyFigures, T>, _ label: String) {
            if before[keyPath: path] != after[keyPath: path] { changed.append(label) }
        }
        check(\.dispatch, "调度口径"); check(\.statistical, "统计口径"); check(\.progressText, "形象进度"); check(\.progressPercent, "形象进度（%）")
        check(\.jobs, "用工人数"); check(\.jumpReason, "大幅波动说明")
        return changed
    }
}
