import Foundation

/// The readiness words, zh-CN.
public enum ReadinessText {
    public static func state(_ state: ReadinessState) -> String {
        switch state {
        case .pending: "未落实"
        case .inProgress: "推进中"
        case .done: "已落实"
        case .notNeeded: "不涉及"
        }
    }

    public static func group(_ group: String) -> String {
        switch group {
        case "land": "土地"
        case "planning": "规划"
        case "utilities": "水电气热路讯"
        case "funds": "资金"
        case "labour": "用工"
        default: group
        }
    }

    public static let itemTwice = "同一条目只能填写一次"
    static func doneNeedsDay(_ item: String) -> String { "“\(item)”已落实，请填写落实日期" }
    static func dayOnlyWhenDone(_ item: String) -> String { "“\(item)”尚未落实，不能填写落实日期" }
    /// The problem raised from an unmet item, in one step.
    public static func problem(_ item: String, state: ReadinessState, note: String) -> String {
        "要素保障：\(item)\(state.label)" + (note.isEmpty ? "" : "（\(note)）") + "，影响项目开工，请协调解决。"
    }
}
