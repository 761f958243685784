/// The JSON bodies the supervision endpoints take; each is read by the same rule as its form.
struct SupervisedItemRequest: Decodable, Sendable, FormFields {
    var content: String?
    var owner: String?
    var deadline: String?
    var source: String?
    var sourceNote: String?
    var problemId: LooseIdentifiers?

    var pairs: [(String, String)] {
        var form = FormPairs()
        form.add("content", content)
        form.add("owner", owner)
        form.add("deadline", deadline)
        form.add("source", source)
        form.add("sourceNote", sourceNote)
        form.add("problemId", problemId?.texts)
        return form.pairs
    }
}

/// 反馈, 核销, 退回, 延期 …
struct SupervisionEventRequest: Decodable, Sendable, FormFields {
    var event: String?
    var version: Int?
    var text: String?
    var deadline: String?

    var pairs: [(String, String)] {
        var form = FormPairs()
        form.add("event", event)
        form.add("version", version)
        form.add("text", text)
        form.add("deadline", deadline)
        return form.pairs
    }
}
