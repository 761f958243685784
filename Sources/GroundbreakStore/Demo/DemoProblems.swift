import Foundation
import GroundbreakDomain
import SQLKit

/// Problems on the demo projects in approval and construction: raised over the last months,
/// assigned to the bureau the category calls for, and carried through the same rules a real one
/// goes through — some closed out, some still running, some overdue and escalated, a few suspended.
enum DemoProblems {
    /// The usual owner and a typical description per category.
    static let byCategory: [String: (owner: String, texts: [String])] = [
        "LAND": ("CC-ZRZY", ["年度用地指标未落实，影响开工", "土地组卷报批进度慢", "地块存在权属争议，供地受阻"]),
        "DEMOLITION": ("CC-ZJJ", ["红线内仍有 3 户未完成征收", "地上附着物补偿标准未谈妥"]),
        "PLANNING": ("CC-ZRZY", ["规划条件需调整容积率", "控规调整尚未批复"]),
        "APPROVAL": ("CC-ZSJ", ["施工许可材料需补正，办理周期长", "多部门审批意见不一致"]),
        "FUNDING": ("CC-CZJ", ["专项债资金拨付滞后", "项目贷款审批未通过，资金缺口较大"]),
        "UTILITIES": ("CC-GYJ", ["供电线路需迁改，外电源未接入", "燃气、供热管网未铺设到红线", "市政道路未贯通，施工车辆进出困难"]),
        "ENVIRONMENT": ("CC-STHJ", ["环评批复前置条件未满足", "施工扬尘整改要求影响进度"]),
        "CONSTRUCTION": ("CC-ZJJ", ["冬季施工方案未获批准", "总包单位人员设备投入不足"]),
        "LABOUR": ("CC-RSJ", ["技术工人招聘困难，用工缺口约 200 人"]),
        "POLICY": ("CC-GXJ", ["招商引资优惠政策兑现滞后", "技改补贴申报未获批复"]),
        "OTHER": ("CC-FGW", ["周边居民诉求需协调"]),
    ]

    /// Writes about one problem for every eight projects in approval or construction (at most
    /// 400), each with its events, inside the caller's transaction.
    static func load(projects: [DemoDataset.ProjectSpec], settings: ProblemSettings, calendar: WorkingCalendar, catalog: ReferenceCatalog,
                     today: Day, seed: UInt64, actorName: String, now: Date, db: any SQLDatabase) async throws -> Int {
        var random = SeededGenerator(seed: seed ^ 0x5EED_0B1E_C7ED_0006)
        let candidates = projects.filter { [.approval, .construction].contains($0.stage) }
        let count = min(candidates.count / 8 + (candidates.isEmpty ? 0 : 1), 400)
        guard count > 0 else { return 0 }
        let codes = settings.categories.map(\.code)
        var written = 0
        for index in 0..<count {
            let spec = candidates[(index * 7919) % candidates.count]
            let category = random.pick(codes)
            let plan = byCategory[category] ?? ("CC-FGW", ["需协调解决"])
            let owner = catalog.department(plan.owner) != nil ? OrgUnit(kind: .department, code: plan.owner) : OrgUnit(kind: .region, code: spec.fields.regionCode)
            let raisedOn = today.adding(days: -Int.random(in: 3...120, using: &random))
            let draft = Problem(projectId: spec.id, regionCode: spec.fields.regionCode, categoryCode: category, description: random.pick(plan.texts),
                                raisedByUserId: nil, raisedByName: "\(catalog.region(spec.fields.regionCode)?.name ?? "属地")项目办", raisedOn: raisedOn)
            let actor = AuditActor(userId: nil, name: actorName)
            var problem = try await ProblemRepository.insert(draft, actor: actor, now: now, db: db)
            written += 1

            // A script of dated events; it stops at today.
            let assignedOn = raisedOn.adding(days: Int.random(in: 1...5, using: &random))
            var script: [(Day, ProblemEvent)] = []
            let support = spec.fields.regionCode == owner.code ? [] : [OrgUnit(kind: .region, code: spec.fields.regionCode)]
            let deadline = calendar.addingWorkingDays(settings.rung(.unit)?.deadlineWorkingDays ?? 10, to: assignedOn).day
            script.append((assignedOn, .assign(owner: owner, support: support, deadline: deadline, level: .unit)))
            let fate = random.weighted([("closed", 0.45), ("running", 0.2), ("resolved", 0.1), ("silent", 0.1), ("suspended", 0.05), ("escalated", 0.1)])
            let replyOn = assignedOn.adding(days: Int.random(in: 2...6, using: &random))
            switch fate {
            case "closed", "resolved":
                let resolvedOn = replyOn.adding(days: Int.random(in: 2...12, using: &random))
                script.append((replyOn, .reply(text: "已与项目单位对接，正在协调办理")))
                script.append((resolvedOn, .resolve(evidence: "已协调解决，相关手续已办结")))
                if fate == "closed" { script.append((resolvedOn.adding(days: Int.random(in: 1...4, using: &random)), .closeOut(note: "经核实已解决"))) }
            case "running":
                script.append((replyOn, .reply(text: "正在研究解决方案")))
            case "suspended":
                script.append((replyOn, .suspend(reason: "等待省级政策明确")))
            case "escalated":
                let late = deadline.adding(days: 1)
                var escalating = problem
                escalating.owner = owner
                escalating.deadline = deadline
                escalating.status = .assigned
                if case .success(let event) = ProblemRules.escalation(of: escalating, reason: .overdue, note: "", settings: settings, calendar: calendar, today: late) {
                    script.append((late, event))
                }
            default:
                break
            }
            for (day, event) in script where day <= today {
                guard case .success = ProblemRules.apply(event, to: problem, today: day) else { break }
                problem = try await ProblemRepository.apply(event, to: problem, actor: actor, today: day, now: now, db: db)
            }
        }
        return written
    }
}
