extension Array {
    /// The first index whose element satisfies `belongs`, the elements being ordered so that those
    /// that do all come after those that do not (an array in id order and `{ $0.id >= id }`): a
    /// binary search. Inlinable, so each caller gets it specialised to its elements.
    @inlinable
    public func partitioningIndex(where belongs: (Element) -> Bool) -> Int {
        var (low, high) = (0, count)
        while low < high {
            let middle = (low + high) / 2
            if belongs(self[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
