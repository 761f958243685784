import Foundation
import GroundbreakDomain
import HTTPTypes
@testable import GroundbreakStore
import GroundbreakTestSupport
@testable import GroundbreakWeb
import HummingbirdTesting
import Testing

extension AuthorisationMatrixTests {
    /// Sends the request for one cell of the matrix.
    static func send(
        _ endpoint: Endpoint, inScope: Bool, as fixture: WebFixture, signedIn: Bool, world: World, client: any TestClientProtocol, serial: Int
    ) async throws -> TestResponse {
        let project = inScope ? world.projectA : world.projectB
        func path(_ route: Route) -> String { route.path }
        func current() async throws -> Project? { try await fixture.services.projects.project(id: project) }
        switch endpoint {
        case AccountsEndpoints.loginSubmit.endpoint:
            let page = try await client.send(.get, "/login", as: fixture, signedIn: false)
            let token = String(page.text.firstMatch(of: /name="_csrf" value="([^"]+)"/)?.1 ?? "")
            let cookie = String(page.headers[.setCookie]?.firstMatch(of: /gb_login_csrf=([^;]+)/)?.1 ?? "")
            return try await client.send(.post, "/login", as: fixture, signedIn: false,
                                         form: [("_csrf", token), ("username", "target"), ("password", "wrong")], csrf: false,
                                         headers: [.cookie: "gb_login_csrf=\(cookie)"])
        case SystemEndpoints.asset.endpoint:
            return try await client.send(.get, "/assets/app.css", as: fixture, signedIn: signedIn)
        case AccountsEndpoints.passwordSubmit.endpoint:
            return try await client.send(.post, endpoint.pattern, as: fixture, signedIn: signedIn,
                                         form: [("current", "Passw0rd!"), ("new", "Another#2026"), ("confirm", "Different#2026")])
        case ProjectsEndpoints.projectCreate.endpoint, ProjectsEndpoints.apiCreateProject.endpoint:
            let region = inScope ? "220104" : "220113", lead = inScope ? "CC-GXJ" : "CC-JTJ"
            if endpoint == ProjectsEndpoints.apiCreateProject {
                return try await client.send(.post, endpoint.pattern, as: fixture, signedIn: signedIn, json: """
                    {"name":"矩阵新建\(serial)","regionCode":"\(region)","categoryCode":"IND-MFG","investmentType":"enterprise",
                     "totalInvestment":600000000,"leadDepartmentCode":"\(lead)","stage":"reserve"}
                    """)
            }
            return try await client.send(.post, endpoint.pattern, as: fixture, signedIn: signedIn, form: [
                ("name", "矩阵新建\(serial)"), ("regionCode", region), ("categoryCode", "IND-MFG"), ("investmentType", "enterprise"),
                ("totalInvestment", "60000"), ("leadDepartmentCode", lead), ("stage", "reserve"),
            ])
        case ProjectsEndpoints.projectUpdate.endpoint, ProjectsEndpoints.apiUpdateProject.endpoint:
            let version = try await current()?.version ?? 1
            if endpoint == ProjectsEndpoints.apiUpdateProject {
                return try await client.send(.patch, path(.apiProject(project)), as: fixture, signedIn: signedIn, json: #"{"version":\#(version)}"#)
            }
            let fields = try await current()!.fields
            let input = ProjectInput(fields: fields)
            var form: [(String, String)] = [
                ("version", String(version)), ("name", input.name), ("regionCode", input.regionCode), ("categoryCode", input.categoryCode),
                ("investmentType", input.investmentType), ("totalInvestment", input.totalInvestmentWan), ("ownerName", input.ownerName),
                ("leadDepartmentCode", input.leadDepartmentCode), ("sponsorPositionId", input.sponsorPositionId),
                ("secretaryPositionId", input.secretaryPositionId),
            ]
            form.removeAll { $0.1.isEmpty }
            return try await client.send(.post, path(.editProject(project)), as: fixture, signedIn: signedIn, form: form)
        case ProjectsEndpoints.projectTransition.endpoint, ProjectsEndpoints.apiTransitionProject.endpoint:
            let now = try await current()
            let target = now?.stage == .attraction ? "reserve" : "attraction"
            let version = now?.version ?? 1
            if endpoint == ProjectsEndpoints.apiTransitionProject {
                return try await client.send(.post, endpoint.pattern.replacingOccurrences(of: ":id", with: String(project)), as: fixture, signedIn: signedIn,
                                             json: #"{"target":"\#(target)","version":\#(version)}"#)
            }
            return try await client.send(.post, path(.transition(project)), as: fixture, signedIn: signedIn,
                                         form: [("target", target), ("version", String(version))])
        case AccountsEndpoints.adminUserCreate.endpoint:
            return try await client.send(.post, endpoint.pattern, as: fixture, signedIn: signedIn, form: [
                ("username", "new\(serial)"), ("displayName", "新用户"), ("roles", "viewer"), ("unit", "region:220104"),
            ])
        case AccountsEndpoints.adminUserUpdate.endpoint:
            return try await client.send(.post, path(.adminUser(world.targetUser)), as: fixture, signedIn: signedIn,
                                         form: [("displayName", "被管理用户"), ("roles", "viewer"), ("unit", "region:220104")])
        case AccountsEndpoints.adminUserLock.endpoint:
            return try await client.send(.post, path(.lockUser(world.targetUser)), as: fixture, signedIn: signedIn, form: [("action", "unlock")])
        case AccountsEndpoints.adminTokenIssue.endpoint:
            return try await client.send(.post, path(.issueToken(world.targetUser)), as: fixture, signedIn: signedIn, form: [("name", "令牌\(serial)")])
        case ApprovalsEndpoints.projectApprovalPlan.endpoint, ApprovalsEndpoints.apiApprovalPlan.endpoint:
            if endpoint == ApprovalsEndpoints.apiApprovalPlan {
                return try await client.send(.post, endpoint.pattern.replacingOccurrences(of: ":id", with: String(project)), as: fixture, signedIn: signedIn,
                                             json: #"{"approvalType":"enterpriseFiling","targetStart":"2027-06-30"}"#)
            }
            return try await client.send(.post, path(.approvalPlan(project)), as: fixture, signedIn: signedIn,
                                         form: [("approvalType", "enterpriseFiling"), ("targetStart", "2027-06-30")])
        case ApprovalsEndpoints.projectApprovalAddItem.endpoint:
            return try await client.send(.post, path(.approvalAddItem(project)), as: fixture, signedIn: signedIn, form: [("itemCode", "ENERGY")])
        case ApprovalsEndpoints.approvalEvent.endpoint, ApprovalsEndpoints.apiApprovalEvent.endpoint:
            let approval = inScope ? world.approvalA : world.approvalB
            let version = try await fixture.services.approvals.approval(id: approval)?.version ?? 1
            if endpoint == ApprovalsEndpoints.apiApprovalEvent {
                return try await client.send(.post, endpoint.pattern.replacingOccurrences(of: ":id", with: String(approval)), as: fixture, signedIn: signedIn,
                                             json: #"{"kind":"correct","reason":"矩阵核对","version":\#(version)}"#)
            }
            return try await client.send(.post, path(.approvalEvent(approval)), as: fixture, signedIn: signedIn,
                                         form: [("kind", "correct"), ("reason", "矩阵核对"), ("version", String(version))])
        case ApprovalsEndpoints.approvalBatchCreate.endpoint:
            return try await client.send(.post, path(.approvalBatches), as: fixture, signedIn: signedIn,
                                         form: [("name", "批次\(serial)"), ("heldOn", "2027-03-15")])
        case ApprovalsEndpoints.approvalBatchAddProject.endpoint:
            return try await client.send(.post, path(.addBatchProject(world.batch)), as: fixture, signedIn: signedIn,
                                         form: [("projectId", String(world.projectA))])
        case ApprovalsEndpoints.calendarImport.endpoint:
            return try await client.send(.post, path(.calendarAdmin), as: fixture, signedIn: signedIn, form: [
                ("year", "2027"), ("source", "矩阵测试安排"), ("csv", "date,kind,festival,statutory\n2027-01-01,holiday,元旦,1\n"),
            ])
        case ApprovalsEndpoints.approvalItemUpdate.endpoint:
            return try await client.send(.post, path(.approvalItem("ENERGY")), as: fixture, signedIn: signedIn,
                                         form: [("limit", "20"), ("unit", "workingDays")])
        case AccountsEndpoints.adminPositionCreate.endpoint:
            return try await client.send(.post, path(.adminPositions), as: fixture, signedIn: signedIn,
                                         form: [("title", "矩阵职务\(serial)"), ("unitName", "市政府"), ("duty", "secretary")])
        case AccountsEndpoints.adminPositionReassign.endpoint:
            return try await client.send(.post, path(.reassignPosition(world.secretarySeat)), as: fixture, signedIn: signedIn,
                                         form: [("holderName", "接任者\(serial)"), ("since", webToday.adding(days: serial).iso)])
        case MonthlyEndpoints.projectReportSubmit.endpoint, MonthlyEndpoints.apiSubmitReport.endpoint:
            let september = Month(year: 2026, month: 9)!
            let version = try await fixture.services.reports.reports(projectId: project).first { $0.month == september }?.version
            if endpoint == MonthlyEndpoints.apiSubmitReport {
                return try await client.send(.post, endpoint.pattern.replacingOccurrences(of: ":id", with: String(project)), as: fixture, signedIn: signedIn,
                                             json: #"{"month":"2026-09","dispatch":5000000,"version":\#(version.map(String.init) ?? "null")}"#)
            }
            return try await client.send(.post, path(.projectReports(project, year: nil)), as: fixture, signedIn: signedIn,
                                         form: [("month", "2026-09"), ("dispatchWan", "500"), ("version", version.map(String.init) ?? "")])
        case MonthlyEndpoints.reportReview.endpoint, MonthlyEndpoints.apiReviewReport.endpoint:
            let reportId = inScope ? world.reportA : world.reportB
            // Each cell reviews a report just sent, so an earlier cell's decision does not stand in the way.
            let report = try await fixture.services.reports.report(id: reportId)!
            let current = report.status == .submitted ? report : try await Self.sendReport(fixture, project: report.projectId, month: report.month)
            if endpoint == MonthlyEndpoints.apiReviewReport {
                return try await client.send(.post, endpoint.pattern.replacingOccurrences(of: ":id", with: String(reportId)), as: fixture, signedIn: signedIn,
                                             json: #"{"decision":"return","comment":"请补充","version":\#(current.version)}"#)
            }
            return try await client.send(.post, path(.reviewReport(reportId)), as: fixture, signedIn: signedIn,
                                         form: [("decision", "return"), ("reviewComment", "请补充"), ("version", String(current.version))])
        case MonthlyEndpoints.reportPhotoUpload.endpoint:
            return try await client.sendMultipart(path(.reportPhotos(project)), as: fixture, signedIn: signedIn, fields: [("month", "2026-10")],
                                                  file: ("photo", "工地.png", tinyPNG))
        case MonthlyEndpoints.apiUploadPhoto.endpoint:
            return try await client.sendImage(endpoint.pattern.replacingOccurrences(of: ":id", with: String(project)) + "?month=2026-10&name=a.png",
                                              as: fixture, signedIn: signedIn, bytes: tinyPNG)
        case FilesEndpoints.fileShow.endpoint:
            return try await client.send(.get, path(.file(inScope ? world.photoA : world.fileB)), as: fixture, signedIn: signedIn)
        case ImportsEndpoints.importUpload.endpoint:
            // A ledger with its header and no rows: previewed, nothing to write, whoever may import.
            return try await client.sendMultipart(endpoint.pattern, as: fixture, signedIn: signedIn, fields: [],
                                                  file: ("file", "台账.csv", Array("项目名称,所在属地,总投资（万元）\n".utf8)))
        case ImportsEndpoints.apiImportProjects.endpoint:
            return try await client.sendImage(endpoint.pattern + "?fileName=ledger.csv", as: fixture, signedIn: signedIn,
                                              bytes: Array("项目名称,所在属地,总投资（万元）\n".utf8), contentType: "text/csv")
        case ImportsEndpoints.apiImportMonthly.endpoint:
            return try await client.sendImage(endpoint.pattern + "?fileName=monthly.csv", as: fixture, signedIn: signedIn,
                                              bytes: Array("投资项目统一代码,月份,当月完成投资（调度口径，万元）\n".utf8), contentType: "text/csv")
        case ProblemsEndpoints.projectProblemRaise.endpoint, ProblemsEndpoints.apiRaiseProblem.endpoint:
            let pattern = endpoint.pattern.replacingOccurrences(of: ":id", with: String(project))
            if endpoint == ProblemsEndpoints.apiRaiseProblem {
                return try await client.send(.post, pattern, as: fixture, signedIn: signedIn, json: #"{"categoryCode":"LAND","description":"矩阵问题"}"#)
            }
            return try await client.send(.post, pattern, as: fixture, signedIn: signedIn, form: [("categoryCode", "LAND"), ("description", "矩阵问题")])
        case ProblemsEndpoints.problemManage.endpoint, ProblemsEndpoints.problemHandle.endpoint, ProblemsEndpoints.problemConfirm.endpoint, ProblemsEndpoints.apiProblemManage.endpoint, ProblemsEndpoints.apiProblemHandle.endpoint, ProblemsEndpoints.apiProblemConfirm.endpoint:
            let problem = inScope ? world.problemA : world.problemB
            let version = try await fixture.services.problems.problem(id: problem)?.version ?? 1
            let pattern = endpoint.pattern.replacingOccurrences(of: ":id", with: String(problem))
            let fields: [(String, String)]
            switch endpoint {
            case ProblemsEndpoints.problemManage.endpoint, ProblemsEndpoints.apiProblemManage.endpoint:
                fields = [("event", "assign"), ("owner", inScope ? "department:CC-GXJ" : "department:CC-JTJ"), ("deadline", "2026-12-31")]
            case ProblemsEndpoints.problemHandle.endpoint, ProblemsEndpoints.apiProblemHandle.endpoint: fields = [("event", "reply"), ("text", "办理中")]
            default: fields = [("event", "closeOut")]
            }
            if endpoint.kind == .api {
                let object = Dictionary(uniqueKeysWithValues: fields.map { ($0.0, $0.1 as Any) } + [("version", version as Any)])
                let json = String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)
                return try await client.send(.post, pattern, as: fixture, signedIn: signedIn, json: json)
            }
            return try await client.send(.post, pattern, as: fixture, signedIn: signedIn, form: fields + [("version", String(version))])
        case SupervisionEndpoints.supervisionCreate.endpoint, SupervisionEndpoints.apiSupervisionCreate.endpoint:
            let fields = [("content", "矩阵督办\(serial)"), ("owner", "department:CC-GXJ"), ("deadline", "2026-12-31"), ("source", "leaderInstruction")]
            if endpoint == SupervisionEndpoints.apiSupervisionCreate {
                let json = String(decoding: try JSONSerialization.data(withJSONObject: Dictionary(uniqueKeysWithValues: fields)), as: UTF8.self)
                return try await client.send(.post, endpoint.pattern, as: fixture, signedIn: signedIn, json: json)
            }
            return try await client.send(.post, endpoint.pattern, as: fixture, signedIn: signedIn, form: fields)
        case SupervisionEndpoints.supervisionAnswer.endpoint, SupervisionEndpoints.supervisionDecide.endpoint, SupervisionEndpoints.apiSupervisionAnswer.endpoint, SupervisionEndpoints.apiSupervisionDecide.endpoint:
            let item = inScope ? world.itemA : world.itemB
            let version = try await fixture.services.supervision.item(id: item)?.version ?? 1
            let pattern = endpoint.pattern.replacingOccurrences(of: ":id", with: String(item))
            let answering = endpoint == SupervisionEndpoints.supervisionAnswer || endpoint == SupervisionEndpoints.apiSupervisionAnswer
            let fields = answering ? [("event", "feedback"), ("text", "推进中")] : [("event", "close")]
            if endpoint.kind == .api {
                let object = Dictionary(uniqueKeysWithValues: fields.map { ($0.0, $0.1 as Any) } + [("version", version as Any)])
                return try await client.send(.post, pattern, as: fixture, signedIn: signedIn,
                                             json: String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self))
            }
            return try await client.send(.post, pattern, as: fixture, signedIn: signedIn, form: fields + [("version", String(version))])
        case ProblemsEndpoints.apiProblemFileUpload.endpoint:
            let pattern = endpoint.pattern.replacingOccurrences(of: ":id", with: String(inScope ? world.problemA : world.problemB))
            return try await client.sendImage(pattern + "?name=evidence.png", as: fixture, signedIn: signedIn, bytes: tinyPNG)
        case ProblemsEndpoints.enterpriseProblemRaise.endpoint, ProblemsEndpoints.apiRaiseEnterpriseProblem.endpoint:
            let fields = [("enterpriseName", "长春某企业\(serial)"), ("regionCode", "220104"), ("categoryCode", "POLICY"), ("description", "技改补贴未兑现")]
            if endpoint.kind == .api {
                return try await client.send(.post, endpoint.pattern, as: fixture, signedIn: signedIn,
                                             json: String(decoding: try JSONSerialization.data(withJSONObject: Dictionary(uniqueKeysWithValues: fields)), as: UTF8.self))
            }
            return try await client.send(.post, endpoint.pattern, as: fixture, signedIn: signedIn, form: fields)
        case MeetingsEndpoints.meetingCreate.endpoint, MeetingsEndpoints.apiMeetingCreate.endpoint:
            if endpoint == MeetingsEndpoints.apiMeetingCreate {
                return try await client.send(.post, endpoint.pattern, as: fixture, signedIn: signedIn,
                                             json: #"{"kindCode":"onSite","title":"矩阵会议\#(serial)","heldOn":"2026-11-23"}"#)
            }
            return try await client.send(.post, endpoint.pattern, as: fixture, signedIn: signedIn,
                                         form: [("kindCode", "onSite"), ("title", "矩阵会议\(serial)"), ("heldOn", "2026-11-23")])
        case MeetingsEndpoints.meetingMinutes.endpoint, MeetingsEndpoints.apiMeetingMinutes.endpoint:
            let pattern = endpoint.pattern.replacingOccurrences(of: ":id", with: String(inScope ? world.meetingA : world.meetingB))
            if endpoint == MeetingsEndpoints.apiMeetingMinutes { return try await client.send(.post, pattern, as: fixture, signedIn: signedIn, json: #"{"version":1}"#) }
            return try await client.send(.post, pattern, as: fixture, signedIn: signedIn, form: [("version", "1")])
        case NotificationsEndpoints.adminWebhookSave.endpoint:
            return try await client.send(.post, endpoint.pattern, as: fixture, signedIn: signedIn, form: [
                ("action", "create"), ("url", "http://127.0.0.1:9/hook"), ("secret", "0123456789abcdef"), ("eventTypes", "problem.assign"),
            ])
        case ImportsEndpoints.importCommit.endpoint:
            return try await client.send(.post, endpoint.pattern, as: fixture, signedIn: signedIn,
                                         form: [("sha256", String(repeating: "0", count: 64)), ("fileName", "x.csv"), ("signature", "x")])
        case MonthlyEndpoints.targetSet.endpoint, MonthlyEndpoints.apiSetTarget.endpoint:
            if endpoint == MonthlyEndpoints.apiSetTarget {
                return try await client.send(.post, endpoint.pattern, as: fixture, signedIn: signedIn,
                                             json: #"{"unit":"region:220104","year":2026,"indicator":"FAI_TOTAL","value":1000000000,"curve":"northern"}"#)
            }
            return try await client.send(.post, endpoint.pattern, as: fixture, signedIn: signedIn, form: [
                ("unit", "region:220104"), ("year", "2026"), ("indicator", "FAI_TOTAL"), ("value", "100000"), ("curve", "northern"),
            ])
        case MonthlyEndpoints.groundworkTargetSet.endpoint:
            return try await client.send(.post, endpoint.pattern, as: fixture, signedIn: signedIn, form: [
                ("unit", "region:220104"), ("year", "2026"), ("measure", "reserve:100m"), ("count", "40"), ("amount", ""),
            ])
        case MonthlyEndpoints.apiSetGroundworkTarget.endpoint:
            return try await client.send(.post, endpoint.pattern, as: fixture, signedIn: signedIn, json: #"{"unit":"region:220104","year":2026,"measure":"starts:firstHalf","count":30}"#)
        case MonthlyEndpoints.projectPlanSave.endpoint, MonthlyEndpoints.apiSaveProjectPlan.endpoint:
            let version = try await AnnualPlanRepository(database: fixture.services.database).plans(projectId: project).first { $0.year == 2027 }?.version
            if endpoint == MonthlyEndpoints.apiSaveProjectPlan {
                return try await client.send(.post, endpoint.pattern.replacingOccurrences(of: ":id", with: String(project)), as: fixture, signedIn: signedIn,
                                             json: #"{"year":2027,"plannedInvestment":100000000,"nature":"newStart","version":\#(version.map(String.init) ?? "null")}"#)
            }
            return try await client.send(.post, path(.projectPlans(project)), as: fixture, signedIn: signedIn, form: [
                ("year", "2027"), ("plannedInvestmentWan", "10000"), ("nature", "newStart"), ("version", version.map(String.init) ?? ""),
            ])
        case MonthlyEndpoints.reportsClose.endpoint, MonthlyEndpoints.reportsReopen.endpoint, MonthlyEndpoints.apiCloseMonth.endpoint, MonthlyEndpoints.apiReopenMonth.endpoint:
            // The page closes and re-opens August, the API July, so each cell finds the month as it needs it.
            if endpoint.kind == .api {
                return try await client.send(.post, endpoint.pattern, as: fixture, signedIn: signedIn, json: #"{"month":"2026-07","reason":"矩阵"}"#)
            }
            return try await client.send(.post, endpoint.pattern, as: fixture, signedIn: signedIn, form: [("month", "2026-08"), ("reason", "矩阵")])
        case MonthlyEndpoints.statsRecord.endpoint, MonthlyEndpoints.apiRecordInclusion.endpoint:
            if endpoint == MonthlyEndpoints.apiRecordInclusion {
                return try await client.send(.post, endpoint.pattern.replacingOccurrences(of: ":id", with: String(project)), as: fixture, signedIn: signedIn,
                                             json: #"{"admittedOn":"2026-11-20"}"#)
            }
            return try await client.send(.post, path(.recordInclusion(project)), as: fixture, signedIn: signedIn, form: [("admittedOn", "2026-11-20")])
        case SchemesEndpoints.schemeCreate.endpoint, SchemesEndpoints.apiSchemeCreate.endpoint:
            if endpoint.kind == .api {
                return try await client.send(.post, endpoint.pattern, as: fixture, signedIn: signedIn, json: #"{"regionCode":"220104","name":"矩阵新口径\#(serial)"}"#)
            }
            return try await client.send(.post, endpoint.pattern, as: fixture, signedIn: signedIn, form: [("regionCode", "220104"), ("name", "矩阵新口径\(serial)")])
        case SchemesEndpoints.schemeClassAdd.endpoint, SchemesEndpoints.apiSchemeClassAdd.endpoint,
             SchemesEndpoints.schemeClassEdit.endpoint, SchemesEndpoints.apiSchemeClassEdit.endpoint:
            let version = try await SchemeRepository(database: fixture.services.database).scheme(world.scheme)?.version ?? 1
            let adding = endpoint == SchemesEndpoints.schemeClassAdd || endpoint == SchemesEndpoints.apiSchemeClassAdd
            let pattern = endpoint.pattern.replacingOccurrences(of: ":id", with: String(adding ? world.scheme : world.schemeClass))
            let fields = adding ? [("name", "矩阵类别\(serial)")] : [("shortName", "矩阵\(serial)")]
            if endpoint.kind == .api {
                let object = Dictionary(uniqueKeysWithValues: fields.map { ($0.0, $0.1 as Any) } + [("version", version as Any)])
                return try await client.send(adding ? .post : .patch, pattern, as: fixture, signedIn: signedIn,
                                             json: String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self))
            }
            return try await client.send(.post, pattern, as: fixture, signedIn: signedIn, form: fields + [("version", String(version))])
        case WarningsEndpoints.rulesSave.endpoint, WarningsEndpoints.apiRulesSave.endpoint:
            let version = try await WarningRepository(database: fixture.services.database).currentRules().version
            if endpoint.kind == .api {
                return try await client.send(.post, endpoint.pattern, as: fixture, signedIn: signedIn,
                                             json: #"{"version":\#(version),"reason":"矩阵\#(serial)","rules":[{"code":"R1","yellowAt":2,"redAt":90}]}"#)
            }
            return try await client.send(.post, endpoint.pattern, as: fixture, signedIn: signedIn,
                                         form: [("version", String(version)), ("reason", "矩阵\(serial)"), ("yellow_R1", "3"), ("red_R1", "90")])
        case BulletinsEndpoints.bulletinCreate.endpoint, BulletinsEndpoints.apiBulletinCreate.endpoint:
            if endpoint.kind == .api {
                return try await client.send(.post, endpoint.pattern, as: fixture, signedIn: signedIn, json: #"{"kind":"supervision","month":"2026-10"}"#)
            }
            return try await client.send(.post, endpoint.pattern, as: fixture, signedIn: signedIn, form: [("kind", "supervision"), ("month", "2026-10")])
        case PortfolioEndpoints.activityCreate.endpoint, PortfolioEndpoints.apiActivityCreate.endpoint:
            if endpoint.kind == .api {
                return try await client.send(.post, endpoint.pattern, as: fixture, signedIn: signedIn,
                                             json: #"{"seat":\#(world.sponsorSeat),"projectId":\#(world.projectA),"kind":"siteVisit","on":"\#(webToday.iso)","summary":"矩阵\#(serial)"}"#)
            }
            return try await client.send(.post, endpoint.pattern, as: fixture, signedIn: signedIn,
                                         form: [("seat", String(world.sponsorSeat)), ("projectId", String(world.projectA)), ("kind", "siteVisit"),
                                                ("on", webToday.iso), ("summary", "矩阵\(serial)")])
        case ApprovalsEndpoints.apiWorkingDays.endpoint:
            return try await client.send(.get, endpoint.pattern + "?from=2025-01-20&add=51", as: fixture, signedIn: signedIn)
        default:
            let concrete = endpoint.pattern.replacingOccurrences(of: ":id", with: String(
                endpoint.target == .user ? world.targetUser : endpoint.target == .token ? world.token : endpoint.target == .batch ? world.batch
                    : endpoint.target == .position ? world.secretarySeat : endpoint.target == .problem ? (inScope ? world.problemA : world.problemB)
                    : endpoint.target == .supervisedItem ? (inScope ? world.itemA : world.itemB) : endpoint.target == .meeting ? (inScope ? world.meetingA : world.meetingB)
                    : endpoint.target == .bulletin ? (inScope ? world.bulletinA : world.bulletinB)
                    : endpoint.target == .taskForce ? (inScope ? world.taskForceA : world.taskForceB)
                    : endpoint.target == .workingGroup ? (inScope ? world.groupA : world.groupB)
                    : endpoint.target == .lead ? (inScope ? world.leadA : world.leadB)
                    : endpoint.target == .fundingApplication ? (inScope ? world.fundingA : world.fundingB)
                    : endpoint.target == .campaign ? world.campaign
                    : project))
            if endpoint.method == .get {
                return try await client.send(.get, concrete, as: fixture, signedIn: signedIn)
            }
            return try await client.send(endpoint.method, concrete, as: fixture, signedIn: signedIn,
                                         json: endpoint.kind == .api ? "{}" : nil, form: endpoint.kind == .api ? nil : [])
        }
    }
}
