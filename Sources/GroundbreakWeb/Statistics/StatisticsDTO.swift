import Foundation
import GroundbreakDomain

/// The paragraph and the figures it was written from.
struct StatisticsDTO: Codable, Sendable {
    struct Band: Codable, Sendable {
        var minimumYuan: Int64
        var label: String
        var count: Int
        @ExplicitNull var previousCount: Int?
    }
    struct Item: Codable, Sendable {
        var name: String
        var count: Int
    }
    struct Group: Codable, Sendable {
        var dimension: String
        var items: [Item]
    }

    var paragraph: String
    var unit: String
    var unitName: String
    var year: Int
    var thresholdYuan: Int64
    var count: Int
    @ExplicitNull var previousCount: Int?
    var totalYuan: Int64
    var bands: [Band]
    var groups: [Group]

    init(_ figures: StatisticsFigures, paragraph: String, regionCode: String) {
        self.paragraph = paragraph
        unit = regionCode
        unitName = figures.unitName
        year = figures.year
        thresholdYuan = figures.threshold.yuan
        count = figures.count
        previousCount = figures.previousCount
        totalYuan = figures.total.yuan
        bands = figures.bands.map { Band(minimumYuan: $0.minimum.yuan, label: StatisticsText.band($0.minimum), count: $0.count, previousCount: $0.previousCount) }
        groups = figures.groups.map { Group(dimension: $0.dimension, items: $0.items.map { Item(name: $0.name, count: $0.count) }) }
    }
}
