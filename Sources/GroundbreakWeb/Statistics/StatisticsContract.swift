import GroundbreakDomain

extension StatisticsEndpoints {
    var contract: OperationContract? {
        typealias T = WebText.StatisticsContract
        switch self {
        case .statisticsPage, .statisticsDocx, .progressXLSX:
            return nil
        case .apiStatistics:
            return OperationContract("statisticsParagraph", T.summary, query: StatisticsRequest.contractQuery,
                                     answers: [.ok(StatisticsDTO.self, T.answer)], failures: [.badQuery(T.badQuery), .forbidden(T.forbidden)])
        }
    }
}

extension StatisticsRequest {
    static var contractQuery: [QueryParameter] {
        typealias T = WebText.StatisticsContract
        return [.text("unit", T.unit), .integer("year", 2000...2100, T.year), .integer("threshold", 0...100_000_000, T.threshold), .text("bands", T.bands),
                .integer("scheme", nil, T.scheme), .choice("shape", ParagraphStyle.Shape.allCases.map(\.rawValue), T.shape), .flag("total", T.total),
                .integer("named", 0...Int64(StatisticsQuery.maxNamed), T.named)]
    }
}

extension StatisticsDTO: ContractSchema {
    static let contractName: String? = "StatisticsParagraph"
    static let fieldNotes: [String: [FieldNote]] = [
        "paragraph": [.note(WebText.StatisticsContract.paragraph)], "previousCount": [.note(WebText.StatisticsContract.previousCount)],
        "totalYuan": [.note(WebText.StatisticsContract.yuan)], "thresholdYuan": [.note(WebText.StatisticsContract.yuan)],
    ]
}

extension StatisticsDTO.Band: ContractSchema {
    static let fieldNotes: [String: [FieldNote]] = ["minimumYuan": [.note(WebText.StatisticsContract.yuan)]]
}

extension StatisticsDTO.Group: ContractSchema {}
extension StatisticsDTO.Item: ContractSchema {}
