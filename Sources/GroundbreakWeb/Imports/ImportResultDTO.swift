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

    var kind: String
    var fileName: String
    var sha256: String
    var canCommit: Bool
    @ExplicitNull var importId: Int64?
    var counts: Counts
    var problems: [Problem]
    var columnNotes: [String]
    var rows: [Row]

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
        rows = preview.rows.map { Row(row: $0.row, action: $0.action.rawValue, name: $0.name, projectId: $0.projectId, changes: $0.changes, notes: $0.notes,
                                      problems: $0.problems.map(dto)) }
    }
}
