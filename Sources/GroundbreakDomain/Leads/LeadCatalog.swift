import Foundation

/// The lead pipeline as data (`lead_catalog.json`): its stages in order, the channels leads come
/// by, the conversion rates officials are assessed on, and the clocks (local values, editable).
public struct LeadCatalog: Sendable, Codable, Equatable {
    public struct Stage: Sendable, Codable, Equatable {
        public var code: String
        public var name: String
        /// What moving into the stage must record: `signing` (date, amount, contract, 内资/外资) or `registration` (credit code).
        public var records: String?

        public init(code: String, name: String, records: String? = nil) {
            self.code = code
            self.name = name
            self.records = records
        }
    }

    public struct Channel: Sendable, Codable, Equatable {
        public var code: String
        public var name: String

        public init(code: String, name: String) {
            self.code = code
            self.name = name
        }
    }

    /// A conversion rate: leads that reached `numerator` over those that reached `denominator`.
    public struct Rate: Sendable, Codable, Equatable {
        public var code: String
        public var name: String
        public var numerator: String
        public var denominator: String

        public init(code: String, name: String, numerator: String, denominator: String) {
            self.code = code
            self.name = name
            self.numerator = numerator
            self.denominator = denominator
        }
    }

    public struct Clocks: Sendable, Codable, Equatable {
        /// A new lead is answered (first contact or note) within this many working days.
        public var respondWorkingDays: Int
        /// …and assessed (moved on, shelved or dropped) within this many.
        public var assessWorkingDays: Int
        /// An open lead reports progress at least this often, in days.
        public var progressEveryDays: Int

        public init(respondWorkingDays: Int, assessWorkingDays: Int, progressEveryDays: Int) {
            self.respondWorkingDays = respondWorkingDays
            self.assessWorkingDays = assessWorkingDays
            self.progressEveryDays = progressEveryDays
        }
    }

    public var source: String
    public var stages: [Stage]
    public var channels: [Channel]
    public var rates: [Rate]
    public var clocks: Clocks

    public init(source: String, stages: [Stage], channels: [Channel], rates: [Rate], clocks: Clocks) {
        self.source = source
        self.stages = stages
        self.channels = channels
        self.rates = rates
        self.clocks = clocks
    }

    public var firstStage: String { stages.first?.code ?? "" }
    public var lastStage: String { stages.last?.code ?? "" }

    /// The stage's place in the pipeline; nil for a code the catalogue does not know.
    public func index(_ code: String) -> Int? { stages.firstIndex { $0.code == code } }
    public func stage(_ code: String) -> Stage? { stages.first { $0.code == code } }
    public func stageName(_ code: String) -> String { stage(code)?.name ?? code }
    public func channelName(_ code: String) -> String { channels.first { $0.code == code }?.name ?? code }

    /// The stage that records a signing, and the one that records a registration.
    public var signingStage: String? { stages.first { $0.records == "signing" }?.code }
    public var registrationStage: String? { stages.first { $0.records == "registration" }?.code }

    /// What makes the file unusable, named: no stages, a code twice, a rate or record naming no stage.
    public var problems: [String] {
        var found: [String] = []
        if stages.count < 2 { found.append("at least two stages") }
        if Set(stages.map(\.code)).count != stages.count { found.append("duplicate stage codes") }
        if Set(channels.map(\.code)).count != channels.count || channels.isEmpty { found.append("channels missing or duplicated") }
        for rate in rates where index(rate.numerator) == nil || index(rate.denominator) == nil { found.append("\(rate.code): unknown stage") }
        for stage in stages where stage.records.map({ !["signing", "registration"].contains($0) }) ?? false { found.append("\(stage.code): unknown record") }
        if [clocks.respondWorkingDays, clocks.assessWorkingDays, clocks.progressEveryDays].contains(where: { $0 <= 0 }) { found.append("clocks must be positive") }
        return found
    }
}
