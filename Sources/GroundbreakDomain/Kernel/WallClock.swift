import Foundation

/// The time source every rule that depends on "now" receives, so tests can fix it.
public protocol WallClock: Sendable {
    func now() -> Date
}

extension WallClock {
    /// Today's date in China.
    public func today() -> Day {
        Day.inChina(now())
    }
}

public struct SystemWallClock: WallClock {
    public init() {}
    public func now() -> Date { Date() }
}

/// A clock that stands still, or moves only when told; for tests.
public final class FixedWallClock: WallClock, @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date

    public init(_ date: Date) {
        current = date
    }

    public func now() -> Date {
        lock.withLock { current }
    }

    public func advance(by seconds: TimeInterval) {
        lock.withLock { current = current.addingTimeInterval(seconds) }
    }

    public func set(_ date: Date) {
        lock.withLock { current = date }
    }
}

extension Day {
    /// China has kept UTC+8 all year since 1991, so the day is computed without a time-zone database.
    public static let chinaOffsetSeconds = 8 * 3600

    public static func inChina(_ date: Date) -> Day {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down)) + chinaOffsetSeconds
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        return Day(ordinal: days)
    }

    /// Midnight at the start of this day in China.
    public var startInChina: Date {
        Date(timeIntervalSince1970: TimeInterval(ordinal * 86_400 - Day.chinaOffsetSeconds))
    }
}
