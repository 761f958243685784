import Foundation
import GroundbreakDomain
import GroundbreakStore
import HTTPTypes
import GroundbreakTestSupport
@testable import GroundbreakWeb
import HummingbirdTesting
import Testing

/// A page offers only what the viewer may do now: what the policy grants them, and what the
/// record's state allows.
@Suite("Forms a page offers")
struct OfferedFormsTests {
    typealias Matrix = AuthorisationMatrixTests

    @Test("a problem waiting for 分办 offers the centre 分办, not the owner's 办理; once assigned, the owner's unit gets 办理 and not 分办")
    func problemForms() async throws {
        try await withWeb { base, client in
            let world = try await Matrix.makeWorld(base)
            let centre = try await Matrix.caller(base, .center, world: world)
            let raised = try await base.services.problems.raise(
                Problem(projectId: world.projectA, regionCode: "220104", categoryCode: "LAND", description: "待分办的问题", raisedByUserId: nil,
                        raisedByName: "测试", raisedOn: webToday), actor: .system("test"), now: webNow)
            let waiting = try await client.send(.get, Route.problem(raised.id).path, as: centre)
            #expect(waiting.text.contains(WebText.Problems.manageHeading))
            #expect(!waiting.text.contains(WebText.Problems.handleHeading), "nobody owns it yet: there is nothing to handle")

            let department = try await Matrix.caller(base, .department, world: world)
            let assigned = try await client.send(.get, Route.problem(world.problemA).path, as: department)
            #expect(assigned.text.contains(WebText.Problems.handleHeading) && !assigned.text.contains(WebText.Problems.manageHeading))
        }
    }

    @Test("the supervision office reads an item and decides on it but does not answer for its owner; the owner answers")
    func supervisionForms() async throws {
        try await withWeb { base, client in
            let world = try await Matrix.makeWorld(base)
            let office = try await Matrix.caller(base, .supervision, world: world)
            let page = try await client.send(.get, Route.supervisedItem(world.itemA).path, as: office)
            #expect(page.status == .ok)
            #expect(!page.text.contains(WebText.Supervision.answerHeading) && page.text.contains(WebText.Supervision.decideHeading))
            let version = try await base.services.supervision.item(id: world.itemA)!.version
            let refused = try await client.send(.post, Route.answerSupervision(world.itemA).path, as: office,
                                                form: [("event", "feedback"), ("text", "督查室代为反馈"), ("version", String(version))])
            #expect(refused.status == .forbidden)
            #expect(try await base.services.supervision.item(id: world.itemA)?.status == .open, "the item does not read 已反馈 by the office")

            let owner = try await Matrix.caller(base, .department, world: world)
            let ownerPage = try await client.send(.get, Route.supervisedItem(world.itemA).path, as: owner)
            #expect(ownerPage.text.contains(WebText.Supervision.answerHeading) && !ownerPage.text.contains(WebText.Supervision.decideHeading))
        }
    }
}
