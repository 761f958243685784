import GroundbreakDomain

extension ApprovalsEndpoints {
    var contract: OperationContract? {
        typealias T = WebText.ApprovalsContract
        switch self {
        case .projectApprovalsPage, .projectApprovalPlan, .projectApprovalAddItem, .approvalEvent, .approvalQueue, .approvalAnalytics, .approvalBatches,
             .approvalBatchCreate, .approvalBatchShow, .approvalBatchAddProject, .calendarAdmin, .calendarImport, .approvalItemsAdmin, .approvalItemUpdate:
            return nil
        case .apiProjectApprovals:
            return OperationContract("projectApprovals", T.board, answers: [.ok(ApprovalsAPI.BoardDTO.self, T.boardAnswer)])
        case .apiApprovalPlan:
            return OperationContract("setApprovalPlan", T.plan, body: .json(ApprovalsAPI.PlanBody.self), answers: [.ok(ApprovalsAPI.BoardDTO.self, T.boardAnswer)])
        case .apiApprovalEvent:
            return OperationContract("recordApprovalEvent", T.event, body: .json(ApprovalEventRequest.self),
                                     answers: [.ok(ApprovalsAPI.ApprovalDTO.self, T.eventAnswer)], failures: [.conflict(T.conflict), .invalid(T.eventInvalid)])
        case .apiApprovalQueue:
            return OperationContract("approvalQueue", T.queue, query: [
                .choice("scope", ["mine", "all"], T.scope), .text("department", T.department),
                .choice("state", ApprovalClockReading.State.allCases.map(\.rawValue), T.state),
                .integer("page", 1...Int64(ProjectQuery.maxPage)), .integer("perPage", 1...Int64(ListPaging.maxPerPage)),
            ], answers: [.ok(ApprovalsAPI.QueueDTO.self, T.queueAnswer)], failures: [.badQuery(T.badQuery)])
        case .apiApprovalAnalytics:
            return OperationContract("approvalAnalytics", T.analytics, query: [
                .integer("page", 1...Int64(ProjectQuery.maxPage)), .integer("perPage", 1...Int64(ListPaging.maxPerPage)),
            ], answers: [.ok(ApprovalsAPI.AnalyticsDTO.self, T.analyticsAnswer)], failures: [.badQuery(T.badQuery)])
        case .apiWorkingDays:
            let most = Int64(ApprovalsAPI.maxWorkingDaysAdded)
            return OperationContract("workingDays", T.workingDays, query: [.date("from", required: true), .integer("add", -most...most), .date("to")],
                                     answers: [.ok(ApprovalsAPI.WorkingDaysDTO.self, T.workingDaysAnswer)], failures: [.badQuery(T.badQuery)])
        case .apiApprovalItems:
            return OperationContract("approvalItems", T.items, answers: [.list(ApprovalsAPI.ItemDTO.self, T.itemsAnswer)])
        }
    }
}

extension ApprovalsAPI.ClockDTO: ContractSchema {
    static let contractName: String? = "ApprovalClock"
    static let fieldNotes: [String: [FieldNote]] = [
        "state": [.values(ApprovalClockReading.State.self)], "unit": [.values(LimitUnit.self)], "due": [.date],
        "provisional": [.note(WebText.ApprovalsContract.provisional)],
    ]
}

extension ApprovalsAPI.ApprovalDTO: ContractSchema {
    static let contractName: String? = "Approval"
    static let fieldNotes: [String: [FieldNote]] = [
        "stage": [.note(WebText.ApprovalsContract.stage)], "status": [.values(ApprovalStatus.self)],
        "appliedOn": [.date], "acceptedOn": [.date], "supplementDue": [.date], "decidedOn": [.date], "applyBy": [.date], "approveBy": [.date],
        "log": [.note(WebText.ApprovalsContract.log)],
    ]
}

extension ApprovalsAPI.PauseDTO: ContractSchema {
    static let fieldNotes: [String: [FieldNote]] = ["from": [.date], "to": [.date]]
}

extension ApprovalsAPI.BoardDTO: ContractSchema {
    static let contractName: String? = "ApprovalBoard"
    static let fieldNotes: [String: [FieldNote]] = [
        "approvalType": [.values(ApprovalProjectType.self)], "targetStart": [.date], "slipped": [.note(WebText.ApprovalsContract.slipped)],
    ]
}

extension ApprovalsAPI.PlanBody: ContractSchema {
    static let contractName: String? = "ApprovalPlan"
    static let fieldNotes: [String: [FieldNote]] = ["approvalType": [.values(ApprovalProjectType.self)], "targetStart": [.date]]
}

extension ApprovalEventRequest: ContractSchema {
    static let contractName: String? = "ApprovalEventRequest"
    static let fieldNotes: [String: [FieldNote]] = [
        "kind": [.required, .note(WebText.ApprovalsContract.kind), .values(ApprovalEvent.Kind.self)], "version": [.required, .version],
        "on": [.date], "appliedOn": [.date], "acceptedOn": [.date], "decidedOn": [.date],
    ]
}

extension ApprovalsAPI.QueueDTO: ContractSchema {
    static let contractName: String? = "ApprovalQueue"
    static let fieldNotes: [String: [FieldNote]] = ["totalCount": [.note(WebText.ApprovalsContract.totalCount)]]
}

extension ApprovalsAPI.AnalyticsDTO: ContractSchema {
    static let contractName: String? = "ApprovalAnalytics"
    static let fieldNotes: [String: [FieldNote]] = ["asOf": [.date]]
}

extension ApprovalsAPI.WorkingDaysDTO: ContractSchema {
    static let contractName: String? = "WorkingDays"
    static let fieldNotes: [String: [FieldNote]] = ["from": [.date], "result": [.date], "to": [.date]]
}

extension ApprovalsAPI.ItemDTO: ContractSchema {
    static let contractName: String? = "ApprovalItem"
    static let fieldNotes: [String: [FieldNote]] = ["unit": [.values(LimitUnit.self)], "validTo": [.date]]
}
