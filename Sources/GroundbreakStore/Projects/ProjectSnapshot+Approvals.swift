import Foundation
import GroundbreakDomain
import SQLKit

extension ProjectSnapshot {
    /// Every approval item of `projects` (nil: all), by project, each project's in id order as
    /// SQL's listings give them: the approval analytics reads every item ever decided, and reading
    /// them from SQL was most of its wait after a change. The order is made here, not by the
    /// query: an unordered read gives a project's items in whatever order its rows were last
    /// written, and a sort of the whole table in the database would cost more than these small ones.
    static func approvals(of projects: [Int64]?, db: any SQLDatabase) async throws -> [Int64: [ProjectApproval]] {
        let only: SQLQueryString = projects.map { "WHERE project_id IN (\(binds: $0))" } ?? ""
        let rows = try await db.raw("SELECT * FROM project_approvals \(only)").all()
        var result: [Int64: [ProjectApproval]] = [:]
        for approval in try await ProjectApprovalRepository.approvals(rows, db: db) {
            result[approval.projectId, default: []].append(approval)
        }
        var index = result.startIndex
        while index != result.endIndex {
            result.values[index].sort { $0.id < $1.id }
            result.formIndex(after: &index)
        }
        return result
    }

    /// `ProjectApprovalRepository.listings` over every project, as SQL gives them (by id).
    func approvalListings(_ filter: ApprovalListingFilter, items: [String: ApprovalItem]) -> [ApprovalListing] {
        var result: [ApprovalListing] = []
        eachApproval(filter, items: items) { project, approval, item in
            result.append(ApprovalListing(approval: approval, item: item, projectName: project.fields.name, regionCode: project.fields.regionCode))
        }
        return result.sorted { $0.approval.id < $1.approval.id }
    }

    /// The items `filter` keeps with their catalogue entries, project by project, unsorted. Read
    /// in place through buffer pointers: a `for … in` over the arrays copied every project and
    /// item it passed (a retain of each of their strings), a tenth of the lights and the ranking.
    /// Of the projects `only` names, when given.
    func eachApproval(_ filter: ApprovalListingFilter, items: [String: ApprovalItem], of only: Set<Int64>? = nil,
                      _ body: (Project, ProjectApproval, ApprovalItem) -> Void) {
        func each(_ project: Project) {
            approvals[project.id]?.withUnsafeBufferPointer { own in
                for position in own.indices where filter.keeps(own[position]) {
                    guard let item = items[own[position].itemCode] else { continue }
                    body(project, own[position], item)
                }
            }
        }
        if let only {
            for id in only.sorted() { project(id: id).map(each) }
            return
        }
        projects.withUnsafeBufferPointer { projects in
            for index in projects.indices { each(projects[index]) }
        }
    }
}

/// Which approval items a listing keeps, said once for SQL and for the snapshot.
struct ApprovalListingFilter: Sendable {
    var openOnly: Bool
    /// Only items decided on or after that day.
    var decidedFrom: Day?
    /// Only the items of these projects.
    var projects: Set<Int64>?

    /// The statuses of an item no longer open (`ApprovalStatus.isDecided`).
    static let closedStatuses = ApprovalStatus.allCases.filter(\.isDecided).map(\.rawValue)

    var sql: SQLQueryString {
        var clause: SQLQueryString = openOnly ? "AND a.status NOT IN (\(binds: Self.closedStatuses))" : ""
        if let decidedFrom { clause = "\(clause) AND a.decided_on >= \(bind: decidedFrom.iso)" }
        if let projects { clause = projects.isEmpty ? "\(clause) AND 1 = 0" : "\(clause) AND a.project_id IN (\(binds: projects.sorted()))" }
        return clause
    }

    func keeps(_ approval: ProjectApproval) -> Bool {
        if openOnly && approval.status.isDecided { return false }
        if let projects, !projects.contains(approval.projectId) { return false }
        if let decidedFrom { return approval.decidedOn.map { $0 >= decidedFrom } ?? false }
        return true
    }
}
