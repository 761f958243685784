import Foundation
import GroundbreakDomain

/// Reads a ledger row's cells into the text the project form would hold: names of regions,
/// zones, departments and seats become their codes, amounts become 万元, dates ISO. A blank cell
/// says nothing, so it never clears a value already stored.
struct ValueResolver {
    let row: TableRows.Row
    let table: LocatedTable
    let catalog: ReferenceCatalog
    let names: NameLookup
    init(row: TableRows.Row, table: LocatedTable, catalog: ReferenceCatalog, names: NameLookup) {
        self.row = row
        self.table = table
        self.catalog = catalog
        self.names = names
    }

    /// The row's values by `ProjectInput` key, and its problems as (import field, message).
    func resolve() -> (values: [String: String], problems: [(String, String)]) {
        var values: [String: String] = [:]
        var problems: [(String, String)] = []
        func resolve(_ text: String, into key: String, field: String, _ values: inout [String: String], lookup: (String) -> String?) {
            if let code = lookup(text) { values[key] = code } else { problems.append((field, OfficeText.Import.unknownValue(text))) }
        }
        for (field, cell) in row.cells where !cell.isBlank {
            if let message = CellReading.unreadable(cell) {
                problems.append((field, message))
                continue
            }
            let text = TextNormalizer.collapsedLine(cell.text)
            switch field {
            case "name", "ownerName", "address": values[field] = Self.plainText(text)
            case "constructionContent": values[field] = cell.text.trimmingCharacters(in: .whitespacesAndNewlines)
            case "code", "ownerCreditCode": values[field] = text
            case "region": resolve(text, into: "regionCode", field: field, &values) { names.region($0, catalog: catalog) }
            case "zone": resolve(text, into: "zoneCode", field: field, &values, lookup: code(names.zones))
            case "category": resolve(text, into: "categoryCode", field: field, &values, lookup: code(names.categories))
            case "industryDivision": resolve(text, into: "industryDivision", field: field, &values) { names.division($0, catalog: catalog) }
            case "investmentType": resolve(text, into: "investmentType", field: field, &values, lookup: code(names.investmentTypes))
            case "stage": resolve(text, into: "stage", field: field, &values, lookup: code(names.stages))
            case "leadDepartment": resolve(text, into: "leadDepartmentCode", field: field, &values, lookup: code(names.departments))
            case "sponsor": resolve(text, into: "sponsorPositionId", field: field, &values) { names.seat($0, duty: .sponsor).map(String.init) }
            case "secretary": resolve(text, into: "secretaryPositionId", field: field, &values) { names.seat($0, duty: .secretary).map(String.init) }
            case "levels":
                let words = text.split { "；;，,、/ ".contains($0) }.map(String.init)
                let found = words.map { names.levels[$0] }
                if let bad = zip(words, found).first(where: { $0.1 == nil }) {
                    problems.append((field, OfficeText.Import.unknownValue(bad.0)))
                } else {
                    values["levels"] = found.compactMap { $0 }.joined(separator: ",")
                }
            case "totalInvestment":
                switch CellReading.money(cell, unit: table.column(field)?.unit) {
                case .success(let money): values["totalInvestmentWan"] = money.exactWanText
                case .failure: problems.append((field, OfficeText.Import.badAmount(cell.text)))
                }
            case "plannedStart", "plannedCompletion", "actualStart", "actualCompletion":
                if let day = CellReading.day(cell) { values[field] = day.iso } else { problems.append((field, OfficeText.Import.badDate(cell.text))) }
            default: break
            }
        }
        return (values, problems)
    }

    /// Full-width digits and Latin letters made half-width (Chinese punctuation such as （） kept),
    /// runs of spaces collapsed: how names are stored and compared.
    static func plainText(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0xFF10...0xFF19, 0xFF21...0xFF3A, 0xFF41...0xFF5A: scalars.append(Unicode.Scalar(scalar.value - 0xFEE0)!)
            default: scalars.append(scalar)
            }
        }
        return TextNormalizer.collapsedLine(String(scalars))
    }

    private func code(_ index: [String: String]) -> (String) -> String? {
        { index[NameLookup.key($0)] }
    }
}
