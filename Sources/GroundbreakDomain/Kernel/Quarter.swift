import Foundation

/// A calendar quarter (季度): what the 包保专报 reports on (seed 001 §30: 每季度形成领导包保情况专报).
public struct Quarter: Sendable, Hashable {
    public var year: Int
    /// 1 to 4.
    public var number: Int

    public init(_ month: Month) {
        year = month.year
        number = (month.month - 1) / 3 + 1
    }

    public init(_ day: Day) {
        self.init(Month(day))
    }

    public var firstMonth: Month { Month(year: year, month: number * 3 - 2)! }
    public var lastMonth: Month { Month(year: year, month: number * 3)! }
    public var firstDay: Day { firstMonth.firstDay }
    public var lastDay: Day { lastMonth.lastDay }

    public func contains(_ day: Day) -> Bool { day >= firstDay && day <= lastDay }

    /// `2026年第4季度`.
    public var label: String { PortfolioText.quarter(year, number) }
}
