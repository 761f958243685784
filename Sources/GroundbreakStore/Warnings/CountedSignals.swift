import GroundbreakDomain

/// Every project's signals as a lighting reads them: each project's own, as kept between
/// computations (shared, not copied), and over them the few projects with overdue approval items
/// or problems past their deadline, counted in. Copying a province's 100,000 signals to count in a
/// few thousand retained every project's fields and freed them again after, for every lighting.
public struct CountedSignals: Sendable {
    let own: [ProjectSignals]
    /// The places in `own` that have signals with their counts in, in order, and those signals.
    private let countedAt: [Int]
    private let countedSignals: [ProjectSignals]

    init(own: [ProjectSignals], counted: [(at: Int, signals: ProjectSignals)]) {
        self.own = own
        countedAt = counted.map(\.at)
        countedSignals = counted.map(\.signals)
    }

    /// Signals with their counts in already (a narrower reach reads them so).
    public init(_ signals: [ProjectSignals]) {
        self.init(own: signals, counted: [])
    }

    public var count: Int { own.count }

    /// Each project's signals with its counts in, in order, handed over where they are held: a
    /// value handed to the body is copied first, retaining everything a project holds, and at a
    /// province's 100,000 that copy was a sixth of what the ranking's writer waited for.
    public func forEachHeld(_ body: (UnsafePointer<ProjectSignals>) throws -> Void) rethrows {
        try own.withUnsafeBufferPointer { own in
            try countedSignals.withUnsafeBufferPointer { counted in
                var next = 0
                for index in own.indices {
                    if next < countedAt.count, countedAt[next] == index {
                        try body(counted.baseAddress! + next)
                        next += 1
                    } else {
                        try body(own.baseAddress! + index)
                    }
                }
            }
        }
    }

    /// Every project's signals with its counts in, as one list.
    public var all: [ProjectSignals] {
        var all = own
        for (at, signals) in zip(countedAt, countedSignals) { all[at] = signals }
        return all
    }
}
