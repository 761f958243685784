import Foundation

/// A refused rule edit, zh-CN.
public enum WarningEditText: Sendable, Equatable {
    case noThreshold(String)
    case yellowNotBelowRed(String)

    public var zh: String {
        switch self {
        case .noThreshold(let code): "规则 \(code) 至少要有黄灯或红灯阈值之一"
        case .yellowNotBelowRed(let code): "规则 \(code) 的黄灯阈值应小于红灯阈值"
        }
    }
}

/// The lights' words, zh-CN: each reason says the figure and the threshold it passed.
public enum WarningText {
    public static func colour(_ colour: WarningColour) -> String {
        switch colour {
        case .green: "绿"
        case .yellow: "黄"
        case .red: "红"
        }
    }

    static func reason(_ rule: WarningRule, value: Double, threshold: Double) -> String {
        let measure = rule.measure, minimumYuan = rule.minimumYuan
        let limit = threshold.rounded() == threshold ? String(Int(threshold)) : Decimals.text(threshold)
        let band = minimumYuan.map { StatisticsText.band(Money(yuan: $0)) } ?? ""
        switch measure {
        case .behindSchedule: return "落后序时进度 \(Decimals.text(value)) 个百分点（阈值 \(limit)）"
        case .startSlip: return "超过计划开工日期 \(Int(value)) 天仍未开工（阈值 \(limit) 天）"
        case .completionSlip: return "超过计划竣工日期 \(Int(value)) 天仍未竣工投产（阈值 \(limit) 天）"
        case .approvalsOverdue: return "\(Int(value)) 个审批事项超时"
        case .problemsOverdue:
            guard let level = rule.minimumLevel, level > .unit else { return "\(Int(value)) 个问题逾期未解决" }
            return "\(Int(value)) 个已上升到\(level.label)\(level == ProblemLevel.allCases.last ? "" : "及以上")协调的问题逾期未解决"
        case .notAdmitted: return "开工 \(Int(value)) 天仍未入统（阈值 \(limit) 天）"
        case .reportMissing: return "上月月报未报"
        case .sponsorMissing: return "\(band)项目未明确包保领导"
        case .secretaryMissing: return "\(band)项目未选派项目秘书"
        }
    }

    static func explanation(_ colour: WarningColour, _ reasons: [String]) -> String {
        reasons.isEmpty ? "绿：未触发任何预警规则" : "\(Self.colour(colour))：" + reasons.joined(separator: "；")
    }
}
