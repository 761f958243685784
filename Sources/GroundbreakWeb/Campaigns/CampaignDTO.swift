import Foundation
import GroundbreakDomain

/// A batch at the API, with the projects the caller sees.
struct CampaignDTO: Codable, Sendable {
    struct Line: Codable, Sendable {
        var projectId: Int64
        var name: String
        var regionCode: String
        var totalYuan: Int64
        @ExplicitNull var plannedStart: String?
        var readyForStart: Bool
        var missingForStart: [String]
        @ExplicitNull var actualStart: String?
    }

    var id: Int64
    var year: Int
    var season: String
    var name: String
    var heldOn: String
    @ExplicitNull var unit: String?
    var note: String
    var planned: Int
    var ready: Int
    var started: Int
    var totalYuan: Int64
    var projects: [Line]

    init(_ reading: CampaignPages.Reading, reference: ReferenceCatalog) {
        let campaign = reading.campaign
        id = campaign.id
        year = campaign.year
        season = campaign.season
        name = campaign.name
        heldOn = campaign.heldOn.iso
        unit = campaign.unit?.text
        note = campaign.note
        planned = reading.lines.count
        ready = reading.ready
        started = reading.started
        totalYuan = reading.total.yuan
        projects = reading.lines.map { line in
            Line(projectId: line.project.id, name: line.project.fields.name, regionCode: line.project.fields.regionCode, totalYuan: line.project.fields.totalInvestment.yuan,
                 plannedStart: line.project.fields.plannedStart?.iso, readyForStart: line.summary.readyForStart, missingForStart: line.summary.missingForStart,
                 actualStart: line.project.fields.actualStart?.iso)
        }
    }
}

/// A year's batches and its start targets.
struct CampaignYearDTO: Codable, Sendable {
    struct Target: Codable, Sendable {
        var code: String
        var name: String
        var through: String
        var minimumYuan: Int64
        var target: Int
        var counted: Int

        init(_ reading: CampaignPages.TargetReading) {
            code = reading.target.code
            name = reading.target.name
            through = reading.through.iso
            minimumYuan = reading.target.minimumYuan
            target = reading.target.count
            counted = reading.counted
        }
    }

    var year: Int
    var targets: [Target]
    var campaigns: [CampaignDTO]
}

struct CampaignCreateRequest: Codable, Sendable {
    var season: String
    var name: String
    var heldOn: String
    var unit: String?
    var note: String?
}

struct CampaignProjectRequest: Codable, Sendable {
    var projectId: Int64
    var add: Bool
}
