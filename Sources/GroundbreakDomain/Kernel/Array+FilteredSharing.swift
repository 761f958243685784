extension Array {
    /// The elements `isIncluded` admits, in order, as `filter` gives them — but the array itself,
    /// its buffer shared and nothing copied, when every element is admitted. A province's lists
    /// are mostly read unfiltered (every stage, no threshold, the whole board), and copying 100,000
    /// elements retains what each holds and frees it again after: most of a page's time after a
    /// write. Room for every element is asked for at once, as a large block is only paid for where
    /// it is written, rather than the copy growing and moving as `filter`'s does.
    @inlinable
    public func filteredSharing(_ isIncluded: (Element) throws -> Bool) rethrows -> [Element] {
        guard let first = try firstIndex(where: { try !isIncluded($0) }) else { return self }
        var result: [Element] = []
        result.reserveCapacity(count - 1)
        result.append(contentsOf: self[..<first])
        for index in (first + 1)..<count where try isIncluded(self[index]) {
            result.append(self[index])
        }
        return result
    }
}
