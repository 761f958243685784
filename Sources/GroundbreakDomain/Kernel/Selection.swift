/// Some of a list's elements, chosen by position, the list itself shared and nothing copied: the
/// reporting board chooses the projects that owe a month's report from a province's snapshot, and
/// copying each chosen project retains and later releases an object held far away in memory.
/// An element is copied only when it is read through the collection (a page of rows, an export).
public struct Selection<Element>: RandomAccessCollection {
    /// The list chosen from.
    public let all: [Element]
    /// The chosen elements' positions in `all`, in the order they are chosen.
    public let positions: [Int]

    public init(all: [Element], positions: [Int]) {
        self.all = all
        self.positions = positions
    }

    /// The elements of `list` that `isIncluded` admits, in order.
    @inlinable
    public init(_ list: [Element], where isIncluded: (Element) throws -> Bool) rethrows {
        var positions: [Int] = []
        positions.reserveCapacity(list.count)
        for position in list.indices where try isIncluded(list[position]) { positions.append(position) }
        self.init(all: list, positions: positions)
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { positions.count }
    public subscript(index: Int) -> Element { all[positions[index]] }

    /// Reads the element at `index` where it is held, without copying it.
    @inlinable
    public func reading<Result>(_ index: Int, _ body: (Element) throws -> Result) rethrows -> Result {
        try body(all[positions[index]])
    }

    /// The chosen elements as an array: the list itself when every element is chosen.
    public var array: [Element] { positions.count == all.count ? all : positions.map { all[$0] } }
}

extension Selection: Sendable where Element: Sendable {}
