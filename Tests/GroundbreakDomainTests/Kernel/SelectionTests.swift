import GroundbreakDomain
import Testing

/// A `Selection` lists what `filter` gives, reading the chosen elements where the list holds
/// them; its array is the list's own buffer when every element is chosen. The reporting board
/// and the figures choose a province's projects through it.
@Suite("Kernel: elements chosen from a list by position")
struct SelectionTests {
    @Test("the chosen elements are filter's, in order, for every shape of what is chosen, the first and last dropped included")
    func equalToFilter() {
        var generator = SystemRandomNumberGenerator()
        for count in [0, 1, 2, 7, 100] {
            let numbers = (0..<count).map { _ in Int.random(in: 0..<10, using: &generator) }
            let tests: [(Int) -> Bool] = [{ _ in true }, { _ in false }, { $0 < 5 }, { $0 >= 5 }, { $0 != numbers.first }, { $0 != numbers.last }]
            for test in tests {
                let chosen = Selection(numbers, where: test)
                #expect(Array(chosen) == numbers.filter(test), "\(numbers)")
                #expect(chosen.array == numbers.filter(test), "\(numbers)")
                #expect(chosen.indices.map { index in chosen.reading(index) { $0 } } == numbers.filter(test))
            }
        }
    }

    @Test("all chosen, the same buffer; anything dropped, an array of its own that leaves the list as it was")
    func sharesWhenWhole() {
        let numbers = Array(0..<1_000)
        let whole = Selection(numbers) { $0 >= 0 }.array
        #expect(whole.withUnsafeBufferPointer(\.baseAddress) == numbers.withUnsafeBufferPointer(\.baseAddress))
        var even = Selection(numbers) { $0 % 2 == 0 }.array
        #expect(even.withUnsafeBufferPointer(\.baseAddress) != numbers.withUnsafeBufferPointer(\.baseAddress))
        even[0] = -1
        #expect(numbers[0] == 0 && even.count == 500 && even.last == 998)
    }

    @Test("positions name places in the list; the list chosen from is held, not copied")
    func positions() {
        let names = ["甲", "乙", "丙", "丁"]
        let chosen = Selection(names) { $0 != "乙" }
        #expect(chosen.positions == [0, 2, 3])
        #expect(chosen[1] == "丙" && chosen.count == 3)
        #expect(chosen.all.withUnsafeBufferPointer(\.baseAddress) == names.withUnsafeBufferPointer(\.baseAddress))
    }
}
