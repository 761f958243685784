import Foundation

/// The counts behind a statistics paragraph: a unit's list for a year, and the same figures for
/// the previous year's list where there is one.
public struct StatisticsFigures: Sendable, Equatable {
    public struct Band: Sendable, Equatable {
        public var minimum: Money
        public var count: Int
        public var previousCount: Int?

        public init(minimum: Money, count: Int, previousCount: Int? = nil) {
            self.minimum = minimum
            self.count = count
            self.previousCount = previousCount
        }
    }

    public struct Group: Sendable, Equatable {
        /// How the dimension is named: `产业类别`, `建设进度`.
        public var dimension: String
        public var items: [(name: String, count: Int)]

        public init(dimension: String, items: [(name: String, count: Int)]) {
            self.dimension = dimension
            self.items = items
        }

        public static func == (lhs: Group, rhs: Group) -> Bool {
            lhs.dimension == rhs.dimension && lhs.items.map(\.name) == rhs.items.map(\.name) && lhs.items.map(\.count) == rhs.items.map(\.count)
        }
    }

    public struct Named: Sendable, Equatable {
        public var name: String
        public var total: Money

        public init(name: String, total: Money) {
            self.name = name
            self.total = total
        }
    }

    public var unitName: String
    public var year: Int
    public var threshold: Money
    public var count: Int
    /// The previous year's list's count, shown on the page beside the paragraph.
    public var previousCount: Int?
    public var total: Money
    public var bands: [Band]
    /// Per scheme and then by construction nature, in the order the paragraph names them.
    public var groups: [Group]
    /// The largest projects, named in the closing sentence when asked for.
    public var largest: [Named]

    public init(unitName: String, year: Int, threshold: Money, count: Int, previousCount: Int? = nil, total: Money,
                bands: [Band] = [], groups: [Group] = [], largest: [Named] = []) {
        self.unitName = unitName
        self.year = year
        self.threshold = threshold
        self.count = count
        self.previousCount = previousCount
        self.total = total
        self.bands = bands
        self.groups = groups
        self.largest = largest
    }
}

/// How a paragraph is written; the two shapes the seeds print.
public struct ParagraphStyle: Sendable, Equatable, Codable {
    public enum Shape: String, Sendable, Codable, CaseIterable {
        /// `实施3000万元以上重点项目101个，总投资914亿元。按投资规模看，…；按产业类别看，…。` (seed 004)
        case byDimension
        /// `共建设5000万元以上项目1315个，其中亿元以上项目1117个，同比增加5个，…。` (seed 002)
        case among
    }

    public var shape: Shape
    /// Name the total investment after the count.
    public var showTotal: Bool
    /// Projects named in the closing `包括…等重大项目` sentence (0: none).
    public var namedLargest: Int

    public init(shape: Shape = .byDimension, showTotal: Bool = true, namedLargest: Int = 0) {
        self.shape = shape
        self.showTotal = showTotal
        self.namedLargest = namedLargest
    }
}
