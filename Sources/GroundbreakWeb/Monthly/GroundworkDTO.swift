import GroundbreakDomain

/// One front-of-the-chain reading at the API boundary.
struct GroundworkDTO: Codable, Sendable {
    var measure: String
    var kind: String
    var name: String
    var asOf: String
    var count: Int
    var amountYuan: Int64
    @ExplicitNull var targetCount: Int?
    @ExplicitNull var targetAmountYuan: Int64?
    var targetSource: String
    @ExplicitNull var met: Bool?
    @ExplicitNull var countPercent: Double?
    var sentence: String

    init(_ reading: GroundworkReading) {
        measure = reading.measure.code
        kind = reading.measure.kind.rawValue
        name = reading.measure.name
        asOf = reading.asOf.iso
        count = reading.count
        amountYuan = reading.amount.yuan
        targetCount = reading.targetCount
        targetAmountYuan = reading.targetAmount?.yuan
        targetSource = reading.targetSource.rawValue
        met = reading.met
        countPercent = reading.countPercent
        sentence = reading.sentence
    }
}
