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
        let byKey = Dictionary(grouping: stored.filter(reach.sees)) { Self.key($0.unit, $0.title) }
        let reach = reach
        let units = ListUnits(reference: reference, names: names, defaultUnit: defaultUnit, allows: { reach.everyUnit || reach.units.contains($0) },
                              required: OfficeText.SigningImport.unitRequired, outside: OfficeText.SigningImport.outsideReach)
        var seen: [String: Int] = [:]
        return .planning(rows) { plan(ListRow($0, table: rows.table), byKey: byKey, units: units, seen: &seen) }
    }

    func plan(_ row: ListRow, byKey: [String: [Lead]], units: ListUnits, seen: inout [String: Int]) -> (RowOutcome, LeadSigningWrite?) {
        typealias T = OfficeText.SigningImport
        let title = row.name
        let investor = row.text("investor")
        if investor.isEmpty { row.problem("investor", T.investorRequired) }
        var day: Day?
        if row.isBlank("signedOn") { row.problem("signedOn", T.signedOnRequired) } else { day = row.day("signedOn", notAfter: today, future: T.signedInFuture) }
        let amount = row.amount("amount", required: T.amountRequired)
        let capital = choice("capital", row.text("capital"), fallback: LeadSigning.Capital.domestic, note: T.defaultCapital, row: row)
        let contract = choice("contract", row.text("contract"), fallback: LeadSigning.Contract.formal, note: T.defaultContract, row: row)
        let unit = units.read(row)

        var target: LeadSigningWrite.Target?
        var action = RowAction.refused
        var projectId: Int64?
        var changes: [String] = []
        if let unit, !title.isEmpty {
            let key = Self.key(unit, title)
            if let first = seen[key] { row.problem("name", T.duplicateLead(first)) } else { seen[key] = row.number }
            // Two leads of a unit may share a name (two seat-factory projects); the investor tells them apart.
            var matches = byKey[key] ?? []
            if matches.count > 1 { matches = matches.filter { NameLookup.key($0.investor.name) == NameLookup.key(investor) } }
            if matches.count > 1 { row.problem("name", T.ambiguousLead(matches.count)) }
            if let lead = matches.first, matches.count == 1 {
                projectId = lead.projectId
                if let stored = lead.signing {
                    // A row whose day or amount could not be read is already refused for that alone.
                    if let day, let amount {
                        if stored.on == day && stored.amount == amount && stored.capital == capital {
                            action = .unchanged
                        } else {
                            row.problem("signedOn", T.signingDiffers(T.storedSigning(stored.on.iso, stored.amount.exactWanText)))
                        }
                    }
                } else if lead.status != .active {
                    row.problem("name", T.notActive(lead.status.label))
                } else {
                    if let day, day < lead.createdOn { row.problem("signedOn", T.signedBeforeCreated(lead.createdOn.iso)) }
                    target = .sign(leadId: lead.id, version: lead.version)
                    action = .update
                    changes = [T.signed] + (row.text("progress").isEmpty ? [] : [T.progress])
                }
            } else if matches.isEmpty, let day {
                target = .create(newLead(row, title: title, investor: investor, unit: unit, capital: capital, amount: amount ?? .zero, on: day))
                action = .create
            }
        }
        let outcome = row.outcome(action, projectId: projectId, changes: changes)
        guard outcome.action == .create || outcome.action == .update, let target, let day, let amount else { return (outcome, nil) }
        return (outcome, LeadSigningWrite(target: target, signing: LeadSigning(on: day, amount: amount, contract: contract, capital: capital),
                                          progress: row.text("progress"), row: row.number))
    }

    /// A value of a small list (内资/外资, 框架协议/正式合同): the words of `ledger_columns.json`, or the
    /// code itself; blank is `fallback`, said in a note.
    func choice<T: RawRepresentable>(_ field: String, _ text: String, fallback: T, note: String, row: ListRow) -> T where T.RawValue == String {
        guard !text.isEmpty else { row.notes.append(note); return fallback }
        if let value = (columns.value(text, field: field) ?? Optional(text)).flatMap(T.init(rawValue:)) { return value }
        row.problem(field, OfficeText.Import.unknownValue(text))
        return fallback
    }

    /// A project the unit never recorded, as a lead that came in on its signing day, intending
    /// what it signed.
    func newLead(_ row: ListRow, title: String, investor: String, unit: OrgUnit, capital: LeadSigning.Capital, amount: Money, on day: Day) -> Lead {
        let text = row.text
        let fallbackKind: Investor.Kind = capital == .foreign ? .foreign : .privateOwned
        let kind = choice("investorKind", text("investorKind"), fallback: fallbackKind, note: OfficeText.SigningImport.defaultKind(fallbackKind.label), row: row)
        var division: String?
        if !text("industry").isEmpty {
            division = names.division(text("industry"), catalog: reference)
            if division == nil { row.notes.append(OfficeText.SigningImport.industryNotRead(text("industry"))) }
        }
        var channel = "other"
        if !text("channel").isEmpty {
            if let found = leads.channels.first(where: { NameLookup.key($0.name) == NameLookup.key(text("channel")) || $0.code == text("channel") }) {
                channel = found.code
            } else {
                row.notes.append(OfficeText.SigningImport.channelNotRead(text("channel")))
            }
        }
        let code = text("creditCode").uppercased()
        let lead = Lead(title: title, investor: Investor(name: investor, creditCode: code.isEmpty ? nil : code, kind: kind), industryDivision: division,
                        intendedInvestment: amount, channelCode: leads.channels.contains { $0.code == channel } ? channel : leads.channels.last?.code ?? channel,
                        unit: unit, handlerName: text("handler"), stageCode: leads.firstStage, stageSince: day, createdOn: day)
        for error in LeadRules.problems(lead, leads: leads, reference: reference, today: today) {
            let field = ["title": "name", "investor": "investor", "creditCode": "creditCode", "industry": "industry"][error.field] ?? "name"
            row.problem(field, error.message)
        }
        return lead
    }
}
