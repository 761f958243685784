import GroundbreakDomain

extension AssessmentEndpoints {
    var contract: OperationContract? {
        typealias T = WebText.AssessmentContract
        switch self {
        case .assessmentPage, .assessmentXLSX, .taskForceRankingPage, .taskForceRankingXLSX:
            return nil
        case .apiAssessment:
            return OperationContract("assessment", T.summary, query: [.month("month", T.month), .text("set", T.unitSet)],
                                     answers: [.ok(AssessmentDTO.self, T.answer)], failures: [.forbidden(T.forbidden), .badQuery(T.badQuery)])
        case .apiTaskForceRanking:
            return OperationContract("taskForceRanking", T.groupsSummary, query: [.month("month", T.month)],
                                     answers: [.ok(AssessmentDTO.self, T.answer)],
                                     failures: [.forbidden(T.forbidden), .badQuery(T.badQuery)])
        }
    }
}

extension AssessmentDTO: ContractSchema {
    static let contractName: String? = "Assessment"
    static let fieldNotes: [String: [FieldNote]] = [
        "month": [.month], "frozen": [.note(WebText.AssessmentContract.frozen)], "unitSet": [.note(WebText.AssessmentContract.unitSetField)],
    ]
}

extension AssessmentDTO.Item: ContractSchema {
    static let contractName: String? = "AssessmentItem"
    static let fieldNotes: [String: [FieldNote]] = ["measure": [.values(AssessmentMeasure.self)]]
}

extension AssessmentDTO.Frozen: ContractSchema {}

extension AssessmentDTO.Figures: ContractSchema {
    static let contractName: String? = "UnitFigures"
    static let fieldNotes: [String: [FieldNote]] = [
        "investmentYuan": [.note(WebText.AssessmentContract.yuan)], "targetYuan": [.note(WebText.AssessmentContract.yuan)],
        "red": [.note(WebText.AssessmentContract.red)], "targetIsPlans": [.note(WebText.AssessmentContract.targetIsPlans)],
    ]
}

extension AssessmentDTO.Score: ContractSchema {
    static let contractName: String? = "ItemScore"
    static let fieldNotes: [String: [FieldNote]] = ["outcome": [.values(AssessmentOutcome.self)], "value": [.note(WebText.AssessmentContract.value)]]
}

extension AssessmentDTO.Row: ContractSchema {
    static let contractName: String? = "AssessmentRow"
    static let fieldNotes: [String: [FieldNote]] = [
        "honours": [.values(HonoursEligibility.self)], "rankChange": [.note(WebText.AssessmentContract.rankChange)],
    ]
}
