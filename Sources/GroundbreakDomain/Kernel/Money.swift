import Foundation

/// An amount of money in whole yuan. Stored as `Int64`; never a floating-point number.
///
/// Officials read and type amounts in 万元 (ten thousand yuan) and 亿元 (hundred million yuan);
/// `Money` parses and prints those units exactly.
public struct Money: Hashable, Comparable, Sendable, Codable {
    public let yuan: Int64

    public static let zero = Money(yuan: 0)
    public static let yuanPerWan: Int64 = 10_000
    public static let yuanPerYi: Int64 = 100_000_000

    public init(yuan: Int64) {
        self.yuan = yuan
    }

    public static func wan(_ wan: Int64) -> Money {
        Money(yuan: wan.multipliedClamping(by: yuanPerWan))
    }

    public static func yi(_ yi: Int64) -> Money {
        Money(yuan: yi.multipliedClamping(by: yuanPerYi))
    }

    public static func < (lhs: Money, rhs: Money) -> Bool {
        lhs.yuan < rhs.yuan
    }

    /// Saturates at the ends of `Int64` instead of trapping. Every amount that enters is bounded
    /// by `maximum` (10^14 yuan), so real sums — even 92,000 amounts at the bound — never get
    /// there; saturating only keeps a hostile or corrupted value from stopping the process.
    public static func + (lhs: Money, rhs: Money) -> Money {
        let (sum, overflow) = lhs.yuan.addingReportingOverflow(rhs.yuan)
        guard overflow else { return Money(yuan: sum) }
        return Money(yuan: rhs.yuan > 0 ? .max : .min)
    }

    /// The first problem with an amount given directly (an API number), as `parse` would name it.
    public var inputProblem: MoneyParseError? {
        if yuan < 0 { return .negative }
        if yuan > Money.maximum.yuan { return .tooLarge }
        return nil
    }

    /// A whole number of yuan from a floating-point figure (a target, a sum of shares); nil when it
    /// is not finite or beyond what `Int64` holds.
    public init?(approximately yuan: Double) {
        guard yuan.isFinite, let whole = Int64(exactly: yuan.rounded()) else { return nil }
        self.yuan = whole
    }

    public init(from decoder: any Decoder) throws {
        yuan = try decoder.singleValueContainer().decode(Int64.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(yuan)
    }
}

// MARK: - Units

public enum MoneyUnit: String, Sendable, CaseIterable {
    case yuan
    case wan
    case yi

    public var yuanPerUnit: Int64 {
        switch self {
        case .yuan: 1
        case .wan: Money.yuanPerWan
        case .yi: Money.yuanPerYi
        }
    }

    /// Decimal places that still resolve to whole yuan.
    var exactDecimals: Int {
        switch self {
        case .yuan: 0
        case .wan: 4
        case .yi: 8
        }
    }
}

public enum MoneyParseError: Error, Equatable, Sendable {
    case empty
    case notANumber
    case negative
    case tooPrecise(maxDecimals: Int)
    case tooLarge
}

extension Money {
    /// Parses an amount typed in `unit`: `"1234.5"`, `"1,234.50"`, full-width digits, a trailing
    /// `万元`/`亿元`/`元` is tolerated when it agrees with `unit`.
    public static func parse(_ text: String, unit: MoneyUnit) -> Result<Money, MoneyParseError> {
        // Digits and a point, as links and forms send them, need no cleaning (which is most of the
        // cost of reading a ledger query's investment floor).
        var cleaned = text.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || $0 == UInt8(ascii: ".") } ? text
            : TextNormalizer.halfWidth(text)
                .replacingOccurrences(of: ",", with: "")
                .replacingOccurrences(of: " ", with: "")
        for suffix in ["万元", "亿元", "元", "万", "亿"] where cleaned.hasSuffix(suffix) {
            cleaned.removeLast(suffix.count)
            break
        }
        guard !cleaned.isEmpty else { return .failure(.empty) }
        if cleaned.hasPrefix("-") { return .failure(.negative) }
        if cleaned.hasPrefix("+") { cleaned.removeFirst() }
        let parts = cleaned.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2,
              let integerPart = parts.first,
              !integerPart.isEmpty || parts.count == 2,
              integerPart.allSatisfy(\.isASCIIDigit)
        else { return .failure(.notANumber) }
        var fraction = parts.count == 2 ? String(parts[1]) : ""
        guard fraction.allSatisfy(\.isASCIIDigit), !(integerPart.isEmpty && fraction.isEmpty) else {
            return .failure(.notANumber)
        }
        while fraction.hasSuffix("0") { fraction.removeLast() }
        guard fraction.count <= unit.exactDecimals else {
            return .failure(.tooPrecise(maxDecimals: unit.exactDecimals))
        }
        let trimmedInteger = integerPart.drop { $0 == "0" }
        guard trimmedInteger.count <= 18, let whole = Int64(trimmedInteger.isEmpty ? "0" : String(trimmedInteger)) else {
            return .failure(.tooLarge)
        }
        let scale = pow10(unit.exactDecimals - fraction.count)
        let fractionYuan = (Int64(fraction.isEmpty ? "0" : fraction) ?? 0) * scale
        let (wholeYuan, overflow) = whole.multipliedReportingOverflow(by: unit.yuanPerUnit)
        guard !overflow else { return .failure(.tooLarge) }
        let (total, overflow2) = wholeYuan.addingReportingOverflow(fractionYuan)
        guard !overflow2, total <= Money.maximum.yuan else { return .failure(.tooLarge) }
        return .success(Money(yuan: total))
    }

    /// Upper bound accepted on input: 100 万亿元, far above any single project.
    public static let maximum = Money(yuan: 100_000_000_000_000)

    private static func pow10(_ n: Int) -> Int64 {
        var value: Int64 = 1
        for _ in 0..<max(n, 0) { value *= 10 }
        return value
    }
}

// MARK: - Formatting

extension Money {
    /// The amount in `unit` with exactly `decimals` places, rounded half away from zero.
    /// `grouped` inserts thousands separators in the integer part.
    /// Any `Int64` formats: the whole units and the remainder are scaled apart, so nothing
    /// overflows (`decimals` is taken within 0…8).
    public func formatted(in unit: MoneyUnit, decimals: Int = 2, grouped: Bool = false) -> String {
        let decimals = min(max(decimals, 0), 8)
        let perUnit = UInt64(unit.yuanPerUnit)
        let negative = yuan < 0
        let magnitude = yuan.magnitude
        let scale = UInt64(Money.pow10(decimals))
        // remainder * scale / perUnit, rounded half up; remainder < 10^8 and scale ≤ 10^8 fit easily.
        var integerPart = magnitude / perUnit
        var fractionPart = (magnitude % perUnit * scale * 2 + perUnit) / (perUnit * 2)
        if fractionPart == scale {
            integerPart += 1
            fractionPart = 0
        }
        var integerText = String(integerPart)
        if grouped { integerText = Money.group(integerText) }
        var text = negative && (integerPart != 0 || fractionPart != 0) ? "-" + integerText : integerText
        if decimals > 0 {
            let fractionText = String(fractionPart)
            text += "." + String(repeating: "0", count: decimals - fractionText.count) + fractionText
        }
        return text
    }

    /// Exact value in 万元 without trailing zeros, e.g. `12.3456`; used to pre-fill forms losslessly.
    public var exactWanText: String {
        let magnitude = yuan.magnitude
        let whole = magnitude / UInt64(Money.yuanPerWan)
        var fraction = String(magnitude % UInt64(Money.yuanPerWan))
        fraction = String(repeating: "0", count: 4 - fraction.count) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        let sign = yuan < 0 ? "-" : ""
        return fraction.isEmpty ? "\(sign)\(whole)" : "\(sign)\(whole).\(fraction)"
    }

    private static func group(_ digits: String) -> String {
        var result = ""
        for (index, character) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(character)
        }
        return result
    }
}

extension Character {
    public var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}

extension Int64 {
    /// The product, held at `Int64.max`/`.min` instead of trapping.
    public func multipliedClamping(by other: Int64) -> Int64 {
        let (product, overflow) = multipliedReportingOverflow(by: other)
        guard overflow else { return product }
        return (self < 0) == (other < 0) ? .max : .min
    }
}
