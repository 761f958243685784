import GroundbreakDomain

extension AccountsEndpoints {
    var contract: OperationContract? {
        typealias T = WebText.AccountsContract
        switch self {
        case .loginPage, .loginSubmit, .logout, .accountPage, .passwordPage, .passwordSubmit, .signOutEverywhere, .adminUsers, .adminUserNew,
             .adminUserCreate, .adminUserShow, .adminUserUpdate, .adminUserResetPassword, .adminUserLock, .adminTokenIssue, .adminTokenRevoke,
             .adminPositions, .adminPositionCreate, .adminPositionShow, .adminPositionReassign, .auditPage, .auditCSV:
            return nil
        case .apiMe:
            return OperationContract("getMe", T.me, answers: [.ok(MeAPI.MeDTO.self, T.meAnswer)], failures: [.forbidden(T.meForbidden)])
        case .apiAudit:
            return OperationContract("searchAudit", T.audit, query: [
                .text("entity", T.entity), .text("entityId", T.entityId), .text("actor", T.actor), .text("unit", T.actorUnit),
                .text("action", T.action), .date("from", T.from), .date("to", T.to), .integer("page", 1...1_000_000, T.page),
            ], answers: [.ok(AuditListDTO.self, T.auditAnswer)], failures: [.badQuery(T.badDate), .forbidden(T.auditForbidden)])
        }
    }
}

extension MeAPI.MeDTO: ContractSchema {
    static let contractName: String? = "Me"
    static let fieldNotes: [String: [FieldNote]] = [
        "roles": [.values(Role.self)], "unit": [.note(WebText.AccountsContract.unit)], "viewScope": [.note(WebText.AccountsContract.viewScope)],
        "allowedActions": [.values(PolicyAction.allCases.map(\.rawValue))], "authentication": [.values(["session", "token"])],
    ]
}

extension AuditEntryDTO: ContractSchema {
    static let contractName: String? = "AuditEntry"
    static let fieldNotes: [String: [FieldNote]] = ["before": [.note(WebText.AccountsContract.before)], "after": [.note(WebText.AccountsContract.after)]]
}

extension AuditListDTO: ContractSchema {
    static let contractName: String? = "AuditList"
}
