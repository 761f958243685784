import Foundation

/// A filtered, sorted page of the ledger, as the ledger page and `GET /api/v1/projects` ask for it.
public struct ProjectQuery: Sendable, Equatable {
    public enum SortKey: String, Sendable, CaseIterable {
        case name, code, totalInvestment, plannedStart, actualStart, updatedAt, stage, region
    }

    /// Region code; the filter covers the region and everything below it.
    public var regionCode: String?
    /// Zone code; covers the zone and the zones inside it.
    public var zoneCode: String?
    public var stages: [Stage] = []
    /// Category code; a first-level category covers its children.
    public var categoryCode: String?
    public var industrySection: String?
    public var industryDivision: String?
    /// Size band code: projects at or above the band's minimum ("以上").
    public var sizeBand: String?
    public var level: ProjectLevel?
    public var tag: String?
    public var leadDepartmentCode: String?
    public var minInvestment: Money?
    public var maxInvestment: Money?
    /// Matches name, project code or owner.
    public var text: String?
    public var nature: YearActivity?
    /// The year `nature` refers to; the current year when absent.
    public var natureYear: Int?
    /// A class of a unit's scheme (口径).
    public var schemeClassId: Int64?
    /// Only projects with fields still 待补充.
    public var owed = false
    /// Only the projects on a year list (年度重点项目计划).
    public var yearListId: Int64?
    /// The light the daily record last gave (红黄绿灯), for projects still lit.
    public var light: WarningColour?

    public var sort: SortKey = .totalInvestment
    public var descending = true
    public var page = 1
    /// The highest page number accepted anywhere: offsets stay far from overflow.
    public static let maxPage = 1_000_000
    public var perPage = 50

    public static let maxPerPage = 500
    public static let perPageChoices = [20, 50, 100, 200]

    public init() {}

    /// The query-string keys, shared by the API and the ledger page.
    public enum Key: String, CaseIterable, Sendable {
        case region, zone, stage, category, section, division, sizeBand, level, tag, leadDepartment
        case minWan, maxWan, q, nature, year, sort, order, page, perPage
        case schemeClass = "class", owed, yearList = "list", light
    }

    /// Reads a query string. Unknown keys are ignored; bad values are reported, not guessed.
    public static func parse(_ items: [(String, String)]) -> Result<ProjectQuery, ValidationFailure> {
        var query = ProjectQuery()
        var errors: [FieldError] = []
        for (rawKey, rawValue) in items {
            let value = Self.trimmed(rawValue)
            guard let key = Key(rawValue: rawKey), !value.isEmpty else { continue }
            switch key {
            case .region: query.regionCode = value
            case .zone: query.zoneCode = value
            case .stage:
                for part in value.split(separator: ",") {
                    if let stage = Stage(rawValue: String(part)) { if !query.stages.contains(stage) { query.stages.append(stage) } }
                    else { errors.append(FieldError(key.rawValue, .unknownCode(field: "stage", code: String(part)))) }
                }
            case .category: query.categoryCode = value
            case .section: query.industrySection = value.uppercased()
            case .division: query.industryDivision = value
            case .sizeBand: query.sizeBand = value
            case .level:
                if let level = ProjectLevel(rawValue: value) { query.level = level }
                else { errors.append(FieldError(key.rawValue, .unknownCode(field: "levels", code: value))) }
            case .tag: query.tag = value
            case .leadDepartment: query.leadDepartmentCode = value
            case .minWan, .maxWan:
                switch Money.parse(value, unit: .wan) {
                case .success(let money): if key == .minWan { query.minInvestment = money } else { query.maxInvestment = money }
                case .failure(let error): errors.append(FieldError(key.rawValue, .money(error)))
                }
            case .q: query.text = String(value.prefix(100))
            case .nature:
                if let nature = YearActivity(rawValue: value) { query.nature = nature }
                else { errors.append(FieldError(key.rawValue, .unknownCode(field: "nature", code: value))) }
            case .year:
                if let year = Int(value), (2000...2100).contains(year) { query.natureYear = year }
                else { errors.append(FieldError(key.rawValue, .unknownCode(field: "year", code: value))) }
            case .schemeClass:
                if let id = Int64(value), id > 0 { query.schemeClassId = id }
                else { errors.append(FieldError("class", .unknownCode(field: "scheme", code: String(value.prefix(20))))) }
            case .yearList:
                if let id = Int64(value), id > 0 { query.yearListId = id }
                else { errors.append(FieldError("list", .unknownCode(field: "list", code: String(value.prefix(20))))) }
            case .light:
                if let colour = WarningColour(rawValue: value) { query.light = colour }
                else { errors.append(FieldError(key.rawValue, .unknownCode(field: "light", code: String(value.prefix(20))))) }
            case .owed:
                switch value {
                case "true", "1": query.owed = true
                case "false", "0": query.owed = false
                default: errors.append(FieldError(key.rawValue, .unknownCode(field: "owed", code: String(value.prefix(20)))))
                }
            case .sort:
                if let sort = SortKey(rawValue: value) { query.sort = sort }
                else { errors.append(FieldError(key.rawValue, .unknownCode(field: "sort", code: value))) }
            case .order:
                switch value {
                case "asc": query.descending = false
                case "desc": query.descending = true
                default: errors.append(FieldError(key.rawValue, .unknownCode(field: "order", code: value)))
                }
            case .page:
                if let page = Int(value), page >= 1, page <= Self.maxPage { query.page = page }
                else { errors.append(FieldError(key.rawValue, .unknownCode(field: "page", code: value))) }
            case .perPage:
                if let perPage = Int(value), (1...maxPerPage).contains(perPage) { query.perPage = perPage }
                else { errors.append(FieldError(key.rawValue, .unknownCode(field: "perPage", code: value))) }
            }
        }
        return errors.isEmpty ? .success(query) : .failure(ValidationFailure(errors))
    }

    /// `value` without surrounding whitespace. Foundation's trimming is looked past when both ends
    /// are printable ASCII — nearly every value — since it was a visible part of reading a query.
    static func trimmed(_ value: String) -> String {
        guard let first = value.utf8.first, let last = value.utf8.last else { return value }
        func printable(_ byte: UInt8) -> Bool { byte > 0x20 && byte < 0x7F }
        return printable(first) && printable(last) ? value : value.trimmingCharacters(in: .whitespaces)
    }

    /// The query string that reproduces this query; defaults are left out.
    public var items: [(String, String)] {
        var items: [(String, String)] = []
        func add(_ key: Key, _ value: String?) { if let value, !value.isEmpty { items.append((key.rawValue, value)) } }
        add(.region, regionCode)
        add(.zone, zoneCode)
        add(.stage, stages.isEmpty ? nil : stages.map(\.rawValue).joined(separator: ","))
        add(.category, categoryCode)
        add(.section, industrySection)
        add(.division, industryDivision)
        add(.sizeBand, sizeBand)
        add(.level, level?.rawValue)
        add(.tag, tag)
        add(.leadDepartment, leadDepartmentCode)
        add(.minWan, minInvestment?.exactWanText)
        add(.maxWan, maxInvestment?.exactWanText)
        add(.q, text)
        add(.nature, nature?.rawValue)
        add(.year, natureYear.map(String.init))
        add(.schemeClass, schemeClassId.map(String.init))
        add(.owed, owed ? "true" : nil)
        add(.yearList, yearListId.map(String.init))
        add(.light, light?.rawValue)
        let defaults = ProjectQuery()
        if sort != defaults.sort { add(.sort, sort.rawValue) }
        if descending != defaults.descending { add(.order, descending ? "desc" : "asc") }
        if page != 1 { add(.page, String(page)) }
        if perPage != defaults.perPage { add(.perPage, String(perPage)) }
        return items
    }
}

/// One page of the ledger with the figures of the whole filtered set.
public struct ProjectPage: Sendable {
    public var projects: [Project]
    /// Projects in the whole filtered set, not just this page.
    public var totalCount: Int
    /// Total investment of the whole filtered set.
    public var totalInvestment: Money
    /// Count and investment per stage over the whole filtered set.
    public var byStage: [Stage: StageTotals]
    public var page: Int
    public var perPage: Int
    /// The ledger generation the page was read at; any change to projects makes a new one.
    public var generation: Int64 = 0

    public struct StageTotals: Sendable, Equatable {
        public var count: Int
        public var investment: Money

        public init(count: Int, investment: Money) {
            self.count = count
            self.investment = investment
        }
    }

    public init(projects: [Project], totalCount: Int, totalInvestment: Money, byStage: [Stage: StageTotals], page: Int, perPage: Int) {
        self.projects = projects
        self.totalCount = totalCount
        self.totalInvestment = totalInvestment
        self.byStage = byStage
        self.page = page
        self.perPage = perPage
    }

    public var pageCount: Int {
        max(1, (totalCount + perPage - 1) / perPage)
    }
}
