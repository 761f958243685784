import Foundation
import GroundbreakDomain

/// One item at the API.
struct ReadinessItemDTO: Codable, Sendable {
    var item: String
    var name: String
    var group: String
    var forStart: Bool
    var state: String
    @ExplicitNull var dueOn: String?
    @ExplicitNull var doneOn: String?
    @ExplicitNull var unit: String?
    var way: String
    var note: String
    var version: Int
}

/// A project's readiness at the API.
struct ReadinessDTO: Codable, Sendable {
    var projectId: Int64
    var items: [ReadinessItemDTO]
    @ExplicitNull var level: String?
    @ExplicitNull var levelName: String?
    var readyForStart: Bool
    var missingForStart: [String]
    @ExplicitNull var landSuppliedOn: String?

    init(project: Project, summary: ReadinessSummary, catalog: ReadinessCatalog) {
        projectId = project.id
        items = summary.items.map { item in
            let entry = catalog.item(item.code)
            return ReadinessItemDTO(item: item.code, name: entry?.name ?? item.code, group: entry?.group ?? "", forStart: entry?.forStart ?? false,
                                    state: item.state.rawValue, dueOn: item.dueOn?.iso, doneOn: item.doneOn?.iso, unit: item.unit?.text, way: item.way, note: item.note,
                                    version: item.version)
        }
        level = summary.level.map { catalog.levels[$0].code }
        levelName = summary.level.map { catalog.levels[$0].name }
        readyForStart = summary.readyForStart
        missingForStart = summary.missingForStart
        landSuppliedOn = summary.landSuppliedOn?.iso
    }
}

/// A project on the 开工条件 or 已拿地未开工 list.
struct ReadinessLineDTO: Codable, Sendable {
    var projectId: Int64
    var name: String
    var regionCode: String
    var regionName: String
    var stage: String
    @ExplicitNull var plannedStart: String?
    var readyForStart: Bool
    var missingForStart: [String]
    @ExplicitNull var level: String?
    @ExplicitNull var landSuppliedOn: String?
    @ExplicitNull var daysWaiting: Int?

    init(_ line: ReadinessListPages.Line, catalog: ReadinessCatalog, reference: ReferenceCatalog) {
        let fields = line.project.fields
        projectId = line.project.id
        name = fields.name
        regionCode = fields.regionCode
        regionName = reference.region(fields.regionCode)?.name ?? fields.regionCode
        stage = line.project.effectiveStage.rawValue
        plannedStart = fields.plannedStart?.iso
        readyForStart = line.summary.readyForStart
        missingForStart = line.summary.missingForStart
        level = line.summary.level.map { catalog.levels[$0].code }
        landSuppliedOn = line.summary.landSuppliedOn?.iso
        daysWaiting = line.daysWaiting
    }
}

/// `POST /api/v1/projects/:id/readiness`: the items to keep, each at the version read (0 when never kept).
struct ReadinessSaveRequest: Codable, Sendable {
    struct Item: Codable, Sendable {
        var item: String
        var state: String
        var dueOn: String?
        var doneOn: String?
        var unit: String?
        var way: String?
        var note: String?
        var version: Int
    }

    var items: [Item]
}
