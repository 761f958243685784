import GroundbreakDomain

extension SupervisionEndpoints {
    var contract: OperationContract? {
        typealias T = WebText.SupervisionContract
        switch self {
        case .supervisionPage, .supervisionXLSX, .supervisionCreate, .supervisionShow, .supervisionAnswer, .supervisionDecide, .supervisionLetter:
            return nil
        case .apiSupervision:
            return OperationContract("listSupervisedItems", T.list, query: [.flag("all", T.all), .flag("overdue", T.overdue)], answers: [.list(SupervisionAPI.ItemDTO.self, T.listAnswer)])
        case .apiSupervisionCreate:
            return OperationContract("createSupervisedItem", T.create, body: .json(SupervisedItemRequest.self),
                                     answers: [.created(SupervisionAPI.DetailDTO.self, T.created)], failures: [.invalid(T.createInvalid)])
        case .apiSupervisedItem:
            return OperationContract("getSupervisedItem", T.get, answers: [.ok(SupervisionAPI.DetailDTO.self, T.getAnswer)])
        case .apiSupervisionAnswer:
            return Self.event("answerSupervisedItem", T.answer, deciding: false, forbidden: T.answerForbidden)
        case .apiSupervisionDecide:
            return Self.event("decideSupervisedItem", T.decide, deciding: true, forbidden: T.decideForbidden)
        }
    }

    private static func event(_ id: String, _ summary: String, deciding: Bool, forbidden: String) -> OperationContract {
        typealias T = WebText.SupervisionContract
        return OperationContract(id, summary, body: .inline(SupervisionEventRequest.self, notes: ["event": [.values(SupervisionInput.events(deciding: deciding))]]),
                                 answers: [.ok(SupervisionAPI.DetailDTO.self, T.handled)],
                                 failures: [.forbidden(forbidden), .conflict(T.conflict), .invalid(T.eventInvalid)])
    }
}

extension SupervisionAPI.ItemDTO: ContractSchema {
    static let contractName: String? = "SupervisedItem"
    static let fieldNotes: [String: [FieldNote]] = [
        "deadline": [.date], "source": [.values(SupervisedItem.Source.self)], "status": [.values(SupervisedItem.Status.self)],
        "createdOn": [.date], "doneOn": [.date], "closedOn": [.date], "urges": [.note(WebText.SupervisionContract.urges)],
    ]
}

extension SupervisionAPI.EventDTO: ContractSchema {
    static let fieldNotes: [String: [FieldNote]] = [
        "kind": [.values(SupervisionEvent.Kind.self)], "deadline": [.date], "statusAfter": [.values(SupervisedItem.Status.self)], "on": [.date],
    ]
}

extension SupervisionAPI.DetailDTO: ContractSchema {
    static let contractName: String? = "SupervisedItemDetail"
}

extension SupervisedItemRequest: ContractSchema {
    static let contractName: String? = "SupervisedItemRequest"
    static let fieldNotes: [String: [FieldNote]] = {
        typealias T = WebText.SupervisionContract
        return [
            "content": [.required, .maxLength(SupervisionRules.maxText)], "owner": [.required, .note(T.owner)], "deadline": [.required, .date],
            "source": [.values(SupervisedItem.Source.self)], "problemId": [.note(T.problemId)],
        ]
    }()
}

extension SupervisionEventRequest: ContractSchema {
    static let fieldNotes: [String: [FieldNote]] = [
        "event": [.required], "version": [.required, .version], "text": [.maxLength(SupervisionRules.maxText)], "deadline": [.date],
    ]
}

extension LooseIdentifiers: ContractLeaf {
    static func contractSchema(_ direction: ContractDirection) -> SchemaObject {
        ["type": ["integer", "string", "array"], "minimum": 1, "items": ["type": ["integer", "string"], "minimum": 1]]
    }

    static var contractSample: LooseIdentifiers { LooseIdentifiers(texts: []) }
}
