extension Sequence {
    /// The first `count` elements of `sorted(by:)`, equal ones in the sequence's order as that
    /// stable sort keeps them, without sorting the rest: a page naming the ten slowest of a
    /// province's projects need not sort every one of them.
    public func firstSorted(_ count: Int, by areInIncreasingOrder: (Element, Element) throws -> Bool) rethrows -> [Element] {
        var first: [Element] = []
        guard count > 0 else { return first }
        first.reserveCapacity(count + 1)
        for element in self {
            if first.count == count, try !areInIncreasingOrder(element, first[count - 1]) { continue }
            var at = first.count
            while at > 0, try areInIncreasingOrder(element, first[at - 1]) { at -= 1 }
            first.insert(element, at: at)
            if first.count > count { first.removeLast() }
        }
        return first
    }
}
