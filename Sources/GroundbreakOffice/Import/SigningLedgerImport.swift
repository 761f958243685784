import Foundation
import GroundbreakDomain

/// Turns a unit's 签约项目台账 (项目名称, 投资方, 签约时间, 签约额, 内外资, 行业, 进展, 责任单位 …) into
/// lead writes: a project the unit already follows as a lead (same unit, same name; the investor
/// as well when two share the name) is moved to
/// its signing; one it never recorded becomes a lead recorded as signed on the day. A signing
/// already recorded with the same day, amount and money is unchanged; one that differs is refused,
/// not overwritten. Every row is checked before anything is written.
public struct SigningLedgerImport: Sendable {
    public let columns: ColumnCatalog
    public let reference: ReferenceCatalog
    public let leads: LeadCatalog
    public let today: Day
    /// The units whose leads the importer works.
    public let reach: LeadReach
    /// The importer's own district or zone: the unit of a row that names none.
    public let defaultUnit: OrgUnit?
    let names: NameLookup

    public init(columns: ColumnCatalog, reference: ReferenceCatalog, leads: LeadCatalog, today: Day, reach: LeadReach, defaultUnit: OrgUnit?) {
        self.columns = columns
        self.reference = reference
        self.leads = leads
        self.today = today
        self.reach = reach
        self.defaultUnit = defaultUnit
        self.names = NameLookup(catalog: reference, columns: columns)
    }

    public func cut(_ sheet: Sheet) -> Result<TableRows, ImportProblem> {
        TableRows.read(sheet, columns: columns.signingColumns, required: ["name", "investor", "signedOn", "amount"], identifying: ["name"], catalog: columns)
    }

    /// The leads the importer works, by unit and name as compared.
    static func key(_ unit: OrgUnit, _ title: String) -> String { unit.text + "|" + NameLookup.key(title) }

    public func plan(_ rows: TableRows, stored: [Lead]) -> ImportPreview<LeadSigningWrite> {
        var preview = ImportPreview<LeadSigningWrite>()
        preview.columnNotes = rows.table.unknownHeaders.map { OfficeText.Import.unknownColumn($0.column, $0.header) }
        let byKey = Dictionary(grouping: stored.filter(reach.sees)) { Self.key($0.unit, $0.title) }
        var seen: [String: Int] = [:]
        for row in rows.rows {
            let (outcome, write) = plan(row, table: rows.table, byKey: byKey, seen: &seen)
            preview.rows.append(outcome)
            if let write, outcome.problems.isEmpty { preview.planned.append(write) }
        }
        for (number, reason) in rows.skipped {
            preview.rows.append(RowOutcome(row: number, action: .skipped, name: "", projectId: nil, changes: [], notes: [reason], problems: []))
        }
        preview.rows.sort { $0.row < $1.row }
        return preview
    }

    func plan(_ row: TableRows.Row, table: LocatedTable, byKey: [String: [Lead]], seen: inout [String: Int]) -> (RowOutcome, LeadSigningWrite?) {
        var problems: [ImportProblem] = []
        var notes: [String] = []
        func problem(_ field: String, _ message: String) {
            problems.append(ImportProblem(row: row.number, column: table.column(field).map { CellPosition.columnName($0.index) },
                                          header: table.column(field)?.header, message: message))
        }
        func text(_ field: String) -> String { row.cell(field).map { TextNormalizer.collapsedLine($0.text) } ?? "" }
        for (field, cell) in row.cells {
            if let message = CellReading.unreadable(cell) { problem(field, message) }
        }
        let title = row.cell("name").map { ValueResolver.plainText($0.text) } ?? ""
        var outcome = RowOutcome(row: row.number, action: .refused, name: title, projectId: nil, changes: [], notes: [], problems: [])

        let investor = text("investor")
        if investor.isEmpty { problem("investor", OfficeText.SigningImport.investorRequired) }
        var day: Day?
        if let cell = row.cell("signedOn"), !cell.isBlank {
            day = CellReading.day(cell)
            if let read = day {
                if read > today { problem("signedOn", OfficeText.SigningImport.signedInFuture) }
                if !Day.plausibleYears.contains(read.year) { problem("signedOn", OfficeText.Import.badDate(cell.text)) }
            } else {
                problem("signedOn", OfficeText.Import.badDate(cell.text))
            }
        } else {
            problem("signedOn", OfficeText.SigningImport.signedOnRequired)
        }
        var amount: Money?
        if let cell = row.cell("amount"), !cell.isBlank {
            switch CellReading.money(cell, unit: table.column("amount")?.unit) {
            case .success(let money) where money > .zero: amount = money
            case .success: problem("amount", OfficeText.SigningImport.amountRequired)
            case .failure: problem("amount", OfficeText.Import.badAmount(cell.text))
            }
        } else {
            problem("amount", OfficeText.SigningImport.amountRequired)
        }
        let capital = choice("capital", text("capital"), fallback: LeadSigning.Capital.domestic, note: OfficeText.SigningImport.defaultCapital,
                             notes: &notes, problem: problem)
        let contract = choice("contract", text("contract"), fallback: LeadSigning.Contract.formal, note: OfficeText.SigningImport.defaultContract,
                              notes: &notes, problem: problem)
        let unit = self.unit(text("unit"), problem: problem)

        var target: LeadSigningWrite.Target?
        if let unit, !title.isEmpty {
            let key = Self.key(unit, title)
            if let first = seen[key] { problem("name", OfficeText.SigningImport.duplicateLead(first)) } else { seen[key] = row.number }
            // Two leads of a unit may share a name (two seat-factory projects); the investor tells them apart.
            var matches = byKey[key] ?? []
            if matches.count > 1 { matches = matches.filter { NameLookup.key($0.investor.name) == NameLookup.key(investor) } }
            if matches.count > 1 { problem("name", OfficeText.SigningImport.ambiguousLead(matches.count)) }
            if let lead = matches.first, matches.count == 1 {
                outcome.projectId = lead.projectId
                if let stored = lead.signing {
                    // A row whose day or amount could not be read is already refused for that alone.
                    if let day, let amount {
                        if stored.on == day && stored.amount == amount && stored.capital == capital {
                            outcome.action = .unchanged
                        } else {
                            problem("signedOn", OfficeText.SigningImport.signingDiffers(OfficeText.SigningImport.storedSigning(stored.on.iso, stored.amount.exactWanText)))
                        }
                    }
                } else if lead.status != .active {
                    problem("name", OfficeText.SigningImport.notActive(lead.status.label))
                } else {
                    if let day, day < lead.createdOn { problem("signedOn", OfficeText.SigningImport.signedBeforeCreated(lead.createdOn.iso)) }
                    target = .sign(leadId: lead.id, version: lead.version)
                    outcome.action = .update
                    outcome.changes = [OfficeText.SigningImport.signed] + (text("progress").isEmpty ? [] : [OfficeText.SigningImport.progress])
                }
            } else if matches.isEmpty, let day {
                target = .create(newLead(row, title: title, investor: investor, unit: unit, capital: capital, amount: amount ?? .zero, on: day,
                                         notes: &notes, problem: problem))
                outcome.action = .create
            }
        }
        if !problems.isEmpty { outcome.action = .refused }
        outcome.problems = problems
        outcome.notes = notes
        guard outcome.action == .create || outcome.action == .update, let target, let day, let amount else { return (outcome, nil) }
        return (outcome, LeadSigningWrite(target: target, signing: LeadSigning(on: day, amount: amount, contract: contract, capital: capital),
                                          progress: text("progress"), row: row.number))
    }

    /// A value of a small list (内资/外资, 框架协议/正式合同): the words of `ledger_columns.json`, or the
    /// code itself; blank is `fallback`, said in a note.
    func choice<T: RawRepresentable>(_ field: String, _ text: String, fallback: T, note: String, notes: inout [String],
                                     problem: (String, String) -> Void) -> T where T.RawValue == String {
        guard !text.isEmpty else { notes.append(note); return fallback }
        if let value = (columns.value(text, field: field) ?? Optional(text)).flatMap(T.init(rawValue:)) { return value }
        problem(field, OfficeText.Import.unknownValue(text))
        return fallback
    }

    /// The row's district or zone; blank is the importer's own. It must be one the importer works.
    func unit(_ text: String, problem: (String, String) -> Void) -> OrgUnit? {
        var unit: OrgUnit?
        if text.isEmpty {
            guard let defaultUnit else { problem("unit", OfficeText.SigningImport.unitRequired); return nil }
            unit = defaultUnit
        } else if let region = names.region(text, catalog: reference) {
            unit = OrgUnit(kind: .region, code: region)
        } else if let zone = names.zones[NameLookup.key(text)] {
            unit = OrgUnit(kind: .zone, code: zone)
        } else {
            problem("unit", OfficeText.Import.unknownValue(text))
            return nil
        }
        guard let unit, reach.everyUnit || reach.units.contains(unit) else { problem("unit", OfficeText.SigningImport.outsideReach); return nil }
        return unit
    }

    /// A project the unit never recorded, as a lead that came in on its signing day, intending
    /// what it signed.
    func newLead(_ row: TableRows.Row, title: String, investor: String, unit: OrgUnit, capital: LeadSigning.Capital, amount: Money, on day: Day,
                 notes: inout [String], problem: (String, String) -> Void) -> Lead {
        func text(_ field: String) -> String { row.cell(field).map { TextNormalizer.collapsedLine($0.text) } ?? "" }
        let fallbackKind: Investor.Kind = capital == .foreign ? .foreign : .privateOwned
        let kind = choice("investorKind", text("investorKind"), fallback: fallbackKind, note: OfficeText.SigningImport.defaultKind(fallbackKind.label),
                          notes: &notes, problem: problem)
        var division: String?
        if !text("industry").isEmpty {
            division = names.division(text("industry"), catalog: reference)
            if division == nil { notes.append(OfficeText.SigningImport.industryNotRead(text("industry"))) }
        }
        var channel = "other"
        if !text("channel").isEmpty {
            if let found = leads.channels.first(where: { NameLookup.key($0.name) == NameLookup.key(text("channel")) || $0.code == text("channel") }) {
                channel = found.code
            } else {
                notes.append(OfficeText.SigningImport.channelNotRead(text("channel")))
            }
        }
        let code = text("creditCode").uppercased()
        let lead = Lead(title: title, investor: Investor(name: investor, creditCode: code.isEmpty ? nil : code, kind: kind), industryDivision: division,
                        intendedInvestment: amount, channelCode: leads.channels.contains { $0.code == channel } ? channel : leads.channels.last?.code ?? channel,
                        unit: unit, handlerName: text("handler"), stageCode: leads.firstStage, stageSince: day, createdOn: day)
        for error in LeadRules.problems(lead, leads: leads, reference: reference, today: today) {
            let field = ["title": "name", "investor": "investor", "creditCode": "creditCode", "industry": "industry"][error.field] ?? "name"
            problem(field, error.message)
        }
        return lead
    }
}
