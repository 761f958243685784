import GroundbreakDomain

extension ReferenceEndpoints {
    var contract: OperationContract? {
        switch self {
        case .apiReference:
            OperationContract("getReference", WebText.Reference.contractSummary, answers: [.ok(ReferenceDTO.self, WebText.Reference.contractAnswer)])
        }
    }
}

extension ReferenceDTO: ContractSchema {
    static let contractName: String? = "Reference"
}

extension ReferenceDTO.Seat: ContractSchema {
    static let fieldNotes: [String: [FieldNote]] = ["duty": [.values(Position.Duty.self)]]
}
