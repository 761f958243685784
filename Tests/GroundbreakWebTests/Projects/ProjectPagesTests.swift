import Foundation
import GroundbreakDomain
import HTTPTypes
@testable import GroundbreakStore
import GroundbreakTestSupport
@testable import GroundbreakWeb
import HummingbirdTesting
import NIOCore
import Testing

/// A filled-in create form, as a browser sends it.
func projectForm(name: String = "净月高新区创新药研发及产业化项目", wan: String = "65000", stage: String = "reserve") -> [(String, String)] {
    [
        ("name", name), ("code", ""), ("stage", stage), ("ownerName", "长春某生物制药有限公司"), ("ownerCreditCode", "91330100716105852F"),
        ("regionCode", "220102"), ("zoneCode", "220172"), ("categoryCode", "IND-SEI"), ("industryDivision", "27"),
        ("investmentType", "enterprise"), ("totalInvestment", wan), ("address", "净月大街以东"), ("longitude", ""), ("latitude", ""),
        ("constructionContent", "建设研发中心及GMP车间"), ("plannedStart", "2027-05-01"), ("plannedCompletion", "2029-06-30"),
        ("actualStart", ""), ("actualCompletion", ""), ("leadDepartmentCode", "CC-KJJ"), ("supportDepartmentCodes", "CC-ZRZY"),
        ("supportDepartmentCodes", "CC-STHJ"), ("sponsorPositionId", ""), ("secretaryPositionId", ""), ("levels", "cityKey"), ("tags", "LANDMARK"),
    ]
}

@Suite("Project pages")
struct ProjectPagesTests {
    @Test("a refused form comes back as typed, with Chinese messages beside the fields; nothing is stored")
    func refusedForm() async throws {
        try await withWeb { fixture, client in
            var form = projectForm(wan: "12,345.678901")
            form = form.map { $0.0 == "ownerCreditCode" ? ($0.0, "91330100716105852X") : $0 }
            form = form.map { $0.0 == "name" ? ($0.0, "  ") : $0 }
            let response = try await client.send(.post, "/projects", as: fixture, form: form)
            #expect(response.status == .unprocessableContent)
            let html = response.text
            #expect(html.contains("请填写项目名称"))
            #expect(html.contains("金额最多保留4位小数"))
            #expect(html.contains("统一社会信用代码校验位不正确"))
            #expect(html.contains(#"value="12,345.678901""#), "the typed amount is kept")
            #expect(html.contains(#"value="91330100716105852X""#))
            #expect(html.contains("建设研发中心及GMP车间"))
            #expect(html.contains(#"<option value="CC-STHJ" selected="selected">"#), "multi-select choices are kept")
            #expect(html.contains(#"value="LANDMARK" checked"#))
            #expect(try await fixture.services.projects.count() == 0)
        }
    }

    @Test("create, show with flags and history, edit, and a stale edit that keeps the user's input")
    func createShowEdit() async throws {
        try await withWeb { fixture, client in
            let created = try await client.send(.post, "/projects", as: fixture, form: projectForm())
            #expect(created.status == .seeOther)
            let location = try #require(created.location)
            #expect(location.hasSuffix("?notice=created"))
            let path = String(location.prefix { $0 != "?" })
            let show = try await client.send(.get, location, as: fixture)
            #expect(show.status == .ok)
            let html = show.text
            #expect(html.contains("净月高新区创新药研发及产业化项目"))
            #expect(html.contains("项目已录入"))
            #expect(html.contains("65,000.00 万元（6.50 亿元）"))
            #expect(html.contains("5000万元以上项目未选派项目秘书"), "the flag rules run on the page")
            #expect(html.contains("项目中心张三 录入"))

            let edit = try await client.send(.get, path + "/edit", as: fixture)
            #expect(edit.status == .ok)
            #expect(edit.text.contains(#"name="version" value="1""#))

            var changed = projectForm(wan: "70000")
            changed.append(("version", "1"))
            let saved = try await client.send(.post, path + "/edit", as: fixture, form: changed)
            #expect(saved.status == .seeOther)
            let after = try await client.send(.get, path, as: fixture)
            #expect(after.text.contains("70,000.00 万元"))
            #expect(after.text.contains(#"修改<span class="note">：总投资</span>"#))

            var stale = projectForm(name: "我的修改", wan: "71000")
            stale.append(("version", "1"))
            let conflict = try await client.send(.post, path + "/edit", as: fixture, form: stale)
            #expect(conflict.status == .conflict)
            #expect(conflict.text.contains("这条记录已被他人更新（当前版本 2）"))
            #expect(conflict.text.contains(#"value="我的修改""#))
            #expect(conflict.text.contains(#"name="version" value="2""#), "resubmitting now targets the current version")
            let id = Int64(path.split(separator: "/").last!)!
            #expect(try await fixture.services.projects.project(id: id)?.fields.name == "净月高新区创新药研发及产业化项目")
        }
    }

    @Test("stage changes from the project page: refused with reasons, then accepted")
    func transitions() async throws {
        try await withWeb { fixture, client in
            let created = try await client.send(.post, "/projects", as: fixture, form: projectForm(stage: "approval"))
            let path = String(try #require(created.location).prefix { $0 != "?" })
            let refused = try await client.send(.post, path + "/transition", as: fixture,
                                                form: [("target", "construction"), ("actualStart", ""), ("note", ""), ("version", "1")])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("转入开工建设须填写实际开工日期"))
            let future = try await client.send(.post, path + "/transition", as: fixture,
                                               form: [("target", "construction"), ("actualStart", "2027-01-01"), ("version", "1")])
            #expect(future.text.contains("实际日期不能晚于今天"))
            let accepted = try await client.send(.post, path + "/transition", as: fixture,
                                                 form: [("target", "construction"), ("actualStart", "2026年10月8日"), ("note", "破土开槽"), ("version", "1")])
            #expect(accepted.status == .seeOther)
            let page = try await client.send(.get, path, as: fixture)
            #expect(page.text.contains("前期审批 → 开工建设"))
            #expect(page.text.contains("2026-10-08"))
            #expect(page.text.contains("破土开槽"))
        }
    }

    @Test("hostile text is shown as text, never as markup")
    func escaping() async throws {
        try await withWeb { fixture, client in
            let hostile = #""><script>alert(1)</script><img src=x onerror=alert(2)>' onmouseover='x"#
            let created = try await client.send(.post, "/projects", as: fixture, form: projectForm(name: hostile))
            #expect(created.status == .seeOther)
            let path = String(try #require(created.location).prefix { $0 != "?" })
            for page in [path, path + "/edit", "/projects", "/projects?q=" + Route.encode(hostile)] {
                let html = try await client.send(.get, page, as: fixture).text
                #expect(!html.contains("<script>alert"), "\(page)")
                #expect(!html.contains("<img src=x"), "\(page)")
                #expect(html.firstMatch(of: /<[^<>]*onmouseover='/) == nil, "no tag gains an attribute: \(page)")
            }
            let refused = try await client.send(.post, "/projects", as: fixture, form: projectForm(name: hostile, wan: "abc"))
            #expect(!refused.text.contains("<script>alert"))
            #expect(refused.text.contains("&quot;&gt;&lt;script&gt;"))
        }
    }

    @Test("the ledger filters, totals the whole filtered set, and shows counts by stage", arguments: allEngines)
    func ledger(engine: DatabaseEngine) async throws {
        try await withWeb(engine, demoProjects: 240) { fixture, client in
            let catalog = fixture.services.catalog()
            var query = ProjectQuery()
            query.regionCode = "220113"
            query.perPage = 500
            let expected = try await fixture.services.projects.list(query, scope: .everything, catalog: catalog, today: webToday)
            let response = try await client.send(.get, "/projects?region=220113&perPage=20", as: fixture)
            #expect(response.status == .ok)
            let html = response.text
            #expect(html.contains("合计：\(expected.totalCount) 个项目"))
            #expect(html.contains(Format.wan(expected.totalInvestment)))
            let rows = html.matches(of: /<tr><td class="num">\d+<\/td><td class="name">/).count
            #expect(rows == min(20, expected.totalCount))
            for (stage, figure) in expected.byStage where figure.count > 0 {
                #expect(html.contains("\(stage.label)</span><span class=\"chip-count\">\(figure.count) 个"))
            }
            let bad = try await client.send(.get, "/projects?stage=nonsense&region=220113", as: fixture)
            #expect(bad.status == .badRequest)
            #expect(bad.text.contains("查询参数有误"))
            #expect(bad.text.contains("合计：\(expected.totalCount) 个项目"), "good filters still apply")
        }
    }

    @Test("the CSV export holds every row of the filtered set, with a BOM for Excel")
    func csv() async throws {
        try await withWeb(demoProjects: 120) { fixture, client in
            let response = try await client.send(.get, "/projects.csv?stage=construction", as: fixture)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "text/csv; charset=utf-8")
            let bytes = Array(response.body.readableBytesView)
            #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
            let rows = try CSV.parse(String(decoding: bytes.dropFirst(3), as: UTF8.self))
            var query = ProjectQuery()
            query.stages = [.construction]
            let expected = try await fixture.services.projects.list(query, scope: .everything, catalog: fixture.services.catalog(), today: webToday)
            #expect(rows.count == expected.totalCount + 1)
            #expect(rows[0].first == "序号")
            let stage = try #require(rows[0].firstIndex(of: "阶段"))
            #expect(rows.dropFirst().allSatisfy { $0[stage] == "开工建设" })
        }
    }

    @Test("every typed link resolves to a registered route")
    func links() async throws {
        try await withWeb { fixture, client in
            let created = try await client.send(.post, "/api/v1/projects", as: fixture, json: apiProjectBody())
            let id = Int64(try #require(created.object["id"] as? Int))
            var query = ProjectQuery()
            query.text = "新能源 & 汽车"
            query.stages = [.approval, .construction]
            let routes: [Route] = [.home, .login(next: "/projects?x=1"), .ledger, .ledger(query), .ledgerCSV(query), .newProject,
                                   .project(id), .editProject(id), .asset("app.css"), .apiProjects, .apiProject(id), .openAPI,
                                   .projectApprovals(id), .approvalQueue(FormData(pairs: [("state", "overdue"), ("department", "CC-ZRZY")])),
                                   .approvalAnalytics, .approvalBatches, .calendarAdmin, .approvalItemsAdmin, .problems(ProblemQuery()),
                                   .problems(try ProblemQuery.parse([("view", "overdue"), ("owner", "department:CC-GXJ"), ("project", String(id))]).get())]
            for route in routes {
                let response = try await client.send(.get, route.path, as: fixture)
                #expect([.ok, .seeOther].contains(response.status), "\(route.path) → \(response.status)")
                #expect(route.endpoint.method == .get)
            }
            let parsed = try ProjectQuery.parse(FormData(encoded: String(Route.ledger(query).path.split(separator: "?")[1])).pairs).get()
            #expect(parsed == query)
        }
    }
}

@Suite("What a project page prints")
struct ProjectPagePrintTests {
    @Test("coordinates print as typed (no 125.74499999999999) and no internal version number is shown")
    func printedFigures() async throws {
        try await withWeb { fixture, client in
            var input = ProjectInput()
            input.name = "坐标显示测试项目"
            input.regionCode = "220104"
            input.categoryCode = "IND-MFG"
            input.investmentType = "enterprise"
            input.totalInvestmentWan = "85000"
            input.leadDepartmentCode = "CC-GXJ"
            input.longitude = "125.745"
            input.latitude = "43.88"
            let project = try await fixture.services.projects.create(input, stage: .reserve, allowed: .everything, actor: .system("test"),
                                                                      catalog: fixture.services.catalog(), today: webToday, now: webNow)
            let page = try await client.send(.get, Route.project(project.id).path, as: fixture)
            #expect(page.text.contains("东经 125.745，北纬 43.88"), "\(page.text.prefix(0))")
            #expect(!page.text.contains("74499") && !page.text.contains("版本 "))
        }
    }
}
