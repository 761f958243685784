import Foundation

/// The webhook administration's sentences, zh-CN.
public enum WebhookText: Sendable, Equatable {
    case urlRequired, eventsRequired, secretTooShort(min: Int)

    public var zh: String {
        switch self {
        case .urlRequired: "请填写以 http:// 或 https:// 开头的接收地址"
        case .eventsRequired: "请至少选择一种事件"
        case .secretTooShort(let min): "签名密钥至少 \(min) 个字符"
        }
    }
}

/// The meetings' sentences, zh-CN.
public enum MeetingText: Sendable, Equatable {
    case minutesIssued
    /// Where a supervised item from a decision came from: `2026年第3次周调度会纪要第2条`.
    case decisionSource(year: Int, serial: Int, kindName: String, item: Int)

    public var zh: String {
        switch self {
        case .minutesIssued: "纪要已印发，不能再改"
        case .decisionSource(let year, let serial, let kindName, let item): "\(year)年第\(serial)次\(kindName)纪要第\(item)条"
        }
    }
}

/// The file store's sentences, zh-CN.
public enum FileText: Sendable, Equatable {
    case evidenceTypes
    case evidenceDefaultName
    case photoDefaultName

    public var zh: String {
        switch self {
        case .evidenceTypes: "佐证材料请上传图片（JPEG、PNG、WebP）、PDF 或 Word、Excel、PowerPoint 文件"
        case .evidenceDefaultName: "佐证材料"
        case .photoDefaultName: "photo"
        }
    }
}

/// The audit trail's reasons that the system writes itself, zh-CN.
public enum AuditText: Sendable, Equatable {
    case imported(fileName: String)
    case autoUrge
    /// A class of a unit's scheme was mapped to a shipped category, which its projects take.
    case classMapped(String)

    public var zh: String {
        switch self {
        case .imported(let fileName): "导入：\(fileName)"
        case .autoUrge: "逾期自动催办"
        case .classMapped(let name): "口径类别“\(name)”对应到系统类别，补充待补充的项目类别"
        }
    }
}
