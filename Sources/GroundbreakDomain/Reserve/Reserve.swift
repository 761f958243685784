import Foundation

/// The reserve libraries' rules as data (`reserve_rules.json`): the two levels, the five sources
/// a planned project comes from (seed 001 §10–14), the maturity grades, the designations with
/// their minimums (龙头 per district, 标志性 per department — read from the projects' tags), and
/// the rolling reserve's bands.
public struct ReserveRules: Sendable, Codable, Equatable {
    public struct Code: Sendable, Codable, Equatable {
        public var code: String
        public var name: String

        public init(code: String, name: String) {
            self.code = code
            self.name = name
        }
    }

    /// A designation is a project tag; each district (`per: region`) or department (`per:
    /// department`) should have at least `minimum` such reserve projects.
    public struct Designation: Sendable, Codable, Equatable {
        public var tag: String
        public var name: String
        public var per: String
        public var minimum: Int

        public init(tag: String, name: String, per: String, minimum: Int) {
            self.tag = tag
            self.name = name
            self.per = per
            self.minimum = minimum
        }
    }

    /// A band of the rolling reserve (亿元以上 …): projects of at least `minimumYuan`; the city's
    /// target where the data gives one (seed 001: 亿元以上 more than 1,000).
    public struct Band: Sendable, Codable, Equatable {
        public var code: String
        public var name: String
        public var minimumYuan: Int64
        public var cityCount: Int?

        public init(code: String, name: String, minimumYuan: Int64, cityCount: Int? = nil) {
            self.code = code
            self.name = name
            self.minimumYuan = minimumYuan
            self.cityCount = cityCount
        }
    }

    public var source: String
    public var levels: [Code]
    public var sources: [Code]
    public var grades: [Code]
    public var designations: [Designation]
    public var bands: [Band]

    public init(source: String, levels: [Code], sources: [Code], grades: [Code], designations: [Designation], bands: [Band]) {
        self.source = source
        self.levels = levels
        self.sources = sources
        self.grades = grades
        self.designations = designations
        self.bands = bands
    }

    /// The seed's headline band (the first with a city target): the reserve page's tile.
    public var headline: Band? { bands.first { $0.cityCount != nil } ?? bands.first }

    public func name(_ code: String, in list: [Code]) -> String { list.first { $0.code == code }?.name ?? code }

    public var problems: [String] {
        var problems: [String] = []
        if levels.map(\.code) != ["county", "city"] { problems.append("levels must be county then city") }
        if sources.isEmpty || grades.isEmpty { problems.append("no sources or grades") }
        if bands.isEmpty || Set(bands.map(\.code)).count != bands.count { problems.append("bands missing or repeated") }
        for designation in designations where !["region", "department"].contains(designation.per) { problems.append("\(designation.tag): per must be region or department") }
        return problems
    }
}

/// A project's entry in a reserve library (谋划储备): the level, where it came from, its grade,
/// the 谋划 note, when it entered and when it was promoted to the city's library.
public struct ReserveEntry: Sendable, Codable, Equatable {
    public var projectId: Int64
    public var level: String
    public var source: String
    public var grade: String
    public var note: String
    public var enteredOn: Day
    public var promotedOn: Day?
    /// 0 until kept.
    public var version: Int

    public init(projectId: Int64, level: String = "county", source: String, grade: String, note: String, enteredOn: Day, promotedOn: Day? = nil, version: Int = 0) {
        self.projectId = projectId
        self.level = level
        self.source = source
        self.grade = grade
        self.note = note
        self.enteredOn = enteredOn
        self.promotedOn = promotedOn
        self.version = version
    }
}

public enum ReserveRulesCheck {
    /// What may be kept: a known level, source and grade, a 谋划 note, a day not in the future, a
    /// project not yet started.
    public static func problems(_ entry: ReserveEntry, project: Project, rules: ReserveRules, today: Day) -> [FieldError] {
        var errors: [FieldError] = []
        if !rules.levels.contains(where: { $0.code == entry.level }) { errors.append(FieldError("level", .unknownCode(field: "level", code: String(entry.level.prefix(20))))) }
        if !rules.sources.contains(where: { $0.code == entry.source }) {
            errors.append(FieldError("source", entry.source.isEmpty ? .required(field: "source") : .unknownCode(field: "source", code: String(entry.source.prefix(20)))))
        }
        if !rules.grades.contains(where: { $0.code == entry.grade }) {
            errors.append(FieldError("grade", entry.grade.isEmpty ? .required(field: "grade") : .unknownCode(field: "grade", code: String(entry.grade.prefix(20)))))
        }
        if entry.note.isEmpty { errors.append(FieldError("note", .fixed(ReserveText.noteRequired))) }
        if entry.note.count > 1000 { errors.append(FieldError("note", .tooLong(field: "note", max: 1000))) }
        if entry.enteredOn > today { errors.append(FieldError("enteredOn", .dateInFuture)) }
        if project.fields.actualStart != nil || ![.reserve, .attraction, .approval].contains(project.effectiveStage) {
            errors.append(FieldError("projectId", .fixed(ReserveText.alreadyStarted)))
        }
        return errors
    }
}

/// The reserve read for a reach: its size, each unit's designations against their
/// minimums, and the conversion of each year's entries into starts.
public struct ReserveFigures: Sendable, Equatable {
    public struct UnitDesignation: Sendable, Equatable {
        public var unit: OrgUnit
        public var tag: String
        public var count: Int
        public var minimum: Int
        public var met: Bool { count >= minimum }
    }

    public struct Conversion: Sendable, Equatable {
        public var year: Int
        public var entered: Int
        public var started: Int
        public var percent: Double? { entered > 0 ? Double(started) / Double(entered) * 100 : nil }
    }

    /// Projects in the reserve on the day (entered, not started, not cancelled) and their total;
    /// the bands against their targets are `GroundworkTargets`' readings.
    public var reserveCount: Int
    public var reserveAmount: Money
    public var designations: [UnitDesignation]
    public var conversion: [Conversion]

    /// `projects` by id, the entries of the reach, the units to check (districts, departments).
    public init(entries: [ReserveEntry], projects: [Int64: Project], rules: ReserveRules, regions: [OrgUnit], departments: [OrgUnit], catalog: ReferenceCatalog, on day: Day) {
        let waiting = entries.compactMap { entry in projects[entry.projectId].flatMap { entry.isWaiting($0, on: day) ? $0 : nil } }
        reserveCount = waiting.count
        reserveAmount = waiting.reduce(.zero) { $0 + $1.fields.totalInvestment }
        designations = rules.designations.flatMap { designation in
            let units = designation.per == "region" ? regions : departments
            return units.map { unit in
                let count = waiting.filter { project in
                    project.fields.tags.contains(designation.tag) && (unit.kind == .department ? project.fields.leadDepartmentCode == unit.code
                                                                                                : unit.targetUnit.contains(project, catalog: catalog))
                }.count
                return UnitDesignation(unit: unit, tag: designation.tag, count: count, minimum: designation.minimum)
            }
        }
        let byYear = Dictionary(grouping: entries, by: \.enteredOn.year)
        conversion = byYear.keys.sorted().map { year in
            let yearEntries = byYear[year] ?? []
            return Conversion(year: year, entered: yearEntries.count, started: yearEntries.filter { projects[$0.projectId]?.fields.actualStart != nil }.count)
        }
    }
}

public enum ReserveText {
    static let noteRequired = "请填写谋划情况（建设内容、规模、选址和推进设想）"
    static let alreadyStarted = "已开工的项目不再进入储备库"
    public static let alreadyCity = "项目已在市级储备库"
    public static let notInReserve = "项目不在储备库中"
}
