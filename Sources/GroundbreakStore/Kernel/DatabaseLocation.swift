import Foundation

/// Where the data lives, parsed from `sqlite:PATH`, a bare file path, or `postgres://…`.
public enum DatabaseLocation: Sendable, Equatable, CustomStringConvertible {
    case sqlite(path: String)
    case postgres(url: String)

    public static let defaultSQLitePath = "./groundbreak.sqlite"

    public struct InvalidURL: Error, CustomStringConvertible {
        public let text: String
        public var description: String { StoreText.invalidDatabaseURL(text) }
    }

    public static func parse(_ text: String) throws -> DatabaseLocation {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix("postgres://") || trimmed.hasPrefix("postgresql://") {
            return .postgres(url: trimmed)
        }
        if trimmed.hasPrefix("sqlite://") {
            return .sqlite(path: String(trimmed.dropFirst("sqlite://".count)))
        }
        if trimmed.hasPrefix("sqlite:") {
            return .sqlite(path: String(trimmed.dropFirst("sqlite:".count)))
        }
        if !trimmed.isEmpty, !trimmed.contains("://") {
            return .sqlite(path: trimmed)
        }
        throw InvalidURL(text: text)
    }

    public var engine: DatabaseEngine {
        switch self {
        case .sqlite: .sqlite
        case .postgres: .postgres
        }
    }

    /// For logs: the password is never printed.
    public var description: String {
        switch self {
        case .sqlite(let path):
            return "sqlite:\(path)"
        case .postgres(let url):
            guard var components = URLComponents(string: url) else { return "postgres://…" }
            if components.password != nil { components.password = "***" }
            return components.string ?? "postgres://…"
        }
    }
}
