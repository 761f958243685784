import Foundation
import GroundbreakDomain

/// A project as the API returns it: codes with their names, money in yuan (integer) with the
/// 万元 text beside it, flags evaluated today.
struct ProjectDTO: Codable, Sendable {
    struct CodeName: Codable, Sendable, Equatable {
        var code: String
        var name: String
    }
    struct Industry: Codable, Sendable {
        var section: String
        var sectionName: String
        var division: String
        var divisionName: String
    }
    struct Owner: Codable, Sendable {
        var name: String
        @ExplicitNull var creditCode: String?
    }
    struct LocationDTO: Codable, Sendable {
        var address: String
        var longitude: Double?
        var latitude: Double?
    }
    struct Seat: Codable, Sendable {
        var positionId: Int64
        var title: String
        var unitName: String
        @ExplicitNull var holderName: String?
    }
    struct Flag: Codable, Sendable {
        var code: String
        var label: String
        var severity: String
    }

    var id: Int64
    @ExplicitNull var code: String?
    @ExplicitNull var codeFormat: String?
    var name: String
    var owner: Owner
    var region: CodeName
    @ExplicitNull var zone: CodeName?
    var category: CodeName
    @ExplicitNull var industry: Industry?
    var investmentType: String
    var totalInvestment: Int64
    var totalInvestmentWan: String
    @ExplicitNull var sizeBand: CodeName?
    var constructionContent: String
    var location: LocationDTO
    @ExplicitNull var plannedStart: String?
    @ExplicitNull var plannedCompletion: String?
    @ExplicitNull var actualStart: String?
    @ExplicitNull var actualCompletion: String?
    @ExplicitNull var constructionNature: String?
    var stage: String
    var stageLabel: String
    @ExplicitNull var suspendedFrom: String?
    @ExplicitNull var stageNote: String?
    var levels: [String]
    var tags: [CodeName]
    @ExplicitNull var leadDepartment: CodeName?
    var supportDepartments: [CodeName]
    @ExplicitNull var sponsor: Seat?
    @ExplicitNull var secretary: Seat?
    var flags: [Flag]
    var createdAt: Date
    var updatedAt: Date
    var version: Int


    init(_ project: Project, catalog: ReferenceCatalog, today: Day) {
        let fields = project.fields
        func seat(_ id: Int64?) -> Seat? {
            guard let id else { return nil }
            let position = catalog.position(id)
            return Seat(positionId: id, title: position?.title ?? "", unitName: position?.unitName ?? "", holderName: position?.holderName)
        }
        func department(_ code: String) -> CodeName {
            CodeName(code: code, name: catalog.department(code)?.name ?? code)
        }
        id = project.id
        code = fields.code?.value
        codeFormat = fields.code?.format.rawValue
        name = fields.name
        owner = Owner(name: fields.ownerName, creditCode: fields.ownerCreditCode?.value)
        region = CodeName(code: fields.regionCode, name: catalog.region(fields.regionCode)?.name ?? fields.regionCode)
        zone = fields.zoneCode.map { CodeName(code: $0, name: catalog.zone($0)?.name ?? $0) }
        category = CodeName(code: fields.categoryCode, name: catalog.category(fields.categoryCode)?.name ?? fields.categoryCode)
        industry = fields.industryDivision.flatMap { code in
            catalog.division(code).map { division in
                Industry(section: division.sectionCode, sectionName: catalog.section(division.sectionCode)?.name ?? "",
                         division: code, divisionName: division.name)
            }
        }
        investmentType = fields.investmentType.rawValue
        totalInvestment = fields.totalInvestment.yuan
        totalInvestmentWan = fields.totalInvestment.formatted(in: .wan, decimals: 2)
        sizeBand = catalog.band(for: fields.totalInvestment).map { CodeName(code: $0.code, name: $0.label) }
        constructionContent = fields.constructionContent
        location = LocationDTO(address: fields.location.address, longitude: fields.location.longitude, latitude: fields.location.latitude)
        plannedStart = fields.plannedStart?.iso
        plannedCompletion = fields.plannedCompletion?.iso
        actualStart = fields.actualStart?.iso
        actualCompletion = fields.actualCompletion?.iso
        constructionNature = project.constructionNature(in: today.year)?.rawValue
        stage = project.stage.rawValue
        stageLabel = project.stage.label
        suspendedFrom = project.suspendedFrom?.rawValue
        stageNote = project.stageNote
        levels = fields.levels.map(\.rawValue)
        tags = fields.tags.map { CodeName(code: $0, name: catalog.tag($0)?.name ?? $0) }
        leadDepartment = fields.leadDepartmentCode.map(department)
        supportDepartments = fields.supportDepartmentCodes.map(department)
        sponsor = seat(fields.sponsorPositionId)
        secretary = seat(fields.secretaryPositionId)
        flags = project.flags(rules: catalog.flagRules, today: today).map { Flag(code: $0.code, label: $0.label, severity: $0.severity.rawValue) }
        createdAt = project.createdAt
        updatedAt = project.updatedAt
        version = project.version
    }
}

/// A page of the ledger.
struct ProjectListDTO: Codable, Sendable {
    struct StageFigure: Codable, Sendable {
        var count: Int
        var investment: Int64
    }
    var items: [ProjectDTO]
    var page: Int
    var perPage: Int
    var pageCount: Int
    var totalCount: Int
    var totalInvestment: Int64
    var totalInvestmentWan: String
    var byStage: [String: StageFigure]

    init(_ page: ProjectPage, catalog: ReferenceCatalog, today: Day) {
        items = page.projects.map { ProjectDTO($0, catalog: catalog, today: today) }
        self.page = page.page
        perPage = page.perPage
        pageCount = page.pageCount
        totalCount = page.totalCount
        totalInvestment = page.totalInvestment.yuan
        totalInvestmentWan = page.totalInvestment.formatted(in: .wan, decimals: 2)
        byStage = Dictionary(uniqueKeysWithValues: page.byStage.map { ($0.key.rawValue, StageFigure(count: $0.value.count, investment: $0.value.investment.yuan)) })
    }
}

struct TransitionDTO: Codable, Sendable {
    var id: Int64
    var from: String
    var to: String
    var note: String
    var actor: String
    var at: Date

    init(_ record: StageTransitionRecord) {
        id = record.id
        from = record.from.rawValue
        to = record.to.rawValue
        note = record.note
        actor = record.actor
        at = record.at
    }
}
