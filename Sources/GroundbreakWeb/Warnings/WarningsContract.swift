import GroundbreakDomain

extension WarningsEndpoints {
    var contract: OperationContract? {
        typealias T = WebText.WarningsContract
        switch self {
        case .warningsPage, .warningsXLSX:
            return nil
        case .apiWarnings:
            return OperationContract("listWarnings", T.summary, query: [.text("colour", T.colour), .text("region", T.region)],
                                     answers: [.ok(WarningsDTO.self, T.answer)], failures: [.badQuery(T.badQuery)])
        }
    }
}

extension WarningsDTO: ContractSchema {
    static let contractName: String? = "Warnings"
    static let fieldNotes: [String: [FieldNote]] = ["ruleVersion": [.note(WebText.WarningsContract.ruleVersion)]]
}

extension WarningsDTO.Row: ContractSchema {
    static let contractName: String? = "ProjectWarning"
    static let fieldNotes: [String: [FieldNote]] = ["colour": [.values(WarningColour.self)]]
}

extension WarningsDTO.Reason: ContractSchema {
    static let fieldNotes: [String: [FieldNote]] = ["colour": [.values(WarningColour.self)]]
}

extension WarningsDTO.RegionCount: ContractSchema {}
