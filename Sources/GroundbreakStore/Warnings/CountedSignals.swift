import GroundbreakDomain

/// Every project's signals as a lighting reads them: each project's own, as kept between
/// computations (shared, not copied), and over them the few projects with overdue approval items
/// or problems past their deadline, counted in. Copying a province's 100,000 signals to count in a
/// few thousand retained every project's fields and freed them again after, for every lighting.
public struct CountedSignals: Sendable {
    let own: [ProjectSignals]
    /// The signals with their counts in, by their place in `own`, in order of place.
    let counted: [(at: Int, signals: ProjectSignals)]

    init(own: [ProjectSignals], counted: [(at: Int, signals: ProjectSignals)]) {
        self.own = own
        self.counted = counted
    }

    /// Signals with their counts in already (a narrower reach reads them so).
    public init(_ signals: [ProjectSignals]) {
        self.init(own: signals, counted: [])
    }

    public var count: Int { own.count }

    /// Each project's signals with its counts in, in order, read where they are held.
    public func forEach(_ body: (ProjectSignals) throws -> Void) rethrows {
        try own.withUnsafeBufferPointer { own in
            var next = 0
            for index in own.indices {
                if next < counted.count, counted[next].at == index {
                    try body(counted[next].signals)
                    next += 1
                } else {
                    try body(own[index])
                }
            }
        }
    }

    /// Every project's signals with its counts in, as one list.
    public var all: [ProjectSignals] {
        var all = own
        for (at, signals) in counted { all[at] = signals }
        return all
    }
}
