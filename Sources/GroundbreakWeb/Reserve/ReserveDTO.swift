import Foundation
import GroundbreakDomain

struct ReserveEntryDTO: Codable, Sendable {
    var projectId: Int64
    var level: String
    var source: String
    var grade: String
    var note: String
    var enteredOn: String
    @ExplicitNull var promotedOn: String?
    var version: Int

    init(_ entry: ReserveEntry) {
        projectId = entry.projectId
        level = entry.level
        source = entry.source
        grade = entry.grade
        note = entry.note
        enteredOn = entry.enteredOn.iso
        promotedOn = entry.promotedOn?.iso
        version = entry.version
    }
}

struct ReserveProjectDTO: Codable, Sendable {
    var projectId: Int64
    @ExplicitNull var entry: ReserveEntryDTO?
}

/// The reserve at the API: the figures and the entries the caller sees.
struct ReserveListDTO: Codable, Sendable {
    struct Line: Codable, Sendable {
        var entry: ReserveEntryDTO
        var name: String
        var regionCode: String
        var totalYuan: Int64
        var stage: String
        var tags: [String]
    }

    struct Designation: Codable, Sendable {
        var unit: String
        var tag: String
        var count: Int
        var minimum: Int
        var met: Bool
    }

    struct Conversion: Codable, Sendable {
        var year: Int
        var entered: Int
        var started: Int
        @ExplicitNull var percent: Double?
    }

    /// The reserve's bands against the reader's own unit's targets (the city's for a city-wide reader).
    var bands: [GroundworkDTO]
    var reserveCount: Int
    var reserveAmountYuan: Int64
    var designations: [Designation]
    var conversion: [Conversion]
    var entries: [Line]

    init(_ listing: ReservePages.Listing, rules: ReserveRules) {
        let figures = listing.figures
        bands = listing.bands.map(GroundworkDTO.init)
        reserveCount = figures.reserveCount
        reserveAmountYuan = figures.reserveAmount.yuan
        designations = figures.designations.map { Designation(unit: $0.unit.text, tag: $0.tag, count: $0.count, minimum: $0.minimum, met: $0.met) }
        conversion = figures.conversion.map { Conversion(year: $0.year, entered: $0.entered, started: $0.started, percent: $0.percent) }
        entries = listing.lines.map { line in
            Line(entry: ReserveEntryDTO(line.entry), name: line.project.fields.name, regionCode: line.project.fields.regionCode,
                 totalYuan: line.project.fields.totalInvestment.yuan, stage: line.project.effectiveStage.rawValue, tags: line.project.fields.tags)
        }
    }
}

struct ReserveSaveRequest: Codable, Sendable {
    var source: String
    var grade: String
    var note: String
    var enteredOn: String?
    var version: Int
}

struct ReservePromoteRequest: Codable, Sendable {
    var version: Int
}
