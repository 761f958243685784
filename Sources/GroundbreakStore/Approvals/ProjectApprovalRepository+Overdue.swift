import Foundation
import GroundbreakDomain

/// How many of a project's open items are past their limit on a day: what the lights count. Kept
/// for the whole city between computations (`ProjectPartsKeeper`), as every light read after a
/// write reads them and a province has hundreds of thousands of open items, each clock counted
/// over the calendar; an item's every write names its project. The calendar is part of the key,
/// so a clock is never read on a calendar other than the one asked.
struct OverdueItems: Sendable, Identifiable {
    let id: Int64
    let count: Int
}

extension ProjectApprovalRepository {
    struct OverdueKey: Equatable, Sendable {
        let today: Day
        let calendar: WorkingCalendar
    }

    /// Each project's open items whose clock reads overdue on `today`, as far as `scope` reaches:
    /// what the lights count, without a listing's project names and order.
    public func overdueCounts(scope: ProjectScope, calendar: WorkingCalendar, today: Day) async throws -> [Int64: Int] {
        guard scope.isEverything else {
            return try await countOverdue(scope: scope, of: nil, calendar: calendar, today: today)
        }
        let kept = try await database.overdueItems.parts(OverdueKey(today: today, calendar: calendar), database) { [database] ids in
            try await ProjectApprovalRepository(database: database).countOverdue(scope: .everything, of: ids, calendar: calendar, today: today)
                .map { OverdueItems(id: $0.key, count: $0.value) }.sorted { $0.id < $1.id }
        }
        return Dictionary(uniqueKeysWithValues: kept.map { ($0.id, $0.count) })
    }

    private func countOverdue(scope: ProjectScope, of ids: Set<Int64>?, calendar: WorkingCalendar, today: Day) async throws -> [Int64: Int] {
        var overdue: [Int64: Int] = [:]
        try await eachUnlisted(scope: scope, ApprovalListingFilter(openOnly: true), of: ids) { approval, item in
            guard ApprovalClock.read(approval, item: item, calendar: calendar, today: today).state == .overdue else { return }
            overdue[approval.projectId, default: 0] += 1
        }
        return overdue
    }
}
