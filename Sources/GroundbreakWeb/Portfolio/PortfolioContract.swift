import GroundbreakDomain

extension PortfolioEndpoints {
    var contract: OperationContract? {
        typealias T = WebText.PortfolioContract
        switch self {
        case .portfolioPage, .portfolioXLSX, .activityCreate:
            return nil
        case .apiActivityCreate:
            return OperationContract("recordSponsorActivity", T.recordSummary, body: .json(SponsorActivityRequest.self),
                                     answers: [.created(SponsorActivityDTO.self, T.recorded)],
                                     failures: [.forbidden(T.forbiddenRecord), .invalid(T.invalid)])
        case .apiPortfolio:
            return OperationContract("portfolio", T.summary, query: [.integer("seat", nil, T.seat)], answers: [.ok(PortfolioDTO.self, T.answer)],
                                     failures: [.forbidden(T.forbidden), .badQuery(T.badQuery)])
        }
    }
}

extension PortfolioDTO: ContractSchema {
    static let contractName: String? = "Portfolio"
}

extension PortfolioDTO.Rate: ContractSchema {
    static let contractName: String? = "FourRate"
    static let fieldNotes: [String: [FieldNote]] = ["code": [.values(FourRateCode.self)], "part": [.note(WebText.PortfolioContract.rate)]]
}

extension PortfolioDTO.Line: ContractSchema {
    static let contractName: String? = "PortfolioLine"
    static let fieldNotes: [String: [FieldNote]] = [
        "stage": [.values(Stage.self)], "colour": [.values(WarningColour.self)], "totalYuan": [.note(WebText.PortfolioContract.yuan)],
    ]
}

extension SponsorActivityDTO: ContractSchema {
    static let contractName: String? = "SponsorActivity"
    static let fieldNotes: [String: [FieldNote]] = ["kind": [.values(SponsorActivityKind.self)], "on": [.date]]
}

extension SponsorActivityRequest: ContractSchema {
    static let fieldNotes: [String: [FieldNote]] = [
        "kind": [.values(SponsorActivityKind.self)], "on": [.date], "seat": [.note(WebText.PortfolioContract.activitySeat)],
        "summary": [.note(WebText.PortfolioContract.activitySummary)],
    ]
}

extension PortfolioDTO.Counts: ContractSchema {
    static let contractName: String? = "SponsorActivityCounts"
}
