@testable import GroundbreakStore
import Testing

/// A kept list of parts moved in place gives what merging it into a new list gives: the changed
/// parts replaced, the gone ones taken out and the new ones put in by id.
@Suite("Kept parts and projects moved in place")
struct PartsReplaceTests {
    struct Part: Identifiable, Sendable, Equatable {
        let id: Int64
        let version: Int
    }

    @Test("replaced, gone and new, few or many: equal to the merge, in id order")
    func equalToMerge() {
        var generator = SystemRandomNumberGenerator()
        for round in 0..<200 {
            let parts = (1...300).filter { _ in Int.random(in: 0..<4, using: &generator) > 0 }.map { Part(id: Int64($0), version: 0) }
            let changed = Set((0..<(round % 2 == 0 ? 5 : 90)).map { _ in Int64.random(in: 0...320, using: &generator) })
            let fresh = changed.filter { _ in Bool.random(using: &generator) }.sorted().map { Part(id: $0, version: round + 1) }
            var moved = parts
            moved.replace(changed, with: fresh)
            #expect(moved == ProjectSnapshot.merged(parts, replacing: changed, with: fresh), "round \(round)")
            #expect(zip(moved, moved.dropFirst()).allSatisfy { $0.id < $1.id })
        }
    }

    @Test("a list held by nobody else is changed where it lies; one a reader holds is left as the reader read it")
    func inPlaceOnlyWhenUnshared() {
        var parts = (1...100).map { Part(id: Int64($0), version: 0) }
        let before = parts.withUnsafeBufferPointer(\.baseAddress)
        parts.replace([5], with: [Part(id: 5, version: 1)])
        #expect(parts.withUnsafeBufferPointer(\.baseAddress) == before && parts[4].version == 1)
        let reader = parts
        parts.replace([6, 200], with: [Part(id: 6, version: 1), Part(id: 200, version: 1)])
        #expect(reader[5].version == 0 && reader.count == 100 && parts[5].version == 1 && parts.last?.id == 200)
    }
}
