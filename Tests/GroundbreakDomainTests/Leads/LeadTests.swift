import Foundation
import GroundbreakDomain
import Testing

@Suite("Leads: stages, clocks, funnel and who sees them")
struct LeadTests {
    static let pipeline = LeadCatalog(
        source: "t",
        stages: [.init(code: "clue", name: "线索"), .init(code: "contact", name: "接洽"), .init(code: "visit", name: "考察"), .init(code: "negotiation", name: "洽谈"),
                 .init(code: "signed", name: "签约", records: "signing"), .init(code: "registered", name: "注册", records: "registration"),
                 .init(code: "sited", name: "落位"), .init(code: "started", name: "开工")],
        channels: [.init(code: "fair", name: "展会"), .init(code: "chain", name: "产业链招商")],
        rates: [.init(code: "signing", name: "签约率", numerator: "signed", denominator: "clue"),
                .init(code: "registration", name: "注册率", numerator: "registered", denominator: "signed")],
        clocks: .init(respondWorkingDays: 1, assessWorkingDays: 3, progressEveryDays: 14))
    static let today = Day(year: 2026, month: 11, day: 23)!
    static let code = "91220104MA0000000" + String(CreditCode.checkCharacter(forPrefix: "91220104MA0000000")!)

    static func lead(_ id: Int64 = 1, created: Day = Day(year: 2026, month: 11, day: 2)!, unit: OrgUnit = OrgUnit(kind: .region, code: "220104"),
                     confidential: Bool = false, seat: Int64? = nil) -> Lead {
        Lead(id: id, title: "汽车座椅项目", investor: Investor(name: "某汽车零部件有限公司", kind: .privateOwned), intendedInvestment: .yi(5), channelCode: "fair",
             unit: unit, sponsorSeat: seat, confidential: confidential, stageCode: "clue", stageSince: created, createdOn: created)
    }

    @Test("a new lead needs a title, an investor, a known channel and a district or zone of the catalogue; a credit code must check")
    func newLead() {
        #expect(LeadRules.problems(Self.lead(), leads: Self.pipeline, reference: catalog, today: Self.today).isEmpty)
        var bad = Self.lead()
        bad.title = " "
        bad.investor.name = ""
        bad.channelCode = "tv"
        bad.unit = OrgUnit(kind: .department, code: "CC-GXJ")
        bad.investor.creditCode = "91220104MA00000000"
        #expect(LeadRules.problems(bad, leads: Self.pipeline, reference: catalog, today: Self.today).map(\.field) == ["title", "investor", "creditCode", "channel", "unit"])
        #expect(LeadRules.problems(Self.lead(created: Day(year: 1900, month: 1, day: 1)!), leads: Self.pipeline, reference: catalog, today: Self.today)
            .map(\.field) == ["createdOn"], "a year no lead came in")
    }

    @Test("stages move forward only; passing the signing stage records the signing, the registration stage a credit code that checks; refusals change nothing")
    func stages() throws {
        let lead = Self.lead()
        let on = Day(year: 2026, month: 11, day: 10)!
        let contact = try LeadRules.apply(.advance(to: "contact", on: on, note: "首次接洽", signing: nil, creditCode: nil), to: lead, catalog: Self.pipeline, actor: "王明", today: Self.today).get()
        #expect(contact.0.stageCode == "contact" && contact.0.firstActionOn == on && contact.0.assessedOn == on && contact.1.kind == .advanced)
        let back = LeadRules.apply(.advance(to: "clue", on: on, note: "", signing: nil, creditCode: nil), to: contact.0, catalog: Self.pipeline, actor: "王明", today: Self.today)
        #expect(back.failure?.errors.first?.message == "线索已在“接洽”阶段，只能向后推进")
        let noSigning = LeadRules.apply(.advance(to: "registered", on: on, note: "", signing: nil, creditCode: "bad"), to: contact.0, catalog: Self.pipeline, actor: "王明", today: Self.today)
        #expect(noSigning.failure?.errors.map(\.field) == ["signingAmount", "registeredCreditCode"], "skipping to 注册 passes 签约: both must be recorded")
        let signing = LeadSigning(on: on, amount: .yi(5), contract: .formal, capital: .domestic)
        let registered = try LeadRules.apply(.advance(to: "registered", on: on, note: "", signing: signing, creditCode: Self.code), to: contact.0, catalog: Self.pipeline,
                                             actor: "王明", today: Self.today).get().0
        #expect(registered.signing == signing && registered.registeredCreditCode == Self.code && registered.stageSince == on)
        let future = LeadRules.apply(.note(on: Self.today.adding(days: 1), note: "x"), to: lead, catalog: Self.pipeline, actor: "王明", today: Self.today)
        #expect(future.failure?.errors.map(\.field) == ["on"])
        let early = LeadRules.apply(.note(on: lead.createdOn.adding(days: -1), note: "x"), to: lead, catalog: Self.pipeline, actor: "王明", today: Self.today)
        #expect(early.failure?.errors.first?.message == "日期不能早于线索录入日期 2026-11-02")
        let lost = try LeadRules.apply(.lose(on: on, reason: "已落户外省"), to: lead, catalog: Self.pipeline, actor: "王明", today: Self.today).get().0
        #expect(lost.status == .lost && lost.statusReason == "已落户外省")
        #expect(LeadRules.apply(.advance(to: "contact", on: on, note: "", signing: nil, creditCode: nil), to: lost, catalog: Self.pipeline, actor: "王明", today: Self.today)
            .failure != nil, "a lost lead is reopened first")
        #expect(LeadRules.apply(.shelve(on: on, reason: " "), to: lead, catalog: Self.pipeline, actor: "王明", today: Self.today).failure?.errors.map(\.field) == ["note"])
    }

    @Test("the clocks: answered within one working day, assessed within three (over a weekend), progress every 14 days while open")
    func clocks() throws {
        let calendar = WorkingCalendar(years: [2026], exceptions: [])
        // Friday 2026-11-20: one working day is Monday the 23rd, three Wednesday the 25th.
        var lead = Self.lead(created: Day(year: 2026, month: 11, day: 20)!)
        var clocks = LeadClock.read(lead, catalog: Self.pipeline, calendar: calendar, today: Day(year: 2026, month: 11, day: 24)!)
        #expect(clocks.map(\.kind) == [.respond, .assess, .progress])
        #expect(clocks[0].due == Day(year: 2026, month: 11, day: 23)! && clocks[0].state == .overdue)
        #expect(clocks[1].due == Day(year: 2026, month: 11, day: 25)! && clocks[1].state == .running)
        lead.firstActionOn = Day(year: 2026, month: 11, day: 23)!
        lead.assessedOn = Day(year: 2026, month: 11, day: 26)!
        clocks = LeadClock.read(lead, catalog: Self.pipeline, calendar: calendar, today: Day(year: 2026, month: 12, day: 10)!)
        #expect(clocks[0].state == .met && clocks[1].state == .late && clocks[2].state == .overdue, "no news since the 20th")
        lead.status = .shelved
        #expect(LeadClock.read(lead, catalog: Self.pipeline, calendar: calendar, today: Self.today).count == 2, "a shelved lead owes no progress")
    }

    @Test("the funnel counts a lead at every stage it reached, lost ones included; the rates divide the catalogue's stages")
    func funnel() {
        func at(_ stage: String, _ status: LeadStatus = .active, signed: LeadSigning.Capital? = nil) -> Lead {
            var lead = Self.lead()
            lead.stageCode = stage
            lead.status = status
            lead.signing = signed.map { LeadSigning(on: Self.today, amount: .yi(2), contract: .formal, capital: $0) }
            return lead
        }
        let funnel = LeadFunnel([at("clue"), at("contact", .lost), at("signed", signed: .domestic), at("registered", signed: .foreign), at("negotiation", .shelved)],
                                catalog: Self.pipeline)
        #expect(funnel.steps.map(\.reached) == [5, 4, 3, 3, 2, 1, 0, 0])
        #expect(funnel.steps.map(\.standing) == [1, 0, 0, 0, 1, 1, 0, 0])
        #expect(funnel.steps[1].reachedAmount == .yi(20))
        #expect(funnel.rate("signing")?.percent == 40 && funnel.rate("registration")?.percent == 50)
        #expect(funnel.lost == 1 && funnel.shelved == 1 && funnel.signedDomestic == .yi(2) && funnel.signedForeign == .yi(2))
    }

    @Test("the rhythm counts a unit's activities and signings in the month only, and names a unit short of either")
    func rhythm() {
        let chaoyang = OrgUnit(kind: .region, code: "220104"), gongzhuling = OrgUnit(kind: .region, code: "220184")
        var signed = Self.lead()
        signed.signing = LeadSigning(on: Day(year: 2026, month: 10, day: 31)!, amount: .yi(3), contract: .formal, capital: .domestic)
        var lastMonth = Self.lead(2)
        lastMonth.signing = LeadSigning(on: Day(year: 2026, month: 9, day: 30)!, amount: .yi(1), contract: .formal, capital: .domestic)
        let activities = [AttractionActivity(unit: chaoyang, kind: .tripOut, on: Day(year: 2026, month: 10, day: 1)!, title: "赴深圳招商"),
                          AttractionActivity(unit: gongzhuling, kind: .fair, on: Day(year: 2026, month: 11, day: 1)!, title: "展会")]
        let rhythm = AttractionRhythm(month: Month(year: 2026, month: 10)!, units: [chaoyang, gongzhuling], activities: activities, leads: [signed, lastMonth], reference: catalog)
        #expect(rhythm.lines.map(\.activities) == [1, 0] && rhythm.lines.map(\.signings) == [1, 0] && rhythm.lines[0].signedAmount == .yi(3))
        #expect(rhythm.short.map(\.unit) == [gongzhuling])
        #expect(AttractionActivity(unit: OrgUnit(kind: .department, code: "CC-GXJ"), kind: .other, on: Self.today.adding(days: 1), title: " ")
            .problems(reference: catalog, today: Self.today).map(\.field) == ["title", "on", "unit"])
    }

    @Test("到位资金: 外资 counted in yuan at its rate; year to date against the same months of last year; 内资 only in yuan, no month to come")
    func funds() {
        let unit = OrgUnit(kind: .region, code: "220104")
        func funds(_ year: Int, _ month: Int, _ capital: LeadSigning.Capital, _ original: Int64, currency: String = "CNY", rate: Double = 1) -> ArrivedFunds {
            ArrivedFunds(leadId: 1, unit: unit, month: Month(year: year, month: month)!, capital: capital, currency: currency, original: original, rate: rate)
        }
        let all = [funds(2026, 3, .domestic, 130_000_000), funds(2026, 11, .domestic, 50_000_000), funds(2025, 5, .domestic, 100_000_000),
                   funds(2025, 12, .domestic, 80_000_000), funds(2026, 6, .foreign, 1_000_000, currency: "USD", rate: 7.1), funds(2025, 2, .foreign, 7_000_000)]
        #expect(all[4].amount == Money(yuan: 7_100_000))
        let october = FundsFigures(all, through: Month(year: 2026, month: 10)!)
        #expect(october.domestic == Money(yuan: 130_000_000) && october.lastYearDomestic == Money(yuan: 100_000_000), "November and last December are not October's")
        #expect(october.domesticGrowth == 30 && abs((october.foreignGrowth ?? 0) - (7_100_000.0 / 7_000_000 - 1) * 100) < 1e-9)
        #expect(FundsFigures([], through: Month(year: 2026, month: 10)!).domesticGrowth == nil, "no last year, no growth")
        #expect(funds(2026, 12, .domestic, 0, currency: "USD", rate: 7).problems(today: Self.today).map(\.field) == ["month", "amount", "currency"])
        #expect(funds(2026, 10, .foreign, 10, currency: "XYZ", rate: 0).problems(today: Self.today).map(\.field) == ["currency", "rate"])
    }

    @Test("dwell: a lead stays at a stage from coming in or moving in until the next move; a skipped stage is not entered; the median of those that moved on")
    func dwell() {
        let created = Day(year: 2026, month: 9, day: 1)!
        let leads = [Self.lead(1, created: created), Self.lead(2, created: created), Self.lead(3, created: created)]
        let moves: [Int64: [(on: Day, stage: String)]] = [
            1: [(created.adding(days: 4), "contact"), (created.adding(days: 14), "visit")],
            2: [(created.adding(days: 10), "contact"), (created.adding(days: 40), "signed")],
            3: [(created.adding(days: 20), "contact")],
        ]
        let funnel = LeadFunnel(leads, catalog: Self.pipeline, moves: moves)
        #expect(funnel.steps[0].movedOn == 3 && funnel.steps[0].medianDwellDays == 10, "4, 10, 20 days at 线索")
        #expect(funnel.steps[1].movedOn == 2 && funnel.steps[1].medianDwellDays == 20, "10 and 30 days at 接洽: the median of two is their mean")
        #expect(funnel.steps[2].movedOn == 0 && funnel.steps[2].medianDwellDays == nil, "lead 1 stands at 考察; lead 2 skipped it")
        #expect(funnel.steps[3].movedOn == 0, "洽谈 skipped by lead 2 is not entered")
        #expect(LeadFunnel(leads, catalog: Self.pipeline).steps.allSatisfy { $0.medianDwellDays == nil }, "without moves no dwell is claimed")
    }

    @Test("a working group's seat sees the leads of the classes its groups follow, never a confidential one; a lead's class comes from its district's or the city's schemes")
    func groupReach() {
        var classed = Self.lead(1)
        classed.schemeClassId = 42
        var secret = classed
        secret.id = 2
        secret.confidential = true
        var principal = Principal(userId: 1, username: "g", displayName: "g", roles: [.sponsor], unit: nil, positionId: 7)
        #expect(!Policy.leadReach(.viewLeads, of: principal, catalog: catalog).sees(classed))
        principal.followedClasses = [42]
        let reach = Policy.leadReach(.viewLeads, of: principal, catalog: catalog)
        #expect(reach.sees(classed) && !reach.sees(secret) && !reach.sees(Self.lead(3)))
        #expect(Policy.decide(.viewLeads, for: principal, catalog: catalog) == .allow)
        #expect(Policy.decide(.manageLeads, onLead: classed, for: principal, catalog: catalog) == .deny, "a group reads its leads; attraction staff work them")
        let regions = LeadRules.schemeRegions(of: OrgUnit(kind: .region, code: "220104"), reference: catalog)
        #expect(regions.contains("220104") && regions.contains("220100") && !regions.contains("220184"))
        if let zone = catalog.zones.first {
            let zoneRegions = LeadRules.schemeRegions(of: OrgUnit(kind: .zone, code: zone.code), reference: catalog)
            #expect(zoneRegions.contains("220100") && !zoneRegions.contains("220104"), "a zone is in no district: the city's schemes")
        }
    }

    @Test("who sees a lead: its unit and those inside; a confidential one only its unit, its leader and the city's 招商 office; the centre every other")
    func reach() {
        let own = Self.lead(unit: OrgUnit(kind: .region, code: "220104"))
        let secret = Self.lead(2, unit: OrgUnit(kind: .region, code: "220104"), confidential: true, seat: 9)
        let elsewhere = Self.lead(3, unit: OrgUnit(kind: .region, code: "220184"))
        func reach(_ roles: Set<Role>, unit: OrgUnit? = nil, seat: Int64? = nil) -> LeadReach {
            Policy.leadReach(.viewLeads, of: Principal(userId: 1, username: "u", displayName: "u", roles: roles, unit: unit, positionId: seat), catalog: catalog)
        }
        let district = reach([.attraction], unit: OrgUnit(kind: .region, code: "220104"))
        #expect(district.sees(own) && district.sees(secret) && !district.sees(elsewhere))
        let centre = reach([.center], unit: OrgUnit(kind: .department, code: "CC-GXJ"))
        #expect(centre.sees(own) && !centre.sees(secret) && centre.sees(elsewhere))
        let office = reach([.attraction], unit: OrgUnit(kind: .department, code: "CC-GXJ"))
        #expect(office.sees(secret) && office.sees(elsewhere), "a city department in the attraction role is the 招商 office")
        let leader = reach([.sponsor], seat: 9)
        #expect(leader.sees(secret) && !leader.sees(own))
        #expect(reach([.statistics], unit: OrgUnit(kind: .region, code: "220104")).isEmpty && reach([.secretary], seat: 4).isEmpty)
        let principal = Principal(userId: 1, username: "u", displayName: "u", roles: [.region], unit: OrgUnit(kind: .region, code: "220104"), positionId: nil)
        #expect(Policy.decide(.viewLeads, onLead: own, for: principal, catalog: catalog) == .allow)
        #expect(Policy.decide(.manageLeads, onLead: own, for: principal, catalog: catalog) == .deny, "县区 staff read; attraction staff work them")
        #expect(Policy.decide(.viewLeads, onLead: elsewhere, for: principal, catalog: catalog) == .notFound)
    }
}

extension Result {
    var failure: Failure? {
        if case .failure(let failure) = self { return failure }
        return nil
    }
}
