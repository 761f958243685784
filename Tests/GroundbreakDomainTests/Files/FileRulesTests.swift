import Foundation
@testable import GroundbreakDomain
import Testing

@Suite("What a file may be")
struct FileRulesTests {
    static let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2]
    static let pdf: [UInt8] = Array("%PDF-1.7".utf8)
    static let zip: [UInt8] = [0x50, 0x4B, 0x03, 0x04, 0, 0]

    @Test("a site photo is an image told by its bytes; evidence is an image, a PDF or an Office file named as one")
    func kinds() {
        #expect((try? FileRules.check(.sitePhoto, bytes: Self.png, name: "x.pdf", maxBytes: 100).get()) == "image/png", "the bytes decide, not the name")
        #expect((try? FileRules.check(.sitePhoto, bytes: Self.pdf, name: "x.png", maxBytes: 100).get()) == nil)
        #expect((try? FileRules.check(.problemEvidence, bytes: Self.pdf, name: "批复", maxBytes: 100).get()) == "application/pdf")
        #expect((try? FileRules.check(.problemEvidence, bytes: Self.zip, name: "台账.xlsx", maxBytes: 100).get())?.hasSuffix("spreadsheetml.sheet") == true)
        #expect((try? FileRules.check(.problemEvidence, bytes: Self.zip, name: "台账.zip", maxBytes: 100).get()) == nil, "a zip that is no Office file")
        guard case .failure(let tooBig) = FileRules.check(.problemEvidence, bytes: Self.pdf, name: "a.pdf", maxBytes: 4) else { Issue.record("refused"); return }
        #expect(tooBig.errors.map(\.field) == ["file"])
        guard case .failure(let empty) = FileRules.check(.sitePhoto, bytes: [], name: "", maxBytes: 4) else { Issue.record("refused"); return }
        #expect(empty.errors.map(\.field) == ["photo"])
    }

    @Test("names lose paths and control characters; nothing left takes the kind's default; only images show inline")
    func names() {
        #expect(FileRules.cleanName("../../etc/pass\u{0}wd.pdf", kind: .problemEvidence) == "....etcpasswd.pdf")
        #expect(FileRules.cleanName(" / ", kind: .problemEvidence) == "佐证材料")
        #expect(FileRules.showsInline("image/webp") && !FileRules.showsInline("application/pdf"))
        #expect(StoredFile.Owner(kind: "sitePhoto", id: 3, key: "2026-10") == .sitePhoto(projectId: 3, month: Month(year: 2026, month: 10)!))
        #expect(StoredFile.Owner(kind: "sitePhoto", id: 3, key: "") == nil && StoredFile.Owner(kind: "avatar", id: 3, key: "") == nil)
    }
}
