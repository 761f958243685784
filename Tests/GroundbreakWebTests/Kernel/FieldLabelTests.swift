import Foundation
import GroundbreakDomain
import GroundbreakTestSupport
import Testing

/// A refused form lists "标签：原因" and an API error names the field in Chinese; a field the
/// rules name without a label printed "summary：请填写summary" to an official.
@Suite("Field labels")
struct FieldLabelTests {
    @Test("every field a rule or handler refuses has a Chinese label")
    func everyRefusedFieldIsLabelled() throws {
        let sources = packageRoot().appendingPathComponent("Sources")
        var fields: Set<String> = []
        let enumerator = try #require(FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil))
        for case let url as URL in enumerator where url.pathExtension == "swift" {
            let text = try String(contentsOf: url, encoding: .utf8)
            for match in text.matches(of: /(?:FieldError\(|field: )"([A-Za-z.]+)"/) { fields.insert(String(match.1)) }
        }
        #expect(fields.count > 50, "the scan found the rules' fields")
        let unlabelled = fields.filter { name in
            let label = DomainText.field(name).zh
            return label == name || label.allSatisfy(\.isASCII)
        }
        #expect(unlabelled.isEmpty, "fields without a Chinese label: \(unlabelled.sorted())")
    }
}
