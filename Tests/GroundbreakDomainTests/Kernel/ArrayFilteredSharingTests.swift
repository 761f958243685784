import GroundbreakDomain
import Testing

/// `filteredSharing` gives what `filter` gives, and the array's own buffer when it keeps every
/// element: the board and the figures read a province's lists through it unfiltered.
@Suite("Kernel: a filter that shares an array it keeps whole")
struct ArrayFilteredSharingTests {
    @Test("equal to filter for every shape of what is kept, the first and last dropped included")
    func equalToFilter() {
        var generator = SystemRandomNumberGenerator()
        for count in [0, 1, 2, 7, 100] {
            let numbers = (0..<count).map { _ in Int.random(in: 0..<10, using: &generator) }
            let tests: [(Int) -> Bool] = [{ _ in true }, { _ in false }, { $0 < 5 }, { $0 >= 5 }, { $0 != numbers.first }, { $0 != numbers.last }]
            for test in tests {
                #expect(numbers.filteredSharing(test) == numbers.filter(test), "\(numbers)")
            }
        }
    }

    @Test("kept whole, the same buffer; anything dropped, a buffer of its own that leaves the array as it was")
    func sharesWhenWhole() {
        let numbers = Array(0..<1_000)
        let whole = numbers.filteredSharing { $0 >= 0 }
        #expect(whole.withUnsafeBufferPointer(\.baseAddress) == numbers.withUnsafeBufferPointer(\.baseAddress))
        var even = numbers.filteredSharing { $0 % 2 == 0 }
        #expect(even.withUnsafeBufferPointer(\.baseAddress) != numbers.withUnsafeBufferPointer(\.baseAddress))
        even[0] = -1
        #expect(numbers[0] == 0 && even.count == 500 && even.last == 998)
    }
}
