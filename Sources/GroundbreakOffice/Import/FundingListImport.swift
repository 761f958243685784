import Foundation
import GroundbreakDomain

/// Turns a unit's 向上资金 application list (项目名称, 申报渠道, 批次, 总投资, 申请金额, 下达金额, 到位金额,
/// 项目单位, 所属县区, in 万元 or 亿元 as the header says) into applications: each row's project is
/// found by its code, else by its name within its district, else kept as a reserve project; the
/// channel by its name or the names lists use; the batch by name within the channel. A row the
/// store already holds (same project, channel and batch or year) is left as it is. Every row is
/// checked before anything is written.
public struct FundingListImport: Sendable {
    public let columns: ColumnCatalog
    public let reference: ReferenceCatalog
    public let funding: FundingCatalog
    public let today: Day
    /// The units the importer applies for.
    public let reach: FundingReach
    /// The importer's own district or zone: the unit of a row that names none.
    public let defaultUnit: OrgUnit?
    let names: NameLookup

    public init(columns: ColumnCatalog, reference: ReferenceCatalog, funding: FundingCatalog, today: Day, reach: FundingReach, defaultUnit: OrgUnit?) {
        self.columns = columns
        self.reference = reference
        self.funding = funding
        self.today = today
        self.reach = reach
        self.defaultUnit = defaultUnit
        self.names = NameLookup(catalog: reference, columns: columns)
    }

    public func cut(_ sheet: Sheet) -> Result<TableRows, ImportProblem> {
        TableRows.read(sheet, columns: columns.fundingColumns, required: ["name", "channel", "asked"], identifying: ["name"], catalog: columns)
    }

    /// What the rows are checked against: the projects the importer sees, the applications it
    /// keeps, the batches.
    public struct Stored: Sendable {
        public var projects: [Project]
        public var applications: [FundingApplication]
        public var windows: [FundingWindow]

        public init(projects: [Project], applications: [FundingApplication], windows: [FundingWindow]) {
            self.projects = projects
            self.applications = applications
            self.windows = windows
        }
    }

    public func plan(_ rows: TableRows, stored: Stored) -> ImportPreview<FundingImportWrite> {
        var preview = ImportPreview<FundingImportWrite>()
        preview.columnNotes = rows.table.unknownHeaders.map { OfficeText.Import.unknownColumn($0.column, $0.header) }
        let byCode = Dictionary(stored.projects.compactMap { project in project.fields.code.map { ($0.value, project) } }, uniquingKeysWith: { first, _ in first })
        let byName = Dictionary(grouping: stored.projects) { NameLookup.key($0.fields.name) }
        var seen: [String: Int] = [:]
        for row in rows.rows {
            let (outcome, write) = plan(row, table: rows.table, byCode: byCode, byName: byName, stored: stored, seen: &seen)
            preview.rows.append(outcome)
            if let write, outcome.problems.isEmpty { preview.planned.append(write) }
        }
        for (number, reason) in rows.skipped {
            preview.rows.append(RowOutcome(row: number, action: .skipped, name: "", projectId: nil, changes: [], notes: [reason], problems: []))
        }
        preview.rows.sort { $0.row < $1.row }
        return preview
    }

    func plan(_ row: TableRows.Row, table: LocatedTable, byCode: [String: Project], byName: [String: [Project]], stored: Stored,
              seen: inout [String: Int]) -> (RowOutcome, FundingImportWrite?) {
        typealias T = OfficeText.FundingImport
        var problems: [ImportProblem] = []
        var notes: [String] = []
        func problem(_ field: String, _ message: String) {
            problems.append(ImportProblem(row: row.number, column: table.column(field).map { CellPosition.columnName($0.index) },
                                          header: table.column(field)?.header, message: message))
        }
        func text(_ field: String) -> String { row.cell(field).map { TextNormalizer.collapsedLine($0.text) } ?? "" }
        func amount(_ field: String, required: Bool) -> Money? {
            guard let cell = row.cell(field), !cell.isBlank else {
                if required { problem(field, T.askedRequired) }
                return nil
            }
            switch CellReading.money(cell, unit: table.column(field)?.unit) {
            case .success(let money) where money > .zero: return money
            case .success: if required { problem(field, T.askedRequired) }; return nil
            case .failure: problem(field, OfficeText.Import.badAmount(cell.text)); return nil
            }
        }
        func day(_ field: String) -> Day? {
            guard let cell = row.cell(field), !cell.isBlank else { return nil }
            guard let read = CellReading.day(cell), Day.plausibleYears.contains(read.year) else { problem(field, OfficeText.Import.badDate(cell.text)); return nil }
            if read > today { problem(field, T.inFuture) }
            return read
        }
        for (field, cell) in row.cells {
            if let message = CellReading.unreadable(cell) { problem(field, message) }
        }
        let name = row.cell("name").map { ValueResolver.plainText($0.text) } ?? ""
        var outcome = RowOutcome(row: row.number, action: .refused, name: name, projectId: nil, changes: [], notes: [], problems: [])
        let channel = funding.channel(named: text("channel"))
        if channel == nil { problem("channel", text("channel").isEmpty ? T.channelRequired : T.unknownChannel(text("channel"))) }
        let asked = amount("asked", required: true)
        let issued = amount("issued", required: false), arrived = amount("arrived", required: false)
        if let issued, let asked, issued > asked { problem("issued", T.issuedAboveAsked) }
        if let arrived, issued == nil || arrived > issued! { problem("arrived", T.arrivedAboveIssued) }
        let submittedOn = day("submittedOn"), issuedOn = day("issuedOn"), arrivedOn = day("arrivedOn")
        let unit = self.unit(text("unit"), problem: problem)

        var programme = text("programme")
        var window: FundingWindow?
        if let channel {
            if !text("window").isEmpty {
                let wanted = NameLookup.key(text("window"))
                window = stored.windows.first { $0.channelCode == channel.code && NameLookup.key($0.name) == wanted }
                if window == nil { notes.append(T.windowNotFound(text("window"))) }
            }
            if programme.isEmpty, let window { programme = window.programme }
            if channel.programmes.isEmpty { programme = "" }
            else if !channel.programmes.contains(programme) { problem("programme", programme.isEmpty ? T.programmeRequired(channel.programmes.joined(separator: "、"))
                                                                                          : OfficeText.Import.unknownValue(programme)) }
        }

        // The project: by code, else by name within the row's district or zone, else a reserve project.
        var target: FundingImportWrite.Target?
        var project: Project?
        let code = text("code").uppercased()
        if !code.isEmpty {
            project = byCode[code]
            if project == nil { notes.append(T.codeNotFound(code)) }
        }
        if project == nil, let unit, !name.isEmpty {
            let candidates = (byName[NameLookup.key(name)] ?? []).filter { inside($0, unit) }
            if candidates.count > 1 { problem("name", T.ambiguousProject(candidates.count)) }
            project = candidates.count == 1 ? candidates[0] : nil
        }
        let year = submittedOn?.year ?? window?.year ?? today.year
        if let project {
            outcome.projectId = project.id
            target = .project(project.id)
        } else if let unit, !name.isEmpty, problems.isEmpty {
            switch reserveProject(name: name, code: code, owner: text("owner"), unit: unit, total: amount("totalInvestment", required: false)) {
            case .success(let input): target = .reserve(input)
            case .failure(let failure): for error in failure.errors { problem(error.field == "name" ? "name" : "totalInvestment", error.label + "：" + error.message) }
            }
        }
        if let channel {
            let key = "\(project.map { String($0.id) } ?? "new:" + NameLookup.key(name))|\(channel.code)|\(window.map { String($0.id) } ?? String(year))"
            if let first = seen[key] { problem("name", T.duplicateRow(first)) } else { seen[key] = row.number }
        }
        if let project, let channel, stored.applications.contains(where: { existing in
            existing.channelCode == channel.code && existing.projects.contains { $0.projectId == project.id }
                && (window.map { existing.windowId == $0.id } ?? (existing.windowId == nil && existing.createdOn.year == year))
        }) {
            outcome.action = .unchanged
            outcome.notes = [T.alreadyApplied]
            outcome.problems = problems
            if !problems.isEmpty { outcome.action = .refused }
            return (outcome, nil)
        }
        if !problems.isEmpty {
            outcome.problems = problems
            outcome.notes = notes
            return (outcome, nil)
        }
        guard let channel, let asked, let unit, let target else { outcome.problems = problems; return (outcome, nil) }
        let submitted = submittedOn ?? window.map { min($0.closesOn, today) } ?? today
        if submittedOn == nil { notes.append(T.submittedDefault(submitted.iso)) }
        var issuedMoney: FundingImportWrite.Tranche?, arrivedMoney: FundingImportWrite.Tranche?
        if let issued {
            let on = max(issuedOn ?? today, submitted)
            if issuedOn == nil { notes.append(T.issuedDefault(on.iso)) }
            issuedMoney = .init(on: on, amount: issued)
            if let arrived { arrivedMoney = .init(on: max(arrivedOn ?? today, on), amount: arrived) }
        }
        outcome.action = .create
        outcome.changes = [channel.name] + (issued == nil ? [] : [T.issuedChange]) + (arrived == nil ? [] : [T.arrivedChange])
        if case .reserve = target { outcome.changes.insert(T.reserveCreated, at: 0) }
        outcome.notes = notes
        let application = FundingApplication(title: window.map { "\($0.name)：\(name)" } ?? T.title(year, channel.name, name), channelCode: channel.code, programme: programme,
                                             windowId: window?.id, unit: unit, handlerName: "", projects: [AppliedProject(projectId: project?.id ?? 0, asked: asked)],
                                             stateSince: submitted, createdOn: submitted)
        return (outcome, FundingImportWrite(target: target, application: application, submittedOn: submitted, issued: issuedMoney, arrived: arrivedMoney, row: row.number))
    }

    /// A project the ledger lacks, as the row describes it: in its district (or zone), its owner
    /// and total where given; the class 待补充 until someone sets it.
    func reserveProject(name: String, code: String, owner: String, unit: OrgUnit, total: Money?) -> Result<ProjectInput, ValidationFailure> {
        var input = ProjectInput()
        input.name = name
        input.code = code
        input.ownerName = owner
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
        case .success: return .success(input)
        case .failure(let failure): return .failure(failure)
        }
    }

    func inside(_ project: Project, _ unit: OrgUnit) -> Bool {
        switch unit.kind {
        case .region: reference.regionSubtree(unit.code).contains(project.fields.regionCode)
        case .zone: project.fields.zoneCode.map(reference.zoneSubtree(unit.code).contains) ?? false
        case .department: project.fields.leadDepartmentCode == unit.code
        }
    }

    /// The row's district or zone; blank is the importer's own. It must be one the importer applies for.
    func unit(_ text: String, problem: (String, String) -> Void) -> OrgUnit? {
        var unit: OrgUnit?
        if text.isEmpty {
            guard let defaultUnit else { problem("unit", OfficeText.FundingImport.unitRequired); return nil }
            unit = defaultUnit
        } else if let region = names.region(text, catalog: reference) {
            unit = OrgUnit(kind: .region, code: region)
        } else if let zone = names.zones[NameLookup.key(text)] {
            unit = OrgUnit(kind: .zone, code: zone)
        } else {
            problem("unit", OfficeText.Import.unknownValue(text))
            return nil
        }
        guard let unit, reach.everyUnit || reach.units.contains(unit) else { problem("unit", OfficeText.FundingImport.outsideReach); return nil }
        return unit
    }
}
