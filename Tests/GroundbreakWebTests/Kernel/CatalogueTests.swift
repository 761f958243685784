import Foundation
import GroundbreakTestSupport
import Testing

/// The pages' words live in the Web catalogue, a section per feature (`ProblemsText.swift` …),
/// never inline in views or handlers: one place to read, correct and one day translate them.
@Suite("Catalogue")
struct CatalogueTests {
    @Test("no Chinese outside the catalogue files of the Web target (comments aside)")
    func noInlineChinese() throws {
        let sources = packageRoot().appendingPathComponent("Sources/GroundbreakWeb")
        let enumerator = try #require(FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil))
        var inline: [String] = []
        var catalogues = 0
        for case let url as URL in enumerator where url.pathExtension == "swift" {
            if url.lastPathComponent.hasSuffix("Text.swift") { catalogues += 1; continue }
            let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
            for (number, line) in lines.enumerated() {
                if line.trimmingCharacters(in: .whitespaces).hasPrefix("//") { continue }
                if line.unicodeScalars.contains(where: { (0x4E00...0x9FFF).contains($0.value) }) {
                    inline.append("\(url.lastPathComponent):\(number + 1)")
                }
            }
        }
        #expect(catalogues >= 12, "a catalogue section per feature")
        #expect(inline.isEmpty, "Chinese written inline: \(inline.prefix(20))")
    }

    @Test("the command line and the Office documents (letters, minutes, workbooks) keep their words in their catalogues too")
    func cliAndDocuments() throws {
        let root = packageRoot().appendingPathComponent("Sources")
        var inline: [String] = []
        for folder in ["groundbreak", "GroundbreakOffice/Word", "GroundbreakOffice/Export"] {
            let enumerator = try #require(FileManager.default.enumerator(at: root.appendingPathComponent(folder), includingPropertiesForKeys: nil))
            for case let url as URL in enumerator where url.pathExtension == "swift" && !url.lastPathComponent.hasSuffix("Text.swift") {
                let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
                for (number, line) in lines.enumerated() where !line.trimmingCharacters(in: .whitespaces).hasPrefix("//") {
                    // Font names are the documents' typography, not words a reader reads.
                    if line.unicodeScalars.contains(where: { (0x4E00...0x9FFF).contains($0.value) }) && !line.contains("Font = ") {
                        inline.append("\(folder)/\(url.lastPathComponent):\(number + 1)")
                    }
                }
            }
        }
        #expect(inline.isEmpty, "Chinese written inline: \(inline.prefix(20))")
    }
}
