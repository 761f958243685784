import Foundation
import GroundbreakDomain
import HTTPTypes
@testable import GroundbreakStore
import GroundbreakTestSupport
@testable import GroundbreakWeb
import HummingbirdTesting
import Testing

@Suite("A department's approval queue")
struct DepartmentQueueTests {
    @Test("a department lands on the items it must decide itself; the items of projects it leads are one click away, and its filter offers every department")
    func departmentQueue() async throws {
        try await withWeb { fixture, client in
            // 市工信局 leads the project; its items are decided by 市发改委 and 市规自局.
            let id = try await approvalTestProject(fixture, name: "工信局牵头的新材料项目", lead: "CC-GXJ")
            _ = try await client.send(.post, "/projects/\(id)/approvals/plan", as: fixture, form: [("approvalType", "enterpriseFiling")])
            let items = try await client.approvalItems(id, as: fixture)
            for code in ["LAND-SITE", "ENT-FILING"] {
                #expect(try await client.approvalEvent(items[code]?["id"], as: fixture, ["kind": "apply", "on": "2026-11-19", "version": 1]).status == .ok)
            }
            let industry = try await fixture.signedIn(as: "gxj", roles: [.department], unit: OrgUnit(kind: .department, code: "CC-GXJ"))
            let mine = try await client.send(.get, "/approvals", as: industry)
            #expect(mine.status == .ok)
            #expect(!mine.text.contains("用地预审与选址意见书") && !mine.text.contains("企业投资项目备案"), "other departments' items are not its 待办")
            #expect(mine.text.contains("没有待本部门办理的审批事项"))
            #expect(mine.text.contains(#"<option value="CC-GXJ""#), "its own department is in its filter")
            #expect(mine.text.contains(#"<option value="CC-ZRZY""#), "and so is every department it can see items of")
            let all = try await client.send(.get, "/approvals?scope=all", as: industry)
            #expect(all.text.contains("用地预审与选址意见书") && all.text.contains("企业投资项目备案"), "the projects it leads, on request")
            let picked = try await client.send(.get, "/approvals?department=CC-ZRZY", as: industry)
            #expect(picked.text.contains("用地预审与选址意见书") && !picked.text.contains("企业投资项目备案"), "picking a department shows its items")

            let landBureau = try await fixture.signedIn(as: "zrzy", roles: [.department], unit: OrgUnit(kind: .department, code: "CC-ZRZY"))
            let waiting = try await client.send(.get, "/approvals", as: landBureau)
            #expect(waiting.text.contains("用地预审与选址意见书") && !waiting.text.contains("企业投资项目备案"))
            let centre = try await fixture.signedIn(as: "centre", roles: [.center], unit: OrgUnit(kind: .department, code: "CC-XMZX"))
            let city = try await client.send(.get, "/approvals", as: centre)
            #expect(city.text.contains("用地预审与选址意见书") && city.text.contains("企业投资项目备案"), "the centre sees every item")
            #expect(try await client.send(.get, "/approvals?scope=nobody", as: landBureau).status == .ok, "a bad scope falls back to the default")
            // The API lists everything the caller can see unless asked for its own department's items.
            let apiMine = try await client.send(.get, "/api/v1/approvals?scope=mine", as: industry)
            expectDocumented(apiMine, ApprovalsEndpoints.apiApprovalQueue)
            #expect(apiMine.status == .ok && (apiMine.object["entries"] as? [Any])?.isEmpty == true)
            let apiAll = try await client.send(.get, "/api/v1/approvals", as: industry)
            #expect((apiAll.object["entries"] as? [Any])?.count == 2)
            let apiBad = try await client.send(.get, "/api/v1/approvals?scope=nobody", as: industry)
            #expect(apiBad.status == .badRequest)
            expectDocumented(apiBad, ApprovalsEndpoints.apiApprovalQueue)
        }
    }
}
