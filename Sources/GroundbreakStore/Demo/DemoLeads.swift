import Foundation
import GroundbreakDomain
import SQLKit

/// A year of 招商 leads for the demo city: every district and top zone with a few dozen leads
/// from the catalogue's channels, investors of every kind, and a funnel that narrows as real ones
/// do — most stay in talks, some sign, fewer register, site and start; some are shelved or lost.
/// Each lead's life is played through `LeadRules`, so the rows are what the pages would have kept.
enum DemoLeads {
    static let places = ["深圳", "上海", "北京", "杭州", "苏州", "广州", "天津", "青岛", "宁波", "合肥", "成都", "武汉", "沈阳", "大连"]
    static let abroad = ["德国", "日本", "韩国", "新加坡", "法国", "美国"]
    /// An industry, its division, what is proposed and the classes of the districts' schemes
    /// (绿园's 7+3 groups, 二道's 产业类别) its leads fall in.
    static let industries: [(word: String, division: String, titles: [String], classes: [String])] = [
        ("汽车零部件", "36", ["年产20万套汽车座椅", "新能源汽车电驱系统", "汽车轻量化车身部件", "智能座舱电子"], ["两车配套产业组", "先进制造业"]),
        ("新能源", "38", ["动力电池模组", "储能电站", "氢能装备制造", "光伏组件"], ["双碳新兴产业组", "战略性新兴产业"]),
        ("生物医药", "27", ["生物疫苗生产基地", "中药现代化产业园", "医疗器械研发生产"], ["科技转化产业组", "战略性新兴产业"]),
        ("光电信息", "39", ["光电子器件", "卫星遥感数据中心", "半导体激光器"], ["科技转化产业组", "战略性新兴产业"]),
        ("智能装备", "34", ["工业机器人", "轨道交通装备维保基地", "数控机床"], ["两车配套产业组", "先进制造业"]),
        ("食品", "14", ["玉米深加工", "冷链食品加工", "乳制品生产线"], ["现代农业产业组", "现代农业及农产品加工业"]),
        ("现代物流", "59", ["智慧物流园", "冷链仓储中心", "跨境电商分拨中心"], ["现代服务业产业组", "现代服务业"]),
        ("数字经济", "65", ["数据中心", "软件与信息服务产业园", "工业互联网平台"], ["总部、金融产业组", "战略性新兴产业"]),
        ("文旅康养", "87", ["康养小镇", "冰雪旅游综合体", "文化创意园区"], ["公共、文旅产业组", "现代服务业"]),
    ]
    static let suffixes = ["有限公司", "股份有限公司", "集团有限公司", "科技有限公司"]
    static let reasons = ["投资方战略调整，暂缓在外布局", "用地条件暂不具备，待规划调整后再议", "已落户外省其他城市", "投资方资金链紧张"]

    /// Generates and keeps the leads in one transaction; returns how many.
    static func load(database: Database, catalog reference: ReferenceCatalog, today: Day, seed: UInt64, actor: AuditActor, now: Date) async throws -> Int {
        let catalog = try LeadRepository.catalog()
        var random = SeededGenerator(seed: seed ^ 0x1EAD_1EAD_0BAD_CAFE)
        let units = AssessmentCalculator.comparedUnits(.regions, reference, on: today).compactMap(\.regionOrZone)
        let sponsors = reference.positions.filter { $0.duty == .sponsor }.map(\.id)
        // A district's own scheme classes by name: its leads belong to the group of their industry.
        var classes: [String: [String: Int64]] = [:]
        for row in try await database.reader.raw("""
            SELECT c.id, c.name, s.region_code FROM scheme_classes c JOIN classification_schemes s ON s.id = c.scheme_id
            """).all() {
            classes[try row.decode(column: "region_code", as: String.self), default: [:]][try row.decode(column: "name", as: String.self)] =
                try row.decode(column: "id", as: Int64.self)
        }
        var investors: [Investor] = []
        var leads: [Lead] = []
        var events: [LeadEvent] = []
        for unit in units {
            let regionCode = unit.kind == .region ? unit.code : "220100"
            for _ in 0..<(36 + Int(random.next() % 24)) {
                let industry = industries[Int(random.next() % UInt64(industries.count))]
                let kind = random.weighted([(Investor.Kind.privateOwned, 0.45), (.stateOwned, 0.12), (.central, 0.08), (.china500, 0.1), (.global500, 0.05),
                                            (.foreign, 0.12), (.hongKongMacaoTaiwan, 0.08)])
                let home = [.foreign].contains(kind) ? abroad[Int(random.next() % UInt64(abroad.count))] : places[Int(random.next() % UInt64(places.count))]
                let investor = Investor(id: Int64(investors.count + 1), name: "\(home)\(["华", "博", "瑞", "中", "恒", "远", "达"][Int(random.next() % 7)])\(industry.word)\(suffixes[Int(random.next() % UInt64(suffixes.count))])",
                                        creditCode: kind == .foreign ? nil : creditCode(&random), kind: kind, homeRegion: home)
                investors.append(investor)
                // Two in five came in this past year, the rest over the three years before — those landed then still see
                // their 到位资金 arrive last year and this: a steady flow to compare with, as a city's is.
                let years = random.weighted([(0, 0.4), (1, 0.25), (2, 0.2), (3, 0.15)])
                let created = today.adding(days: -(365 * years + Int(random.next() % 360)) - 2)
                let amount = Money.wan(Int64([3_000, 5_000, 8_000, 10_000, 20_000, 50_000, 100_000][Int(random.next() % 7)]))
                var lead = Lead(id: Int64(leads.count + 1), title: industry.titles[Int(random.next() % UInt64(industry.titles.count))] + "项目", investor: investor,
                                industryDivision: reference.divisions.contains { $0.code == industry.division } ? industry.division : nil,
                                schemeClassId: unit.kind == .region ? industry.classes.lazy.compactMap { classes[unit.code]?[$0] }.first : nil,
                                intendedInvestment: amount, channelCode: catalog.channels[Int(random.next() % UInt64(catalog.channels.count))].code, unit: unit,
                                handlerName: ["王", "李", "张", "刘", "陈", "赵"][Int(random.next() % 6)] + ["明", "丽", "强", "静", "伟", "芳"][Int(random.next() % 6)],
                                sponsorSeat: sponsors.isEmpty || !random.chance(0.3) ? nil : sponsors[Int(random.next() % UInt64(sponsors.count))],
                                confidential: random.chance(0.08), stageCode: catalog.firstStage, stageSince: created, createdOn: created)
                events.append(LeadEvent(id: Int64(events.count + 1), leadId: lead.id, kind: .created, stageCode: lead.stageCode, on: created, actorName: lead.handlerName))
                // How far it gets: the older the lead, the further it may have come.
                let age = created.days(until: today)
                var target = min(catalog.stages.count - 1, Int(Double(catalog.stages.count - 1) * pow(random.chance(0.5) ? Double.random(in: 0..<1, using: &random) : 0.3, 1.6)
                                                                 * min(1, Double(age) / 200) + 0.5))
                // A lead from the year before has mostly landed: its funds are last year's to compare with.
                if age > 365, random.chance(0.4), let registered = catalog.index(catalog.registrationStage ?? "") {
                    target = min(catalog.stages.count - 1, registered + Int(random.next() % 3))
                }
                var day = created
                func play(_ action: LeadAction) {
                    guard case .success(let (next, event)) = LeadRules.apply(action, to: lead, catalog: catalog, actor: lead.handlerName, today: today) else { return }
                    lead = next
                    events.append(LeadEvent(id: Int64(events.count + 1), leadId: lead.id, kind: event.kind, stageCode: event.stageCode, direction: event.direction,
                                            on: event.on, note: event.note, actorName: event.actorName))
                }
                for index in 1...max(1, target) where index <= target {
                    // Steps spread over the lead's life, so signings fall in every month; one from the year before moved
                    // on within months, so last year has arrivals to compare with.
                    let span = age > 365 ? min(Double(age) / Double(target + 1), 35) : Double(age) / Double(target + 1)
                    day = min(today, day.adding(days: max(1, Int(span * Double.random(in: 0.6..<1.1, using: &random)))))
                    let stage = catalog.stages[index]
                    if stage.code == "visit" { play(.visit(random.chance(0.6) ? .outbound : .inbound, on: day, note: "赴投资方总部考察，洽谈合作方式")) }
                    let signing = stage.records == "signing"
                        ? LeadSigning(on: day, amount: amount, contract: random.chance(0.6) ? .formal : .framework, capital: kind == .foreign || kind == .hongKongMacaoTaiwan ? .foreign : .domestic)
                        : nil
                    let code = stage.records == "registration" ? creditCode(&random, region: regionCode) : nil
                    play(.advance(to: stage.code, on: day, note: "", signing: signing, creditCode: code))
                }
                if target < 4, age > 90, random.chance(age > 365 ? 0.6 : 0.25) {
                    day = min(today, day.adding(days: 10))
                    play(random.chance(0.5) ? .shelve(on: day, reason: reasons[Int(random.next() % 2)]) : .lose(on: day, reason: reasons[2 + Int(random.next() % 2)]))
                } else if lead.status == .active, random.chance(0.7) {
                    // Most leads being worked were reported on within the last two weeks or so; the rest have lapsed.
                    play(.note(on: max(day, today.adding(days: -Int(random.next() % 20))), note: "与投资方电话沟通，推进项目方案"))
                }
                leads.append(lead)
            }
        }
        // 到位资金 month by month after the signing, for those that registered: about a thirty-sixth of the intention a month.
        var funds: [ArrivedFunds] = []
        for lead in leads {
            guard let signing = lead.signing, let reached = catalog.index(lead.stageCode), let registered = catalog.index(catalog.registrationStage ?? ""),
                  reached >= registered else { continue }
            var month = Month(signing.on).next
            // Arrivals run for three years after the signing.
            let last = Month(year: Month(signing.on).year + 3, month: Month(signing.on).month)!
            while month <= Month(today) && month <= last {
                if random.chance(0.7) {
                    let yuan = Int64(Double(lead.intendedInvestment.yuan) / 36 * Double.random(in: 0.5..<1.5, using: &random)) / 10_000 * 10_000
                    funds.append(signing.capital == .foreign
                        ? ArrivedFunds(id: Int64(funds.count + 1), leadId: lead.id, unit: lead.unit, month: month, capital: .foreign, currency: "USD",
                                       original: yuan / 7, rate: 7.1)
                        : ArrivedFunds(id: Int64(funds.count + 1), leadId: lead.id, unit: lead.unit, month: month, capital: .domestic, original: yuan))
                }
                month = month.next
            }
        }
        // Activities month by month: most units hold one or two, some months none (the rhythm check lists them).
        var activities: [(AttractionActivity, [Int64])] = []
        let titles: [AttractionActivity.Kind: String] = [.tripOut: "赴长三角开展产业链招商", .visitIn: "接待客商来访考察", .fair: "参加东北亚博览会推介",
                                                          .signingCeremony: "重点项目集中签约仪式", .online: "线上项目洽谈会", .other: "招商政策宣讲会"]
        for unit in units {
            var month = Month(today)
            for _ in 0..<12 {
                defer { month = month.previous }
                for _ in 0..<random.weighted([(0, 0.2), (1, 0.5), (2, 0.25), (3, 0.05)]) {
                    let kind = AttractionActivity.Kind.allCases[Int(random.next() % UInt64(AttractionActivity.Kind.allCases.count))]
                    let day = min(today, month.firstDay.adding(days: Int(random.next() % 27)))
                    let moved = leads.filter { $0.unit == unit && Month($0.lastActivityOn) == month }.prefix(2).map(\.id)
                    activities.append((AttractionActivity(id: Int64(activities.count + 1), unit: unit, kind: kind, on: day, title: titles[kind] ?? "",
                                                          leaderSeat: sponsors.isEmpty || !random.chance(0.4) ? nil : sponsors[Int(random.next() % UInt64(sponsors.count))],
                                                          investorsMet: moved.isEmpty ? "" : leads[Int(moved[0]) - 1].investor.name, note: "", recordedBy: "演示数据"),
                                       Array(moved)))
                }
            }
        }
        let engine = database.engine
        try await database.transaction { [investors, leads, events, activities, funds] db in
            for batch in investors.chunked(into: DemoLoader.batchSize) {
                try await db.raw("""
                    INSERT INTO investors (id, name, credit_code, kind, home_region) VALUES
                    \(batch.map { "(\(bind: $0.id), \(bind: $0.name), \(bind: $0.creditCode), \(bind: $0.kind.rawValue), \(bind: $0.homeRegion))" as SQLQueryString }
                        .joined(separator: ", "))
                    """).run()
            }
            for batch in leads.chunked(into: DemoLoader.batchSize / 3) {
                try await db.raw("""
                    INSERT INTO leads (id, title, investor_id, industry_division, scheme_class_id, intended_yuan, channel, unit_kind, unit_code, handler_name,
                                       sponsor_seat, confidential, stage, stage_since, status, status_reason, signed_on, signed_yuan, contract_kind, capital,
                                       registered_credit_code, created_on, first_action_on, assessed_on, last_activity_on, version) VALUES
                    \(batch.map { row(of: $0) }.joined(separator: ", "))
                    """).run()
            }
            for batch in events.chunked(into: DemoLoader.batchSize) {
                try await db.raw("""
                    INSERT INTO lead_events (id, lead_id, kind, stage, direction, happened_on, note, actor_name, recorded_at) VALUES
                    \(batch.map { "(\(bind: $0.id), \(bind: $0.leadId), \(bind: $0.kind.rawValue), \(bind: $0.stageCode), \(bind: $0.direction?.rawValue), \(bind: $0.on.iso), \(bind: $0.note), \(bind: $0.actorName), \(bind: StoredTime.text(now)))" as SQLQueryString }
                        .joined(separator: ", "))
                    """).run()
            }
            for batch in activities.chunked(into: DemoLoader.batchSize / 2) {
                try await db.raw("""
                    INSERT INTO attraction_activities (id, unit_kind, unit_code, kind, happened_on, title, leader_seat, investors_met, note, recorded_by, recorded_at) VALUES
                    \(batch.map { item in let a = item.0; return "(\(bind: a.id), \(bind: a.unit.kind.rawValue), \(bind: a.unit.code), \(bind: a.kind.rawValue), \(bind: a.on.iso), \(bind: a.title), \(bind: a.leaderSeat), \(bind: a.investorsMet), '', \(bind: a.recordedBy), \(bind: StoredTime.text(now)))" as SQLQueryString }
                        .joined(separator: ", "))
                    """).run()
            }
            let links = activities.flatMap { item in item.1.map { (item.0.id, $0) } }
            for batch in links.chunked(into: DemoLoader.batchSize) {
                try await db.raw("""
                    INSERT INTO attraction_activity_leads (activity_id, lead_id) VALUES
                    \(batch.map { "(\(bind: $0.0), \(bind: $0.1))" as SQLQueryString }.joined(separator: ", "))
                    """).run()
            }
            for batch in funds.chunked(into: DemoLoader.batchSize) {
                try await db.raw("""
                    INSERT INTO lead_funds (id, lead_id, month, capital, currency, original_amount, rate, yuan, note, recorded_by, recorded_at) VALUES
                    \(batch.map { "(\(bind: $0.id), \(bind: $0.leadId), \(bind: $0.month.iso), \(bind: $0.capital.rawValue), \(bind: $0.currency), \(bind: $0.original), \(bind: $0.rate), \(bind: $0.amount.yuan), '', '演示数据', \(bind: StoredTime.text(now)))" as SQLQueryString }
                        .joined(separator: ", "))
                    """).run()
            }
            for table in ["investors", "leads", "lead_events", "attraction_activities", "lead_funds"] {
                if let reset = Dialect.resetIdentity(table: table, engine: engine) { try await db.raw(SQLQueryString(reset)).run() }
            }
            try await AuditLog.write(entity: "dataset", entityId: "demo-leads", action: "bulk-load", before: nil,
                                     after: AuditLog.json(["leads": leads.count, "events": events.count]), reason: StoreText.demoReason, actor: actor, now: now, db: db)
        }
        return leads.count
    }

    static func row(of lead: Lead) -> SQLQueryString {
        let signing = lead.signing
        return """
            (\(bind: lead.id), \(bind: lead.title), \(bind: lead.investor.id), \(bind: lead.industryDivision), \(bind: lead.schemeClassId), \(bind: lead.intendedInvestment.yuan),
             \(bind: lead.channelCode), \(bind: lead.unit.kind.rawValue), \(bind: lead.unit.code), \(bind: lead.handlerName), \(bind: lead.sponsorSeat),
             \(bind: lead.confidential ? 1 : 0), \(bind: lead.stageCode), \(bind: lead.stageSince.iso), \(bind: lead.status.rawValue), \(bind: lead.statusReason),
             \(bind: signing?.on.iso), \(bind: signing?.amount.yuan), \(bind: signing?.contract.rawValue), \(bind: signing?.capital.rawValue),
             \(bind: lead.registeredCreditCode), \(bind: lead.createdOn.iso), \(bind: lead.firstActionOn?.iso), \(bind: lead.assessedOn?.iso),
             \(bind: lead.lastActivityOn.iso), \(bind: lead.version))
            """
    }

    static func creditCode(_ random: inout SeededGenerator, region: String = "220100") -> String {
        let alphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
        var prefix = "91" + region
        for _ in 0..<9 { prefix.append(alphabet[Int(random.next() % UInt64(alphabet.count))]) }
        return prefix + String(CreditCode.checkCharacter(forPrefix: prefix)!)
    }
}
