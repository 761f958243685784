import Foundation

/// One measure at the front of the chain a unit is held to beside its indicators: the rolling
/// reserve of one band (a stock on a day), the new starts by a campaign target's day, or the
/// money issued from above against last year (the seed's "高于上年").
public struct GroundworkMeasure: Sendable, Equatable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case reserve, starts, funding
    }

    /// `reserve:100m`, `starts:firstHalf`, `funding:issued`.
    public var code: String
    public var kind: Kind
    public var name: String
    /// Projects counted are of at least this total investment (none for funding).
    public var minimumYuan: Int64
    /// The last day counted in the year (start targets), else nil (counted to the reading's day).
    public var through: Day?
    /// The city's target when the centre has set none (from the data files), else nil.
    public var cityCount: Int?
    /// Whether a target may be set on the targets page (funding is held to last year instead).
    public var settable: Bool { kind != .funding }
}

/// A unit's target for one settable measure and year, set on the targets page (count, amount or
/// both; neither clears it).
public struct GroundworkTarget: Sendable, Codable, Equatable {
    public var unit: TargetUnit
    public var year: Int
    public var measure: String
    public var count: Int?
    public var amount: Money?

    public init(unit: TargetUnit, year: Int, measure: String, count: Int?, amount: Money?) {
        self.unit = unit
        self.year = year
        self.measure = measure
        self.count = count
        self.amount = amount
    }

    public static let maxCount = 1_000_000

    public func problems(measures: [GroundworkMeasure], reference: ReferenceCatalog) -> [FieldError] {
        var errors: [FieldError] = []
        if !unit.isKnown(reference) { errors.append(FieldError("unit", .unknownCode(field: "unit", code: String(unit.text.prefix(40))))) }
        if !Day.plausibleYears.contains(year) {
            errors.append(FieldError("year", .numberOutOfRange(field: "year", min: "\(Day.plausibleYears.lowerBound)", max: "\(Day.plausibleYears.upperBound)")))
        }
        if !measures.contains(where: { $0.code == measure && $0.settable }) {
            errors.append(FieldError("measure", .unknownCode(field: "measure", code: String(measure.prefix(40)))))
        }
        if let count, !(0...Self.maxCount).contains(count) {
            errors.append(FieldError("count", .numberOutOfRange(field: "count", min: "0", max: "\(Self.maxCount)")))
        }
        if let amount, amount.yuan < 0 { errors.append(FieldError("amount", .money(.negative))) }
        return errors
    }
}

/// A unit's figure for one measure on a day, against its target.
public struct GroundworkReading: Sendable, Equatable {
    public enum TargetSource: String, Sendable, Codable, CaseIterable {
        /// Set on the targets page for this unit and year.
        case set
        /// The city's figure from the data files (no target set).
        case data
        /// Last year to the same day (funding).
        case lastYear
        case none
    }

    public var measure: GroundworkMeasure
    /// The day the figure is read to: the month's last day, not after today nor the measure's day.
    public var asOf: Day
    public var count: Int
    public var amount: Money
    public var targetCount: Int?
    public var targetAmount: Money?
    public var targetSource: TargetSource

    /// Whether the target is reached: every part set is (funding: both above last year).
    public var met: Bool? {
        guard targetSource != .none, targetCount != nil || targetAmount != nil else { return nil }
        if targetSource == .lastYear {
            return count > (targetCount ?? 0) && amount > (targetAmount ?? .zero)
        }
        return (targetCount.map { count >= $0 } ?? true) && (targetAmount.map { amount >= $0 } ?? true)
    }

    /// The count as a percentage of its target (nil without one, or for funding).
    public var countPercent: Double? {
        guard targetSource != .lastYear, let targetCount, targetCount > 0 else { return nil }
        return Double(count) / Double(targetCount) * 100
    }

    /// The sentence the page, the workbook and the API share.
    public var sentence: String { GroundworkText.sentence(self) }
}

/// The measures, and a unit's readings of them, in one place for the targets page, its workbook
/// and its API, and the reserve and campaign pages' target tiles.
public enum GroundworkTargets {
    public static func measures(reserve: ReserveRules, campaigns: CampaignCatalog, year: Int) -> [GroundworkMeasure] {
        reserve.bands.map { band in
            GroundworkMeasure(code: "reserve:\(band.code)", kind: .reserve, name: band.name, minimumYuan: band.minimumYuan, through: nil, cityCount: band.cityCount)
        } + campaigns.targets.map { target in
            GroundworkMeasure(code: "starts:\(target.code)", kind: .starts, name: target.name, minimumYuan: target.minimumYuan, through: target.through(year),
                              cityCount: target.count)
        } + [GroundworkMeasure(code: "funding:issued", kind: .funding, name: GroundworkText.fundingIssued, minimumYuan: 0, through: nil, cityCount: nil)]
    }

    /// The target a unit is held to for `measure`: the one set for it, else the city's from the data.
    public static func target(_ measure: GroundworkMeasure, set: [GroundworkTarget], isCity: Bool) -> (count: Int?, amount: Money?, source: GroundworkReading.TargetSource) {
        if let own = set.first(where: { $0.measure == measure.code }), own.count != nil || own.amount != nil { return (own.count, own.amount, .set) }
        if isCity, let count = measure.cityCount { return (count, nil, .data) }
        return (nil, nil, .none)
    }

    /// A unit's readings on `day` (through the end of `month`, not after `today`), of the unit's
    /// projects the reader sees: `reserved`, the reserve entries' projects by id; `started`, the
    /// projects under construction, in operation or suspended (any that did not start in the
    /// year are not counted, so a caller may pass more); `entries` the reserve entries; `funding`
    /// the unit's applications compared with last year to that day.
    public static func readings(measures: [GroundworkMeasure], year: Int, asOf day: Day, reserved: [Int64: Project], started: [Project],
                                entries: [ReserveEntry], funding: FundingComparison?, set: [GroundworkTarget], isCity: Bool) -> [GroundworkReading] {
        readings(measures: measures, year: year, asOf: day, parts: parts(reserved: reserved, started: started, entries: entries), funding: funding, set: set, isCity: isCity)
    }

    /// Each project's part: its entry when it is among `reserved`, a start counted when it is among `started`.
    public static func parts(reserved: [Int64: Project], started: [Project], entries: [ReserveEntry]) -> [GroundworkPart] {
        let entryOf = Dictionary(entries.map { ($0.projectId, $0) }, uniquingKeysWith: { first, _ in first })
        let startedIds = Set(started.map(\.id))
        var seen = Set<Int64>()
        return (reserved.values.sorted { $0.id < $1.id } + started).compactMap { project in
            guard seen.insert(project.id).inserted else { return nil }
            return GroundworkPart(project, entry: reserved[project.id] == nil ? nil : entryOf[project.id], countsStart: startedIds.contains(project.id))
        }
    }

    /// The same readings counted from the parts of the unit's projects the reader sees (the
    /// parts kept per project, or made from the projects above).
    public static func readings(measures: [GroundworkMeasure], year: Int, asOf day: Day, parts: [GroundworkPart], funding: FundingComparison?,
                                set: [GroundworkTarget], isCity: Bool) -> [GroundworkReading] {
        measures.compactMap { measure in
            let asOf = measure.through.map { min($0, day) } ?? day
            var count = 0, yuan: Int64 = 0
            switch measure.kind {
            case .reserve:
                for part in parts where part.totalYuan >= measure.minimumYuan && part.isWaiting(on: day) {
                    count += 1
                    yuan += part.totalYuan
                }
            case .starts:
                guard let through = measure.through else { return nil }
                for part in parts where part.hasStarted(year: year, through: min(through, day), minimumYuan: measure.minimumYuan) {
                    count += 1
                    yuan += part.totalYuan
                }
            case .funding:
                guard let funding else { return nil }
                let before = funding.comparedWith
                return GroundworkReading(measure: measure, asOf: funding.through, count: funding.thisYear.issuedProjects, amount: funding.thisYear.issued,
                                         targetCount: before.issuedProjects, targetAmount: before.issued, targetSource: .lastYear)
            }
            let target = target(measure, set: set, isCity: isCity)
            return GroundworkReading(measure: measure, asOf: asOf, count: count, amount: Money(yuan: yuan),
                                     targetCount: target.count, targetAmount: target.amount, targetSource: target.source)
        }
    }
}

extension ReserveEntry {
    /// In the reserve on `day`: entered by then, not started by then, not cancelled.
    public func isWaiting(_ project: Project, on day: Day) -> Bool {
        Self.isWaiting(enteredOn: enteredOn, cancelled: project.effectiveStage == .cancelled, actualStart: project.fields.actualStart, on: day)
    }

    /// The same rule on what it reads of an entry and its project (a kept `GroundworkPart`).
    static func isWaiting(enteredOn: Day, cancelled: Bool, actualStart: Day?, on day: Day) -> Bool {
        guard enteredOn <= day, !cancelled else { return false }
        return actualStart.map { $0 > day } ?? true
    }
}
