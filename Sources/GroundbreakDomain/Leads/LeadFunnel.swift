import Foundation

/// The pipeline in figures (seed 003 §四(三): 签约率、注册率; seed 000: 签约率、落位率、开工率): how many
/// leads reached each stage and what they intend to invest, those standing at it now, and the
/// conversion rates of the catalogue. A lead that reached a stage counts there even if it was
/// later shelved or lost, so the rates say how far leads got.
public struct LeadFunnel: Sendable, Equatable {
    public struct Step: Sendable, Equatable {
        public var stageCode: String
        public var name: String
        /// Leads that reached the stage or went beyond it.
        public var reached: Int
        public var reachedAmount: Money
        /// Active leads standing at the stage now.
        public var standing: Int
        /// Leads that entered the stage and moved on from it (a stage skipped is not entered).
        public var movedOn: Int = 0
        /// The median days those leads stayed at the stage (停留天数中位数).
        public var medianDwellDays: Double?
    }

    public struct Rate: Sendable, Equatable {
        public var code: String
        public var name: String
        public var part: Int
        public var whole: Int

        public var percent: Double? { whole > 0 ? Double(part) / Double(whole) * 100 : nil }
    }

    public var steps: [Step]
    public var rates: [Rate]
    public var total: Int
    public var shelved: Int
    public var lost: Int
    /// Signed amount by 内资 and 外资.
    public var signedDomestic: Money
    public var signedForeign: Money

    /// `moves` are the leads' moves forward, oldest first (day and stage moved into): how long
    /// each stayed at each stage it entered.
    public init(_ leads: [Lead], catalog: LeadCatalog, moves: [Int64: [(on: Day, stage: String)]] = [:]) {
        let reachedIndex = leads.map { catalog.index($0.stageCode) ?? 0 }
        let dwell = Self.dwellDays(leads, moves: moves, catalog: catalog)
        steps = catalog.stages.enumerated().map { index, stage in
            let reached = leads.indices.filter { reachedIndex[$0] >= index }
            let stayed = dwell[stage.code] ?? []
            return Step(stageCode: stage.code, name: stage.name, reached: reached.count,
                        reachedAmount: reached.reduce(.zero) { $0 + leads[$1].intendedInvestment },
                        standing: leads.filter { $0.status == .active && $0.stageCode == stage.code }.count,
                        movedOn: stayed.count, medianDwellDays: Self.median(stayed))
        }
        let reached = Dictionary(uniqueKeysWithValues: steps.map { ($0.stageCode, $0.reached) })
        rates = catalog.rates.map { Rate(code: $0.code, name: $0.name, part: reached[$0.numerator] ?? 0, whole: reached[$0.denominator] ?? 0) }
        total = leads.count
        shelved = leads.filter { $0.status == .shelved }.count
        lost = leads.filter { $0.status == .lost }.count
        signedDomestic = leads.compactMap(\.signing).filter { $0.capital == .domestic }.reduce(.zero) { $0 + $1.amount }
        signedForeign = leads.compactMap(\.signing).filter { $0.capital == .foreign }.reduce(.zero) { $0 + $1.amount }
    }

    public func rate(_ code: String) -> Rate? { rates.first { $0.code == code } }

    /// Per stage, the days each lead stayed there before moving on: from coming in (the first
    /// stage) or moving in, to the next move forward.
    static func dwellDays(_ leads: [Lead], moves: [Int64: [(on: Day, stage: String)]], catalog: LeadCatalog) -> [String: [Int]] {
        var days: [String: [Int]] = [:]
        for lead in leads {
            var stage = catalog.firstStage, since = lead.createdOn
            for move in moves[lead.id] ?? [] {
                days[stage, default: []].append(max(0, since.days(until: move.on)))
                (stage, since) = (move.stage, move.on)
            }
        }
        return days
    }

    static func median(_ values: [Int]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted(), middle = sorted.count / 2
        return sorted.count % 2 == 1 ? Double(sorted[middle]) : Double(sorted[middle - 1] + sorted[middle]) / 2
    }
}
