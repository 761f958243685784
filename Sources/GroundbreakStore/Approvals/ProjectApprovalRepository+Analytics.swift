import Foundation
import GroundbreakDomain

extension ProjectApprovalRepository {
    /// The two days the approval figures are taken on: the day shown and the end of last month.
    public struct AnalyticsKey: Equatable, Sendable {
        public let asOf: Day
        public let previous: Day

        public init(asOf: Day, previous: Day) {
            self.asOf = asOf
            self.previous = previous
        }
    }

    /// Each project's part of the approval figures (`ApprovalAnalytics.ProjectPart`) within the
    /// reach of `scope` and of the items `departments` decide, by the calendar as stored. For the
    /// whole city the parts are kept between computations (`ProjectPartsKeeper`): after a write only
    /// the projects it named are taken again, where every item of the province was read and its
    /// clock run for each computation. A change to the calendar or the catalogue takes them all again.
    public func analyticsParts(scope: ProjectScope, departments: Set<String>, _ key: AnalyticsKey) async throws -> [ApprovalAnalytics.ProjectPart] {
        guard scope.isEverything, departments.isEmpty else {
            let calendar = try await CalendarRepository(database: database).calendar()
            let entries = try await listings(scope: scope, departments: departments, openOnly: false).map { ApprovalAnalytics.Entry(approval: $0.approval, item: $0.item) }
            return ApprovalAnalytics.parts(entries, calendar: calendar, asOf: key.asOf, previous: key.previous)
        }
        return try await database.approvalAnalyticsParts.parts(key, database) { [self] ids in
            let calendar = try await CalendarRepository(database: database).calendar()
            var entries: [ApprovalAnalytics.Entry] = []
            try await eachUnlisted(scope: .everything, ApprovalListingFilter(openOnly: false), of: ids) { approval, item in
                entries.append(ApprovalAnalytics.Entry(approval: approval, item: item))
            }
            return ApprovalAnalytics.parts(entries, calendar: calendar, asOf: key.asOf, previous: key.previous)
        }
    }

    /// The department tables of `analyticsParts`: for the whole city moved from the last ones,
    /// by the parts a write changed.
    public func analyticsTables(scope: ProjectScope, departments: Set<String>, _ key: AnalyticsKey) async throws -> ApprovalAnalytics.Tables {
        let parts = try await analyticsParts(scope: scope, departments: departments, key)
        guard scope.isEverything, departments.isEmpty else { return ApprovalAnalytics.Tables(parts) }
        return database.approvalTables.tables(parts)
    }
}
