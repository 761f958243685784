import GroundbreakDomain

extension BulletinsEndpoints {
    var contract: OperationContract? {
        typealias T = WebText.BulletinsContract
        switch self {
        case .bulletinsPage, .bulletinCreate, .bulletinShow, .bulletinSave, .bulletinRegenerate, .bulletinIssue, .bulletinDiscard, .bulletinDocx:
            return nil
        case .apiBulletins:
            return OperationContract("listBulletins", T.list, answers: [.list(BulletinDTO.self, T.listAnswer)], failures: [.forbidden(T.readForbidden)])
        case .apiBulletinCreate:
            return OperationContract("createBulletin", T.create, body: .json(BulletinCreateRequest.self), answers: [.created(BulletinDTO.self, T.created)],
                                     failures: [.forbidden(T.forbidden), .invalid(T.invalid)])
        case .apiBulletin:
            return OperationContract("bulletin", T.show, answers: [.ok(BulletinDTO.self, T.answer)], failures: [.forbidden(T.readForbidden)])
        case .apiBulletinEdit:
            return OperationContract("editBulletin", T.edit, body: .json(BulletinEditRequest.self), answers: [.ok(BulletinDTO.self, T.answer)],
                                     failures: [.forbidden(T.forbidden), .conflict(T.conflict), .invalid(T.invalid)])
        case .apiBulletinRegenerate:
            return OperationContract("regenerateBulletin", T.regenerate, body: .json(BulletinVersionRequest.self), answers: [.ok(BulletinDTO.self, T.answer)],
                                     failures: [.forbidden(T.forbidden), .conflict(T.conflict), .invalid(T.invalid)])
        case .apiBulletinIssue:
            return OperationContract("issueBulletin", T.issue, body: .json(BulletinVersionRequest.self), answers: [.ok(BulletinDTO.self, T.answer)],
                                     failures: [.forbidden(T.forbidden), .conflict(T.conflict), .invalid(T.invalid)])
        case .apiBulletinDiscard:
            return OperationContract("discardBulletin", T.discard, body: .json(BulletinVersionRequest.self), answers: [.ok(BulletinDTO.self, T.discarded)],
                                     failures: [.forbidden(T.forbidden), .conflict(T.conflict), .invalid(T.invalid)])
        }
    }
}

extension BulletinDTO: ContractSchema {
    static let contractName: String? = "Bulletin"
    static let fieldNotes: [String: [FieldNote]] = [
        "kind": [.values(BulletinKind.self)], "status": [.values(BulletinStatus.self)], "month": [.month], "issuedOn": [.date],
        "number": [.note(WebText.BulletinsContract.number)],
    ]
}

extension BulletinDTO.Section: ContractSchema {
    static let contractName: String? = "BulletinSection"
}

extension BulletinDTO.Table: ContractSchema {
    static let contractName: String? = "BulletinTable"
}

extension BulletinCreateRequest: ContractSchema {
    static let fieldNotes: [String: [FieldNote]] = [
        "kind": [.values(BulletinKind.self), .required, .note(WebText.BulletinsContract.kind)], "month": [.month, .note(WebText.BulletinsContract.month)],
        "seat": [.note(WebText.BulletinsContract.seat)],
    ]
}

extension BulletinEditRequest: ContractSchema {
    static let fieldNotes: [String: [FieldNote]] = [
        "title": [.maxLength(BulletinEdit.maxTitle)], "sections": [.note(WebText.BulletinsContract.sections)],
    ]
}

extension BulletinEditRequest.Section: ContractSchema {
    static let contractName: String? = "BulletinSectionText"
    static let fieldNotes: [String: [FieldNote]] = ["heading": [.maxLength(BulletinEdit.maxHeading)]]
}

extension BulletinVersionRequest: ContractSchema {}
