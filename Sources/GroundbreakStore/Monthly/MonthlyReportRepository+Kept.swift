import Foundation
import GroundbreakDomain
import SQLKit

/// A project's report of one month, kept between requests (`ProjectPartsKeeper`): the report board
/// and every home page's report tiles read a province's whole month (tens of thousands of reports)
/// after each write. Every write to a report names its project (a send, a grid, an import, a
/// review); a month's close changes no report.
public struct MonthReportPart: Sendable, Identifiable {
    public var id: Int64 { report.projectId }
    public let report: MonthlyReport
}

/// A month's reports in project order, looked up by project.
public struct MonthReports: Sendable {
    @usableFromInline let parts: [MonthReportPart]

    public var count: Int { parts.count }

    /// The report `projectId` sent for the month, if any.
    public subscript(projectId: Int64) -> MonthlyReport? {
        parts.element(id: projectId)?.report
    }

    /// Where the report each of `projects` sent for the month is held (nil: none sent), in their
    /// order: one walk beside the month's reports when the projects are in id order (the board's
    /// are), a search otherwise. Positions rather than reports: a report copied is a retain of each
    /// of its texts.
    public func positions(of projects: Selection<Project>) -> [Int?] {
        var found: [Int?] = []
        found.reserveCapacity(projects.count)
        var at = 0
        for index in projects.indices {
            let id = projects.reading(index) { $0.id }
            if at > 0 && parts[at - 1].id >= id { at = parts.partitioningIndex { $0.id >= id } }
            while at < parts.count && parts[at].id < id { at += 1 }
            found.append(at < parts.count && parts[at].id == id ? at : nil)
        }
        return found
    }

    /// The report held at `position` (from `positions(of:)`).
    public func report(at position: Int) -> MonthlyReport { parts[position].report }

    /// Reads the report held at `position` where it is, without copying it.
    /// Inlined, so that a caller reading a field or two (the board's states and its sum) reads them
    /// where they lie: through an opaque call each report read would be copied, a retain of each text.
    @inlinable
    public func reading<Result>(_ position: Int, _ body: (MonthlyReport) -> Result) -> Result {
        body(parts[position].report)
    }

    /// Every report, in project order (the tests compare them with SQL's).
    var reports: [MonthlyReport] { parts.map(\.report) }
}

extension MonthlyReportRepository {
    /// Every report of `month`, whatever the reader's scope: a caller joins it to the projects it
    /// may see. Kept, and moved forward by the projects later writes name.
    public func reports(month: Month) async throws -> MonthReports {
        MonthReports(parts: try await database.monthReports.parts(month, database) { [database] ids in
            try await Self.readMonth(month, of: ids, database.reader)
        })
    }

    /// The reports of `month` of `ids` (nil: of every project) from SQL, in project order.
    static func readMonth(_ month: Month, of ids: Set<Int64>?, _ db: any SQLDatabase) async throws -> [MonthReportPart] {
        let named = ids.flatMap { $0.count > LedgerChanges.mostBoundInRead ? nil : $0 }
        let only: SQLQueryString = named.map { $0.isEmpty ? "AND 1 = 0" : "AND project_id IN (\(binds: $0.sorted()))" } ?? ""
        return try await db.raw("""
            SELECT * FROM monthly_reports WHERE month = \(bind: month.iso) \(only) ORDER BY project_id
            """).all().map { MonthReportPart(report: try Self.report($0)) }
    }
}
