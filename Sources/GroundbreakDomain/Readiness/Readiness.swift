import Foundation

/// Where one readiness item of one project stands.
public enum ReadinessState: String, Sendable, Codable, CaseIterable {
    case pending, inProgress, done, notNeeded

    public var label: String { ReadinessText.state(self) }
    /// Nothing stands in the way: done, or not needed for this project.
    public var isMet: Bool { self == .done || self == .notNeeded }
}

/// One item of a project's readiness: its state, the day it is due and the day it was done, the
/// unit answering for it, how the land was supplied (for 供地), a note.
public struct ReadinessItem: Sendable, Codable, Equatable {
    public var projectId: Int64
    public var code: String
    public var state: ReadinessState
    public var dueOn: Day?
    public var doneOn: Day?
    public var unit: OrgUnit?
    public var way: String
    public var note: String
    /// 0 until first kept.
    public var version: Int

    public init(projectId: Int64, code: String, state: ReadinessState = .pending, dueOn: Day? = nil, doneOn: Day? = nil, unit: OrgUnit? = nil, way: String = "",
                note: String = "", version: Int = 0) {
        self.projectId = projectId
        self.code = code
        self.state = state
        self.dueOn = dueOn
        self.doneOn = doneOn
        self.unit = unit
        self.way = way
        self.note = note
        self.version = version
    }
}

/// A project's readiness read against the catalogue: every item (unrecorded ones pending), the
/// 几通一平 level reached, whether a start's conditions are met and what is missing, the day land
/// was supplied.
public struct ReadinessSummary: Sendable, Equatable {
    public var items: [ReadinessItem]
    /// The highest level reached (index into the catalogue's levels), nil below the first.
    public var level: Int?
    public var landSuppliedOn: Day?
    /// The items a start needs that are not met, and the minimum level's items not met, in catalogue order.
    public var missingForStart: [String]

    public var readyForStart: Bool { missingForStart.isEmpty }

    public init(projectId: Int64, recorded: [ReadinessItem], catalog: ReadinessCatalog) {
        let byCode = Dictionary(recorded.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        items = catalog.items.map { byCode[$0.code] ?? ReadinessItem(projectId: projectId, code: $0.code) }
        let met = Set(items.filter(\.state.isMet).map(\.code))
        level = catalog.levels.lastIndex { Set($0.items).isSubset(of: met) }
        landSuppliedOn = catalog.landSupplyItem.flatMap { byCode[$0.code] }.flatMap { $0.state == .done ? $0.doneOn : nil }
        let minimum = Set(catalog.levels.first { $0.code == catalog.minimumLevelForStart }?.items ?? [])
        missingForStart = catalog.items.filter { ($0.forStart || minimum.contains($0.code)) && !met.contains($0.code) }.map(\.code)
    }

    /// 已拿地未开工: land supplied and no start yet; the days since the land came.
    public static func daysWaiting(_ summary: ReadinessSummary, project: Project, today: Day) -> Int? {
        guard let supplied = summary.landSuppliedOn, project.fields.actualStart == nil, [.reserve, .attraction, .approval].contains(project.effectiveStage) else {
            return nil
        }
        return supplied.days(until: today)
    }
}

/// What may be kept for an item: a known code, a done item with its day (not in the future), a
/// way of supply among the catalogue's, a due day in the plausible years.
public enum ReadinessRules {
    public static func problems(_ item: ReadinessItem, catalog: ReadinessCatalog, reference: ReferenceCatalog, today: Day) -> [FieldError] {
        var errors: [FieldError] = []
        guard let entry = catalog.item(item.code) else { return [FieldError("item", .unknownCode(field: "item", code: String(item.code.prefix(40))))] }
        if item.state == .done && item.doneOn == nil { errors.append(FieldError("doneOn", .fixed(ReadinessText.doneNeedsDay(entry.name)))) }
        if item.state != .done && item.doneOn != nil { errors.append(FieldError("doneOn", .fixed(ReadinessText.dayOnlyWhenDone(entry.name)))) }
        if let done = item.doneOn, done > today { errors.append(FieldError("doneOn", .dateInFuture)) }
        if let due = item.dueOn, !Day.plausibleYears.contains(due.year) { errors.append(FieldError("dueOn", .dateInvalid)) }
        if !item.way.isEmpty && (entry.recordsWay != true || !catalog.landWays.contains(item.way)) {
            errors.append(FieldError("way", .unknownCode(field: "way", code: String(item.way.prefix(40)))))
        }
        if let unit = item.unit, !reference.knows(unit) { errors.append(FieldError("unit", .unknownCode(field: "unit", code: String(unit.text.prefix(40))))) }
        if item.note.count > 500 { errors.append(FieldError("note", .tooLong(field: "note", max: 500))) }
        return errors
    }

}
