import Foundation

/// The owner (项目单位/建设单位) of a project.
public struct Owner: Sendable, Codable, Equatable {
    public var name: String
    public var creditCode: CreditCode?

    public init(name: String, creditCode: CreditCode?) {
        self.name = name
        self.creditCode = creditCode
    }
}

/// Where a project is built.
public struct Location: Sendable, Codable, Equatable {
    public var address: String
    public var longitude: Double?
    public var latitude: Double?

    public init(address: String, longitude: Double? = nil, latitude: Double? = nil) {
        self.address = address
        self.longitude = longitude
        self.latitude = latitude
    }
}

extension ProjectFields {
    /// The fields still 待补充 (an import could not fill them): by validator field key.
    public var owed: [String] {
        (investmentType == .pending ? ["investmentType"] : []) + (categoryCode == Category.pendingCode ? ["categoryCode"] : [])
    }
}

/// The fields a user edits directly; everything validated.
public struct ProjectFields: Sendable, Codable, Equatable {
    public var name: String
    public var code: ProjectCode?
    public var ownerName: String
    public var ownerCreditCode: CreditCode?
    public var regionCode: String
    public var zoneCode: String?
    public var categoryCode: String
    public var industryDivision: String?
    public var investmentType: InvestmentType
    public var totalInvestment: Money
    public var constructionContent: String
    public var location: Location
    public var plannedStart: Day?
    public var plannedCompletion: Day?
    public var actualStart: Day?
    public var actualCompletion: Day?
    public var levels: [ProjectLevel]
    public var tags: [String]
    public var leadDepartmentCode: String?
    public var supportDepartmentCodes: [String]
    public var sponsorPositionId: Int64?
    public var secretaryPositionId: Int64?

    public init(
        name: String, code: ProjectCode? = nil, ownerName: String = "", ownerCreditCode: CreditCode? = nil,
        regionCode: String, zoneCode: String? = nil, categoryCode: String, industryDivision: String? = nil,
        investmentType: InvestmentType, totalInvestment: Money, constructionContent: String = "",
        location: Location = Location(address: ""), plannedStart: Day? = nil, plannedCompletion: Day? = nil,
        actualStart: Day? = nil, actualCompletion: Day? = nil, levels: [ProjectLevel] = [], tags: [String] = [],
        leadDepartmentCode: String? = nil, supportDepartmentCodes: [String] = [],
        sponsorPositionId: Int64? = nil, secretaryPositionId: Int64? = nil
    ) {
        self.name = name
        self.code = code
        self.ownerName = ownerName
        self.ownerCreditCode = ownerCreditCode
        self.regionCode = regionCode
        self.zoneCode = zoneCode
        self.categoryCode = categoryCode
        self.industryDivision = industryDivision
        self.investmentType = investmentType
        self.totalInvestment = totalInvestment
        self.constructionContent = constructionContent
        self.location = location
        self.plannedStart = plannedStart
        self.plannedCompletion = plannedCompletion
        self.actualStart = actualStart
        self.actualCompletion = actualCompletion
        self.levels = levels
        self.tags = tags
        self.leadDepartmentCode = leadDepartmentCode
        self.supportDepartmentCodes = supportDepartmentCodes
        self.sponsorPositionId = sponsorPositionId
        self.secretaryPositionId = secretaryPositionId
    }
}

/// A project in the ledger.
///
/// Its fields are held behind one reference (`CopyOnWrite`): the figures keep every project of a
/// province in memory and copy them whole on each computation (the snapshot's move, a stage's
/// projects, each light's signals), and a copy of `ProjectFields` is a retain of each of its
/// dozen strings and arrays, where the box is one.
public struct Project: Sendable, Codable, Equatable, Identifiable {
    public var id: Int64
    private var heldFields: CopyOnWrite<ProjectFields>
    public var fields: ProjectFields {
        _read { yield heldFields.value }
        _modify { yield &heldFields.value }
    }
    public var stage: Stage
    /// The stage to return to when a suspension ends.
    public var suspendedFrom: Stage?
    /// Why the project is suspended or cancelled.
    public var stageNote: String?
    public var createdAt: Date
    public var updatedAt: Date
    public var version: Int

    public init(
        id: Int64, fields: ProjectFields, stage: Stage, suspendedFrom: Stage? = nil, stageNote: String? = nil,
        createdAt: Date, updatedAt: Date, version: Int
    ) {
        self.id = id
        heldFields = CopyOnWrite(fields)
        self.stage = stage
        self.suspendedFrom = suspendedFrom
        self.stageNote = stageNote
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.version = version
    }

    /// Whether the project `other` points to equals this one (`==`), read field by field where it
    /// is held rather than copied first (`ProjectSignals.isSame(as:)`); the fields themselves are
    /// the same when they are behind the same reference.
    public func isSame(as other: UnsafePointer<Project>) -> Bool {
        id == other.pointee.id && version == other.pointee.version && stage == other.pointee.stage
            && suspendedFrom == other.pointee.suspendedFrom && createdAt == other.pointee.createdAt
            && updatedAt == other.pointee.updatedAt && stageNote == other.pointee.stageNote && heldFields == other.pointee.heldFields
    }

    /// What the ledger's totals read of a project (its region, investment and start), read here
    /// where the fields lie: read through `fields` in another module's loop, the fields were
    /// copied whole for each project, a retain of each of their texts.
    public var ledgerFigures: (regionCode: String, yuan: Int64, actualStart: Day?) {
        (heldFields.value.regionCode, heldFields.value.totalInvestment.yuan, heldFields.value.actualStart)
    }

    /// The fields keep their JSON key.
    private enum CodingKeys: String, CodingKey {
        case id, heldFields = "fields", stage, suspendedFrom, stageNote, createdAt, updatedAt, version
    }

    /// The stage that decides which rules apply: a suspended project keeps the obligations of the
    /// stage it was suspended from.
    public var effectiveStage: Stage {
        stage == .suspended ? (suspendedFrom ?? .reserve) : stage
    }

    public func constructionNature(in year: Int) -> ConstructionNature? {
        ConstructionNature.of(
            actualStart: fields.actualStart, plannedStart: fields.plannedStart,
            actualCompletion: fields.actualCompletion, year: year
        )
    }
}
