import Foundation
import GroundbreakDomain

/// How a file's class column (产业类别, 项目类别 …) is read. When the unit has a scheme of that
/// name, or the column holds a class the shipped categories do not know, the column is the unit's
/// own scheme: every value is a class of it (a class it does not know yet is added, 待确认, never
/// refused), and the shipped category follows the class's mapping. Otherwise the column names
/// shipped categories, as our own export writes them.
struct ClassReading: Sendable {
    var schemeName: String?
    var scheme: ClassificationScheme?
    var newClasses: [String] = []
    let names: NameLookup

    init(rows: TableRows, file: LedgerFile, schemes: [ClassificationScheme], names: NameLookup) {
        self.names = names
        guard let column = rows.table.column("category"), let region = file.regionCode else { return }
        let name = ColumnCatalog.normalised(column.header).name
        let scheme = schemes.first { $0.regionCode == region && ClassificationScheme.key($0.name) == ClassificationScheme.key(name) }
        var values: [String] = []
        var seen: Set<String> = []
        for row in rows.rows {
            guard let cell = row.cell("category") else { continue }
            let text = TextNormalizer.collapsedLine(cell.text)
            if seen.insert(ClassificationScheme.key(text)).inserted { values.append(text) }
        }
        let unknownToAll = values.filter { scheme?.matching($0) == nil && names.categories[NameLookup.key($0)] == nil }
        guard scheme != nil || !unknownToAll.isEmpty else { return }
        self.scheme = scheme
        schemeName = scheme?.name ?? name
        newClasses = values.filter { scheme?.matching($0) == nil }
    }

    var isScheme: Bool { schemeName != nil }

    /// The class a cell names (as the scheme spells it, or as the file does for a new one) and the
    /// shipped category it falls under, when known.
    func read(_ text: String) -> (className: String, categoryCode: String?) {
        let text = TextNormalizer.collapsedLine(text)
        if let known = scheme?.matching(text) {
            return (known.name, known.categoryCode ?? names.categories[NameLookup.key(known.name)])
        }
        return (text, names.categories[NameLookup.key(text)])
    }
}
