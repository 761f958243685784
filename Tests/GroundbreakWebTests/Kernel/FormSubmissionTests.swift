import Foundation
import GroundbreakDomain
import GroundbreakStore
import GroundbreakTestSupport
@testable import GroundbreakWeb
import HTTPTypes
import HummingbirdTesting
import Testing

/// Every page's form answers a stale version the same way: 409, the form again, one wording
/// naming the version the record has now, and nothing changed.
@Suite("One way to refuse a form")
struct FormSubmissionTests {
    typealias Matrix = AuthorisationMatrixTests

    @Test("a form sent on a record someone changed meanwhile: 409, the same wording on every page, nothing written")
    func staleVersions() async throws {
        try await withWeb { base, client in
            let world = try await Matrix.makeWorld(base)
            let admin = try await Matrix.caller(base, .admin, world: world)
            let owner = try await Matrix.caller(base, .department, world: world)
            let before = try await TypedBodyTests.versions(base, world)
            let stale = "99"
            let forms: [(String, [(String, String)])] = [
                (Route.handleProblem(world.problemA).path, [("event", "reply"), ("text", "办理中"), ("version", stale)]),
                (Route.answerSupervision(world.itemA).path, [("event", "feedback"), ("text", "推进中"), ("version", stale)]),
                (Route.approvalEvent(world.approvalA).path, [("kind", "correct"), ("reason", "核对"), ("version", stale)]),
                (Route.meetingMinutes(world.meetingA).path, [("summary", "议定事项"), ("version", stale)]),
                (Route.projectReports(world.projectA, year: nil).path, [("month", "2026-10"), ("dispatchWan", "100"), ("version", stale)]),
                (Route.transition(world.projectA).path, [("target", "reserve"), ("version", stale)]),
            ]
            for (path, form) in forms {
                let response = try await client.send(.post, path, as: path.hasSuffix("/answer") ? owner : admin, form: form)
                #expect(response.status == .conflict, "\(path) → \(response.status)")
                #expect(response.text.contains("这条记录已被他人更新（当前版本"), "\(path): \(response.text.prefix(200))")
                #expect(response.text.contains("<form"), "\(path) shows the form again")
            }
            #expect(try await TypedBodyTests.versions(base, world) == before, "nothing was written")
        }
    }

    @Test("a refused form keeps what was typed and lists every reason (supervision's new item, which once fell through to an error page)")
    func refusedKeepsInput() async throws {
        try await withWeb { base, client in
            let world = try await Matrix.makeWorld(base)
            let admin = try await Matrix.caller(base, .admin, world: world)
            let response = try await client.send(.post, Route.supervision(openOnly: true).path, as: admin,
                                                 form: [("content", "协调供电接入方案"), ("owner", "department:CC-GXJ"), ("deadline", "2020-01-01")])
            #expect(response.status == .unprocessableContent)
            #expect(response.text.contains("办理时限不能早于今天") && response.text.contains("协调供电接入方案"), "\(response.text.prefix(300))")
        }
    }
}
