import Foundation

/// What a ledger file says as a whole: whose list it is, for which year and threshold, and the
/// unit's own scheme its class column is read in (from the title row, the headers, or the importer).
public struct LedgerFile: Sendable, Equatable {
    public var regionCode: String?
    public var year: Int?
    /// Where the year came from, so the preview can ask to confirm a guessed one.
    public var yearSource: YearSource?
    public var threshold: Money?
    public var level: ProjectLevel?
    public var title: String
    /// The unit's scheme the class column is read in (named by the column's header).
    public var schemeName: String?
    /// Classes the scheme did not know: added on commit, marked 待确认.
    public var newClasses: [String]
    /// New projects with fields still 待补充.
    public var owedRows = 0

    public enum YearSource: String, Sendable, Equatable, CaseIterable { case header, title, chosen, assumed }

    public init(regionCode: String? = nil, year: Int? = nil, yearSource: YearSource? = nil, threshold: Money? = nil, level: ProjectLevel? = nil,
                title: String = "", schemeName: String? = nil, newClasses: [String] = []) {
        self.regionCode = regionCode
        self.year = year
        self.yearSource = yearSource
        self.threshold = threshold
        self.level = level
        self.title = title
        self.schemeName = schemeName
        self.newClasses = newClasses
    }

    /// The year list the file's statements go on.
    public var yearList: YearList? {
        guard let regionCode, let year else { return nil }
        return YearList(regionCode: regionCode, year: year, threshold: threshold ?? .zero, level: level, title: title)
    }
}

/// A project's line on the year's list as a file states it.
public struct YearStatement: Sendable, Equatable {
    public var nature: ListNature?
    public var plannedInvestment: Money?

    public init(nature: ListNature?, plannedInvestment: Money?) {
        self.nature = nature
        self.plannedInvestment = plannedInvestment
    }
}

/// One ledger row's writes: the project (nil when it is unchanged), its class in the file's
/// scheme, and its statement for the file's year.
public struct LedgerWrite: Sendable, Equatable {
    public var row: Int
    public var project: ProjectWrite?
    /// The stored project the row matched, when there is one.
    public var projectId: Int64?
    public var className: String?
    public var statement: YearStatement?

    public init(row: Int, project: ProjectWrite?, projectId: Int64?, className: String?, statement: YearStatement?) {
        self.row = row
        self.project = project
        self.projectId = projectId
        self.className = className
        self.statement = statement
    }
}
