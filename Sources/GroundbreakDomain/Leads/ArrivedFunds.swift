import Foundation

/// 到位资金: money that actually arrived for a lead in a month — 内资 in yuan, 外资 in its currency
/// with the rate used to count it in yuan (seed 000: 实际到位内资增长30%，利用外资增长6.5%).
public struct ArrivedFunds: Sendable, Codable, Equatable, Identifiable {
    public var id: Int64
    public var leadId: Int64
    /// The lead's district or zone: whose figure it is.
    public var unit: OrgUnit
    public var month: Month
    public var capital: LeadSigning.Capital
    /// `CNY`, `USD`, `EUR` …
    public var currency: String
    /// The amount in the currency's own units (yuan for CNY, dollars for USD).
    public var original: Int64
    /// Yuan per unit of the currency, as recorded.
    public var rate: Double
    public var note: String

    public init(id: Int64 = 0, leadId: Int64, unit: OrgUnit, month: Month, capital: LeadSigning.Capital, currency: String = "CNY", original: Int64, rate: Double = 1,
                note: String = "") {
        self.id = id
        self.leadId = leadId
        self.unit = unit
        self.month = month
        self.capital = capital
        self.currency = currency
        self.original = original
        self.rate = rate
        self.note = note
    }

    /// What it counts for, in yuan, rounded to the yuan.
    public var amount: Money { Money(yuan: Int64((Double(original) * rate).rounded())) }

    public static let currencies = ["CNY", "USD", "EUR", "JPY", "HKD", "KRW", "GBP", "SGD"]

    /// What is wrong with it: a month to come, nothing arrived, 内资 not in yuan, an unknown currency or no rate.
    public func problems(today: Day) -> [FieldError] {
        var errors: [FieldError] = []
        if month > Month(today) { errors.append(FieldError("month", .reportMonthInFuture)) }
        if !Day.plausibleYears.contains(month.year) { errors.append(FieldError("month", .dateInvalid)) }
        if original <= 0 || original > 10_000_000_000_000 { errors.append(FieldError("amount", .amountNotPositive(field: "amount"))) }
        if !Self.currencies.contains(currency) { errors.append(FieldError("currency", .unknownCode(field: "currency", code: String(currency.prefix(10))))) }
        if capital == .domestic && (currency != "CNY" || rate != 1) { errors.append(FieldError("currency", .fixed(LeadText.domesticInYuan))) }
        if !(rate > 0 && rate < 100_000) { errors.append(FieldError("rate", .amountNotPositive(field: "rate"))) }
        if note.count > LeadRules.maxText { errors.append(FieldError("note", .tooLong(field: "note", max: LeadRules.maxText))) }
        return errors
    }
}

/// A unit's funds year to date through a month against the same months of last year.
public struct FundsFigures: Sendable, Equatable {
    public var domestic: Money
    public var foreign: Money
    public var lastYearDomestic: Money
    public var lastYearForeign: Money

    public init(_ funds: [ArrivedFunds], through month: Month) {
        let now = funds.filter { $0.month.year == month.year && $0.month <= month }
        let before = funds.filter { $0.month.year == month.year - 1 && $0.month.month <= month.month }
        func sum(_ list: [ArrivedFunds], _ capital: LeadSigning.Capital) -> Money { list.filter { $0.capital == capital }.reduce(.zero) { $0 + $1.amount } }
        domestic = sum(now, .domestic)
        foreign = sum(now, .foreign)
        lastYearDomestic = sum(before, .domestic)
        lastYearForeign = sum(before, .foreign)
    }

    static func growth(_ now: Money, _ before: Money) -> Double? {
        before > .zero ? (Double(now.yuan) - Double(before.yuan)) / Double(before.yuan) * 100 : nil
    }

    /// Growth on the same months of last year, in percent; nil when last year had none.
    public var domesticGrowth: Double? { Self.growth(domestic, lastYearDomestic) }
    public var foreignGrowth: Double? { Self.growth(foreign, lastYearForeign) }
}
