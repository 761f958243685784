import Foundation

/// The statistics paragraph's words, zh-CN, as the seeds print them.
public enum StatisticsText {
    public static let comma = "，"
    public static let semicolon = "；"
    public static let stop = "。"
    public static let among = "其中"
    public static let scaleDimension = "投资规模"
    public static let natureDimension = "建设进度"

    public static func nature(_ nature: ListNature) -> String {
        switch nature {
        case .newStart: "新建"
        case .continuing: "续建"
        case .planning: "谋划"
        case .reserve: "储备"
        case .completed: "竣工"
        }
    }

    /// 新开工 / 续建 / 开复工 / 竣工, as the statistics office names a year's activity.
    public static func activity(_ activity: YearActivity) -> String {
        switch activity {
        case .newStart: "新开工"
        case .continuing: "续建"
        case .underWay: "开复工"
        case .completed: "竣工"
        }
    }

    static func opening(year: Int, unit: String, shape: ParagraphStyle.Shape, threshold: String, count: Int) -> String {
        switch shape {
        case .byDimension: "\(year)年，\(unit)实施\(threshold)重点项目\(count)个"
        case .among: "\(year)年，\(unit)共建设\(threshold)项目\(count)个"
        }
    }

    static func total(_ amount: String) -> String { "总投资\(amount)" }
    static func dimension(_ name: String) -> String { "按\(name)看，" }
    static func bandItem(_ band: String, count: Int) -> String { "\(band)项目\(count)个" }
    static func classItem(_ name: String, count: Int) -> String { "\(name)项目\(count)个" }
    static func namedProject(_ amount: String, _ name: String) -> String { "总投资\(amount)的\(name)" }
    static func largest(_ items: [String]) -> String { "包括" + items.joined(separator: "、") + "等重大项目。" }

    /// `同比增加5个`, `同比减少3个`, `同比持平`.
    static func change(_ delta: Int) -> String {
        delta > 0 ? "同比增加\(delta)个" : delta < 0 ? "同比减少\(-delta)个" : "同比持平"
    }

    /// `3000万元以上`, `亿元以上`, `5亿元以上`, `100亿元以上`: "以上" includes the figure itself.
    public static func band(_ minimum: Money) -> String {
        if minimum.yuan >= Money.yuanPerYi && minimum.yuan % Money.yuanPerYi == 0 {
            let yi = minimum.yuan / Money.yuanPerYi
            return yi == 1 ? "亿元以上" : "\(yi)亿元以上"
        }
        return minimum.formatted(in: .wan, decimals: 0) + "万元以上"
    }

    /// As officials write an amount: `914亿元`, `365.98亿元`, `3000万元` (at most two places, no trailing zeros).
    public static func amount(_ money: Money) -> String {
        let (unit, word): (MoneyUnit, String) = money.yuan >= Money.yuanPerYi ? (.yi, "亿元") : (.wan, "万元")
        var text = money.formatted(in: unit, decimals: 2)
        while text.hasSuffix("0") && text.contains(".") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text + word
    }
}
