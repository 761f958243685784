import Foundation
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
}
