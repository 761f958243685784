import Crypto
import Foundation
import GroundbreakDomain

/// One numbered migration file, `NNNN_name.sql`, split into statements for one engine.
///
/// A file may hold sections for one engine only, opened by `-- @dialect sqlite`,
/// `-- @dialect postgres` or `-- @dialect all`; `{{…}}` placeholders come from `Dialect`.
struct MigrationFile: Sendable, Equatable {
    let version: Int
    let name: String
    let text: String

    var checksum: String {
        Hex.encode(SHA256.hash(data: Data(text.utf8)))
    }

    struct BadFileName: Error, CustomStringConvertible {
        let name: String
        var description: String { "migration file name must look like 0001_name.sql: \(name)" }
    }

    init(fileName: String, text: String) throws {
        let stem = fileName.hasSuffix(".sql") ? String(fileName.dropLast(4)) : fileName
        let parts = stem.split(separator: "_", maxSplits: 1)
        guard parts.count == 2, parts[0].count == 4, let version = Int(parts[0]) else { throw BadFileName(name: fileName) }
        self.version = version
        self.name = String(parts[1])
        self.text = text
    }

    /// The statements to run on `engine`, in order.
    func statements(for engine: DatabaseEngine) -> [String] {
        var selected: [String] = []
        var include = true
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("-- @dialect ") {
                let target = trimmed.dropFirst("-- @dialect ".count).trimmingCharacters(in: .whitespaces)
                include = target == "all" || target == engine.rawValue
                continue
            }
            if include { selected.append(String(line)) }
        }
        var body = selected.joined(separator: "\n")
        for (placeholder, replacement) in Dialect.migrationPlaceholders(for: engine) {
            body = body.replacingOccurrences(of: placeholder, with: replacement)
        }
        return Self.split(body)
    }

    /// Splits on `;` at the end of a line, except inside `$$` bodies (PostgreSQL functions) and
    /// SQLite trigger bodies, which end at `END;`.
    static func split(_ body: String) -> [String] {
        var statements: [String] = []
        var current: [String] = []
        var inDollarQuote = false
        for rawLine in body.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = String(rawLine)
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if current.isEmpty && (trimmed.isEmpty || trimmed.hasPrefix("--")) { continue }
            current.append(line)
            if line.components(separatedBy: "$$").count % 2 == 0 { inDollarQuote.toggle() }
            guard !inDollarQuote, trimmed.hasSuffix(";") else { continue }
            let statement = current.joined(separator: "\n")
            let opensTriggerBody = statement.range(of: #"\bBEGIN\b"#, options: [.regularExpression, .caseInsensitive]) != nil
                && statement.uppercased().hasPrefix("CREATE TRIGGER")
            if opensTriggerBody && trimmed.uppercased() != "END;" { continue }
            var text = statement.trimmingCharacters(in: .whitespacesAndNewlines)
            // SQLite wants the trigger's END; kept, everything else loses its final semicolon.
            if !opensTriggerBody { text.removeLast() }
            statements.append(text)
            current = []
        }
        let rest = current.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
        if !rest.isEmpty { statements.append(rest) }
        return statements
    }
}
