/// The JSON bodies the supervision endpoints take; each is read by the same rule as its form.
struct SupervisedItemRequest: Decodable, Sendable, FormFields {
    var content: String?
    var owner: String?
    var deadline: String?
    var source: String?
    var sourceNote: String?
    var problemId: LooseIdentifiers?
}

/// 反馈, 核销, 退回, 延期 …
struct SupervisionEventRequest: Decodable, Sendable, FormFields {
    var event: String?
    var version: Int?
    var text: String?
    var deadline: String?
}
