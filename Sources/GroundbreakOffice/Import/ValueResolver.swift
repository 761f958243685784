import Foundation
import GroundbreakDomain

/// Reads a ledger row's cells into the text the project form would hold: names of regions,
/// zones, departments and seats become their codes, amounts become 万元, dates ISO. A blank cell
/// says nothing, so it never clears a value already stored.
struct ValueResolver {
    let row: TableRows.Row
    let table: LocatedTable
    let catalog: ReferenceCatalog
    let columns: ColumnCatalog
    init(row: TableRows.Row, table: LocatedTable, catalog: ReferenceCatalog, columns: ColumnCatalog) {
        self.row = row
        self.table = table
        self.catalog = catalog
        self.columns = columns
    }

    /// The row's values by `ProjectInput` key, and its problems as (import field, message).
    func resolve() -> (values: [String: String], problems: [(String, String)]) {
        var values: [String: String] = [:]
        var problems: [(String, String)] = []
        func resolve(_ text: String, into key: String, field: String, _ values: inout [String: String], lookup: (String) -> String?) {
            if let code = lookup(text) { values[key] = code } else { problems.append((field, OfficeText.Import.unknownValue(text))) }
        }
        for (field, cell) in row.cells where !cell.isBlank {
            if case .uncachedFormula(let formula) = cell.value {
                problems.append((field, OfficeText.Import.uncachedFormula(formula)))
                continue
            }
            if case .error(let code) = cell.value {
                problems.append((field, OfficeText.Import.errorValue(code)))
                continue
            }
            let text = TextNormalizer.collapsedLine(cell.text)
            switch field {
            case "name", "ownerName", "address": values[field] = Self.plainText(text)
            case "constructionContent": values[field] = cell.text.trimmingCharacters(in: .whitespacesAndNewlines)
            case "code", "ownerCreditCode": values[field] = text
            case "region": resolve(text, into: "regionCode", field: field, &values, lookup: region)
            case "zone": resolve(text, into: "zoneCode", field: field, &values, lookup: zone)
            case "category": resolve(text, into: "categoryCode", field: field, &values, lookup: category)
            case "industryDivision": resolve(text, into: "industryDivision", field: field, &values, lookup: division)
            case "investmentType": resolve(text, into: "investmentType", field: field, &values, lookup: investmentType)
            case "stage": resolve(text, into: "stage", field: field, &values, lookup: stage)
            case "leadDepartment": resolve(text, into: "leadDepartmentCode", field: field, &values, lookup: department)
            case "sponsor": resolve(text, into: "sponsorPositionId", field: field, &values) { seat($0, duty: .sponsor) }
            case "secretary": resolve(text, into: "secretaryPositionId", field: field, &values) { seat($0, duty: .secretary) }
            case "levels":
                let words = text.split { "；;，,、/ ".contains($0) }.map(String.init)
                let found = words.map { word in ProjectLevel.allCases.first { $0.label == word || $0.rawValue == word } }
                if let bad = zip(words, found).first(where: { $0.1 == nil }) {
                    problems.append((field, OfficeText.Import.unknownValue(bad.0)))
                } else {
                    values["levels"] = found.compactMap { $0?.rawValue }.joined(separator: ",")
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

    private static func plain(_ text: String) -> String {
        TextNormalizer.halfWidth(text).filter { !$0.isWhitespace }
    }

    func region(_ text: String) -> String? {
        let key = Self.plain(text)
        let city = catalog.regions.first { $0.kind == .city }?.name ?? ""
        let bare = !city.isEmpty && key.hasPrefix(city) && key.count > city.count ? String(key.dropFirst(city.count)) : key
        if let code = catalog.canonicalRegionCode(bare), catalog.assignableRegions.contains(where: { $0.code == code }) { return code }
        return catalog.assignableRegions.first { Self.plain($0.name) == bare || Self.plain($0.name) == key }?.code
    }

    func zone(_ text: String) -> String? {
        let key = Self.plain(text)
        return catalog.zones.first { $0.code == key || Self.plain($0.name) == key || Self.plain($0.shortName) == key }?.code
    }

    func category(_ text: String) -> String? {
        let key = Self.plain(text)
        return catalog.assignableCategories.first { $0.code == key || Self.plain($0.name) == key }?.code
    }

    func division(_ text: String) -> String? {
        let key = Self.plain(text)
        if let byName = catalog.divisions.first(where: { Self.plain($0.name) == key }) { return byName.code }
        // `C26`, `26`, or the code and the name together.
        let afterSection = key.first.map { $0.isLetter && $0.isASCII } == true ? String(key.dropFirst()) : key
        let digits = String(afterSection.prefix { $0.isASCIIDigit })
        guard digits.count == 2, let division = catalog.division(digits) else { return nil }
        let rest = String(afterSection.dropFirst(2))
        return rest.isEmpty || rest == Self.plain(division.name) ? digits : nil
    }

    func investmentType(_ text: String) -> String? {
        let key = Self.plain(text)
        return InvestmentType.allCases.first { $0.label == key || $0.rawValue == key }?.rawValue ?? columns.value(key, field: "investmentType")
    }

    func stage(_ text: String) -> String? {
        let key = Self.plain(text)
        return Stage.allCases.first { $0.label == key || $0.rawValue == key }?.rawValue ?? columns.value(key, field: "stage")
    }

    func department(_ text: String) -> String? {
        let key = Self.plain(text)
        return catalog.departments.first { $0.code == key || Self.plain($0.name) == key || Self.plain($0.shortName) == key }?.code
    }

    /// `王某（副市长）` as we export it, the seat title, or the holder's name when only one seat has it.
    func seat(_ text: String, duty: Position.Duty) -> String? {
        let key = Self.plain(text)
        let seats = catalog.positions(withDuty: duty)
        let byDisplay = seats.filter { Self.plain($0.display) == key }
        if byDisplay.count == 1 { return String(byDisplay[0].id) }
        if byDisplay.count > 1 { return nil }
        let byTitle = seats.filter { Self.plain($0.title) == key }
        if byTitle.count == 1 { return String(byTitle[0].id) }
        let byHolder = seats.filter { $0.holderName.map(Self.plain) == key }
        return byHolder.count == 1 ? String(byHolder[0].id) : nil
    }
}
