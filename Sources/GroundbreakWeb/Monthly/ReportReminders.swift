import Foundation
import GroundbreakDomain
import GroundbreakStore

/// The daily reminders for last month's reports: whoever owes one hears of it a few days before
/// the due day, and again once it is missed — the projects and states the reporting board shows.
enum ReportReminders {
    /// Days before the due day the reminder goes out.
    static let lead = 3

    static func send(_ services: AppServices, today: Day, now: Date) async throws -> Int {
        let rules = services.reportRules
        let month = ReportPages.reportingMonth(today)
        let due = month.dueDate(day: rules.dueDay)
        guard today.ordinal >= due.ordinal - lead else { return 0 }
        let projects = try await services.projects.projects(inStages: rules.reportingStages + [.operation], scope: .everything) {
            rules.mustReport($0, for: month)
        }
        let reports = try await services.reports.reports(month: month)
        let inbox = NotificationRepository(database: services.database)
        var sent = 0
        for project in projects {
            let state = ReportState.of(reports[project.id], project: project, month: month, rules: rules, today: today)
            guard let notice = ReportNotices.reminder(state, project, month: month, due: due, today: today, lead: lead) else { continue }
            sent += try await inbox.sendOnce(notice, to: ReportNotices.recipient(project), now: now).messages
        }
        return sent
    }
}
