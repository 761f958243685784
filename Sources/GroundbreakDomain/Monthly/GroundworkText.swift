import Foundation

/// The words of the front-of-the-chain targets, zh-CN.
public enum GroundworkText {
    static let fundingIssued = "向上争取资金下达（项目和资金均高于上年同期）"

    static func amount(_ money: Money) -> String { money.formatted(in: .yi, decimals: 2, grouped: true) + "亿元" }

    /// "亿元以上储备项目242个、总投资1,234.56亿元，目标1000个，完成24.2%" — or against last year for funding.
    static func sentence(_ reading: GroundworkReading) -> String {
        let figure = "\(reading.count)个、\(reading.measure.kind == .funding ? "下达" : "总投资")\(amount(reading.amount))"
        switch reading.targetSource {
        case .lastYear:
            let count = reading.targetCount ?? 0, money = reading.targetAmount ?? .zero
            let verdict = reading.met == true ? "项目和资金均高于上年同期" : "未实现项目和资金均高于上年同期"
            return "下达项目\(figure)；上年同期\(count)个、\(amount(money))；\(verdict)"
        case .none:
            return "\(figure)；暂未设定目标"
        case .set, .data:
            var parts: [String] = []
            if let count = reading.targetCount { parts.append("\(count)个") }
            if let money = reading.targetAmount { parts.append("总投资\(amount(money))") }
            let percent = reading.countPercent.map { "，完成\(Decimals.percent($0))" } ?? ""
            let verdict = reading.met == true ? "已完成目标" : "未完成目标"
            return "\(figure)；目标\(parts.joined(separator: "、"))\(percent)，\(verdict)"
        }
    }
}
