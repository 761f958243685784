import Foundation
import GroundbreakDomain
import SQLKit

extension ProjectSnapshot {
    /// Every approval item of `projects` (nil: all), by project: the approval analytics reads
    /// every item ever decided, and reading them from SQL was most of its wait after a change.
    static func approvals(of projects: [Int64]?, db: any SQLDatabase) async throws -> [Int64: [ProjectApproval]] {
        let only: SQLQueryString = projects.map { "WHERE project_id IN (\(binds: $0))" } ?? ""
        let rows = try await db.raw("SELECT * FROM project_approvals \(only)").all()
        var result: [Int64: [ProjectApproval]] = [:]
        for approval in try await ProjectApprovalRepository.approvals(rows, db: db) {
            result[approval.projectId, default: []].append(approval)
        }
        return result
    }

    /// `ProjectApprovalRepository.listings` over every project, as SQL gives them (by id).
    func approvalListings(_ filter: ApprovalListingFilter, items: [String: ApprovalItem]) -> [ApprovalListing] {
        // Sorted as ids with where to find them, then built: sorting the listings themselves moved
        // whole approvals with their texts hundreds of thousands of times.
        var kept: [(id: Int64, project: Int, approval: ProjectApproval, item: ApprovalItem)] = []
        for (index, project) in projects.enumerated() {
            for approval in approvals[project.id] ?? [] where filter.keeps(approval) {
                guard let item = items[approval.itemCode] else { continue }
                kept.append((approval.id, index, approval, item))
            }
        }
        let order = kept.indices.sorted { kept[$0].id < kept[$1].id }
        return order.map { at in
            let entry = kept[at]
            return ApprovalListing(approval: entry.approval, item: entry.item, projectName: projects[entry.project].fields.name,
                                   regionCode: projects[entry.project].fields.regionCode)
        }
    }
}

/// Which approval items a listing keeps, said once for SQL and for the snapshot.
struct ApprovalListingFilter: Sendable {
    var openOnly: Bool
    /// Only items decided on or after that day.
    var decidedFrom: Day?

    /// The statuses of an item no longer open (`ApprovalStatus.isDecided`).
    static let closedStatuses = ApprovalStatus.allCases.filter(\.isDecided).map(\.rawValue)

    var sql: SQLQueryString {
        var clause: SQLQueryString = openOnly ? "AND a.status NOT IN (\(binds: Self.closedStatuses))" : ""
        if let decidedFrom { clause = "\(clause) AND a.decided_on >= \(bind: decidedFrom.iso)" }
        return clause
    }

    func keeps(_ approval: ProjectApproval) -> Bool {
        if openOnly && approval.status.isDecided { return false }
        if let decidedFrom { return approval.decidedOn.map { $0 >= decidedFrom } ?? false }
        return true
    }
}
