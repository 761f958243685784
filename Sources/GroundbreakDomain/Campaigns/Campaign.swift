import Foundation

/// 集中开工 as data (`campaigns.json`): the seasons' usual days and the year's start targets.
public struct CampaignCatalog: Sendable, Codable, Equatable {
    public struct Season: Sendable, Codable, Equatable {
        public var code: String
        public var name: String
        public var month: Int
        public var day: Int
        public var note: String

        public init(code: String, name: String, month: Int, day: Int, note: String) {
            self.code = code
            self.name = name
            self.month = month
            self.day = day
            self.note = note
        }
    }

    /// New starts of at least `minimumYuan` from 1 January to the day, against a count (seed 001 §28).
    public struct Target: Sendable, Codable, Equatable {
        public var code: String
        public var name: String
        public var throughMonth: Int
        public var throughDay: Int
        public var minimumYuan: Int64
        public var count: Int

        public init(code: String, name: String, throughMonth: Int, throughDay: Int, minimumYuan: Int64, count: Int) {
            self.code = code
            self.name = name
            self.throughMonth = throughMonth
            self.throughDay = throughDay
            self.minimumYuan = minimumYuan
            self.count = count
        }

        public func through(_ year: Int) -> Day? { Day(year: year, month: throughMonth, day: throughDay) }
    }

    public var source: String
    public var seasons: [Season]
    public var targets: [Target]

    public init(source: String, seasons: [Season], targets: [Target]) {
        self.source = source
        self.seasons = seasons
        self.targets = targets
    }

    public func season(_ code: String) -> Season? { seasons.first { $0.code == code } }

    public var problems: [String] {
        var problems: [String] = []
        if seasons.isEmpty { problems.append("no seasons") }
        for season in seasons where Day(year: 2026, month: season.month, day: season.day) == nil { problems.append("\(season.code): no such day") }
        for target in targets where target.through(2026) == nil || target.count <= 0 { problems.append("\(target.code): bad day or count") }
        return problems
    }
}

/// A 集中开工 batch: its year and season, the day it is held, the unit holding it (the city or a
/// district), and the projects planned to start in it.
public struct Campaign: Sendable, Codable, Equatable, Identifiable {
    public var id: Int64
    public var year: Int
    public var season: String
    public var name: String
    public var heldOn: Day
    public var unit: OrgUnit?
    public var note: String
    public var projectIds: [Int64]

    public init(id: Int64 = 0, year: Int, season: String, name: String, heldOn: Day, unit: OrgUnit? = nil, note: String = "", projectIds: [Int64] = []) {
        self.id = id
        self.year = year
        self.season = season
        self.name = name
        self.heldOn = heldOn
        self.unit = unit
        self.note = note
        self.projectIds = projectIds
    }
}

/// What may be kept for a batch, and the start targets read from projects.
public enum CampaignRules {
    public static func problems(_ campaign: Campaign, catalog: CampaignCatalog, reference: ReferenceCatalog) -> [FieldError] {
        var errors: [FieldError] = []
        if campaign.name.isEmpty { errors.append(FieldError("name", .required(field: "name"))) }
        if campaign.name.count > 100 { errors.append(FieldError("name", .tooLong(field: "name", max: 100))) }
        if catalog.season(campaign.season) == nil {
            errors.append(FieldError("season", campaign.season.isEmpty ? .required(field: "season") : .unknownCode(field: "season", code: String(campaign.season.prefix(20)))))
        }
        if campaign.heldOn.year != campaign.year { errors.append(FieldError("heldOn", .fixed(CampaignText.heldInYear))) }
        if let unit = campaign.unit, reference.districtOrZone(unit.text) == nil {
            errors.append(FieldError("unit", .unknownCode(field: "unit", code: String(unit.text.prefix(40)))))
        }
        if campaign.note.count > 500 { errors.append(FieldError("note", .tooLong(field: "note", max: 500))) }
        return errors
    }

    /// New starts counting toward `target` in `year`: started from 1 January to the target's day
    /// (and not after `today`), of at least its amount.
    public static func counted(_ projects: [Project], target: CampaignCatalog.Target, year: Int, today: Day) -> [Project] {
        guard let through = target.through(year) else { return [] }
        return started(projects, year: year, through: min(through, today), minimumYuan: target.minimumYuan)
    }

    /// Projects of at least `minimumYuan` started from 1 January of `year` to `through`.
    public static func started(_ projects: [Project], year: Int, through: Day, minimumYuan: Int64) -> [Project] {
        projects.filter { hasStarted($0, year: year, through: through, minimumYuan: minimumYuan) }
    }

    /// Whether `project` started in `year`, by `through`, with at least `minimumYuan` invested.
    public static func hasStarted(_ project: Project, year: Int, through: Day, minimumYuan: Int64) -> Bool {
        hasStarted(actualStart: project.fields.actualStart, totalYuan: project.fields.totalInvestment.yuan, year: year, through: through, minimumYuan: minimumYuan)
    }

    /// The same rule on what it reads of a project (a kept `GroundworkPart`).
    static func hasStarted(actualStart: Day?, totalYuan: Int64, year: Int, through: Day, minimumYuan: Int64) -> Bool {
        guard let start = actualStart else { return false }
        return start.year == year && start <= through && totalYuan >= minimumYuan
    }
}

/// The batch's words, zh-CN.
public enum CampaignText {
    static let heldInYear = "举办日期须在所选年度内"
    public static let notFound = "项目不在清单中"
    public static let already = "项目已在清单中"
}
