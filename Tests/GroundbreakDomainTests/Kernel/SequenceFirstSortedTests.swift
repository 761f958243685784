import GroundbreakDomain
import Testing

/// `firstSorted` gives the head of the stable sort, ties in the sequence's order, for any count.
@Suite("Kernel: the first few of a sort without sorting the rest")
struct SequenceFirstSortedTests {
    @Test("equal to the stable sort's head, ties kept in order, counts from none to more than there are")
    func equalToSortedPrefix() {
        var generator = SystemRandomNumberGenerator()
        for length in [0, 1, 5, 40, 300] {
            let pairs = (0..<length).map { (key: Int.random(in: 0..<8, using: &generator), at: $0) }
            let sorted = pairs.sorted { $0.key > $1.key }
            for count in [0, 1, 3, 10, length, length + 2] {
                let first = pairs.firstSorted(count) { $0.key > $1.key }
                #expect(first.map(\.at) == sorted.prefix(count).map(\.at), "\(length) by \(count)")
            }
        }
    }
}
