/// An event on one approval item (受理, 补正, 办结 …), read by the same rule as the page's form.
struct ApprovalEventRequest: Decodable, Sendable, FormFields {
    var kind: String?
    var on: String?
    var supplementDue: String?
    var missingMaterials: String?
    var reason: String?
    var documentNumber: String?
    var appliedOn: String?
    var acceptedOn: String?
    var decidedOn: String?
    var version: Int?

    var fields: [String: String] { Dictionary(pairs, uniquingKeysWith: { first, _ in first }) }
}
