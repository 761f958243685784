import Synchronization

/// Region and zone codes numbered in the order this process first meets them, so that a set of
/// codes can be tested by indexing a table of flags rather than by hashing a string. The numbers
/// are never stored or sent: they mean something only within the process. There are as many as
/// distinct codes the ledger's projects carry (a catalogue's few dozen; a code is checked against
/// the catalogue before a project is kept).
enum CodeNumbers {
    private static let numbers = Mutex<[String: Int]>([:])

    static func number(_ code: String) -> Int {
        numbers.withLock { numbers in
            if let number = numbers[code] { return number }
            let number = numbers.count
            numbers[code] = number
            return number
        }
    }

    /// Flags by number: true for the numbers of `codes`.
    static func table(_ codes: Set<String>) -> [Bool] {
        let numbered = codes.map(number)
        var table = [Bool](repeating: false, count: (numbered.max() ?? -1) + 1)
        for number in numbered { table[number] = true }
        return table
    }
}
