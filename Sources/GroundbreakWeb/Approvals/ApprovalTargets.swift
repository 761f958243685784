import GroundbreakDomain
import GroundbreakStore

extension ObjectTarget {
    /// One approval item of a project: its approving department reaches it as well as the project's own scope.
    static let approval = ObjectTarget("approval") { input, action in
        guard let approval = try await input.services.approvals.approval(id: try input.id()),
              let project = try await input.services.projects.project(id: approval.projectId),
              let item = input.services.approvalItems().first(where: { $0.code == approval.itemCode })
        else { throw AppError.notFound }
        input.loaded[ProjectApproval.self] = approval
        input.loaded[Project.self] = project
        return Policy.decideApproval(action, on: project, itemDepartments: [item.departmentCode], for: input.principal, catalog: input.catalog)
    }

    /// A 并联审批 batch; its routes are the centre's, so the route's decision stands.
    static let batch = ObjectTarget("batch") { input, _ in
        guard let batch = try await input.services.batches.batch(id: try input.id()) else { throw AppError.notFound }
        input.loaded[ApprovalBatch.self] = batch
        return .allow
    }
}

extension EndpointRequest {
    var approval: ProjectApproval? { loaded[ProjectApproval.self] }
    var batch: ApprovalBatch? { loaded[ApprovalBatch.self] }
}
