import GroundbreakDomain

extension WarningsEndpoints {
    var contract: OperationContract? {
        typealias T = WebText.WarningsContract
        switch self {
        case .warningsPage, .warningsXLSX, .rulesPage, .rulesSave:
            return nil
        case .apiRules:
            return OperationContract("warningRules", T.rules, answers: [.ok(WarningRulesDTO.self, T.rulesAnswer)])
        case .apiRulesSave:
            return OperationContract("saveWarningRules", T.saveRules, body: .json(WarningRulesRequest.self),
                                     answers: [.created(WarningRulesDTO.self, T.saved)],
                                     failures: [.forbidden(T.forbidden), .conflict(T.conflict), .invalid(T.invalid)])
        case .apiWarnings:
            return OperationContract("listWarnings", T.summary, query: [.text("colour", T.colour), .text("region", T.region),
                                                                                         .integer("page", 1...Int64(ProjectQuery.maxPage), T.page),
                                                                                         .integer("perPage", 1...Int64(ListPaging.maxPerPage), T.perPage)],
                                     answers: [.ok(WarningsDTO.self, T.answer)], failures: [.badQuery(T.badQuery)])
        }
    }
}

extension WarningsDTO: ContractSchema {
    static let contractName: String? = "Warnings"
    static let fieldNotes: [String: [FieldNote]] = [
        "ruleVersion": [.note(WebText.WarningsContract.ruleVersion)], "listedCount": [.note(WebText.WarningsContract.listedCount)],
    ]
}

extension WarningsDTO.Row: ContractSchema {
    static let contractName: String? = "ProjectWarning"
    static let fieldNotes: [String: [FieldNote]] = ["colour": [.values(WarningColour.self)]]
}

extension WarningsDTO.Reason: ContractSchema {
    static let fieldNotes: [String: [FieldNote]] = ["colour": [.values(WarningColour.self)]]
}

extension WarningsDTO.RegionCount: ContractSchema {}

extension WarningRulesDTO: ContractSchema {
    static let contractName: String? = "WarningRuleSet"
    static let fieldNotes: [String: [FieldNote]] = ["version": [.note(WebText.WarningsContract.ruleVersion)], "validFrom": [.date]]
}

extension WarningRulesDTO.Rule: ContractSchema {
    static let contractName: String? = "WarningRule"
    static let fieldNotes: [String: [FieldNote]] = ["measure": [.values(WarningMeasure.self)], "minimumYuan": [.note(WebText.WarningsContract.minimum)]]
}

extension WarningRulesRequest: ContractSchema {
    static let fieldNotes: [String: [FieldNote]] = [
        "version": [.note(WebText.WarningsContract.versionRead)], "reason": [.maxLength(WarningRuleEdit.maxReason)],
        "rules": [.note(WebText.WarningsContract.thresholds)],
    ]
}

extension WarningRulesRequest.Threshold: ContractSchema {
    static let fieldNotes: [String: [FieldNote]] = [
        "yellowAt": [.range(0, Int64(WarningRuleEdit.maxThreshold)), .note(WebText.WarningsContract.omitToClear)],
        "redAt": [.range(0, Int64(WarningRuleEdit.maxThreshold)), .note(WebText.WarningsContract.omitToClear)],
    ]
}
