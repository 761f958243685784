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
        let projects = ListProjects(stored.projects, reference: reference, today: today)
        let reach = reach
        let units = ListUnits(reference: reference, names: names, defaultUnit: defaultUnit, allows: { reach.everyUnit || reach.units.contains($0) },
                              required: OfficeText.FundingImport.unitRequired, outside: OfficeText.FundingImport.outsideReach)
        var seen: [String: Int] = [:]
        return .planning(rows) { plan(ListRow($0, table: rows.table), projects: projects, units: units, stored: stored, seen: &seen) }
    }

    func plan(_ row: ListRow, projects: ListProjects, units: ListUnits, stored: Stored, seen: inout [String: Int]) -> (RowOutcome, FundingImportWrite?) {
        typealias T = OfficeText.FundingImport
        let name = row.name
        let channel = funding.channel(named: row.text("channel"))
        if channel == nil { row.problem("channel", row.text("channel").isEmpty ? T.channelRequired : T.unknownChannel(row.text("channel"))) }
        let asked = row.amount("asked", required: T.askedRequired)
        let issued = row.amount("issued"), arrived = row.amount("arrived")
        if let issued, let asked, issued > asked { row.problem("issued", T.issuedAboveAsked) }
        if let arrived, issued == nil || arrived > issued! { row.problem("arrived", T.arrivedAboveIssued) }
        let future = OfficeText.ListImport.inFuture
        let submittedOn = row.day("submittedOn", notAfter: today, future: future), issuedOn = row.day("issuedOn", notAfter: today, future: future)
        let arrivedOn = row.day("arrivedOn", notAfter: today, future: future)
        let unit = units.read(row)

        var programme = row.text("programme")
        var window: FundingWindow?
        if let channel {
            if !row.text("window").isEmpty {
                let wanted = NameLookup.key(row.text("window"))
                window = stored.windows.first { $0.channelCode == channel.code && NameLookup.key($0.name) == wanted }
                if window == nil { row.notes.append(T.windowNotFound(row.text("window"))) }
            }
            if programme.isEmpty, let window { programme = window.programme }
            if channel.programmes.isEmpty { programme = "" }
            else if !channel.programmes.contains(programme) { row.problem("programme", programme.isEmpty ? T.programmeRequired(channel.programmes.joined(separator: "、"))
                                                                                              : OfficeText.Import.unknownValue(programme)) }
        }

        // The project: by code, else by name within the row's district or zone, else a reserve project.
        var target: FundingImportWrite.Target?
        let project = projects.find(row, unit: unit)
        let year = submittedOn?.year ?? window?.year ?? today.year
        if let project {
            target = .project(project.id)
        } else if let unit, !name.isEmpty, row.problems.isEmpty {
            target = projects.reserveProject(row, unit: unit, total: row.amount("totalInvestment")).map { .reserve($0) }
        }
        if let channel {
            let key = "\(project.map { String($0.id) } ?? "new:" + NameLookup.key(name))|\(channel.code)|\(window.map { String($0.id) } ?? String(year))"
            if let first = seen[key] { row.problem("name", T.duplicateRow(first)) } else { seen[key] = row.number }
        }
        if let project, let channel, stored.applications.contains(where: { existing in
            existing.channelCode == channel.code && existing.projects.contains { $0.projectId == project.id }
                && (window.map { existing.windowId == $0.id } ?? (existing.windowId == nil && existing.createdOn.year == year))
        }) {
            row.notes = [T.alreadyApplied]
            return (row.outcome(.unchanged, projectId: project.id), nil)
        }
        guard row.problems.isEmpty, let channel, let asked, let unit, let target else { return (row.outcome(.refused, projectId: project?.id), nil) }
        let submitted = submittedOn ?? window.map { min($0.closesOn, today) } ?? today
        if submittedOn == nil { row.notes.append(T.submittedDefault(submitted.iso)) }
        var issuedMoney: FundingImportWrite.Tranche?, arrivedMoney: FundingImportWrite.Tranche?
        if let issued {
            let on = max(issuedOn ?? today, submitted)
            if issuedOn == nil { row.notes.append(T.issuedDefault(on.iso)) }
            issuedMoney = .init(on: on, amount: issued)
            if let arrived { arrivedMoney = .init(on: max(arrivedOn ?? today, on), amount: arrived) }
        }
        var changes = [channel.name] + (issued == nil ? [] : [T.issuedChange]) + (arrived == nil ? [] : [T.arrivedChange])
        if case .reserve = target { changes.insert(OfficeText.ListImport.reserveCreated, at: 0) }
        let application = FundingApplication(title: window.map { "\($0.name)：\(name)" } ?? T.title(year, channel.name, name), channelCode: channel.code, programme: programme,
                                             windowId: window?.id, unit: unit, handlerName: "", projects: [AppliedProject(projectId: project?.id ?? 0, asked: asked)],
                                             stateSince: submitted, createdOn: submitted)
        return (row.outcome(.create, projectId: project?.id, changes: changes),
                FundingImportWrite(target: target, application: application, submittedOn: submitted, issued: issuedMoney, arrived: arrivedMoney, row: row.number))
    }
}
