import Foundation
import GroundbreakDomain
import GroundbreakOffice
import GroundbreakStore

struct ImportResultDTO: Codable, Sendable {
    struct Counts: Codable, Sendable {
        var create, update, unchanged, skipped, refused: Int
    }
    struct Problem: Codable, Sendable {
        @ExplicitNull var row: Int?
        @ExplicitNull var column: String?
        @ExplicitNull var header: String?
        var message: String
    }
    struct Row: Codable, Sendable {
        var row: Int
        var action: String
        var name: String
        @ExplicitNull var projectId: Int64?
        var changes: [String]
        var notes: [String]
        var problems: [Problem]
    }

    /// What a ledger file says as a whole, as the preview understood it.
    struct Ledger: Codable, Sendable {
        @ExplicitNull var regionCode: String?
        @ExplicitNull var year: Int?
        @ExplicitNull var yearSource: String?
        @ExplicitNull var thresholdYuan: Int64?
        @ExplicitNull var level: String?
        var title: String
        @ExplicitNull var schemeName: String?
        var newClasses: [String]
        var owedRows: Int
    }

    var kind: String
    var fileName: String
    var sha256: String
    var canCommit: Bool
    @ExplicitNull var importId: Int64?
    var counts: Counts
    var problems: [Problem]
    var columnNotes: [String]
    /// What the file was understood to say as a whole, and what it adds besides projects.
    var summary: [String]
    var rows: [Row]
    @ExplicitNull var ledger: Ledger?

    init<P>(_ run: ImportRun<P>, record: ImportRecord?) {
        let preview = run.preview
        kind = run.kind.rawValue
        fileName = run.fileName
        sha256 = run.sha256
        canCommit = preview.canCommit
        importId = record?.id
        counts = Counts(create: preview.count(.create), update: preview.count(.update), unchanged: preview.count(.unchanged),
                        skipped: preview.count(.skipped), refused: preview.count(.refused))
        func dto(_ problem: ImportProblem) -> Problem { Problem(row: problem.row, column: problem.column, header: problem.header, message: problem.message) }
        problems = preview.problems.map(dto)
        columnNotes = preview.columnNotes
        summary = preview.summary
        rows = preview.rows.map { Row(row: $0.row, action: $0.action.rawValue, name: $0.name, projectId: $0.projectId, changes: $0.changes, notes: $0.notes,
                                      problems: $0.problems.map(dto)) }
        ledger = preview.ledger.map { Ledger(regionCode: $0.regionCode, year: $0.year, yearSource: $0.yearSource?.rawValue, thresholdYuan: $0.threshold?.yuan,
                                             level: $0.level?.rawValue, title: $0.title, schemeName: $0.schemeName, newClasses: $0.newClasses,
                                             owedRows: $0.owedRows) }
    }
}
