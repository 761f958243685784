extension SystemEndpoints {
    var contract: OperationContract? {
        switch self {
        case .healthz, .metrics, .asset:
            nil
        case .apiOpenAPI:
            OperationContract("getOpenAPI", WebText.Contract.documentSummary, answers: [Answer(status: 200, body: .object, note: WebText.Contract.documentAnswer)])
        }
    }
}
