import GroundbreakDomain

extension TaskForcesEndpoints {
    var contract: OperationContract? {
        typealias T = WebText.TaskForcesContract
        switch self {
        case .taskForceEdit, .groupEdit, .groupRemove:
            return nil
        case .taskForcesPage, .taskForceCreate, .taskForceShow, .groupCreate, .groupShow, .groupXLSX, .groupProjects:
            return nil
        case .apiTaskForces:
            return OperationContract("listTaskForces", T.list, answers: [.list(TaskForceDTO.self, T.answer)])
        case .apiTaskForce:
            return OperationContract("taskForce", T.show, answers: [.ok(TaskForceDTO.self, T.answer)])
        case .apiTaskForceCreate:
            return OperationContract("createTaskForce", T.create, body: .json(TaskForceRequest.self), answers: [.created(TaskForceDTO.self, T.created)],
                                     failures: [.forbidden(T.forbidden), .invalid(T.invalid)])
        case .apiGroupCreate:
            return OperationContract("addWorkingGroup", T.addGroup, body: .json(GroupCreateRequest.self), answers: [.created(TaskForceDTO.self, T.answer)],
                                     failures: [.forbidden(T.forbidden), .conflict(T.conflict), .invalid(T.invalid)])
        case .apiGroup:
            return OperationContract("workingGroup", T.group, answers: [.ok(WorkingGroupDTO.self, T.groupAnswer)])
        case .apiGroupProjects:
            return OperationContract("changeWorkingGroupProjects", T.changeProjects, body: .json(GroupProjectsRequest.self), answers: [.ok(TaskForceDTO.self, T.answer)],
                                     failures: [.forbidden(T.forbidden), .conflict(T.conflict), .invalid(T.invalid)])
        case .apiTaskForceUpdate:
            return OperationContract("updateTaskForce", T.update, body: .json(TaskForceUpdateRequest.self), answers: [.ok(TaskForceDTO.self, T.answer)],
                                     failures: [.forbidden(T.forbidden), .conflict(T.conflict), .invalid(T.invalid)])
        case .apiGroupUpdate:
            return OperationContract("updateWorkingGroup", T.updateGroup, body: .json(GroupUpdateRequest.self), answers: [.ok(TaskForceDTO.self, T.answer)],
                                     failures: [.forbidden(T.forbidden), .conflict(T.conflict), .invalid(T.invalid)])
        case .apiGroupRemove:
            return OperationContract("removeWorkingGroup", T.removeGroup, body: .json(GroupRemoveRequest.self), answers: [.ok(TaskForceDTO.self, T.answer)],
                                     failures: [.forbidden(T.forbidden), .conflict(T.conflict)])
        }
    }
}

extension TaskForceDTO: ContractSchema {
    static let contractName: String? = "TaskForce"
}

extension TaskForceDTO.Seat: ContractSchema {
    static let contractName: String? = "Seat"
}

extension TaskForceDTO.Group: ContractSchema {
    static let contractName: String? = "WorkingGroup"
}

extension WorkingGroupDTO: ContractSchema {
    static let contractName: String? = "WorkingGroupProjects"
}

extension WorkingGroupDTO.Line: ContractSchema {
    static let contractName: String? = "WorkingGroupLine"
    static let fieldNotes: [String: [FieldNote]] = [
        "stage": [.values(Stage.self)], "colour": [.values(WarningColour.self), .note(WebText.TaskForcesContract.colour)],
        "totalYuan": [.note(WebText.TaskForcesContract.yuan)],
    ]
}

extension WorkingGroupDTO.Figures: ContractSchema {
    static let contractName: String? = "WorkingGroupFigures"
}

extension TaskForceRequest: ContractSchema {
    static let fieldNotes: [String: [FieldNote]] = [
        "unit": [.note(WebText.TaskForcesContract.unit)], "name": [.maxLength(TaskForceRules.maxName)], "shape": [.maxLength(TaskForceRules.maxName)],
        "office": [.maxLength(TaskForceRules.maxName)], "duty": [.maxLength(TaskForceRules.maxText)],
    ]
}

extension TaskForceRequest.Group: ContractSchema {
    static let contractName: String? = "WorkingGroupRequest"
    static let fieldNotes: [String: [FieldNote]] = ["name": [.maxLength(TaskForceRules.maxName)], "duty": [.maxLength(TaskForceRules.maxText)]]
}

extension GroupProjectsRequest: ContractSchema {}

extension GroupCreateRequest: ContractSchema {
    static let fieldNotes: [String: [FieldNote]] = ["name": [.maxLength(TaskForceRules.maxName)], "duty": [.maxLength(TaskForceRules.maxText)]]
}

extension TaskForceUpdateRequest: ContractSchema {
    static let fieldNotes: [String: [FieldNote]] = [
        "name": [.maxLength(TaskForceRules.maxName)], "shape": [.maxLength(TaskForceRules.maxName)], "office": [.maxLength(TaskForceRules.maxName)],
        "duty": [.maxLength(TaskForceRules.maxText)], "leaderSeats": [.note(WebText.TaskForcesContract.replaces)],
        "deputySeats": [.note(WebText.TaskForcesContract.replaces)],
    ]
}

extension GroupUpdateRequest: ContractSchema {
    static let fieldNotes: [String: [FieldNote]] = [
        "name": [.maxLength(TaskForceRules.maxName)], "duty": [.maxLength(TaskForceRules.maxText)], "leaderSeats": [.note(WebText.TaskForcesContract.replaces)],
        "memberSeats": [.note(WebText.TaskForcesContract.replaces)], "classIds": [.note(WebText.TaskForcesContract.replaces)],
    ]
}

extension GroupRemoveRequest: ContractSchema {}
