import Foundation
import GroundbreakDomain
import GroundbreakStore
import HTTPTypes
import GroundbreakTestSupport
@testable import GroundbreakWeb
import HummingbirdTesting
import Testing

/// Every JSON body is a typed request: a key the type does not take, or a value of another
/// kind, is refused by name with a Chinese 422 and changes nothing. (The problem, supervision,
/// meeting and approval bodies once flattened whatever came into strings and dropped the rest.)
@Suite("Typed request bodies")
struct TypedBodyTests {
    typealias Matrix = AuthorisationMatrixTests

    /// The route's path with the in-scope object of the matrix world in place of `:id`.
    static func path(_ endpoint: Endpoint, _ world: Matrix.World) -> String {
        let ids: [ObjectTarget: Int64] = [
            .project: world.projectA, .approval: world.approvalA, .report: world.reportA, .problem: world.problemA,
            .supervisedItem: world.itemA, .meeting: world.meetingA, .file: world.photoA, .user: world.targetUser, .token: world.token,
            .batch: world.batch, .position: world.secretarySeat, .scheme: world.scheme, .schemeClass: world.schemeClass,
            .bulletin: world.bulletinB, .taskForce: world.taskForceA, .workingGroup: world.groupA, .lead: world.leadA,
            .fundingApplication: world.fundingA, .campaign: world.campaign,
        ]
        return endpoint.pattern.replacingOccurrences(of: ":id", with: String(ids[endpoint.target] ?? 0))
    }

    /// What a refused body may have changed: the versions of the world's objects.
    static func versions(_ fixture: WebFixture, _ world: Matrix.World) async throws -> [Int] {
        [try await fixture.services.projects.project(id: world.projectA)?.version ?? 0,
         try await fixture.services.problems.problem(id: world.problemA)?.version ?? 0,
         try await fixture.services.supervision.item(id: world.itemA)?.version ?? 0,
         try await fixture.services.meetings.meeting(id: world.meetingA)?.version ?? 0,
         try await fixture.services.approvals.approval(id: world.approvalA)?.version ?? 0,
         try await fixture.services.reports.report(id: world.reportA)?.version ?? 0]
    }

    @Test("every JSON body: a stray key, a list for an object, or a number for text is a 422 that names the field, documented, and nothing changes")
    func everyBody() async throws {
        try await withWeb { base, client in
            let world = try await Matrix.makeWorld(base)
            let admin = try await Matrix.caller(base, .admin, world: world)
            // The owner unit answers for its supervised item; everything else the administrator may send.
            let owner = try await Matrix.caller(base, .department, world: world)
            let before = try await Self.versions(base, world)
            let bodies = Endpoint.allCases.filter { $0.kind == .api && $0.isMutation && !$0.acceptsUpload }
            #expect(bodies.count > 20)
            for endpoint in bodies {
                let path = Self.path(endpoint, world)
                let caller = endpoint == SupervisionEndpoints.apiSupervisionAnswer ? owner : admin
                let stray = try await client.send(endpoint.method, path, as: caller, json: #"{"noSuchField":1}"#)
                #expect(stray.status == .unprocessableContent, "\(endpoint) stray key → \(stray.status): \(stray.text.prefix(300))")
                let fields = (stray.object["errors"] as? [[String: Any]] ?? []).compactMap { $0["field"] as? String }
                // A body with required keys reports the first missing one before it can weigh the rest.
                let missing = stray.text.contains("请填写") || stray.text.contains("不能为 null")
                #expect(fields.contains("noSuchField") || missing, "\(endpoint) names neither the stray key nor a missing one: \(stray.text.prefix(300))")
                expectDocumented(stray, endpoint: endpoint)

                let list = try await client.send(endpoint.method, path, as: caller, json: "[1]")
                #expect(list.status == .unprocessableContent && list.text.contains("请求体的类型不正确"), "\(endpoint) list body → \(list.text.prefix(300))")
                expectDocumented(list, endpoint: endpoint)
            }
            #expect(try await Self.versions(base, world) == before, "a refused body changed something")
        }
    }

    @Test("the workflow bodies that once dropped what they did not know now refuse it: unknown keys, booleans, lists for text")
    func workflowBodies() async throws {
        try await withWeb { base, client in
            let world = try await Matrix.makeWorld(base)
            let admin = try await Matrix.caller(base, .admin, world: world)
            let owner = try await Matrix.caller(base, .department, world: world)
            let before = try await Self.versions(base, world)
            let problemVersion = try await base.services.problems.problem(id: world.problemA)!.version
            let itemVersion = try await base.services.supervision.item(id: world.itemA)!.version
            let cases: [(String, String, String)] = [
                ("/api/v1/problems/\(world.problemA)/handle", #"{"event":"reply","text":"办理中","version":\#(problemVersion),"urgent":true}"#, "urgent"),
                ("/api/v1/problems/\(world.problemA)/handle", #"{"event":"reply","text":true,"version":\#(problemVersion)}"#, "text"),
                ("/api/v1/problems/\(world.problemA)/manage", #"{"event":"assign","owner":"department:CC-GXJ","supportUnits":"department:CC-JTJ","version":\#(problemVersion)}"#, "supportUnits"),
                ("/api/v1/projects/\(world.projectA)/problems", #"{"categoryCode":"LAND","description":"新问题","priority":"high"}"#, "priority"),
                ("/api/v1/supervision/\(world.itemA)/answer", #"{"event":"feedback","text":"推进中","version":\#(itemVersion),"attachments":[]}"#, "attachments"),
                ("/api/v1/supervision", #"{"content":"督办","owner":"department:CC-GXJ","deadline":"2026-12-31","owners":["x"]}"#, "owners"),
                ("/api/v1/meetings", #"{"kindCode":"onSite","title":"会","heldOn":"2026-11-23","room":"一号"}"#, "room"),
                ("/api/v1/approvals/\(world.approvalA)/events", #"{"kind":"correct","reason":"核对","version":1,"force":true}"#, "force"),
            ]
            for (path, json, field) in cases {
                let response = try await client.send(.post, path, as: path.hasSuffix("/answer") ? owner : admin, json: json)
                #expect(response.status == .unprocessableContent, "\(path) \(json) → \(response.status): \(response.text.prefix(300))")
                let fields = (response.object["errors"] as? [[String: Any]] ?? []).compactMap { $0["field"] as? String }
                #expect(fields == [field], "\(path) \(json) → \(response.text.prefix(300))")
                let messages = (response.object["errors"] as? [[String: Any]] ?? []).compactMap { $0["message"] as? String }
                #expect(messages.allSatisfy { $0.unicodeScalars.contains { $0.value > 0x2E80 } }, "a Chinese reason: \(messages)")
            }
            #expect(try await Self.versions(base, world) == before, "a refused body changed something")
            #expect(try await base.services.meetings.meetings().count == 2, "no meeting was called")
        }
    }
}
