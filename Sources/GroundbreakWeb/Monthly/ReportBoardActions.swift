import Foundation
import GroundbreakDomain
import GroundbreakStore
import Hummingbird

/// What the centre does from the reporting board in one go: 催报 (a notice to whoever owes each
/// report still owed for the month) and accepting the reports it ticked.
enum ReportBoardActions {
    /// Tells whoever owes a report still owed for the month (the filter's states, or all owed).
    static func urge(_ input: EndpointRequest) async throws -> Response {
        let form = input.form ?? FormData(pairs: [])
        let month = Month.parse(form["month"]) ?? ReportPages.reportingMonth(input.today)
        let owed = try await ReportPages.boardRows(input, month: month).filter { ReportBoardFilter.owed.contains($0.state) }
        let inbox = NotificationRepository(database: input.services.database)
        var told = 0
        for row in owed where try await inbox.sendOnce(ReportNotices.urge(row.project, month: month, today: input.today), to: ReportNotices.recipient(row.project), now: input.now).isNew {
            told += 1
        }
        try await AuditLog(database: input.services.database).record(entity: "monthly_report", entityId: month.iso, action: "urge",
                                                                    reason: WebText.Monthly.urgedAudit(owed.count), actor: input.actor, now: input.now)
        let filter = ReportBoardFilter(month: month, states: ReportBoardFilter.owed)
        return Responses.redirect(to: Route.reportsBoard(filter).path(adding: [("notice", "urged"), ("count", String(told))]))
    }

    /// Accepts every ticked report (`accept=<id>:<version>`); each is a review of its own, so a
    /// report changed meanwhile or no longer waiting is left and counted, the others go through.
    static func acceptMany(_ input: EndpointRequest) async throws -> Response {
        let form = input.form ?? FormData(pairs: [])
        let month = Month.parse(form["month"]) ?? ReportPages.reportingMonth(input.today)
        let visible = Set(try await ReportPages.boardRows(input, month: month).compactMap(\.report?.id))
        var accepted = 0
        var left = 0
        for ticked in form.all("accept") {
            let parts = ticked.split(separator: ":")
            guard parts.count == 2, let id = Int64(parts[0]), let version = Int(parts[1]), visible.contains(id) else { left += 1; continue }
            do {
                _ = try await input.services.reports.review(id: id, accept: true, comment: "", expectedVersion: version, actor: input.actor, now: input.now)
                accepted += 1
            } catch is StoreError {
                left += 1
            }
        }
        let filter = ReportBoardFilter(month: month, states: [.submitted, .submittedLate])
        return Responses.redirect(to: Route.reportsBoard(filter).path(adding: [("notice", "accepted"), ("count", String(accepted)), ("left", String(left))]))
    }
}
