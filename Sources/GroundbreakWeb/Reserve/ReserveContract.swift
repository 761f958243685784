import GroundbreakDomain

extension ReserveEndpoints {
    var contract: OperationContract? {
        typealias T = WebText.ReserveContract
        switch self {
        case .listPage, .listXLSX, .designationsXLSX, .conversionXLSX, .projectPage, .projectSave, .projectPromote, .importPage, .importUpload, .importCommit:
            return nil
        case .apiImport:
            return ImportsEndpoints.upload("importReserveList", T.importList, conflict: T.importChanged)
        case .apiList:
            return OperationContract("reserve", T.list, query: [.text("level", T.list), .text("unit", T.list), .text("source", T.list), .text("grade", T.list), .text("tag", T.list)],
                                     answers: [.ok(ReserveListDTO.self, T.answer)], failures: [.forbidden(T.forbidden), .badQuery(T.badQuery)])
        case .apiProject:
            return OperationContract("projectReserve", T.project, answers: [.ok(ReserveProjectDTO.self, T.answer)])
        case .apiSave:
            return OperationContract("saveProjectReserve", T.save, body: .json(ReserveSaveRequest.self), answers: [.ok(ReserveProjectDTO.self, T.answer)],
                                     failures: [.forbidden(T.forbidden), .conflict(T.conflict), .invalid(T.invalid)])
        case .apiPromote:
            return OperationContract("promoteProjectReserve", T.promote, body: .json(ReservePromoteRequest.self), answers: [.ok(ReserveProjectDTO.self, T.answer)],
                                     failures: [.forbidden(T.forbidden), .conflict(T.conflict), .invalid(T.invalid)])
        }
    }
}

extension ReserveEntryDTO: ContractSchema {
    static let contractName: String? = "ReserveEntry"
    static let fieldNotes: [String: [FieldNote]] = ["enteredOn": [.date], "promotedOn": [.date]]
}
extension ReserveProjectDTO: ContractSchema { static let contractName: String? = "ProjectReserve" }
extension ReserveListDTO: ContractSchema { static let contractName: String? = "Reserve" }
extension ReserveListDTO.Line: ContractSchema {
    static let contractName: String? = "ReserveLine"
    static let fieldNotes: [String: [FieldNote]] = ["stage": [.values(Stage.self)]]
}
extension ReserveListDTO.Designation: ContractSchema { static let contractName: String? = "ReserveDesignation" }
extension ReserveListDTO.Conversion: ContractSchema { static let contractName: String? = "ReserveConversion" }
extension ReserveSaveRequest: ContractSchema {
    static let contractName: String? = "ReserveSave"
    static let fieldNotes: [String: [FieldNote]] = ["enteredOn": [.date]]
}
extension ReservePromoteRequest: ContractSchema { static let contractName: String? = "ReservePromote" }
