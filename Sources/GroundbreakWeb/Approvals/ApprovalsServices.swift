import GroundbreakStore

/// The approvals feature's repositories, as handlers reach them.
extension AppServices {
    public var approvals: ProjectApprovalRepository { ProjectApprovalRepository(database: database) }
    public var batches: ApprovalBatchRepository { ApprovalBatchRepository(database: database) }
}
