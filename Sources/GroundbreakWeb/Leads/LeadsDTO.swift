import Foundation
import GroundbreakDomain

/// A lead at the API: its investor, where it stands, its signing and registration, and its clocks.
struct LeadDTO: Codable, Sendable {
    struct InvestorPart: Codable, Sendable {
        var id: Int64
        var name: String
        @ExplicitNull var creditCode: String?
        var kind: String
        var kindLabel: String
        var homeRegion: String
    }
    struct Signing: Codable, Sendable {
        var on: String
        var yuan: Int64
        var contract: String
        var capital: String
    }
    struct Clock: Codable, Sendable {
        var kind: String
        var label: String
        var due: String
        var state: String
    }

    var id: Int64
    var title: String
    var investor: InvestorPart
    @ExplicitNull var industryDivision: String?
    @ExplicitNull var schemeClassId: Int64?
    var intendedYuan: Int64
    var channel: String
    var channelName: String
    var unit: String
    var unitName: String
    var handlerName: String
    @ExplicitNull var sponsorSeat: Int64?
    var confidential: Bool
    var stage: String
    var stageName: String
    var stageSince: String
    var status: String
    var statusReason: String
    @ExplicitNull var signing: Signing?
    @ExplicitNull var registeredCreditCode: String?
    @ExplicitNull var projectId: Int64?
    var createdOn: String
    var lastActivityOn: String
    var clocks: [Clock]
    var version: Int

    init(_ lead: Lead, clocks: [LeadClock], catalog: LeadCatalog, reference: ReferenceCatalog) {
        id = lead.id
        title = lead.title
        investor = InvestorPart(id: lead.investor.id, name: lead.investor.name, creditCode: lead.investor.creditCode, kind: lead.investor.kind.rawValue,
                                kindLabel: lead.investor.kind.label, homeRegion: lead.investor.homeRegion)
        industryDivision = lead.industryDivision
        schemeClassId = lead.schemeClassId
        intendedYuan = lead.intendedInvestment.yuan
        channel = lead.channelCode
        channelName = catalog.channelName(lead.channelCode)
        unit = lead.unit.text
        unitName = lead.unit.name(reference)
        handlerName = lead.handlerName
        sponsorSeat = lead.sponsorSeat
        confidential = lead.confidential
        stage = lead.stageCode
        stageName = catalog.stageName(lead.stageCode)
        stageSince = lead.stageSince.iso
        status = lead.status.rawValue
        statusReason = lead.statusReason
        signing = lead.signing.map { Signing(on: $0.on.iso, yuan: $0.amount.yuan, contract: $0.contract.rawValue, capital: $0.capital.rawValue) }
        registeredCreditCode = lead.registeredCreditCode
        projectId = lead.projectId
        createdOn = lead.createdOn.iso
        lastActivityOn = lead.lastActivityOn.iso
        self.clocks = clocks.map { Clock(kind: $0.kind.rawValue, label: $0.kind.label, due: $0.due.iso, state: $0.state.rawValue) }
        version = lead.version
    }
}

/// One lead with its events, oldest first.
struct LeadDetailDTO: Codable, Sendable {
    struct Event: Codable, Sendable {
        var id: Int64
        var kind: String
        var stage: String
        @ExplicitNull var direction: String?
        var on: String
        var note: String
        var actorName: String
    }

    /// What arrived, month by month.
    struct Funds: Codable, Sendable {
        var id: Int64
        var month: String
        var capital: String
        var currency: String
        var amount: Int64
        var rate: Double
        var yuan: Int64
        var note: String

        init(_ funds: ArrivedFunds) {
            id = funds.id
            month = funds.month.iso
            capital = funds.capital.rawValue
            currency = funds.currency
            amount = funds.original
            rate = funds.rate
            yuan = funds.amount.yuan
            note = funds.note
        }
    }

    var lead: LeadDTO
    var events: [Event]
    var funds: [Funds]
}

/// The funnel at the API: each stage reached and standing, the rates, signed amounts.
struct LeadFunnelDTO: Codable, Sendable {
    struct Step: Codable, Sendable {
        var stage: String
        var name: String
        var reached: Int
        var reachedYuan: Int64
        var standing: Int
        var movedOn: Int
        @ExplicitNull var medianDwellDays: Double?
    }
    struct Rate: Codable, Sendable {
        var code: String
        var name: String
        var part: Int
        var whole: Int
        @ExplicitNull var percent: Double?
    }

    var total: Int
    var shelved: Int
    var lost: Int
    var signedDomesticYuan: Int64
    var signedForeignYuan: Int64
    var steps: [Step]
    var rates: [Rate]

    init(_ funnel: LeadFunnel) {
        total = funnel.total
        shelved = funnel.shelved
        lost = funnel.lost
        signedDomesticYuan = funnel.signedDomestic.yuan
        signedForeignYuan = funnel.signedForeign.yuan
        steps = funnel.steps.map { Step(stage: $0.stageCode, name: $0.name, reached: $0.reached, reachedYuan: $0.reachedAmount.yuan, standing: $0.standing,
                                     movedOn: $0.movedOn, medianDwellDays: $0.medianDwellDays) }
        rates = funnel.rates.map { Rate(code: $0.code, name: $0.name, part: $0.part, whole: $0.whole, percent: $0.percent) }
    }
}

/// `POST /api/v1/leads`.
struct LeadCreateRequest: Codable, Sendable {
    struct InvestorPart: Codable, Sendable {
        var name: String
        var creditCode: String?
        var kind: String
        var homeRegion: String?
    }

    var title: String
    var investor: InvestorPart
    var industryDivision: String?
    var intendedYuan: Int64?
    var channel: String
    var unit: String
    var handlerName: String?
    var sponsorSeat: Int64?
    var schemeClassId: Int64?
    var confidential: Bool?
    var createdOn: String?
}

/// `POST /api/v1/leads/:id/events`.
struct LeadEventRequest: Codable, Sendable {
    struct Signing: Codable, Sendable {
        var on: String
        var yuan: Int64
        var contract: String
        var capital: String
    }

    var version: Int
    var kind: String
    var on: String
    var note: String?
    var stage: String?
    var direction: String?
    var signing: Signing?
    var registeredCreditCode: String?
}

/// `POST /api/v1/leads/:id/project`: the project the lead became.
struct LeadLinkRequest: Codable, Sendable {
    var version: Int
    var projectId: Int64
}

/// `POST /api/v1/leads/:id/new-project`: what the lead cannot say about its project; the rest is the lead's.
struct LeadLandRequest: Codable, Sendable {
    var version: Int
    var name: String?
    var regionCode: String?
    var zoneCode: String?
    var categoryCode: String?
    var investmentType: String?
    var totalInvestmentYuan: Int64?
    var plannedStart: String?
}

/// The project made from a lead, and the lead linked to it.
struct LeadLandedDTO: Codable, Sendable {
    var lead: LeadDTO
    var project: ProjectDTO
}

/// A task force's biweekly dispatch of its groups' leads.
struct LeadDispatchDTO: Codable, Sendable {
    struct Line: Codable, Sendable {
        var leadId: Int64
        var title: String
        var investor: String
        var unit: String
        var stage: String
        var daysAtStage: Int
        var lastActivityOn: String
        var advanced: Bool
        var stale: Bool
    }
    struct Group: Codable, Sendable {
        var id: Int64
        var name: String
        var total: Int
        var active: Int
        var advanced: Int
        var signedInPeriod: Int
        var signedInPeriodYuan: Int64
        var registeredInPeriod: Int
        var stale: Int
        @ExplicitNull var signingRate: Double?
        @ExplicitNull var registrationRate: Double?
        var lines: [Line]
    }

    var taskForceId: Int64
    var from: String
    var through: String
    var groups: [Group]

    init(_ taskForce: TaskForce, _ dispatch: LeadDispatch, _ input: EndpointRequest) {
        taskForceId = taskForce.id
        from = dispatch.from.iso
        through = dispatch.through.iso
        groups = dispatch.groups.map { group in
            Group(id: group.id, name: group.name, total: group.total, active: group.active, advanced: group.advanced, signedInPeriod: group.signedInPeriod,
                  signedInPeriodYuan: group.signedAmountInPeriod.yuan, registeredInPeriod: group.registeredInPeriod, stale: group.stale,
                  signingRate: group.signingRate?.percent, registrationRate: group.registrationRate?.percent,
                  lines: group.lines.map { line in
                      Line(leadId: line.lead.id, title: line.lead.title, investor: line.lead.investor.name, unit: line.lead.unit.text, stage: line.lead.stageCode,
                           daysAtStage: line.daysAtStage, lastActivityOn: line.lead.lastActivityOn.iso, advanced: line.advanced, stale: line.stale)
                  })
        }
    }
}
