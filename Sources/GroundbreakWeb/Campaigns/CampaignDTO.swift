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
    var year: Int
    /// The unit the targets are of: the reader's own (the city for a city-wide reader); null when it has none.
    @ExplicitNull var unit: String?
    @ExplicitNull var unitName: String?
    var targets: [GroundworkDTO]
    var campaigns: [CampaignDTO]

    init(year: Int, targets: (unit: TargetUnit?, readings: [GroundworkReading]), campaigns: [CampaignDTO], reference: ReferenceCatalog) {
        self.year = year
        unit = targets.unit?.text
        unitName = targets.unit?.name(reference)
        self.targets = targets.readings.map(GroundworkDTO.init)
        self.campaigns = campaigns
    }
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
