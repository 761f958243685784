import GroundbreakDomain
import Testing

@Suite("Money")
struct MoneyTests {
    @Test("amounts typed in 万元 parse exactly", arguments: [
        ("85000", Int64(850_000_000)), ("1,234.5", 12_345_000), ("１２３．４５", 1_234_500), ("0.0001", 1),
        ("12.3456万元", 123_456), ("  7  ", 70_000), ("+3", 30_000), (".5", 5_000), ("100.", 1_000_000),
    ])
    func parsesWan(text: String, yuan: Int64) {
        #expect(Money.parse(text, unit: .wan) == .success(Money(yuan: yuan)))
    }

    @Test("bad amounts are refused with the reason")
    func refuses() {
        #expect(Money.parse("", unit: .wan) == .failure(.empty))
        #expect(Money.parse("万元", unit: .wan) == .failure(.empty))
        #expect(Money.parse("-5", unit: .wan) == .failure(.negative))
        #expect(Money.parse("1.00001", unit: .wan) == .failure(.tooPrecise(maxDecimals: 4)))
        #expect(Money.parse("12a", unit: .wan) == .failure(.notANumber))
        #expect(Money.parse("1.2.3", unit: .wan) == .failure(.notANumber))
        #expect(Money.parse(".", unit: .wan) == .failure(.notANumber))
        #expect(Money.parse("99999999999999999999", unit: .wan) == .failure(.tooLarge))
        #expect(Money.parse("10000000001", unit: .wan) == .failure(.tooLarge), "above 100万亿元")
        #expect(Money.parse("1.5", unit: .yuan) == .failure(.tooPrecise(maxDecimals: 0)))
        #expect(Money.parse("2.5", unit: .yi) == .success(.wan(25_000)))
    }

    @Test("shown as 万元 or 亿元 with two decimals, rounded half up")
    func formats() {
        let amount = Money(yuan: 1_234_567_891)
        #expect(amount.formatted(in: .wan) == "123456.79")
        #expect(amount.formatted(in: .wan, grouped: true) == "123,456.79")
        #expect(amount.formatted(in: .yi) == "12.35")
        #expect(Money(yuan: 5_000).formatted(in: .wan, decimals: 0) == "1")
        #expect(Money(yuan: 4_999).formatted(in: .wan, decimals: 0) == "0")
        #expect(Money(yuan: -15_000).formatted(in: .wan) == "-1.50")
        #expect(Money.zero.formatted(in: .yi) == "0.00")
        #expect(Money(yuan: 1_000_000_000_000).formatted(in: .yuan, decimals: 0, grouped: true) == "1,000,000,000,000")
    }

    @Test("the exact 万元 text reads back to the same amount", arguments: [Int64(0), 1, 9_999, 10_000, 123_456_789, 850_000_000, -5, -123_450_000])
    func exactText(yuan: Int64) {
        let text = Money(yuan: yuan).exactWanText
        if yuan >= 0 {
            #expect(Money.parse(text, unit: .wan) == .success(Money(yuan: yuan)))
        } else {
            #expect(text.hasPrefix("-"))
            #expect(Money.parse(text, unit: .wan) == .failure(.negative))
        }
    }
}
