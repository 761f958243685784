import Foundation

/// The classification schemes' sentences, zh-CN.
public enum SchemeText: Sendable, Equatable {
    case nameTaken(String)
    case schemeTaken(String)
    case unconfirmed

    public var zh: String {
        switch self {
        case .nameTaken(let name): "本口径已有名为“\(name)”的类别（或同义词）"
        case .schemeTaken(let name): "该单位已有名为“\(name)”的口径"
        case .unconfirmed: "待确认"
        }
    }
}
