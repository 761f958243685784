import Foundation
import GroundbreakDomain

/// All reference lists in one document, for clients that fill their own pickers.
struct ReferenceDTO: Codable, Sendable {
    struct Item: Codable, Sendable {
        var code: String
        var name: String
        var parentCode: String?
        var validFrom: String?
        var validTo: String?
        var source: String
    }
    struct Band: Codable, Sendable {
        var code: String
        var label: String
        var minimum: Int64
    }
    struct Seat: Codable, Sendable {
        var id: Int64
        var title: String
        var unitName: String
        var duty: String
        var holderName: String?
    }
    struct Rule: Codable, Sendable {
        var code: String
        var label: String
        var severity: String
        var basis: String
    }

    var regions: [Item]
    var zones: [Item]
    var departments: [Item]
    var categories: [Item]
    var industrySections: [Item]
    var industryDivisions: [Item]
    var sizeBands: [Band]
    var tags: [Item]
    var stages: [Item]
    var investmentTypes: [Item]
    var levels: [Item]
    var positions: [Seat]
    var flagRules: [Rule]

    init(_ catalog: ReferenceCatalog) {
        func item(_ code: String, _ name: String, _ parent: String?, _ validity: Validity) -> Item {
            Item(code: code, name: name, parentCode: parent, validFrom: validity.validFrom?.iso, validTo: validity.validTo?.iso, source: validity.source)
        }
        regions = catalog.regions.map { item($0.code, $0.name, $0.aliasOf ?? $0.parentCode, $0.validity) }
        zones = catalog.zones.map { item($0.code, $0.name, $0.parentCode, $0.validity) }
        departments = catalog.departments.map { item($0.code, $0.name, $0.regionCode, $0.validity) }
        categories = catalog.categories.map { item($0.code, $0.name, $0.parentCode, $0.validity) }
        industrySections = catalog.sections.map { item($0.code, $0.name, nil, $0.validity) }
        industryDivisions = catalog.divisions.map { item($0.code, $0.name, $0.sectionCode, $0.validity) }
        sizeBands = catalog.sizeBands.map { Band(code: $0.code, label: $0.label, minimum: $0.minimum.yuan) }
        tags = catalog.tags.map { item($0.code, $0.name, nil, $0.validity) }
        let builtIn = Validity(source: WebText.Reference.builtIn)
        stages = Stage.allCases.map { item($0.rawValue, $0.label, nil, builtIn) }
        investmentTypes = InvestmentType.allCases.map { item($0.rawValue, $0.label, nil, builtIn) }
        levels = ProjectLevel.allCases.map { item($0.rawValue, $0.label, nil, builtIn) }
        positions = catalog.positions.map { Seat(id: $0.id, title: $0.title, unitName: $0.unitName, duty: $0.duty.rawValue, holderName: $0.holderName) }
        flagRules = catalog.flagRules.map { Rule(code: $0.code, label: $0.label, severity: $0.severity.rawValue, basis: $0.basis) }
    }
}
