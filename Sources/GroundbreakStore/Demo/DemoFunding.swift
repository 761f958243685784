import Foundation
import GroundbreakDomain
import SQLKit

/// Two years of upper-level money for the demo city: each channel's batches of last year and
/// this (those opened by today), a few applications per batch from projects in the reserve,
/// approval and construction, and their lives played through `FundingRules` — most selected,
/// some not, money issued in tranches, arriving and spent, a few bond tranches spent late. This
/// year's batches carry a fifth more applications than last year's, as the seeds ask.
/// The province's figures for the bonds are entered for both years.
enum DemoFunding {
    struct Plan {
        var channel: String
        var name: String
        var programme: String
        var opens: (month: Int, day: Int)
        var days: Int
        var applications: Int
        /// The asked amount's range per project, in 万元.
        var askedWan: ClosedRange<Int64>
    }

    static let plans: [Plan] = [
        Plan(channel: "specialBond", name: "第一批新增专项债券", programme: "", opens: (1, 6), days: 45, applications: 9, askedWan: 5_000...60_000),
        Plan(channel: "specialBond", name: "第二批新增专项债券", programme: "", opens: (6, 3), days: 40, applications: 7, askedWan: 5_000...40_000),
        Plan(channel: "ultraLongBond", name: "超长期特别国债“两重”项目", programme: "“两重”·重点领域安全能力建设", opens: (3, 10), days: 30, applications: 4,
             askedWan: 10_000...80_000),
        Plan(channel: "centralBudget", name: "中央预算内投资（城市地下管网及设施）", programme: "城市地下管网及设施", opens: (2, 20), days: 30, applications: 4,
             askedWan: 2_000...20_000),
        Plan(channel: "centralBudget", name: "中央预算内投资（社会事业）", programme: "社会事业（教育、卫生健康、养老托育）", opens: (8, 1), days: 30, applications: 3,
             askedWan: 1_000...8_000),
        Plan(channel: "provincialBudget", name: "省预算内基本建设投资", programme: "基础设施", opens: (4, 1), days: 30, applications: 5, askedWan: 300...3_000),
        Plan(channel: "dualUse", name: "平急两用公共基础设施", programme: "", opens: (5, 10), days: 30, applications: 2, askedWan: 3_000...15_000),
        Plan(channel: "preliminaryFunds", name: "市级项目前期经费", programme: "前期项目", opens: (3, 1), days: 60, applications: 6, askedWan: 50...500),
    ]

    /// Keeps the batches, applications and province figures; returns how many applications.
    static func load(database: Database, reference: ReferenceCatalog, today: Day, seed: UInt64, actor: AuditActor, now: Date) async throws -> Int {
        let catalog = try FundingRepository.catalog()
        var random = SeededGenerator(seed: seed ^ 0xF0_0D_F0_0D)
        let pool = try await database.reader.raw("""
            SELECT id, region_code, zone_code, total_investment FROM projects WHERE stage IN ('reserve', 'approval', 'construction')
            ORDER BY id LIMIT 3000
            """).all().map { row in
            (id: try row.decode(column: "id", as: Int64.self), region: try row.decode(column: "region_code", as: String.self),
             zone: try row.decodeNil(column: "zone_code") ? nil : try row.decode(column: "zone_code", as: String.self),
             total: try row.decode(column: "total_investment", as: Int64.self))
        }
        guard pool.count >= 10 else { return 0 }
        let windows = FundingWindowRepository(database: database)
        let applications = FundingRepository(database: database)
        var made = 0
        for year in [today.year - 1, today.year] {
            for plan in plans {
                guard let opens = Day(year: year, month: plan.opens.month, day: plan.opens.day), opens < today else { continue }
                let window = try await windows.create(FundingWindow(channelCode: plan.channel, name: "\(year)年\(plan.name)", year: year, programme: plan.programme,
                                                                    opensOn: opens, closesOn: opens.adding(days: plan.days),
                                                                    departmentCode: catalog.channel(plan.channel)!.department),
                                                      catalog: catalog, reference: reference, actor: actor, now: now)
                let count = year == today.year ? plan.applications + (plan.applications + 4) / 5 : plan.applications
                for _ in 0..<count {
                    let picked = (0..<(1 + Int(random.next() % 3))).map { _ in pool[Int(random.next() % UInt64(pool.count))] }
                    let projects = Dictionary(picked.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first }).values.sorted { $0.id < $1.id }
                    let lead = projects[0]
                    let unit = lead.zone.map { OrgUnit(kind: .zone, code: $0) } ?? OrgUnit(kind: .region, code: lead.region)
                    let applied = projects.map { project in
                        AppliedProject(projectId: project.id, asked: Money.wan(min(plan.askedWan.lowerBound + Int64(random.next() % UInt64(plan.askedWan.count)),
                                                                               max(plan.askedWan.lowerBound, project.total / Money.yuanPerWan / 2))))
                    }
                    let created = opens.adding(days: Int(random.next() % 10))
                    guard created <= today else { continue }
                    let title = projects.count == 1 ? "\(year)年\(plan.name)申报" : "\(year)年\(plan.name)申报（\(projects.count)个项目打捆）"
                    var application = try await applications.create(
                        FundingApplication(title: title, channelCode: plan.channel, programme: plan.programme, windowId: window.id, unit: unit,
                                           handlerName: ["张", "王", "李", "刘", "陈", "赵"][Int(random.next() % 6)] + "科长", projects: applied,
                                           stateSince: created, createdOn: created),
                        catalog: catalog, reference: reference, actor: actor, today: today, now: now)
                    made += 1
                    for event in life(of: application, closes: opens.adding(days: plan.days), months: catalog.channel(plan.channel)?.spendWithinMonths,
                                      random: &random) where event.on <= today {
                        application = try await applications.record(event, applicationId: application.id, expectedVersion: application.version, actor: actor,
                                                                     today: today, now: now)
                    }
                }
            }
            if let bonds = try? await applications.applications(reach: FundingReach(everyUnit: true)) {
                let city = FundingMeasures(bonds.filter { $0.channelCode == "specialBond" }, from: Day(year: year, month: 1, day: 1)!,
                                           through: Day(year: year, month: 12, day: 31)!)
                if city.issuedProjects > 0 {
                    try await windows.setProvince(ProvinceFunding(year: year, channelCode: "specialBond", projects: city.issuedProjects * 3 + 2,
                                                                  amount: Money(yuan: city.issued.yuan / 100 * 170), note: "省财政厅通报（示例）"),
                                                  catalog: catalog, actor: actor, now: now)
                }
            }
        }
        return made
    }

    /// What happens to an application after it is kept: submitted before the batch closes, most
    /// selected for part of what they asked, the money issued in one or two tranches, arriving,
    /// and spent month by month — a bond tranche now and then left half spent past its months.
    static func life(of application: FundingApplication, closes: Day, months: Int?, random: inout SeededGenerator) -> [FundingEvent] {
        let id = application.id
        var day = min(closes, application.createdOn.adding(days: 5 + Int(random.next() % 20)))
        var events = [FundingEvent(applicationId: id, kind: .submitted, on: day, note: "材料已报送", actorName: "")]
        day = day.adding(days: 10 + Int(random.next() % 20))
        events.append(FundingEvent(applicationId: id, kind: .reviewing, on: day, note: "进入上级审核", actorName: ""))
        day = day.adding(days: 20 + Int(random.next() % 40))
        guard random.chance(0.75) else {
            events.append(FundingEvent(applicationId: id, kind: .rejected, on: day, note: ["前期手续不全，未通过审核", "收益平衡方案未通过财务评估", "不符合本批次支持方向"][Int(random.next() % 3)],
                                       actorName: ""))
            return events
        }
        let approved = Money(yuan: application.asked.yuan / 100 * Int64(60 + random.next() % 41))
        events.append(FundingEvent(applicationId: id, kind: .selected, on: day, amount: approved, note: "列入上级支持清单", actorName: ""))
        let tranches = random.chance(0.4) ? [approved.yuan / 2, approved.yuan - approved.yuan / 2] : [approved.yuan]
        for tranche in tranches {
            day = day.adding(days: 15 + Int(random.next() % 45))
            events.append(FundingEvent(applicationId: id, kind: .issued, on: day, amount: Money(yuan: tranche), note: "资金下达", actorName: ""))
            let arrive = day.adding(days: 5 + Int(random.next() % 25))
            events.append(FundingEvent(applicationId: id, kind: .arrived, on: arrive, amount: Money(yuan: tranche), note: "资金到位", actorName: ""))
            // Spent in monthly parts; a late bond stops at half.
            let late = months != nil && random.chance(0.25)
            let parts = late ? 2 : 3 + Int(random.next() % 3)
            var left = late ? tranche / 2 : tranche
            var spend = arrive
            for part in 0..<parts where left > 0 {
                spend = spend.adding(days: 25 + Int(random.next() % 30))
                let amount = part == parts - 1 ? left : left / Int64(parts - part)
                events.append(FundingEvent(applicationId: id, kind: .spent, on: spend, amount: Money(yuan: amount), note: "按进度支付", actorName: ""))
                left -= amount
            }
        }
        // Events are recorded in the order they happened.
        return events.sorted { $0.on < $1.on }
    }
}
