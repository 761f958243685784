import Foundation
import GroundbreakDomain
import GroundbreakStore
import GroundbreakTestSupport
@testable import GroundbreakWeb
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

/// The seeds' task forces, a group's projects and figures agreeing with the other pages, a group
/// leader's seat as a scope, and the centre naming projects to a group.
@Suite("Task forces on the web", .serialized)
struct TaskForceWebTests {
    static func groups(_ force: [String: Any]) -> [[String: Any]] { (force["groups"] as? [[String: Any]]) ?? [] }

    @Test("the demo carries the seeds' 1+5, 7+3 and 1+2+6; a group's lines add up to its figures and each line is the project's own reports", arguments: allEngines)
    func structures(engine: DatabaseEngine) async throws {
        try await withWeb(engine, demoProjects: 300) { fixture, client in
            let list = try await client.send(.get, "/api/v1/task-forces", as: fixture)
            expectDocumented(list, TaskForcesEndpoints.apiTaskForces)
            let forces = (list.json as? [[String: Any]]) ?? []
            #expect(forces.map { $0["shape"] as? String ?? "" } == ["1+5", "7+3", "1+2+6"])
            #expect(forces.map { Self.groups($0).count } == [5, 10, 8])
            #expect(forces.map { $0["unit"] as? String ?? "" } == ["zone:CC-LHS", "region:220106", "region:220105"])

            // A 产业小组 follows its class: every project of the class, none named.
            let luyuan = forces[1]
            let industry = try #require(Self.groups(luyuan).first { $0["name"] as? String == "两车配套产业小组" })
            let classId = try #require((industry["classIds"] as? [Int])?.first)
            let counts = try await fixture.services.schemes.projectCounts()
            let group = try await client.send(.get, "/api/v1/working-groups/\(industry["id"] as? Int ?? 0)", as: fixture)
            #expect(group.status == .ok)
            expectDocumented(group, TaskForcesEndpoints.apiGroup)
            let lines = (group.object["projects"] as? [[String: Any]]) ?? []
            #expect(lines.count == counts[Int64(classId)] && lines.allSatisfy { $0["named"] as? Bool == false })
            let figures = (group.object["figures"] as? [String: Any]) ?? [:]
            #expect(figures["projects"] as? Int == lines.count)
            #expect(figures["yearDispatchYuan"] as? Int == lines.reduce(0) { $0 + ($1["yearDispatchYuan"] as? Int ?? 0) })
            #expect(figures["red"] as? Int == lines.filter { $0["colour"] as? String == "red" }.count)
            if let line = lines.first(where: { ($0["yearDispatchYuan"] as? Int ?? 0) > 0 }) {
                let reports = try await fixture.services.reports.reports(projectId: Int64(line["projectId"] as? Int ?? 0))
                #expect(Int64(line["yearDispatchYuan"] as? Int ?? -1) == ReportTotals(reports, through: Month(year: 2026, month: 10)!).yearDispatch.yuan)
            }
            // A group organised by task follows named projects.
            let lianhua = try #require(Self.groups(forces[0]).first { $0["name"] as? String == "督促检查工作组" })
            #expect(((lianhua["projectIds"] as? [Int]) ?? []).isEmpty == false)

            let page = try await client.send(.get, "/working-groups/\(industry["id"] as? Int ?? 0)", as: fixture)
            #expect(page.status == .ok && page.text.contains("两车配套产业组") && page.text.contains("data-total=\"\(lines.count)\""))
            let workbook = try await client.send(.get, "/working-groups/\(industry["id"] as? Int ?? 0)/projects.xlsx", as: fixture)
            #expect(workbook.status == .ok && workbook.headers[.contentType] == Download.xlsxType)
        }
    }

    @Test("a group leader's seat reads the group's projects and nothing else of another district; the centre names projects to a group under its version", arguments: allEngines)
    func seatsAndChanges(engine: DatabaseEngine) async throws {
        try await withWeb(engine, demoProjects: 300) { fixture, client in
            let forces = (try await client.send(.get, "/api/v1/task-forces", as: fixture).json as? [[String: Any]]) ?? []
            let luyuan = forces[1]
            let group = try #require(Self.groups(luyuan).first { $0["name"] as? String == "两车配套产业小组" })
            let groupId = group["id"] as? Int ?? 0
            let leaderId = try #require((group["leaders"] as? [[String: Any]])?.first?["id"] as? Int)
            let seat = Int64(leaderId)
            let leader = try await fixture.signedIn(as: "fuquzhang", roles: [.sponsor], positionId: seat)
            let lines = (try await client.send(.get, "/api/v1/working-groups/\(groupId)", as: fixture).object["projects"] as? [[String: Any]]) ?? []
            let followed = try #require(lines.first?["projectId"] as? Int)
            #expect(try await client.send(.get, "/api/v1/projects/\(followed)", as: leader).status == .ok, "a followed project")
            #expect(try await client.send(.get, "/working-groups/\(groupId)", as: leader).status == .ok)
            let theirs = try await client.send(.get, "/api/v1/working-groups/\(groupId)", as: leader)
            #expect(((theirs.object["projects"] as? [[String: Any]]) ?? []).count == lines.count, "the leader sees the whole group")
            let erdao = try #require(forces.last?["id"] as? Int)
            #expect(try await client.send(.get, "/taskforces/\(erdao)", as: leader).status == .notFound)
            let outside = try await fixture.services.projects.projects(inStages: Stage.allCases, scope: .everything)
                .first { $0.fields.regionCode == "220105" && $0.fields.sponsorPositionId != seat }
            #expect(try await client.send(.get, "/api/v1/projects/\(outside?.id ?? 0)", as: leader).status == .notFound)
            let district = try await fixture.signedIn(as: "chaoyang", roles: [.region], unit: OrgUnit(kind: .region, code: "220104"))
            #expect(try await client.send(.get, "/taskforces/\(luyuan["id"] as? Int ?? 0)", as: district).status == .notFound)
            #expect(((try await client.send(.get, "/api/v1/task-forces", as: district).json as? [Any]) ?? [1]).isEmpty)

            // Naming a project to a task-organised group, under the task force's version.
            let version = luyuan["version"] as? Int ?? 0
            let supportGroup = try #require(Self.groups(luyuan).first { $0["name"] as? String == "资金支持保障小组" }?["id"] as? Int)
            let stale = try await client.send(.post, "/api/v1/working-groups/\(supportGroup)/projects", as: fixture, json: #"{"version":\#(version + 5),"add":[\#(followed)]}"#)
            #expect(stale.status == .conflict)
            let unknown = try await client.send(.post, "/api/v1/working-groups/\(supportGroup)/projects", as: fixture, json: #"{"version":\#(version),"add":[987654]}"#)
            #expect(unknown.status == .unprocessableContent && unknown.text.contains("没有编号为 987654 的项目"))
            expectDocumented(unknown, TaskForcesEndpoints.apiGroupProjects)
            // The support group's leader reads a project from the request after it is named to the group, and not after it leaves.
            let supportSeat = try #require((Self.groups(luyuan).first { $0["id"] as? Int == supportGroup }?["leaders"] as? [[String: Any]])?.first?["id"] as? Int)
            let supportLeader = try await fixture.signedIn(as: "zijinzuzhang", roles: [.sponsor], positionId: Int64(supportSeat))
            let elsewhere = try #require(outside?.id)
            #expect(try await client.send(.get, "/api/v1/projects/\(elsewhere)", as: supportLeader).status == .notFound, "another district's, not yet the group's")
            let added = try await client.send(.post, "/api/v1/working-groups/\(supportGroup)/projects", as: fixture, json: #"{"version":\#(version),"add":[\#(followed),\#(elsewhere)]}"#)
            #expect(added.status == .ok && added.object["version"] as? Int == version + 1)
            let named = Self.groups(added.object).first { $0["id"] as? Int == supportGroup }?["projectIds"] as? [Int] ?? []
            #expect(named.contains(followed))
            #expect(try await client.send(.get, "/api/v1/projects/\(elsewhere)", as: supportLeader).status == .ok, "named to the group: read at once")
            let removed = try await client.send(.post, "/working-groups/\(supportGroup)/projects", as: fixture,
                                                form: [("version", String(version + 1)), ("remove", String(followed)), ("remove", String(elsewhere))])
            #expect(removed.status == .seeOther)
            #expect(try await client.send(.get, "/api/v1/projects/\(elsewhere)", as: supportLeader).status == .notFound, "gone from the group: refused at once")
            #expect(try await fixture.services.taskForces.taskForce(ofGroup: Int64(supportGroup))?.groups.first { $0.id == Int64(supportGroup) }?.projectIds
                .contains(Int64(followed)) == false)
        }
    }

    @Test("a task force is refused by name: an unknown unit or seat, groups without or with the same name", arguments: [DatabaseEngine.sqlite])
    func create(engine: DatabaseEngine) async throws {
        try await withWeb(engine) { fixture, client in
            let seat = try await fixture.services.positions.create(title: "区长", unitName: "朝阳区", duty: .staff, holder: ("某某", ""), since: webToday,
                                                                   actor: .system("test"))
            try await fixture.services.reloadCatalog()
            let badUnit = try await client.send(.post, "/api/v1/task-forces", as: fixture, json: #"{"unit":"region:999999","name":"专班"}"#)
            #expect(badUnit.status == .unprocessableContent && badUnit.text.contains("999999"))
            let badSeat = try await client.send(.post, "/api/v1/task-forces", as: fixture, json: #"{"unit":"region:220104","name":"专班","leaderSeats":[424242]}"#)
            #expect(badSeat.status == .unprocessableContent && badSeat.text.contains("没有编号为 424242 的岗位"))
            let twice = try await client.send(.post, "/api/v1/task-forces", as: fixture,
                                              json: #"{"unit":"region:220104","name":"专班","groups":[{"name":"甲组"},{"name":"甲组"},{"name":" "}]}"#)
            #expect(twice.status == .unprocessableContent && twice.text.contains("工作组名称不能重复") && twice.text.contains("每个工作组都要有名称"))
            expectDocumented(twice, TaskForcesEndpoints.apiTaskForceCreate)
            #expect(try await fixture.services.taskForces.taskForces().isEmpty, "nothing kept")
            let made = try await client.send(.post, "/api/v1/task-forces", as: fixture,
                                             json: #"{"unit":"region:220104","name":"朝阳区重大项目专班","shape":"1+3","leaderSeats":[\#(seat)],"groups":[{"name":"产业组","leaderSeats":[\#(seat)]}]}"#)
            #expect(made.status == .created)
            expectDocumented(made, TaskForcesEndpoints.apiTaskForceCreate)
            #expect((made.object["leaders"] as? [[String: Any]])?.first?["display"] as? String == "某某（区长）")
        }
    }

    @Test("the centre sets up a task force and adds a group by the pages; bad input is refused in Chinese and changes nothing", arguments: [DatabaseEngine.sqlite])
    func pages(engine: DatabaseEngine) async throws {
        try await withWeb(engine, demoProjects: 60) { fixture, client in
            let seat = try await fixture.services.positions.create(title: "区长", unitName: "朝阳区", duty: .staff, holder: ("某某", ""), since: webToday,
                                                                   actor: .system("test"))
            try await fixture.services.reloadCatalog()
            let refused = try await client.send(.post, "/taskforces", as: fixture, form: [("name", "专班")])
            #expect(refused.status == .unprocessableContent && refused.text.contains("请填写所属县（市）区、开发区"))
            let made = try await client.send(.post, "/taskforces", as: fixture, form: [("unit", "region:220104"), ("name", "朝阳区重大项目专班"), ("shape", "1+2"),
                                                                                      ("leaderSeats", String(seat)), ("office", "区发改局")])
            #expect(made.status == .seeOther)
            let force = try #require(try await fixture.services.taskForces.taskForces().last)
            #expect(force.leaderSeats == [seat] && force.shape == "1+2")
            let project = try #require(try await fixture.services.projects.projects(inStages: Stage.allCases, scope: .everything).first { $0.fields.regionCode == "220104" })
            let noName = try await client.send(.post, "/taskforces/\(force.id)/groups", as: fixture, form: [("version", "1"), ("name", " ")])
            #expect(noName.status == .unprocessableContent && noName.text.contains("每个工作组都要有名称"))
            let added = try await client.send(.post, "/taskforces/\(force.id)/groups", as: fixture, form: [
                ("version", "1"), ("name", "产业组"), ("leaderSeats", String(seat)), ("leadUnits", "区工信局、区发改局"), ("projects", project.fields.name),
            ])
            #expect(added.status == .seeOther)
            let group = try #require(try await fixture.services.taskForces.taskForce(id: force.id)?.groups.first)
            #expect(group.leadUnits == ["区工信局", "区发改局"] && group.projectIds == [project.id] && group.leaderSeats == [seat])
            let stale = try await client.send(.post, "/api/v1/task-forces/\(force.id)/groups", as: fixture, json: #"{"version":1,"group":{"name":"保障组"}}"#)
            #expect(stale.status == .conflict)
            let api = try await client.send(.post, "/api/v1/task-forces/\(force.id)/groups", as: fixture, json: #"{"version":2,"group":{"name":"保障组","classIds":[99999]}}"#)
            #expect(api.status == .unprocessableContent && api.text.contains("没有编号为 99999 的分类口径类别"))
            expectDocumented(api, TaskForcesEndpoints.apiGroupCreate)
            let ok = try await client.send(.post, "/api/v1/task-forces/\(force.id)/groups", as: fixture, json: #"{"version":2,"group":{"name":"保障组"}}"#)
            #expect(ok.status == .created && (ok.object["groups"] as? [[String: Any]])?.count == 2)
        }
    }

    @Test("a task force and its groups are changed under the version and a group taken off: a new group leader's seat reads the group at once and the old one no longer; bad changes are refused in Chinese and change nothing", arguments: allEngines)
    func editing(engine: DatabaseEngine) async throws {
        try await withWeb(engine, demoProjects: 60) { fixture, client in
            var seats: [Int64] = []
            for (title, name) in [("区长", "甲"), ("副区长", "乙"), ("副区长", "丙")] {
                seats.append(try await fixture.services.positions.create(title: title, unitName: "朝阳区", duty: .staff, holder: (name, ""), since: webToday,
                                                                         actor: .system("test")))
            }
            try await fixture.services.reloadCatalog()
            let project = try #require(try await fixture.services.projects.projects(inStages: Stage.allCases, scope: .everything)
                .first { $0.fields.regionCode == "220104" })
            let made = try await client.send(.post, "/api/v1/task-forces", as: fixture, json: """
                {"unit":"region:220104","name":"朝阳区专班","leaderSeats":[\(seats[0])],
                 "groups":[{"name":"产业组","leaderSeats":[\(seats[1])],"projectIds":[\(project.id)]},{"name":"保障组"}]}
                """)
            let id = try #require(made.object["id"] as? Int)
            let groups = Self.groups(made.object)
            let industry = try #require(groups.first?["id"] as? Int), support = try #require(groups.last?["id"] as? Int)

            let stale = try await client.send(.patch, "/api/v1/task-forces/\(id)", as: fixture, json: #"{"version":9,"name":"新名称"}"#)
            #expect(stale.status == .conflict)
            let badSeat = try await client.send(.patch, "/api/v1/task-forces/\(id)", as: fixture, json: #"{"version":1,"deputySeats":[424242]}"#)
            #expect(badSeat.status == .unprocessableContent && badSeat.text.contains("没有编号为 424242 的岗位"))
            expectDocumented(badSeat, TaskForcesEndpoints.apiTaskForceUpdate)
            let renamed = try await client.send(.patch, "/api/v1/task-forces/\(id)", as: fixture,
                                                json: #"{"version":1,"name":"朝阳区重大项目专班","shape":"1+2","deputySeats":[\#(seats[2])]}"#)
            #expect(renamed.status == .ok && renamed.object["name"] as? String == "朝阳区重大项目专班" && renamed.object["version"] as? Int == 2)
            expectDocumented(renamed, TaskForcesEndpoints.apiTaskForceUpdate)
            #expect((renamed.object["leaders"] as? [[String: Any]])?.first?["id"] as? Int == Int(seats[0]), "seats not given stay")
            #expect(Self.groups(renamed.object).count == 2, "the groups stay")

            // The group's leader changes from 乙's seat to 丙's: 丙 reads it at once, 乙 no longer.
            let before = try await fixture.signedIn(as: "yiyi", roles: [.viewer], unit: OrgUnit(kind: .region, code: "220102"), positionId: seats[1])
            let after = try await fixture.signedIn(as: "bing", roles: [.viewer], unit: OrgUnit(kind: .region, code: "220102"), positionId: seats[2])
            #expect(try await client.send(.get, "/working-groups/\(industry)", as: before).status == .ok)
            let twice = try await client.send(.patch, "/api/v1/working-groups/\(industry)", as: fixture, json: #"{"version":2,"name":"保障组"}"#)
            #expect(twice.status == .unprocessableContent && twice.text.contains("工作组名称不能重复"))
            expectDocumented(twice, TaskForcesEndpoints.apiGroupUpdate)
            let moved = try await client.send(.patch, "/api/v1/working-groups/\(industry)", as: fixture,
                                              json: #"{"version":2,"name":"先进制造产业组","leaderSeats":[\#(seats[2])]}"#)
            #expect(moved.status == .ok)
            expectDocumented(moved, TaskForcesEndpoints.apiGroupUpdate)
            let group = try #require(Self.groups(moved.object).first { $0["id"] as? Int == industry })
            #expect(group["name"] as? String == "先进制造产业组" && group["projectIds"] as? [Int] == [Int(project.id)], "the named projects stay")
            #expect(try await client.send(.get, "/working-groups/\(industry)", as: after).status == .ok)
            #expect(try await client.send(.get, "/working-groups/\(industry)", as: before).status == .notFound)

            // By the pages: a refused edit comes back in the edit form; a group taken off.
            let noName = try await client.send(.post, "/taskforces/\(id)/edit", as: fixture, form: [("form", "edit"), ("version", "3"), ("name", " ")])
            #expect(noName.status == .unprocessableContent && noName.text.contains("请填写专班名称") && noName.text.contains("<details class=\"card no-print\" open"))
            #expect(try await fixture.services.taskForces.taskForce(id: Int64(id))?.name == "朝阳区重大项目专班")
            let edited = try await client.send(.post, "/taskforces/\(id)/edit", as: fixture,
                                               form: [("form", "edit"), ("version", "3"), ("name", "朝阳区项目专班"), ("leaderSeats", String(seats[0])), ("office", "区发改局")])
            #expect(edited.status == .seeOther)
            let page = try await client.send(.get, "/working-groups/\(support)", as: fixture)
            #expect(page.text.contains("修改工作组") && page.text.contains("撤销工作组"))
            let staleRemove = try await client.send(.post, "/working-groups/\(support)/remove", as: fixture, form: [("version", "3")])
            #expect(staleRemove.status == .conflict)
            let removed = try await client.send(.post, "/working-groups/\(support)/remove", as: fixture, form: [("version", "4")])
            #expect(removed.status == .seeOther)
            #expect(try await client.send(.get, "/working-groups/\(support)", as: fixture).status == .notFound)
            let left = try #require(try await fixture.services.taskForces.taskForce(id: Int64(id)))
            #expect(left.groups.map(\.name) == ["先进制造产业组"] && left.version == 5 && left.office == "区发改局")
            let api = try await client.send(.post, "/api/v1/working-groups/\(industry)/remove", as: fixture, json: #"{"version":5}"#)
            #expect(api.status == .ok && Self.groups(api.object).isEmpty)
            expectDocumented(api, TaskForcesEndpoints.apiGroupRemove)
        }
    }
}
