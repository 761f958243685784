import Foundation
import GroundbreakDomain
import GroundbreakStore
import GroundbreakTestSupport
@testable import GroundbreakWeb
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

@Suite("Problems on the web", .serialized)
struct ProblemWebTests {
    /// 朝阳区 raises, the centre assigns to 市自然资源局, the bureau replies and resolves, 朝阳区 closes it out.
    @Test("the closed loop through the pages: raise, assign, reply, resolve, close out; each by the one whose duty it is", arguments: allEngines)
    func closedLoop(engine: DatabaseEngine) async throws {
        try await withWeb(engine) { fixture, client in
            let project = try await ReportWebTests.building(fixture, name: "汽车零部件产业园")
            let region = try await fixture.signedIn(as: "chaoyang", roles: [.region], unit: OrgUnit(kind: .region, code: "220104"))
            let centre = try await fixture.signedIn(as: "zhongxin", roles: [.center], unit: OrgUnit(kind: .department, code: "CC-XMZX"))
            let bureau = try await fixture.signedIn(as: "ziranziyuan", roles: [.department], unit: OrgUnit(kind: .department, code: "CC-ZRZY"))
            let other = try await fixture.signedIn(as: "gongxin", roles: [.department], unit: OrgUnit(kind: .department, code: "CC-JTJ"))

            let listPage = try await client.send(.get, "/problems?project=\(project)", as: region)
            #expect(listPage.status == .ok && listPage.text.contains("提出问题") && listPage.text.contains("月问题清单"))
            let empty = try await client.send(.post, "/projects/\(project)/problems", as: region, form: [("categoryCode", "LAND"), ("description", " ")])
            #expect(empty.status == .unprocessableContent && empty.text.contains("请填写问题描述"))
            let raised = try await client.send(.post, "/projects/\(project)/problems", as: region,
                                               form: [("categoryCode", "LAND"), ("description", "<script>alert(1)</script>用地指标未落实")])
            #expect(raised.status == .seeOther)
            let location = try #require(raised.headers[.location])
            let id = try #require(Int64(location.split(separator: "/")[1].split(separator: "?")[0]))
            let shown = try await client.send(.get, "/problems/\(id)", as: region)
            #expect(shown.text.contains("&lt;script&gt;") && !shown.text.contains("<script>alert"), "the description is escaped")
            #expect(!shown.text.contains("分办与督办"), "the region raises; the centre assigns")

            #expect(try await client.send(.post, "/problems/\(id)/manage", as: region, form: [("event", "assign"), ("version", "1")]).status == .forbidden)
            #expect(try await client.send(.get, "/problems/\(id)", as: other).status == .notFound, "a bureau with no part in it does not see it")
            let assigned = try await client.send(.post, "/problems/\(id)/manage", as: centre,
                                                 form: [("event", "assign"), ("owner", "department:CC-ZRZY"), ("supportUnits", "department:CC-GXJ"),
                                                        ("deadline", "2026-12-04"), ("version", "1")])
            #expect(assigned.status == .seeOther)
            let bureauView = try await client.send(.get, "/problems/\(id)", as: bureau)
            #expect(bureauView.status == .ok && bureauView.text.contains("办理（责任单位）") && !bureauView.text.contains("分办与督办"))
            let stale = try await client.send(.post, "/problems/\(id)/handle", as: bureau, form: [("event", "reply"), ("text", "已对接"), ("version", "1")])
            #expect(stale.status == .conflict && stale.text.contains("已被他人更新"))
            let replied = try await client.send(.post, "/problems/\(id)/handle", as: bureau, form: [("event", "reply"), ("text", "已对接，正在调整年度用地计划"), ("version", "2")])
            #expect(replied.status == .seeOther)
            // 办结 with evidence: a file that is not evidence stops the step whole; a PDF goes with it.
            let exe = try await client.sendMultipart("/problems/\(id)/handle", as: bureau, fields: [("event", "resolve"), ("text", "已下达"), ("version", "3")],
                                                     file: ("file", "tool.exe", Array("MZ\u{0}\u{0}".utf8)))
            #expect(exe.status == .unprocessableContent && exe.text.contains("佐证材料请上传图片"))
            #expect(try await fixture.services.problems.problem(id: id)?.status == .inProgress, "nothing was recorded")
            let pdf = Array("%PDF-1.4\n用地指标批复\n%%EOF".utf8)
            let resolved = try await client.sendMultipart("/problems/\(id)/handle", as: bureau,
                                                          fields: [("event", "resolve"), ("text", "用地指标已下达（长规自〔2026〕12号）"), ("version", "3")],
                                                          file: ("file", "批复.pdf", pdf))
            #expect(resolved.status == .seeOther, "\(resolved.text.prefix(300))")
            let files = try await fixture.services.files.evidence(problemId: id)
            #expect(files.map(\.name) == ["批复.pdf"] && files.first?.contentType == "application/pdf")
            let fileId = try #require(files.first?.id)
            let download = try await client.send(.get, Route.file(fileId).path, as: region)
            #expect(download.status == .ok && Array(download.body.readableBytesView) == pdf, "the raiser checks the evidence")
            #expect(download.headers[.contentDisposition]?.hasPrefix("attachment;") == true, "a PDF is downloaded, never shown in our origin")
            #expect(try await client.send(.get, Route.file(fileId).path, as: other).status == .notFound)
            #expect(try await client.send(.post, "/problems/\(id)/confirm", as: bureau, form: [("event", "closeOut"), ("version", "4")]).status == .forbidden,
                    "the owner does not close out its own problem")
            let closed = try await client.send(.post, "/problems/\(id)/confirm", as: region, form: [("event", "closeOut"), ("text", "确认"), ("version", "4")])
            #expect(closed.status == .seeOther)

            let problem = try #require(try await fixture.services.problems.problem(id: id))
            #expect(problem.status == .closed && problem.owner == OrgUnit(kind: .department, code: "CC-ZRZY") && problem.closedOn == webToday)
            let history = try await client.send(.get, "/problems/\(id)", as: region)
            for line in ["提出问题", "分办", "责任单位：市规自局", "办理回复", "办结", "确认销号"] {
                #expect(history.text.contains(line), "\(line)")
            }
            var closedView = ProblemQuery()
            closedView.view = .closedThisMonth
            let month = try await client.send(.get, Route.problems(closedView).path, as: centre)
            #expect(month.text.contains("/problems/\(id)"))
        }
    }

    @Test("the API: raise, events, list with figures and the cycle, all as documented; beyond its power it rises to the region", arguments: allEngines)
    func api(engine: DatabaseEngine) async throws {
        try await withWeb(engine) { fixture, client in
            let project = try await ReportWebTests.building(fixture, name: "物流中心")
            let bureau = try await fixture.signedIn(as: "gongxin", roles: [.department], unit: OrgUnit(kind: .department, code: "CC-GXJ"))
            let bad = try await client.send(.post, "/api/v1/projects/\(project)/problems", as: fixture, json: #"{"categoryCode":"NOPE","description":"x"}"#)
            #expect(bad.status == .unprocessableContent && bad.text.contains("问题类别“NOPE”不存在"))
            let raised = try await client.send(.post, "/api/v1/projects/\(project)/problems", as: fixture,
                                               json: #"{"categoryCode":"UTILITIES","description":"供电线路未接入"}"#)
            expectDocumented(raised, ProblemsEndpoints.apiRaiseProblem)
            let id = try #require((raised.object["problem"] as? [String: Any])?["id"] as? Int)
            let assigned = try await client.send(.post, "/api/v1/problems/\(id)/manage", as: fixture,
                                                 json: #"{"event":"assign","owner":"department:CC-GXJ","supportUnits":["region:220104"],"version":1}"#)
            expectDocumented(assigned, ProblemsEndpoints.apiProblemManage)
            let detail = try #require(assigned.object["problem"] as? [String: Any])
            let deadline = try #require(detail["deadline"] as? String)
            #expect(deadline == fixture.services.workingCalendar().addingWorkingDays(10, to: webToday).day.iso, "the unit rung's ten working days")
            #expect((detail["supportUnits"] as? [[String: Any]])?.first?["name"] as? String == "朝阳区")

            let wrongGroup = try await client.send(.post, "/api/v1/problems/\(id)/handle", as: bureau, json: #"{"event":"assign","version":2}"#)
            #expect(wrongGroup.status == .unprocessableContent, "the owner cannot assign")
            let beyond = try await client.send(.post, "/api/v1/problems/\(id)/handle", as: bureau, json: #"{"event":"beyondPower","text":"需跨区协调","version":2}"#)
            expectDocumented(beyond, ProblemsEndpoints.apiProblemHandle)
            let risen = try #require(beyond.object["problem"] as? [String: Any])
            #expect(risen["level"] as? String == "region" && (risen["owner"] as? [String: Any])?["code"] as? String == "220104")
            #expect(risen["statusNote"] as? String == "责任单位无力解决：需跨区协调" && risen["escalations"] as? Int == 1)
            let again = try await client.send(.post, "/api/v1/problems/\(id)/handle", as: bureau, json: #"{"event":"reply","text":"x","version":3}"#)
            #expect(again.status == .forbidden, "once it has risen, the bureau no longer owns it")

            let list = try await client.send(.get, "/api/v1/problems?view=escalated", as: fixture)
            expectDocumented(list, ProblemsEndpoints.apiProblems)
            #expect(list.object["totalCount"] as? Int == 1)
            let figures = try #require(list.object["figures"] as? [String: Any])
            #expect(figures["total"] as? Int == 1 && figures["escalated"] as? Int == 1 && figures["overdue"] as? Int == 0)
            #expect((list.object["cycle"] as? [String: Any])?["phase"] as? String == "jointMeeting", "23 November: between the 15th and the 25th")
            expectDocumented(try await client.send(.get, "/api/v1/problems/\(id)", as: fixture), ProblemsEndpoints.apiProblem)
            #expect(try await client.send(.get, "/api/v1/problems?view=later", as: fixture).status == .unprocessableContent)
        }
    }

    @Test("the list's raise entry finds the project by name; a problem may carry a photo from the start, and a file that will not do stops the raise")
    func raiseByNameWithPhoto() async throws {
        try await withWeb { fixture, client in
            let projectId = try await ReportWebTests.building(fixture, name: "长春新区智能网联示范区")
            let found = try await client.send(.get, "/problems/raise?name=%E9%95%BF%E6%98%A5%E6%96%B0%E5%8C%BA%E6%99%BA%E8%83%BD%E7%BD%91%E8%81%94%E7%A4%BA%E8%8C%83%E5%8C%BA", as: fixture)
            #expect(found.status == .seeOther && found.location == "/problems?project=\(projectId)")
            let missing = try await client.send(.get, "/problems/raise?name=%E6%B2%A1%E6%9C%89", as: fixture)
            #expect(missing.status == .unprocessableContent && missing.text.contains("找不到项目“没有”"))
            let list = try await client.send(.get, "/problems", as: fixture)
            #expect(list.text.contains("在项目上提出问题"))

            let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array("site".utf8)
            let refused = try await client.sendMultipart("/projects/\(projectId)/problems", as: fixture,
                                                         fields: [("categoryCode", "LAND"), ("description", "用地指标未落实")],
                                                         file: ("file", "说明.txt", Array("plain text".utf8)))
            #expect(refused.status == .unprocessableContent)
            #expect(try await fixture.services.problems.all(reach: .all).isEmpty, "nothing raised")
            let raised = try await client.sendMultipart("/projects/\(projectId)/problems", as: fixture,
                                                        fields: [("categoryCode", "LAND"), ("description", "用地指标未落实")], file: ("file", "现场.png", png))
            #expect(raised.status == .seeOther)
            let problem = try #require(try await fixture.services.problems.all(reach: .all).first)
            let files = try await fixture.services.files.evidence(problemId: problem.id)
            #expect(files.map(\.name) == ["现场.png"] && files.first?.contentType == "image/png")
        }
    }

    @Test("万人助万企: region staff raise an enterprise's problem in their territory only; it is seen by region")
    func enterprise() async throws {
        try await withWeb { fixture, client in
            let chaoyang = try await fixture.signedIn(as: "chaoyang", roles: [.region], unit: OrgUnit(kind: .region, code: "220104"))
            let jiutai = try await fixture.signedIn(as: "jiutai", roles: [.region], unit: OrgUnit(kind: .region, code: "220113"))
            let list = try await client.send(.get, "/problems", as: chaoyang)
            #expect(list.text.contains("提出企业问题（万人助万企，无项目）"))
            let elsewhere = try await client.send(.post, "/api/v1/problems", as: chaoyang,
                                                  json: #"{"enterpriseName":"九台某公司","regionCode":"220113","categoryCode":"FUNDING","description":"贷款难"}"#)
            #expect(elsewhere.status == .forbidden && elsewhere.text.contains("只能为本辖区的企业提出问题"))
            let missing = try await client.send(.post, "/problems", as: chaoyang, form: [("regionCode", "220104"), ("categoryCode", "FUNDING"), ("description", "贷款难")])
            #expect(missing.status == .unprocessableContent)
            let raised = try await client.send(.post, "/api/v1/problems", as: chaoyang,
                                               json: #"{"enterpriseName":"长春某汽车零部件公司","regionCode":"220104","categoryCode":"FUNDING","description":"流动资金贷款难"}"#)
            expectDocumented(raised, ProblemsEndpoints.apiRaiseEnterpriseProblem)
            let problem = try #require(raised.object["problem"] as? [String: Any])
            #expect(problem["projectId"] is NSNull && problem["enterpriseName"] as? String == "长春某汽车零部件公司")
            let id = try #require(problem["id"] as? Int)
            #expect(try await client.send(.get, "/problems/\(id)", as: chaoyang).text.contains("企业：长春某汽车零部件公司"))
            #expect(try await client.send(.get, "/problems/\(id)", as: jiutai).status == .notFound, "another region does not see it")
            let centreList = try await client.send(.get, "/api/v1/problems", as: fixture)
            #expect((centreList.object["problems"] as? [[String: Any]])?.contains { $0["id"] as? Int == id } == true)
            // The centre (the unit the ladder's centre rung names) is told a new problem waits for 分办; the raiser is not.
            let inbox = try await client.send(.get, "/api/v1/notifications", as: fixture)
            let waiting = (inbox.object["messages"] as? [[String: Any]] ?? []).filter { $0["kind"] as? String == "problem.raise" }
            #expect(waiting.count == 1 && waiting.first?["title"] as? String == "新提出的问题，待分办" && (waiting.first?["body"] as? String)?.contains("流动资金贷款难") == true)
            let raiserInbox = try await client.send(.get, "/api/v1/notifications", as: chaoyang)
            #expect((raiserInbox.object["messages"] as? [[String: Any]] ?? []).allSatisfy { $0["kind"] as? String != "problem.raise" })
        }
    }

    @Test("the centre escalates overdue problems from the list; the chain stays on the problem")
    func overdueEscalation() async throws {
        try await withWeb { fixture, client in
            let projectId = try await ReportWebTests.building(fixture, name: "热力管网项目")
            let project = try #require(try await fixture.services.projects.project(id: projectId))
            let raised = try await fixture.services.problems.raise(
                Problem(projectId: projectId, regionCode: project.fields.regionCode, categoryCode: "UTILITIES", description: "热源未落实", raisedByUserId: nil,
                        raisedByName: "测试", raisedOn: Day(year: 2026, month: 11, day: 2)!), actor: .system("test"), now: webNow)
            _ = try await fixture.services.problems.record(
                .assign(owner: OrgUnit(kind: .department, code: "CC-GXJ"), support: [], deadline: Day(year: 2026, month: 11, day: 13)!, level: .unit),
                problemId: raised.id, expectedVersion: 1, actor: .system("test"), today: Day(year: 2026, month: 11, day: 2)!, now: webNow)
            let overdue = try await client.send(.get, "/problems?view=overdue", as: fixture)
            #expect(overdue.text.contains("已逾期") && overdue.text.contains("逾期问题按责任单位") && overdue.text.contains("市工信局"))
            let escalated = try await client.send(.post, "/problems/escalate", as: fixture, form: [])
            #expect(escalated.status == .seeOther)
            let problem = try #require(try await fixture.services.problems.problem(id: raised.id))
            #expect(problem.level == .region && problem.owner == OrgUnit(kind: .region, code: "220104") && !problem.isOverdue(on: webToday))
            let page = try await client.send(.get, "/problems/\(raised.id)", as: fixture)
            #expect(page.text.contains("提级") && page.text.contains("逾期未解决") && page.text.contains("已提级 1 次"))
        }
    }
}
