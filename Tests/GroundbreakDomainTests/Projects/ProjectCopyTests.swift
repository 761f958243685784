import Foundation
import GroundbreakDomain
import Testing

/// A `Project` keeps its fields behind one shared reference; it must still behave as a value.
@Suite("A project copied")
struct ProjectCopyTests {
    @Test("a copy changed leaves the original as it was, and the two compare by their fields")
    func copyIsAValue() {
        let original = project(stage: .construction) { $0.name = "长春新区光电产业园"; $0.tags = ["省重点"] }
        var changed = original
        #expect(changed == original)
        changed.fields.name = "长春新区光电产业园二期"
        changed.fields.tags.append("市重点")
        #expect(original.fields.name == "长春新区光电产业园")
        #expect(original.fields.tags == ["省重点"])
        #expect(changed.fields.tags == ["省重点", "市重点"])
        #expect(changed != original)
        changed.fields.name = original.fields.name
        changed.fields.tags = original.fields.tags
        #expect(changed == original)
    }

    @Test("a whole new set of fields replaces the old ones on the copy only")
    func fieldsReplaced() {
        let original = project { $0.regionCode = "220104" }
        var changed = original
        var fields = original.fields
        fields.regionCode = "220102"
        changed.fields = fields
        #expect(original.fields.regionCode == "220104")
        #expect(changed.fields.regionCode == "220102")
    }

    @Test("its JSON keeps the shape it had: the fields under \"fields\", absent optionals left out")
    func jsonShape() throws {
        let original = project(stage: .suspended, suspendedFrom: .construction) { $0.name = "一汽配套项目" }
        let data = try JSONEncoder().encode(original)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(Set(object.keys) == ["id", "fields", "stage", "suspendedFrom", "createdAt", "updatedAt", "version"])
        #expect((object["fields"] as? [String: Any])?["name"] as? String == "一汽配套项目")
        #expect(try JSONDecoder().decode(Project.self, from: data) == original)
    }
}
