import Foundation
import GroundbreakDomain
import GroundbreakStore

/// The daily watch on money issued from above: an application whose issued money is not spent
/// within its channel's months warns its unit and the collecting department, once per due day —
/// the same applications `/funding/figures` lists as spent late.
enum FundingWarnings {
    static func send(_ services: AppServices, today: Day, now: Date) async throws -> Int {
        let catalog = services.fundingCatalog
        let inbox = NotificationRepository(database: services.database)
        var sent = 0
        for application in try await services.funding.applications(reach: FundingReach(everyUnit: true)) {
            guard let months = catalog.channel(application.channelCode)?.spendWithinMonths,
                  let late = LateSpending.watch(application, months: months, today: today) else { continue }
            let notice = FundingNotices.lateSpending(late, title: application.title)
            for recipient in FundingNotices.recipients(application, catalog: catalog) {
                // One key per recipient, so the department hears it even when the unit was told first.
                var addressed = notice
                if case .unit(let unit) = recipient { addressed.dedupeKey += ":" + unit.text }
                sent += try await inbox.sendOnce(addressed, to: recipient, now: now).messages
            }
        }
        return sent
    }
}
