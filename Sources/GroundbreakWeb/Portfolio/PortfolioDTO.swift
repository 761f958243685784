import Foundation
import GroundbreakDomain

/// A sponsor's portfolio at the API.
struct PortfolioDTO: Codable, Sendable {
    struct Rate: Codable, Sendable {
        var code: String
        var name: String
        var formula: String
        var part: Double
        var whole: Double
        @ExplicitNull var percent: Double?

        init(_ rate: FourRate, catalog: FourRateCatalog) {
            let definition = catalog.rates.first { $0.code == rate.code }
            code = rate.code.rawValue
            name = definition?.name ?? rate.code.rawValue
            formula = definition?.formula ?? ""
            part = rate.part
            whole = rate.whole
            percent = rate.percent
        }
    }
    struct Line: Codable, Sendable {
        var projectId: Int64
        var name: String
        var stage: String
        var totalYuan: Int64
        @ExplicitNull var plannedYuan: Int64?
        @ExplicitNull var yearDispatchYuan: Int64?
        @ExplicitNull var colour: String?
        var reasons: [String]
    }

    /// The seat's activities this quarter, by kind.
    struct Counts: Codable, Sendable {
        var quarter: String
        var siteVisits: Int
        var coordinations: Int
        var instructions: Int
        var projects: Int
    }

    var seat: Int64
    var seatName: String
    var rates: [Rate]
    var projects: [Line]
    var risenProblemIds: [Int64]
    var quarterActivities: Counts
    var activities: [SponsorActivityDTO]

    init(_ reading: PortfolioPages.Reading, rateCatalog: FourRateCatalog) {
        seat = reading.seat.id
        seatName = reading.seat.display
        rates = reading.rates.map { Rate($0, catalog: rateCatalog) }
        projects = reading.projects.map { line in
            Line(projectId: line.project.id, name: line.project.fields.name, stage: line.project.stage.rawValue, totalYuan: line.project.fields.totalInvestment.yuan,
                 plannedYuan: reading.plans[line.project.id]?.yuan, yearDispatchYuan: reading.done[line.project.id]?.yuan, colour: line.warning?.colour.rawValue,
                 reasons: line.warning?.reasons.map(\.text) ?? [])
        }
        risenProblemIds = reading.risen.map(\.id)
        let counts = reading.quarterCounts
        quarterActivities = Counts(quarter: reading.quarter.label, siteVisits: counts.siteVisits, coordinations: counts.coordinations,
                                   instructions: counts.instructions, projects: counts.projects)
        let names = Dictionary(reading.projects.map { ($0.project.id, $0.project.fields.name) }, uniquingKeysWith: { first, _ in first })
        activities = reading.activities.map { SponsorActivityDTO($0, projectName: names[$0.projectId]) }
    }
}

/// A site visit, coordination meeting or instruction at the API.
struct SponsorActivityDTO: Codable, Sendable {
    var id: Int64
    var seat: Int64
    var projectId: Int64
    @ExplicitNull var projectName: String?
    var kind: String
    var kindLabel: String
    var on: String
    var summary: String
    var recordedBy: String
    var recordedAt: String

    init(_ activity: SponsorActivity, projectName: String?) {
        id = activity.id
        seat = activity.seatId
        projectId = activity.projectId
        self.projectName = projectName
        kind = activity.kind.rawValue
        kindLabel = activity.kind.label
        on = activity.on.iso
        summary = activity.summary
        recordedBy = activity.recordedBy
        recordedAt = ISO8601DateFormatter().string(from: activity.recordedAt)
    }
}

/// Recording what a leader did: on which of the seat's projects, what, when.
struct SponsorActivityRequest: Codable, Sendable {
    var seat: Int64
    var projectId: Int64
    var kind: String
    var on: String
    var summary: String
}
