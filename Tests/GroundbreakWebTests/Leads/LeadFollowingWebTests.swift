import Foundation
import GroundbreakDomain
import GroundbreakOffice
import GroundbreakStore
import GroundbreakTestSupport
@testable import GroundbreakWeb
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

/// Leads followed by working groups: a group reads its classes' leads, the task force dispatches
/// them every two weeks, and the ranking counts each unit's signings as the leads pages do.
@Suite("Leads followed by groups and ranked", .serialized)
struct LeadFollowingWebTests {
    static let channel = "industryChain"

    static func notIn(_ seats: Set<Int>) -> (Int) -> Bool { { !seats.contains($0) } }

    static func seatIds(_ list: Any?) -> [Int] { ((list as? [[String: Any]]) ?? []).compactMap { $0["id"] as? Int } }

    @Test("a working group's leader reads the leads of the classes the group follows (never a confidential one), with the stage dwell times; a class outside the lead's district is refused", arguments: allEngines)
    func groupLeads(engine: DatabaseEngine) async throws {
        try await withWeb(engine, demoProjects: 60) { fixture, client in
            let forces = (try await client.send(.get, "/api/v1/task-forces", as: fixture).json as? [[String: Any]]) ?? []
            let luyuan = try #require(forces.first { $0["shape"] as? String == "7+3" })
            // A group leader who does not command the task force: it follows its own group's classes only.
            let commanders = Set(Self.seatIds(luyuan["leaders"]) + Self.seatIds(luyuan["deputies"]))
            let groups = (luyuan["groups"] as? [[String: Any]]) ?? []
            let group = try #require(groups.first { (($0["classIds"] as? [Int]) ?? []).count > 0 })
            let positions: [Int] = try await fixture.services.positions.all().map { Int($0.id) }
            let seat = try #require(positions.filter(Self.notIn(commanders)).first)
            let groupId = group["id"] as? Int ?? 0, version = luyuan["version"] as? Int ?? 0
            let patch = "{\"version\":\(version),\"leaderSeats\":[\(seat)]}"
            let moved = try await client.send(.patch, "/api/v1/working-groups/\(groupId)", as: fixture, json: patch)
            #expect(moved.status == .ok)
            let classes = Set((group["classIds"] as? [Int]) ?? [])
            let all = (try await client.send(.get, "/api/v1/leads", as: fixture).json as? [[String: Any]]) ?? []
            let classed = all.filter { ($0["schemeClassId"] as? Int).map(classes.contains) == true }
            #expect(!classed.isEmpty, "the demo's 绿园 leads fall in its 7+3 classes")

            let leader = try await fixture.signedIn(as: "zuzhang", roles: [.sponsor], positionId: Int64(seat))
            let seen = (try await client.send(.get, "/api/v1/leads", as: leader).json as? [[String: Any]]) ?? []
            let ownSeat = seen.filter { $0["sponsorSeat"] as? Int == seat }
            #expect(Set(seen.compactMap { $0["id"] as? Int }) == Set((classed + ownSeat).compactMap { $0["id"] as? Int }),
                    "the group's classes' leads and those the seat is 分管领导 of")
            #expect(seen.allSatisfy { $0["confidential"] as? Bool == false || $0["sponsorSeat"] as? Int == seat })
            if let other = all.first(where: { ($0["schemeClassId"] as? Int).map(classes.contains) != true && $0["sponsorSeat"] as? Int != seat }) {
                #expect(try await client.send(.get, "/api/v1/leads/\(other["id"] as? Int ?? 0)", as: leader).status == .notFound)
            }
            let page = try await client.send(.get, "/leads", as: leader)
            #expect(page.status == .ok && page.text.contains("data-total=\"\(seen.count)\""))

            let funnel = try await client.send(.get, "/api/v1/leads/funnel", as: fixture)
            let first = ((funnel.object["steps"] as? [[String: Any]]) ?? []).first ?? [:]
            #expect((first["movedOn"] as? Int ?? 0) > 0 && (first["medianDwellDays"] as? Double ?? -1) >= 0, "the first stage's median stay")
            #expect(try await client.send(.get, "/leads", as: fixture).text.contains("停留中位"))

            // A lead of 朝阳区 cannot take 绿园's class; 绿园's can.
            let staff = try await fixture.signedIn(as: "zs2", roles: [.attraction], unit: OrgUnit(kind: .region, code: "220104"))
            let classId = try #require(classes.first)
            let body = #"{"title":"座椅项目","investor":{"name":"某公司","kind":"privateOwned"},"channel":"\#(LeadFollowingWebTests.channel)","unit":"region:220104","schemeClassId":\#(classId)}"#
            let refused = try await client.send(.post, "/api/v1/leads", as: staff, json: body)
            #expect(refused.status == .unprocessableContent && refused.text.contains("分类口径类别"))
            let luyuanStaff = try await fixture.signedIn(as: "zs3", roles: [.attraction], unit: OrgUnit(kind: .region, code: "220106"))
            let made = try await client.send(.post, "/api/v1/leads", as: luyuanStaff, json: body.replacingOccurrences(of: "220104", with: "220106"))
            #expect(made.status == .created && made.object["schemeClassId"] as? Int == classId)
            let id = made.object["id"] as? Int ?? 0
            #expect(try await client.send(.get, "/api/v1/leads/\(id)", as: leader).status == .ok, "the group's leader reads the new lead of its class at once")
        }
    }

    @Test("the task force's biweekly dispatch: each group's figures are its leads' (the classes it follows), the unreported first; page, workbook and API agree", arguments: allEngines)
    func dispatch(engine: DatabaseEngine) async throws {
        try await withWeb(engine, demoProjects: 60) { fixture, client in
            let forces = (try await client.send(.get, "/api/v1/task-forces", as: fixture).json as? [[String: Any]]) ?? []
            let luyuan = try #require(forces.first { $0["shape"] as? String == "7+3" })
            let id = luyuan["id"] as? Int ?? 0
            let answer = try await client.send(.get, "/api/v1/task-forces/\(id)/lead-dispatch?through=2026-11-20", as: fixture)
            #expect(answer.status == .ok)
            expectDocumented(answer, LeadsEndpoints.apiDispatch)
            #expect(answer.object["from"] as? String == "2026-11-07" && answer.object["through"] as? String == "2026-11-20", "two weeks, both ends counted")
            let groups = (answer.object["groups"] as? [[String: Any]]) ?? []
            #expect(groups.count == 7, "绿园's seven industry groups follow classes; its three support groups do not")
            let all = (try await client.send(.get, "/api/v1/leads", as: fixture).json as? [[String: Any]]) ?? []
            let tfGroups = (luyuan["groups"] as? [[String: Any]]) ?? []
            for group in groups {
                let classes = Set(tfGroups.first { $0["id"] as? Int == group["id"] as? Int }?["classIds"] as? [Int] ?? [])
                let own = all.filter { ($0["schemeClassId"] as? Int).map(classes.contains) == true }
                let lines = (group["lines"] as? [[String: Any]]) ?? []
                #expect(group["total"] as? Int == own.count && group["active"] as? Int == own.filter { $0["status"] as? String == "active" }.count)
                #expect(lines.count == group["active"] as? Int && group["stale"] as? Int == lines.filter { $0["stale"] as? Bool == true }.count)
                let staleFirst = lines.map { $0["stale"] as? Bool == true }
                #expect(staleFirst == staleFirst.sorted { $0 && !$1 }, "the unreported come first")
                let signed = own.filter { ($0["signing"] as? [String: Any]).map { ("2026-11-07"..."2026-11-20").contains($0["on"] as? String ?? "") } == true }
                #expect(group["signedInPeriod"] as? Int == signed.count)
            }
            let page = try await client.send(.get, "/taskforces/\(id)/leads?through=2026-11-20", as: fixture)
            #expect(page.status == .ok && page.text.contains("双周招商调度") && page.text.contains("2026-11-07 至 2026-11-20"))
            #expect(try await client.send(.get, "/taskforces/\(id)", as: fixture).text.contains("/taskforces/\(id)/leads"))
            let workbook = try await client.send(.get, "/taskforces/\(id)/leads.xlsx?through=2026-11-20", as: fixture)
            let sheet = try SpreadsheetReader.read(Array(workbook.body.readableBytesView)).rows.map { $0.map(\.text) }
            #expect(sheet[0][0] == "双周招商调度" && sheet[1][0].contains("2026-11-07 至 2026-11-20"))
            let total = groups.reduce(0) { $0 + (($1["lines"] as? [[String: Any]])?.count ?? 0) }
            #expect(sheet.dropFirst(3).filter { !($0.first ?? "").isEmpty && !$0[0].hasPrefix("共") }.count == total)
            #expect(try await client.send(.get, "/api/v1/task-forces/\(id)/lead-dispatch?through=2027-01-01", as: fixture).status == .badRequest)
        }
    }

    @Test("the ranking's 招商 figures are the leads page's: each unit's signed leads over its leads are its funnel's 签约率, and the months with a signing are the rhythm's", arguments: allEngines)
    func assessmentFigures(engine: DatabaseEngine) async throws {
        try await withWeb(engine, demoProjects: 60) { fixture, client in
            let table = try await client.send(.get, "/api/v1/assessment?month=2026-11", as: fixture)
            let rows = (table.object["rows"] as? [[String: Any]]) ?? []
            #expect(rows.count >= 15)
            for row in rows.prefix(3) {
                let unit = row["unit"] as? String ?? ""
                let figures = (row["figures"] as? [String: Any]) ?? [:]
                let funnel = try await client.send(.get, "/api/v1/leads/funnel?unit=\(unit)", as: fixture)
                let rate = ((funnel.object["rates"] as? [[String: Any]]) ?? []).first { $0["code"] as? String == "signing" } ?? [:]
                // The centre's funnel leaves out confidential leads; the ranking counts them (a figure names no lead).
                let all = try await fixture.services.leads.leads(reach: LeadReach(everyUnit: true, everyConfidential: true))
                let mine = all.filter { $0.isInside(OrgUnit.parse(unit)!, reference: try! fixture.services.catalog()) }
                #expect(figures["leads"] as? Int == mine.count && figures["leadsSigned"] as? Int == mine.filter { $0.signing != nil }.count, "\(unit)")
                if mine.allSatisfy({ !$0.confidential }) {
                    #expect(figures["leads"] as? Int == rate["whole"] as? Int && figures["leadsSigned"] as? Int == rate["part"] as? Int, "\(unit)")
                }
                var months = 0
                for month in 1...11 {
                    let rhythm = try await client.send(.get, "/api/v1/leads/rhythm?month=2026-\(month < 10 ? "0" : "")\(month)", as: fixture)
                    let line = ((rhythm.object["lines"] as? [[String: Any]]) ?? []).first { $0["unit"] as? String == unit } ?? [:]
                    if (line["signings"] as? Int ?? 0) > 0 { months += 1 }
                }
                #expect(figures["monthsWithSigning"] as? Int == months && figures["monthsElapsed"] as? Int == 11, "\(unit)")
            }
            let page = try await client.send(.get, "/assessment?month=2026-11", as: fixture)
            #expect(page.text.contains("招商签约/线索") && page.text.contains("有签约月份"))
        }
    }

}
