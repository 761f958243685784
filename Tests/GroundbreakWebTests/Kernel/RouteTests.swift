import Foundation
import GroundbreakDomain
import HTTPTypes
import Plot
@testable import GroundbreakWeb
import Testing

@Suite("Typed links")
struct RouteTests {
    @Test("query items are joined with ? or & as the route needs, and encoded")
    func addingQueryItems() {
        #expect(Route.reportsBoard(month: nil).path(notice: "saved") == "/reports?notice=saved")
        #expect(Route.reportsBoard(month: "2026-10").path(notice: "saved") == "/reports?month=2026-10&notice=saved")
        #expect(Route.project(7).path(notice: "created") == "/projects/7?notice=created")
        #expect(Route.project(7).path(adding: [("q", "汽车 & 零部件")]) == "/projects/7?q=%E6%B1%BD%E8%BD%A6%20%26%20%E9%9B%B6%E9%83%A8%E4%BB%B6")
        #expect(Route.project(7).path(adding: []) == "/projects/7")
    }

    @Test("a pattern's parameters are filled as whole segments, in place, and nothing else is touched")
    func fillingSegments() {
        #expect(Route.filling("/projects/:id/plans", with: [(":id", "7")]) == "/projects/7/plans")
        #expect(Route.filling("/admin/approval-items/:code", with: [(":code", "BUILD%2FPLAN")]) == "/admin/approval-items/BUILD%2FPLAN")
        #expect(Route.filling("/a/:id/:code/", with: [(":id", "1"), (":code", "x")]) == "/a/1/x/")
        // A segment that only begins with a parameter's name is another parameter, left as it is.
        #expect(Route.filling("/a/:idx/:id", with: [(":id", "2")]) == "/a/:idx/2")
        #expect(Route.filling("/reports", with: [(":id", "2")]) == "/reports")
        #expect(Route.filling("/projects/:id", with: []) == "/projects/:id")
        #expect(Route.project(42).path == "/projects/42" && Route.approvalItem("土地/预审").path == "/admin/approval-items/%E5%9C%9F%E5%9C%B0%2F%E9%A2%84%E5%AE%A1")
    }

    @Test("a query value is encoded as Foundation encodes it with the unreserved characters allowed")
    func encodingAsFoundation() {
        let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
        let pieces = ["a", "Z", "9", "-", ".", "_", "~", " ", "&", "=", "?", "#", "%", "+", "/", ",", "\"", "<", "汽", "车", "é", "😀", "\n", "\u{0}"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            let text = (0..<Int.random(in: 0...12, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            #expect(Route.encode(text) == text.addingPercentEncoding(withAllowedCharacters: unreserved), "\(text.debugDescription)")
        }
    }
}

extension RouteTests {
    @Test("a query or form value is decoded as Foundation decodes it (+ as a space, %XX as bytes, a stray % left as it came); bytes that are not UTF-8 become U+FFFD")
    func decodingAsFoundation() {
        // Pieces that cannot join into a new %XX: a truncated one is a sample of its own.
        let pieces = ["a", "Z", "9", "+", " ", "%20", "%2B", "%e6%b1%bd", "%E8%BD%A6", "%C3%A9", "%zz", "%00", "%25", "汽", "😀", "=", "&"]
        func foundation(_ text: String) -> String {
            let spaced = text.replacingOccurrences(of: "+", with: " ")
            return spaced.removingPercentEncoding ?? spaced
        }
        var generator = SystemRandomNumberGenerator()
        var samples = pieces + ["%", "%2", "%%41", "a%", "%4"]
        for _ in 0..<1_000 {
            samples.append((0..<Int.random(in: 0...8, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined())
        }
        for text in samples {
            #expect(FormData.decode(Substring(text)) == foundation(text), "\(text.debugDescription)")
        }
        // Foundation is not consistent here (it answers "%FF" as it came, "%A9" as U+FFFD): ours always replaces.
        #expect(FormData.decode("%FF") == "\u{FFFD}" && FormData.decode("a%C3+b") == "a\u{FFFD} b")
        #expect(FormData.decode("100%+x%2") == "100% x%2")
        #expect(FormData(encoded: "q=%E6%B1%BD%E8%BD%A6+%26+x&stage=construction&empty=&flag")["q"] == "汽车 & x")
    }
}

@Suite("Every typed link")
struct EveryLinkTests {
    /// One of every `Route` case.
    static func samples(id: Int64) -> [Route] {
        [.home, .login(next: "/projects?x=1"), .logout, .ledger, .ledgerCSV(ProjectQuery()), .ledgerXLSX(ProjectQuery()), .imports, .importCommit,
         .newProject, .project(id), .editProject(id), .transition(id), .asset("app.css"), .account, .password, .signOutEverywhere, .adminUsers,
         .newUser, .adminUser(id), .resetPassword(id), .lockUser(id), .issueToken(id), .revokeToken(id), .audit(FormData(pairs: [("action", "create")])),
         .auditCSV(FormData(pairs: [])), .projectApprovals(id), .approvalQueue(FormData(pairs: [("state", "overdue")])), .approvalAnalytics,
         .approvalBatches, .approvalBatch(id), .approvalPlan(id), .approvalAddItem(id), .approvalEvent(id), .addBatchProject(id), .calendarAdmin,
         .approvalItemsAdmin, .approvalItem("BUILD-PLAN"), .adminPositions, .adminPosition(id), .reassignPosition(id), .projectReports(id, year: 2026),
         .reportsBoard(month: "2026-10"), .reviewReport(id), .reportsGrid(month: nil), .stats, .targets(unit: "region:220104", month: "2026-10"),
         .closeMonth, .projectPlans(id), .reportPhotos(id), .file(id), .reopenMonth, .recordInclusion(id), .apiProjects, .apiProject(id), .openAPI,
         .problems(ProblemQuery()), .problem(id), .raiseProblem(projectId: id), .manageProblem(id), .handleProblem(id), .confirmProblem(id),
         .escalateProblems, .raiseEnterpriseProblem, .notifications, .markNotificationsRead, .adminWebhooks,
         .supervision(openOnly: false), .supervisedItem(id), .answerSupervision(id), .decideSupervision(id), .supervisionLetter(id), .meetings,
         .meeting(id), .meetingMinutes(id), .meetingMinutesDocx(id), .problemsXLSX(ProblemQuery()), .supervisionXLSX(.overdue),
         .reportsBoardXLSX(ReportBoardFilter(month: Month(year: 2026, month: 10)!, states: [.missing])), .targetsXLSX(unit: "region:220104", month: "2026-10"),
         .screen(measure: .overdue), .urgeReports, .acceptReports, .findProjectToRaise, .statistics([("unit", "220105")]),
         .statisticsDocx([("unit", "220105")]), .schemes(region: "220105"), .progressXLSX([("unit", "220105")], group: .band), .createScheme, .addSchemeClass(id), .editSchemeClass(id),
         .warnings(), .warningsXLSX(WarningFilter()), .warningRules, .saveWarningRules,
         .assessment(), .assessment(month: Month(year: 2026, month: 10)!), .assessmentXLSX(month: Month(year: 2026, month: 10)!, set: .departments), .taskForceRanking(id), .taskForceRankingXLSX(id, month: Month(year: 2026, month: 10)!),
         .bulletins, .createBulletin, .bulletin(id), .saveBulletin(id), .regenerateBulletin(id), .issueBulletin(id), .discardBulletin(id), .bulletinDocx(id),
         .taskForces, .taskForce(id), .workingGroup(id), .workingGroupXLSX(id), .workingGroupProjects(id),
         .portfolio(), .portfolio(seat: id), .portfolioXLSX(seat: id), .createTaskForce, .addWorkingGroup(id),
         .leads(), .leadsXLSX(LeadFilter()), .newLead, .createLead, .lead(id), .leadEvent(id), .linkLead(id), .landLead(id), .leadImport, .leadImportCommit, .taskForceLeadDispatch(id), .taskForceLeadDispatchXLSX(id, through: Day(year: 2026, month: 11, day: 20)!), .leadActivities(), .leadActivities(month: Month(year: 2026, month: 10)!), .recordLeadActivity, .leadFunds(), .recordLeadFunds(id), .leadFundsXLSX(month: Month(year: 2026, month: 10)!), .leadRhythmXLSX(month: Month(year: 2026, month: 10)!),
         .funding(), .fundingXLSX(FundingFilter()), .newFunding, .createFunding, .fundingApplication(id), .recordFunding(id), .answerFunding(id),
         .fundingFigures(), .fundingFigures(through: Day(year: 2026, month: 11, day: 20)!), .fundingFiguresXLSX(through: Day(year: 2026, month: 11, day: 20)!),
         .fundingWindows, .createFundingWindow, .setProvinceFunding, .fundingImport, .fundingImportCommit,
         .projectReadiness(id), .saveReadiness(id), .readinessProblem(id), .readinessStarts(), .readinessStartsXLSX(ReadinessFilter()), .landWaiting(),
         .landWaitingXLSX(ReadinessFilter()), .campaigns(), .campaigns(year: 2025), .createCampaign, .campaign(id), .campaignXLSX(id), .campaignProjects(id),
         .reserve(), .reserveXLSX(ReserveFilter()), .projectReserve(id), .saveReserve(id), .promoteReserve(id), .reserveImport, .reserveImportCommit, .groundworkTarget, .reserveDesignationsXLSX, .reserveConversionXLSX, .campaignsXLSX(year: 2026), .editFunding(id), .updateFunding(id)]
    }

    @Test("every link's path is its endpoint's pattern, and every page the router serves by GET has a typed link")
    func pathsMatchPatterns() {
        let samples = Self.samples(id: 42)
        for route in samples {
            let path = String(route.path.split(separator: "?", maxSplits: 1).first ?? "")
            let pattern = route.endpoint.pattern.replacingOccurrences(of: ":id", with: "42").replacingOccurrences(of: ":code", with: "BUILD-PLAN")
            let expected = route.endpoint == SystemEndpoints.asset ? "/assets/app.css" : pattern
            #expect(path == expected, "\(route) → \(route.path), endpoint \(route.endpoint.pattern)")
        }
        let linked = Set(samples.map(\.endpoint))
        let pages = Endpoint.allCases.filter { $0.kind == .page && $0.method == .get }
        #expect(pages.filter { !linked.contains($0) }.isEmpty, "pages without a typed link: \(pages.filter { !linked.contains($0) })")
    }

    @Test("the main navigation comes from the features: each entry a page served by GET, in a place of its own")
    func navigation() {
        let entries = NavigationEntry.all
        #expect(entries.count >= 10)
        #expect(entries.allSatisfy { $0.route.endpoint.kind == .page && $0.route.endpoint.method == .get }, "\(entries.map(\.route))")
        #expect(Set(entries.map(\.order)).count == entries.count && Set(entries.map(\.item)).count == entries.count)
        #expect(entries.first?.item == .home && entries.dropFirst().first?.item == .ledger, "the reader's home comes first, then the ledger")
    }

    @Test("the navigation kept once rendered is the one each reader's actions and page call for")
    func keptNavigation() throws {
        let principal = Principal(userId: 1, username: "a", displayName: "甲", roles: [.admin], unit: nil, positionId: nil)
        func nav(_ allowed: Set<PolicyAction>, active: NavItem) throws -> String {
            var context = PageContext(principal: principal, csrfToken: "t", today: Day(year: 2026, month: 12, day: 1)!)
            context.allowedActions = allowed
            let page = Layout.document(title: "t", context: context, nav: active, content: .empty).render()
            let start = try #require(page.range(of: "<nav class=\"mainnav\">")), end = try #require(page.range(of: "</nav>"))
            return String(page[start.upperBound..<end.lowerBound])
        }
        func expected(_ allowed: Set<PolicyAction>, active: NavItem) -> String {
            NavigationEntry.all.filter { $0.requires.map(allowed.contains) ?? true }
                .map { Layout.navLink($0.label, $0.route, active: $0.item == active).render() }.joined()
        }
        let everything = Set(PolicyAction.allCases)
        for (allowed, active) in [(everything, NavItem.home), (everything, .ledger), ([], .home), (everything, .home), ([], .ledger)] {
            #expect(try nav(allowed, active: active) == expected(allowed, active: active), "\(allowed.count) actions, \(active.name) active")
        }
        #expect(try nav(everything, active: .home) != nav([], active: .home), "a reader who may do less sees fewer entries")
    }
}
