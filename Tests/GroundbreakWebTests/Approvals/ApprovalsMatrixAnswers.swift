import HTTPTypes
@testable import GroundbreakWeb

extension AuthorisationMatrixTests {
    /// The approvals routes' answers when the policy lets the caller through (see `successTables`).
    static func success(_ endpoint: ApprovalsEndpoints) -> HTTPResponse.Status {
        switch endpoint {
        case .projectApprovalPlan, .projectApprovalAddItem, .approvalEvent, .approvalBatchCreate, .approvalBatchAddProject, .calendarImport,
             .approvalItemUpdate:
            .seeOther
        case .projectApprovalsPage, .approvalQueue, .approvalAnalytics, .approvalBatches, .approvalBatchShow, .calendarAdmin,
             .approvalItemsAdmin, .apiProjectApprovals, .apiApprovalPlan, .apiApprovalEvent, .apiApprovalQueue, .apiApprovalAnalytics,
             .apiWorkingDays, .apiApprovalItems:
            .ok
        }
    }
}
