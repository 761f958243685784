import GroundbreakDomain

extension ReadinessEndpoints {
    var contract: OperationContract? {
        typealias T = WebText.ReadinessContract
        switch self {
        case .projectPage, .projectSave, .projectProblem, .startsPage, .startsXLSX, .landPage, .landXLSX:
            return nil
        case .apiProject:
            return OperationContract("projectReadiness", T.project, answers: [.ok(ReadinessDTO.self, T.answer)])
        case .apiSave:
            return OperationContract("saveProjectReadiness", T.save, body: .json(ReadinessSaveRequest.self), answers: [.ok(ReadinessDTO.self, T.answer)],
                                     failures: [.forbidden(T.forbidden), .conflict(T.conflict), .invalid(T.invalid)])
        case .apiStarts:
            return OperationContract("readinessStarts", T.starts, query: [.text("unit", T.unit), .text("year", T.year)], answers: [.list(ReadinessLineDTO.self, T.listAnswer)],
                                     failures: [.forbidden(T.forbidden), .badQuery(T.badQuery)])
        case .apiLand:
            return OperationContract("landWaiting", T.land, query: [.text("unit", T.unit)], answers: [.list(ReadinessLineDTO.self, T.listAnswer)],
                                     failures: [.forbidden(T.forbidden), .badQuery(T.badQuery)])
        }
    }
}

extension ReadinessDTO: ContractSchema {
    static let contractName: String? = "ProjectReadiness"
    static let fieldNotes: [String: [FieldNote]] = ["landSuppliedOn": [.date]]
}
extension ReadinessItemDTO: ContractSchema {
    static let contractName: String? = "ReadinessItem"
    static let fieldNotes: [String: [FieldNote]] = ["state": [.values(ReadinessState.self)], "dueOn": [.date], "doneOn": [.date]]
}
extension ReadinessLineDTO: ContractSchema {
    static let contractName: String? = "ReadinessLine"
    static let fieldNotes: [String: [FieldNote]] = ["stage": [.values(Stage.self)], "plannedStart": [.date], "landSuppliedOn": [.date]]
}
extension ReadinessSaveRequest: ContractSchema { static let contractName: String? = "ReadinessSave" }
extension ReadinessSaveRequest.Item: ContractSchema {
    static let contractName: String? = "ReadinessSaveItem"
    static let fieldNotes: [String: [FieldNote]] = ["state": [.values(ReadinessState.self)], "dueOn": [.date], "doneOn": [.date]]
}
