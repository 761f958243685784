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

    public init(_ leads: [Lead], catalog: LeadCatalog) {
        let reachedIndex = leads.map { catalog.index($0.stageCode) ?? 0 }
        steps = catalog.stages.enumerated().map { index, stage in
            let reached = leads.indices.filter { reachedIndex[$0] >= index }
            return Step(stageCode: stage.code, name: stage.name, reached: reached.count,
                        reachedAmount: reached.reduce(.zero) { $0 + leads[$1].intendedInvestment },
                        standing: leads.filter { $0.status == .active && $0.stageCode == stage.code }.count)
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
}
