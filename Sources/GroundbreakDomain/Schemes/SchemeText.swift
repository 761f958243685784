import Foundation

/// The classification schemes' sentences, zh-CN.
public enum SchemeText: Sendable, Equatable {
    case nameTaken(String)
    case unconfirmed

    public var zh: String {
        switch self {
        case .nameTaken(let name): "本口径已有名为“\(name)”的类别（或同义词）"
        case .unconfirmed: "待确认"
        }
    }
}
