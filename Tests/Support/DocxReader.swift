import Foundation

/// python-docx, an independent reader of the Word files we write. When it is installed, a file it
/// cannot read fails the test; only its absence skips the check (and fails under
/// `GROUNDBREAK_REQUIRE_OFFICE_TOOLS=1`).
public enum DocxReader {
    public struct Missing: Error, CustomStringConvertible {
        public var description: String { "python-docx is required here (GROUNDBREAK_REQUIRE_OFFICE_TOOLS=1)" }
    }

    public static let isAvailable: Bool = (try? ChildProcess.run(["/usr/bin/env", "python3", "-c", "import docx"])) != nil
    static var isRequired: Bool { ProcessInfo.processInfo.environment["GROUNDBREAK_REQUIRE_OFFICE_TOOLS"] == "1" }

    /// The paragraphs' text, or nil when python-docx is not installed and not required.
    public static func paragraphs(of path: String) throws -> [String]? {
        guard isAvailable else {
            if isRequired { throw Missing() }
            return nil
        }
        let script = "import docx,sys; print('\\n'.join(p.text for p in docx.Document(sys.argv[1]).paragraphs))"
        return try ChildProcess.run(["/usr/bin/env", "python3", "-c", script, path]).split(separator: "\n").map(String.init)
    }

    /// Every table's rows of cell text (cells joined by a tab), or nil when python-docx is not installed and not required.
    public static func tables(of path: String) throws -> [[String]]? {
        guard isAvailable else {
            if isRequired { throw Missing() }
            return nil
        }
        let script = "import docx,sys\nfor t in docx.Document(sys.argv[1]).tables:\n    print('\\n'.join('\\t'.join(c.text for c in r.cells) for r in t.rows))\n    print('\\f')"
        return try ChildProcess.run(["/usr/bin/env", "python3", "-c", script, path]).components(separatedBy: "\u{0C}\n")
            .map { $0.split(separator: "\n").map(String.init) }.filter { !$0.isEmpty }
    }
}
