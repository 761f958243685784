import GroundbreakDomain

extension ProblemsEndpoints {
    var contract: OperationContract? {
        typealias T = WebText.ProblemsContract
        switch self {
        case .problemsPage, .problemsXLSX, .problemRaiseFind, .problemShow, .projectProblemRaise, .problemManage, .problemHandle, .problemConfirm, .problemsEscalate, .enterpriseProblemRaise:
            return nil
        case .apiProblems:
            return OperationContract("listProblems", T.list, query: [
                .choice("view", ProblemQuery.View.allCases.map(\.rawValue), T.view), .choice("status", ProblemStatus.allCases.map(\.rawValue)),
                .text("owner", T.owner), .text("category"), .integer("project", 1...Int64.max),
                .integer("page", 1...Int64(ProblemQuery.maxPage)), .integer("perPage", 1...Int64(ProblemQuery.maxPerPage)),
            ], answers: [.ok(ProblemsAPI.ListDTO.self, T.listAnswer)], failures: [.invalid(T.badQuery)])
        case .apiProblem:
            return OperationContract("getProblem", T.get, answers: [.ok(ProblemsAPI.DetailDTO.self, T.getAnswer)])
        case .apiRaiseProblem:
            return OperationContract("raiseProblem", T.raise, body: .json(RaiseProblemRequest.self),
                                     answers: [.created(ProblemsAPI.DetailDTO.self, T.raised)], failures: [.invalid(T.raiseInvalid)])
        case .apiRaiseEnterpriseProblem:
            return OperationContract("raiseEnterpriseProblem", T.raiseForEnterprise, body: .inline(RaiseEnterpriseProblemRequest.self, notes: [
                "enterpriseName": [.required], "regionCode": [.required], "categoryCode": [.required], "description": [.required, .maxLength(ProblemRules.maxText)],
            ]), answers: [.created(ProblemsAPI.DetailDTO.self, T.raised)],
                failures: [.forbidden(T.raiseForEnterpriseForbidden), .invalid(T.raiseForEnterpriseInvalid)])
        case .apiProblemManage:
            return Self.event("manageProblem", T.manage, group: .manage, forbidden: T.manageForbidden)
        case .apiProblemHandle:
            return Self.event("handleProblem", T.handle, group: .handle, forbidden: T.handleForbidden)
        case .apiProblemConfirm:
            return Self.event("confirmProblem", T.confirm, group: .confirm, forbidden: T.confirmForbidden)
        case .apiProblemFileUpload:
            return OperationContract("uploadProblemFile", T.upload, query: [.text("name", T.fileName)],
                                     body: .file(["application/octet-stream"] + FileRules.imageTypes + ["application/pdf"]),
                                     answers: [.created(ProblemsAPI.FileDTO.self, T.uploaded)],
                                     failures: [.forbidden(T.uploadForbidden), .invalid(T.badFile)])
        }
    }

    /// The three event routes take one body; each names the events its group may send.
    private static func event(_ id: String, _ summary: String, group: ProblemEventInput.Group, forbidden: String) -> OperationContract {
        typealias T = WebText.ProblemsContract
        return OperationContract(id, summary, body: .inline(ProblemEventRequest.self, notes: ["event": [.values(group.events)]]),
                                 answers: [.ok(ProblemsAPI.DetailDTO.self, T.handled)],
                                 failures: [.forbidden(forbidden), .conflict(T.conflict), .invalid(T.eventInvalid)])
    }
}

extension ProblemsAPI.UnitDTO: ContractSchema {
    static let contractName: String? = "OrgUnitRef"
    static let fieldNotes: [String: [FieldNote]] = ["kind": [.values(OrgUnit.Kind.self)]]
}

extension ProblemsAPI.ProblemDTO: ContractSchema {
    static let contractName: String? = "ProjectProblem"
    static let fieldNotes: [String: [FieldNote]] = [
        "raisedOn": [.date], "level": [.values(ProblemLevel.self)], "deadline": [.date], "status": [.values(ProblemStatus.self)],
        "resolvedOn": [.date], "closedOn": [.date],
    ]
}

extension ProblemsAPI.EventDTO: ContractSchema {
    static let contractName: String? = "ProjectProblemEvent"
    static let fieldNotes: [String: [FieldNote]] = [
        "kind": [.values(ProblemEvent.Kind.self)], "level": [.values(ProblemLevel.self)], "deadline": [.date],
        "statusAfter": [.values(ProblemStatus.self)], "on": [.date],
    ]
}

extension ProblemsAPI.DetailDTO: ContractSchema {
    static let contractName: String? = "ProjectProblemDetail"
}

extension ProblemsAPI.ListDTO: ContractSchema {
    static let contractName: String? = "ProjectProblemList"
}

extension ProblemsAPI.ListDTO.Figures: ContractSchema {
    static let fieldNotes: [String: [FieldNote]] = ["resolutionRate": [.note(WebText.ProblemsContract.resolutionRate)]]
}

extension ProblemsAPI.ListDTO.Cycle: ContractSchema {
    static let fieldNotes: [String: [FieldNote]] = [
        "month": [.month], "phase": [.values(ProblemCycle.Phase.self)], "reportBy": [.date], "assignBy": [.date], "jointMeetingBy": [.date],
    ]
}

extension RaiseProblemRequest: ContractSchema {
    static let contractName: String? = "RaiseProblemRequest"
    static let fieldNotes: [String: [FieldNote]] = [
        "categoryCode": [.required, .note(WebText.ProblemsContract.category)], "description": [.required, .maxLength(ProblemRules.maxText)],
    ]
}

extension ProblemEventRequest: ContractSchema {
    static let fieldNotes: [String: [FieldNote]] = {
        typealias T = WebText.ProblemsContract
        return [
            "event": [.required], "version": [.required, .note(T.version), .version], "text": [.note(T.text), .maxLength(ProblemRules.maxText)],
            "owner": [.note(T.assignOwner)], "supportUnits": [.note(T.supportUnits)], "level": [.values(ProblemLevel.self)],
            "deadline": [.note(T.deadline), .date],
        ]
    }()
}
