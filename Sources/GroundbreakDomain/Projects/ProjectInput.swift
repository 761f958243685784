import Foundation

/// A project as typed into a form or sent to the API, before validation: every value raw text,
/// so a refused form re-renders exactly what the user typed.
public struct ProjectInput: Sendable, Equatable, Codable {
    public var name = ""
    public var code = ""
    public var ownerName = ""
    public var ownerCreditCode = ""
    public var regionCode = ""
    public var zoneCode = ""
    public var categoryCode = ""
    public var industryDivision = ""
    public var investmentType = ""
    /// 总投资 in 万元, as typed.
    public var totalInvestmentWan = ""
    public var constructionContent = ""
    public var address = ""
    public var longitude = ""
    public var latitude = ""
    public var plannedStart = ""
    public var plannedCompletion = ""
    public var actualStart = ""
    public var actualCompletion = ""
    public var levels: [String] = []
    public var tags: [String] = []
    public var leadDepartmentCode = ""
    public var supportDepartmentCodes: [String] = []
    public var sponsorPositionId = ""
    public var secretaryPositionId = ""

    public init() {}

    /// The input that reproduces `fields` exactly; the starting point of an edit or a PATCH.
    public init(fields: ProjectFields) {
        name = fields.name
        code = fields.code?.value ?? ""
        ownerName = fields.ownerName
        ownerCreditCode = fields.ownerCreditCode?.value ?? ""
        regionCode = fields.regionCode
        zoneCode = fields.zoneCode ?? ""
        categoryCode = fields.categoryCode
        industryDivision = fields.industryDivision ?? ""
        investmentType = fields.investmentType.rawValue
        totalInvestmentWan = fields.totalInvestment.exactWanText
        constructionContent = fields.constructionContent
        address = fields.location.address
        longitude = fields.location.longitude.map { String($0) } ?? ""
        latitude = fields.location.latitude.map { String($0) } ?? ""
        plannedStart = fields.plannedStart?.iso ?? ""
        plannedCompletion = fields.plannedCompletion?.iso ?? ""
        actualStart = fields.actualStart?.iso ?? ""
        actualCompletion = fields.actualCompletion?.iso ?? ""
        levels = fields.levels.map(\.rawValue)
        tags = fields.tags
        leadDepartmentCode = fields.leadDepartmentCode ?? ""
        supportDepartmentCodes = fields.supportDepartmentCodes
        sponsorPositionId = fields.sponsorPositionId.map(String.init) ?? ""
        secretaryPositionId = fields.secretaryPositionId.map(String.init) ?? ""
    }
}
