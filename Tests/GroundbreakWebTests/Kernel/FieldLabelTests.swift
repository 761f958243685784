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

    @Test("a key one feature uses for something of its own reads in that feature's words, and the shared word elsewhere")
    func featureSections() {
        #expect(FieldLabels.$feature.withValue("meetings") { DomainText.required(field: "title").zh } == "请填写会议名称")
        #expect(FieldLabels.$feature.withValue("accounts") { DomainText.required(field: "title").zh } == "请填写职务名称")
        #expect(FieldLabels.$feature.withValue("meetings") { DomainText.field("heldOn").zh } == "会议日期")
        #expect(FieldLabels.$feature.withValue("approvals") { DomainText.field("heldOn").zh } == "批次日期")
        #expect(DomainText.field("title").zh == "名称", "no feature: the shared word")
        // Put into words under one feature, a refusal keeps them wherever it is shown later.
        let resolved = FieldLabels.$feature.withValue("meetings") { FieldError("title", .required(field: "title")).resolved() }
        #expect(resolved.message == "请填写会议名称" && resolved.label == "会议名称" && resolved.field == "title")
    }
}
