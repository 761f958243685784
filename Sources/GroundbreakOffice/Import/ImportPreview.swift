import Foundation
import GroundbreakDomain

/// One problem the preview names: by row and column where it has them.
public struct ImportProblem: Error, Sendable, Equatable, Codable {
    /// 1-based row as Excel numbers it; nil for the file as a whole.
    public var row: Int?
    /// Column letter, e.g. `F`.
    public var column: String?
    public var header: String?
    public var message: String

    public init(row: Int?, column: String? = nil, header: String? = nil, message: String) {
        self.row = row
        self.column = column
        self.header = header
        self.message = message
    }

    /// `第 12 行 F 列（总投资）：…`
    public var sentence: String {
        var place = ""
        if let row { place += OfficeText.Place.row(row) }
        if let column { place += (place.isEmpty ? "" : " ") + OfficeText.Place.column(column) }
        if let header, !header.isEmpty { place += OfficeText.Place.header(header) }
        return place.isEmpty ? message : OfficeText.Place.sentence(place, message)
    }
}

/// What a row will do when the import is committed.
public enum RowAction: String, Sendable, Codable, CaseIterable {
    case create, update, unchanged, skipped, refused

    public var label: String { OfficeText.Import.action(self) }
}

public struct RowOutcome: Sendable, Equatable {
    public var row: Int
    public var action: RowAction
    /// The row's project: its name as read, and the stored project it matched.
    public var name: String
    public var projectId: Int64?
    /// For updates: the columns whose value changes.
    public var changes: [String]
    /// Why a row is skipped, or notes that do not stop it.
    public var notes: [String]
    public var problems: [ImportProblem]
}

/// A dry run: what every row would do, and everything wrong, before anything is written.
public struct ImportPreview<Planned: Sendable>: Sendable {
    public var rows: [RowOutcome] = []
    /// Problems with the file as a whole (no header row, a required column missing).
    public var fileProblems: [ImportProblem] = []
    /// Columns recognised but not imported, and columns not recognised.
    public var columnNotes: [String] = []
    /// What commit will write, in row order.
    public var planned: [Planned] = []
    /// For a ledger: what the file says as a whole (unit, year, scheme).
    public var ledger: LedgerFile?
    /// The lines the preview shows first: what the file was understood to say, and what it adds
    /// besides projects (the year's list, new classes, fields 待补充).
    public var summary: [String] = []

    public init() {}

    public var problems: [ImportProblem] { fileProblems + rows.flatMap(\.problems) }

    public func count(_ action: RowAction) -> Int { rows.filter { $0.action == action }.count }

    /// Commit writes only a clean file with something to write.
    public var canCommit: Bool { problems.isEmpty && !planned.isEmpty }
}
