import Foundation
import GroundbreakDomain
import HTTPTypes
@testable import GroundbreakStore
import GroundbreakTestSupport
@testable import GroundbreakWeb
import HummingbirdTesting
import Testing

extension AuthorisationMatrixTests {
    /// Objects the requests refer to.
    struct World: Sendable {
        var projectA: Int64
        var projectB: Int64
        var targetUser: Int64
        var token: Int64
        var secretarySeat: Int64
        var sponsorSeat: Int64
        /// The 企业投资项目备案 item (approved by 市发改委, a department no matrix caller sits in) of A and of B.
        var approvalA: Int64
        var approvalB: Int64
        var batch: Int64
        /// October's report of A and of B, sent by the project side.
        var reportA: Int64
        var reportB: Int64
        /// A site photo of A and of B (the in-scope file of the matrix is A's photo).
        var photoA: Int64
        var photoB: Int64
        /// A problem of A owned by 市工信局, and one of B owned by 市交通局, both assigned.
        var problemA: Int64
        var problemB: Int64
        /// A supervised item owned by 市工信局, and one owned by 市交通局.
        var itemA: Int64
        var itemB: Int64
        /// A meeting whose agenda is A's problem, and one whose agenda is B's.
        var meetingA: Int64
        var meetingB: Int64
        /// An evidence file on A's problem and one on B's (the out-of-scope file is B's evidence).
        var fileA: Int64
        var fileB: Int64
        /// An issued bulletin (read by every reader of the ranking) and a draft (its writers' alone).
        var bulletinA: Int64 = 0
        var bulletinB: Int64 = 0
        /// 朝阳区's task force (a group led by the sponsor's seat, following A) and 九台区's (following B), and a group of each.
        var taskForceA: Int64 = 0
        var taskForceB: Int64 = 0
        var groupA: Int64 = 0
        var groupB: Int64 = 0
        /// A lead of 朝阳区 (its 分管领导 the sponsor's seat) and one of 九台区.
        var leadA: Int64 = 0
        var leadB: Int64 = 0
        /// An application for upper-level money by 朝阳区 (for project A) and one by 九台区 (for B).
        var fundingA: Int64 = 0
        var fundingB: Int64 = 0
        /// A 集中开工 batch listing A and B.
        var campaign: Int64 = 0
        /// 朝阳区's scheme and its one class (reference data: the same for every caller).
        var scheme: Int64 = 0
        var schemeClass: Int64 = 0
    }

    static let problemTextA = "用地问题甲（范围内）"
    static let problemTextB = "用地问题乙（范围外）"

    static func makeWorld(_ fixture: WebFixture) async throws -> World {
        let positions = fixture.services.positions
        let secretary = try await positions.create(title: "项目秘书", unitName: "市工信局", duty: .secretary, holder: ("秘书甲", ""), since: webToday, actor: .system("test"))
        let sponsor = try await positions.create(title: "副市长", unitName: "市政府", duty: .sponsor, holder: ("领导乙", ""), since: webToday, actor: .system("test"))
        try await fixture.services.reloadCatalog()
        let catalog = fixture.services.catalog()
        func project(_ name: String, region: String, lead: String, seats: Bool) async throws -> Int64 {
            var input = ProjectInput()
            input.name = name
            input.regionCode = region
            input.categoryCode = "IND-MFG"
            input.investmentType = "enterprise"
            input.totalInvestmentWan = "80000"
            input.ownerName = "某公司"
            input.leadDepartmentCode = lead
            if seats {
                input.secretaryPositionId = String(secretary)
                input.sponsorPositionId = String(sponsor)
            }
            return try await fixture.services.projects.create(
                input, stage: .attraction, allowed: .everything, actor: .system("test"), catalog: catalog, today: webToday, now: webNow
            ).id
        }
        let a = try await project("范围内项目甲", region: "220104", lead: "CC-GXJ", seats: true)
        let b = try await project("范围外项目乙", region: "220113", lead: "CC-JTJ", seats: false)
        let target = try await fixture.services.users.create(
            username: "target", settings: AccountSettings(displayName: "被管理用户", roles: [.viewer], unit: OrgUnit(kind: .region, code: "220104"), positionId: nil),
            passwordHash: try await Passwords.hash("Target#2026", cost: 4), mustChangePassword: false, actor: .system("test")
        )
        let token = try await fixture.services.tokens.issue(userId: target.id, name: "对接", actor: .system("test"))
        var filingItems: [Int64] = []
        for id in [a, b] {
            try await fixture.services.approvals.setPlan(projectId: id, type: .enterpriseFiling, targetStart: nil, catalog: fixture.services.approvalItems(),
                                                         actor: .system("test"), today: webToday, now: webNow)
            filingItems.append(try await fixture.services.approvals.approvals(projectId: id).first { $0.itemCode == "ENT-FILING" }!.id)
        }
        let batch = try await fixture.services.batches.create(name: "矩阵批次", heldOn: webToday, description: "", actor: .system("test"), now: webNow)
        try await fixture.services.batches.addProject(batchId: batch.id, projectId: a, actor: .system("test"), now: webNow)
        var reports: [Int64] = []
        for id in [a, b] {
            reports.append(try await Self.sendReport(fixture, project: id, month: Month(year: 2026, month: 10)!).id)
        }
        var photos: [Int64] = []
        for id in [a, b] {
            photos.append(try await fixture.services.files.add(.sitePhoto(projectId: id, month: Month(year: 2026, month: 10)!), name: "现场.png", bytes: tinyPNG,
                                                                          maxBytes: 1 << 20, actor: .system("test"), now: webNow).id)
        }
        var problems: [Int64] = []
        for (id, owner, description) in [(a, "CC-GXJ", problemTextA), (b, "CC-JTJ", problemTextB)] {
            let project = try #require(try await fixture.services.projects.project(id: id))
            let raised = try await fixture.services.problems.raise(
                Problem(projectId: id, regionCode: project.fields.regionCode, categoryCode: "LAND", description: description, raisedByUserId: nil,
                        raisedByName: "测试", raisedOn: webToday), actor: .system("test"), now: webNow)
            let assigned = try await fixture.services.problems.record(
                .assign(owner: OrgUnit(kind: .department, code: owner), support: [], deadline: Day(year: 2026, month: 12, day: 31)!, level: .unit),
                problemId: raised.id, expectedVersion: raised.version, actor: .system("test"), today: webToday, now: webNow)
            problems.append(assigned.id)
        }
        // B's meeting is held earlier, so A's does not carry B's problem over onto its agenda.
        func meeting(_ title: String, problem: Int64, note: String, heldOn: Day) async throws -> Int64 {
            try await fixture.services.meetings.create(
                Meeting(kindCode: "weeklyDispatch", title: title, heldOn: heldOn, agenda: [Meeting.AgendaItem(problemId: problem, note: note)]),
                settings: fixture.services.meetingSettings, actor: .system("test"), now: webNow).id
        }
        var items: [Int64] = []
        for owner in ["CC-GXJ", "CC-JTJ"] {
            items.append(try await fixture.services.supervision.create(
                SupervisedItem(content: "督办事项", owner: OrgUnit(kind: .department, code: owner), deadline: Day(year: 2026, month: 12, day: 31)!,
                               source: .leaderInstruction, createdOn: webToday, createdBy: "测试"), actor: .system("test"), today: webToday, now: webNow).id)
        }
        let schemes = SchemeRepository(database: fixture.services.database)
        let scheme = try await schemes.create(regionCode: "220104", name: "矩阵口径", catalog: catalog, actor: .system("test"), now: webNow)
        let schemeClass = try await schemes.add(SchemeClass(schemeId: scheme.id, name: "矩阵类别"), expectedVersion: scheme.version, catalog: catalog,
                                                actor: .system("test"), now: webNow)
        var world = World(projectA: a, projectB: b, targetUser: target.id, token: token.record.id, secretarySeat: secretary, sponsorSeat: sponsor,
                     approvalA: filingItems[0], approvalB: filingItems[1], batch: batch.id, reportA: reports[0], reportB: reports[1],
                     photoA: photos[0], photoB: photos[1], problemA: problems[0], problemB: problems[1], itemA: items[0], itemB: items[1],
                     meetingA: try await meeting("周调度会", problem: problems[0], note: problemTextA, heldOn: webToday),
                     meetingB: try await meeting("上周调度会", problem: problems[1], note: problemTextB, heldOn: webToday.adding(days: -7)),
                     fileA: try await fixture.services.files.add(.problemEvidence(problemId: problems[0]), name: "a.png", bytes: tinyPNG, maxBytes: 1 << 20, actor: .system("test"), now: webNow).id,
                     fileB: try await fixture.services.files.add(.problemEvidence(problemId: problems[1]), name: "b.png", bytes: tinyPNG, maxBytes: 1 << 20, actor: .system("test"), now: webNow).id)
        world.scheme = scheme.id
        world.schemeClass = schemeClass.id
        let bulletins = fixture.services.bulletins
        let section = [BulletinSection(heading: "一、总体情况", paragraphs: ["矩阵通报正文。"])]
        let issued = try await bulletins.createDraft(kind: .supervision, month: Month(year: 2026, month: 10)!, title: "矩阵已印发通报", sections: section,
                                                     actor: .system("test"), now: webNow)
        world.bulletinA = try await bulletins.issue(id: issued.id, expectedVersion: issued.version, rules: fixture.services.bulletinRules, actor: .system("test"),
                                                    today: webToday, now: webNow).id
        let forces = fixture.services.taskForces
        let forceA = try await forces.create(TaskForce(unit: OrgUnit(kind: .region, code: "220104"), name: "朝阳区矩阵专班", groups: [
            WorkingGroup(name: "矩阵工作组", leaderSeats: [sponsor], projectIds: [a]),
        ]), catalog: catalog, actor: .system("test"), now: webNow)
        let forceB = try await forces.create(TaskForce(unit: OrgUnit(kind: .region, code: "220113"), name: "九台区矩阵专班", groups: [
            WorkingGroup(name: "矩阵工作组", projectIds: [b]),
        ]), catalog: catalog, actor: .system("test"), now: webNow)
        world.taskForceA = forceA.id
        world.taskForceB = forceB.id
        world.groupA = forceA.groups[0].id
        world.groupB = forceB.groups[0].id
        world.bulletinB = try await bulletins.createDraft(kind: .supervision, month: Month(year: 2026, month: 10)!, title: "矩阵草稿", sections: section,
                                                          actor: .system("test"), now: webNow).id
        for (unit, seat) in [("220104", Optional(sponsor)), ("220113", nil)] {
            let lead = try await fixture.services.leads.create(
                Lead(title: "矩阵线索\(unit)", investor: Investor(name: "矩阵投资方\(unit)", kind: .privateOwned), intendedInvestment: .yi(1), channelCode: "fair",
                     unit: OrgUnit(kind: .region, code: unit), sponsorSeat: seat, stageCode: "", stageSince: webToday, createdOn: webToday),
                catalog: fixture.services.leadCatalog, reference: catalog, actor: .system("test"), today: webToday, now: webNow)
            if unit == "220104" { world.leadA = lead.id } else { world.leadB = lead.id }
        }
        for (unit, project) in [("220104", a), ("220113", b)] {
            let application = try await fixture.services.funding.create(
                FundingApplication(title: "矩阵申报\(unit)", channelCode: "specialBond", unit: OrgUnit(kind: .region, code: unit), handlerName: "测试",
                                   projects: [AppliedProject(projectId: project, asked: .wan(1_000))], stateSince: webToday, createdOn: webToday),
                catalog: fixture.services.fundingCatalog, reference: catalog, actor: .system("test"), today: webToday, now: webNow)
            if unit == "220104" { world.fundingA = application.id } else { world.fundingB = application.id }
        }
        let campaigns = fixture.services.campaigns
        world.campaign = try await campaigns.create(Campaign(year: 2026, season: "autumn", name: "矩阵集中开工", heldOn: Day(year: 2026, month: 9, day: 15)!),
                                                    catalog: fixture.services.campaignCatalog, reference: catalog, actor: .system("test"), now: webNow).id
        for project in [a, b] { _ = try await campaigns.set(projectId: project, on: world.campaign, add: true, actor: .system("test"), today: webToday, now: webNow) }
        return world
    }

    /// Sends (or sends again) a project's report for `month` as the project side would.
    @discardableResult
    static func sendReport(_ fixture: WebFixture, project: Int64, month: Month) async throws -> MonthlyReport {
        let existing = try await fixture.services.reports.reports(projectId: project).first { $0.month == month }
        return try await fixture.services.reports.submit(
            project: try await fixture.services.projects.project(id: project)!, month: month, figures: MonthlyFigures(dispatch: .wan(1200)),
            expectedVersion: existing?.version, rules: fixture.services.reportRules, actor: .system("test"), today: webToday, now: webNow)
    }
}
