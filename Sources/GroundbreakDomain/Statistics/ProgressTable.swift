import Foundation

/// 重点项目推进情况表: each listed project's plan for the year, this month's and the year's
/// completed investment (调度口径), its share of the plan, its progress and its open problems,
/// grouped with subtotals as officials print it. Every sum and share is computed here, once.
public struct ProgressTable: Sendable, Equatable {
    public enum Grouping: String, Sendable, CaseIterable {
        case region, scheme, band
    }

    public struct Line: Sendable, Equatable {
        public var projectId: Int64
        public var name: String
        public var regionCode: String
        public var className: String?
        public var total: Money
        public var plan: Money?
        /// This month's completed investment; nil when the month was not reported.
        public var month: Money?
        /// January through the month.
        public var cumulative: Money
        public var progressText: String
        public var problems: [String]

        public init(projectId: Int64, name: String, regionCode: String, className: String?, total: Money, plan: Money?, month: Money?,
                    cumulative: Money, progressText: String, problems: [String]) {
            self.projectId = projectId
            self.name = name
            self.regionCode = regionCode
            self.className = className
            self.total = total
            self.plan = plan
            self.month = month
            self.cumulative = cumulative
            self.progressText = progressText
            self.problems = problems
        }

        public var percentOfPlan: Double? { Totals.percent(cumulative, of: plan) }
    }

    public struct Totals: Sendable, Equatable {
        public var count = 0
        public var total = Money.zero
        public var plan = Money.zero
        public var month = Money.zero
        public var cumulative = Money.zero

        public init() {}

        public init(_ lines: [Line]) {
            count = lines.count
            for line in lines {
                total = total + line.total
                plan = plan + (line.plan ?? .zero)
                month = month + (line.month ?? .zero)
                cumulative = cumulative + line.cumulative
            }
        }

        public var percentOfPlan: Double? { Self.percent(cumulative, of: plan) }

        /// Completed as a share of the plan, in per cent; none without a plan.
        static func percent(_ done: Money, of plan: Money?) -> Double? {
            guard let plan, plan > .zero else { return nil }
            return Double(done.yuan) / Double(plan.yuan) * 100
        }
    }

    public struct Group: Sendable, Equatable {
        public var title: String
        public var lines: [Line]
        public var totals: Totals
    }

    public var groups: [Group]
    public var totals: Totals

    /// Groups `lines` by region (in `regionOrder`), by scheme class (in `classOrder`, then those
    /// without one) or by size band (`bands`, largest first, then below the smallest); within a
    /// group, largest total investment first.
    public static func build(_ lines: [Line], grouping: Grouping, regionName: (String) -> String, regionOrder: [String], classOrder: [String],
                             bands: [Money], belowBands: String, noClass: String) -> ProgressTable {
        let sorted = lines.sorted { ($0.total, $1.name) > ($1.total, $0.name) }
        var groups: [Group] = []
        func add(_ title: String, _ members: [Line]) {
            if !members.isEmpty { groups.append(Group(title: title, lines: members, totals: Totals(members))) }
        }
        switch grouping {
        case .region:
            let present = Set(sorted.map(\.regionCode))
            let order = regionOrder.filter(present.contains) + present.subtracting(regionOrder).sorted()
            for code in order { add(regionName(code), sorted.filter { $0.regionCode == code }) }
        case .scheme:
            for name in classOrder { add(name, sorted.filter { $0.className == name }) }
            add(noClass, sorted.filter { $0.className.map { !classOrder.contains($0) } ?? true })
        case .band:
            let descending = bands.sorted(by: >)
            var rest = sorted
            for minimum in descending {
                add(StatisticsText.band(minimum), rest.filter { $0.total >= minimum })
                rest.removeAll { $0.total >= minimum }
            }
            add(belowBands, rest)
        }
        return ProgressTable(groups: groups, totals: Totals(lines))
    }
}
