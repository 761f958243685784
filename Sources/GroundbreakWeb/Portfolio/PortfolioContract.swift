import GroundbreakDomain

extension PortfolioEndpoints {
    var contract: OperationContract? {
        typealias T = WebText.PortfolioContract
        switch self {
        case .portfolioPage, .portfolioXLSX:
            return nil
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
