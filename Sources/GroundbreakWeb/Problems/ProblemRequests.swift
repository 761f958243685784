/// The JSON bodies the problem endpoints take; each is read by the same rule as its form.
struct RaiseProblemRequest: Decodable, Sendable, FormFields {
    var categoryCode: String?
    var description: String?
}

struct RaiseEnterpriseProblemRequest: Decodable, Sendable, FormFields {
    var enterpriseName: String?
    var regionCode: String?
    var categoryCode: String?
    var description: String?
}

/// 分办, replies, 办结, 销号 …: which events a route takes follows its group.
struct ProblemEventRequest: Decodable, Sendable, FormFields {
    var event: String?
    var version: Int?
    var text: String?
    var owner: String?
    var supportUnits: [String]?
    var level: String?
    var deadline: String?
}
