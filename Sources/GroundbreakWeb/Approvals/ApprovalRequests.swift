/// An event on one approval item (受理, 补正, 办结 …), read by the same rule as the page's form.
struct ApprovalEventRequest: Decodable, Sendable {
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

    var fields: [String: String] {
        let values: [String: String?] = [
            "kind": kind, "on": on, "supplementDue": supplementDue, "missingMaterials": missingMaterials, "reason": reason,
            "documentNumber": documentNumber, "appliedOn": appliedOn, "acceptedOn": acceptedOn, "decidedOn": decidedOn, "version": version.map(String.init),
        ]
        return values.compactMapValues { $0 }
    }
}
