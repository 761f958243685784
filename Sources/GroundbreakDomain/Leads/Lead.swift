import Foundation

/// The investor behind a lead (投资方): an enterprise, by name and, when known, its 统一社会信用代码.
public struct Investor: Sendable, Codable, Equatable, Identifiable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case global500, china500, central, stateOwned, privateOwned, foreign, hongKongMacaoTaiwan

        public var label: String { LeadText.investorKind(self) }
    }

    public var id: Int64
    public var name: String
    public var creditCode: String?
    public var kind: Kind
    /// Where it is from (`深圳市`, `德国`).
    public var homeRegion: String

    public init(id: Int64 = 0, name: String, creditCode: String? = nil, kind: Kind, homeRegion: String = "") {
        self.id = id
        self.name = name
        self.creditCode = creditCode
        self.kind = kind
        self.homeRegion = homeRegion
    }
}

/// 签约: framework or formal contract, the day, the amount and whether the money is 内资 or 外资.
public struct LeadSigning: Sendable, Codable, Equatable {
    public enum Contract: String, Sendable, Codable, CaseIterable { case framework, formal }
    public enum Capital: String, Sendable, Codable, CaseIterable { case domestic, foreign }

    public var on: Day
    public var amount: Money
    public var contract: Contract
    public var capital: Capital

    public init(on: Day, amount: Money, contract: Contract, capital: Capital) {
        self.on = on
        self.amount = amount
        self.contract = contract
        self.capital = capital
    }
}

public enum LeadStatus: String, Sendable, Codable, CaseIterable {
    /// Being worked.
    case active
    /// 暂缓: set aside with a reason; may be taken up again.
    case shelved
    /// 流失: gone elsewhere or given up, with a reason.
    case lost

    public var label: String { LeadText.status(self) }
}

/// A lead (招商线索): what an investor proposes, where it came from, who follows it, how far it
/// has come. Stages only move forward; the events keep how it got there.
public struct Lead: Sendable, Codable, Equatable, Identifiable {
    public var id: Int64
    /// What is proposed (`年产10万套汽车座椅项目`).
    public var title: String
    public var investor: Investor
    /// GB/T 4754 division (`36`), when known.
    public var industryDivision: String?
    /// The class of a unit's scheme it belongs to (the 7+3 group that owns it).
    public var schemeClassId: Int64?
    public var intendedInvestment: Money
    public var channelCode: String
    /// The district or zone following it.
    public var unit: OrgUnit
    /// The staff member following it (招商专员).
    public var handlerName: String
    /// The leader responsible (分管领导), a seat.
    public var sponsorSeat: Int64?
    /// Seen only by its unit and the 招商 office.
    public var confidential: Bool
    public var stageCode: String
    public var stageSince: Day
    public var status: LeadStatus
    /// Why it was shelved or lost.
    public var statusReason: String
    public var signing: LeadSigning?
    /// The company registered for it.
    public var registeredCreditCode: String?
    /// The project it became on the ledger.
    public var projectId: Int64?
    public var createdOn: Day
    /// The first time anyone acted on it after it came in (the response clock).
    public var firstActionOn: Day?
    /// The first time it was moved on, shelved or dropped (the assessment clock).
    public var assessedOn: Day?
    public var lastActivityOn: Day
    public var version: Int

    public init(id: Int64 = 0, title: String, investor: Investor, industryDivision: String? = nil, schemeClassId: Int64? = nil, intendedInvestment: Money,
                channelCode: String, unit: OrgUnit, handlerName: String = "", sponsorSeat: Int64? = nil, confidential: Bool = false, stageCode: String,
                stageSince: Day, status: LeadStatus = .active, statusReason: String = "", signing: LeadSigning? = nil, registeredCreditCode: String? = nil,
                projectId: Int64? = nil, createdOn: Day, firstActionOn: Day? = nil, assessedOn: Day? = nil, lastActivityOn: Day? = nil, version: Int = 1) {
        self.id = id
        self.title = title
        self.investor = investor
        self.industryDivision = industryDivision
        self.schemeClassId = schemeClassId
        self.intendedInvestment = intendedInvestment
        self.channelCode = channelCode
        self.unit = unit
        self.handlerName = handlerName
        self.sponsorSeat = sponsorSeat
        self.confidential = confidential
        self.stageCode = stageCode
        self.stageSince = stageSince
        self.status = status
        self.statusReason = statusReason
        self.signing = signing
        self.registeredCreditCode = registeredCreditCode
        self.projectId = projectId
        self.createdOn = createdOn
        self.firstActionOn = firstActionOn
        self.assessedOn = assessedOn
        self.lastActivityOn = lastActivityOn ?? createdOn
        self.version = version
    }
}

extension Lead {
    /// Whether the lead is followed by `unit` or a unit inside it (a district's, a zone's subtree):
    /// how every list, rhythm line and assessment figure of a unit counts its leads.
    public func isInside(_ unit: OrgUnit, reference: ReferenceCatalog) -> Bool {
        Self.inside(unit, reference: reference)(self)
    }

    /// `isInside` with the unit's subtree taken once, for a test of many leads.
    public static func inside(_ unit: OrgUnit, reference: ReferenceCatalog) -> @Sendable (Lead) -> Bool {
        let member = unit.subtreeMembership(reference)
        return { member($0.unit) }
    }
}

extension OrgUnit {
    /// Whether a unit is this one or inside it (a district's regions, a zone's zones; a department
    /// holds none), the subtree taken once: how a unit counts its leads and their funds.
    public func subtreeMembership(_ reference: ReferenceCatalog) -> @Sendable (OrgUnit) -> Bool {
        let codes: Set<String> = switch kind {
        case .region: reference.regionSubtree(code)
        case .zone: reference.zoneSubtree(code)
        case .department: []
        }
        let kind = kind
        return { $0.kind == kind && codes.contains($0.code) }
    }
}

/// One thing that happened to a lead, kept for good.
public struct LeadEvent: Sendable, Codable, Equatable, Identifiable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case created, advanced, visit, note, shelved, lost, reopened, linked

        public var label: String { LeadText.eventKind(self) }
    }

    /// A visit (考察): going out to the investor (走出去) or the investor coming in (请进来).
    public enum Direction: String, Sendable, Codable, CaseIterable {
        case outbound, inbound

        public var label: String { LeadText.direction(self) }
    }

    public var id: Int64
    public var leadId: Int64
    public var kind: Kind
    /// The stage moved into (advanced), or the stage it stood at.
    public var stageCode: String
    public var direction: Direction?
    public var on: Day
    public var note: String
    public var actorName: String

    public init(id: Int64 = 0, leadId: Int64, kind: Kind, stageCode: String, direction: Direction? = nil, on: Day, note: String = "", actorName: String = "") {
        self.id = id
        self.leadId = leadId
        self.kind = kind
        self.stageCode = stageCode
        self.direction = direction
        self.on = on
        self.note = note
        self.actorName = actorName
    }
}
