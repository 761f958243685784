import Foundation

/// The lists of problems people ask for: open by owner, overdue, by category, by project,
/// escalated, closed this month.
public struct ProblemQuery: Sendable, Equatable {
    public enum View: String, Sendable, CaseIterable {
        case open, overdue, escalated, closedThisMonth, all

        public var label: String {
            switch self {
            case .open: "未销号"
            case .overdue: "已逾期"
            case .escalated: "已提级"
            case .closedThisMonth: "本月销号"
            case .all: "全部"
            }
        }
    }

    public var view: View = .open
    public var status: ProblemStatus?
    /// `department:CODE` or `region:CODE`.
    public var owner: OrgUnit?
    public var categoryCode: String?
    public var projectId: Int64?
    public var page: Int = 1
    public var perPage: Int = 50

    public static let maxPage = 1_000_000
    public static let maxPerPage = 500

    public init() {}

    /// From a query string; unknown values are refused by name.
    public static func parse(_ items: [(String, String)]) -> Result<ProblemQuery, ValidationFailure> {
        var query = ProblemQuery()
        var errors: [FieldError] = []
        for (key, raw) in items {
            let value = raw.trimmingCharacters(in: .whitespaces)
            guard !value.isEmpty else { continue }
            switch key {
            case "view":
                if let view = View(rawValue: value) { query.view = view } else { errors.append(FieldError(key, .unknownCode(field: key, code: value))) }
            case "status":
                if let status = ProblemStatus(rawValue: value) { query.status = status } else { errors.append(FieldError(key, .unknownCode(field: key, code: value))) }
            case "owner":
                let parts = value.split(separator: ":", maxSplits: 1).map(String.init)
                if parts.count == 2, let kind = OrgUnit.Kind(rawValue: parts[0]) { query.owner = OrgUnit(kind: kind, code: parts[1]) } else {
                    errors.append(FieldError(key, .unknownCode(field: key, code: value)))
                }
            case "category":
                query.categoryCode = value
            case "project":
                if let id = Int64(value), id > 0 { query.projectId = id } else { errors.append(FieldError(key, .unknownCode(field: key, code: value))) }
            case "page":
                if let page = Int(value), (1...maxPage).contains(page) { query.page = page } else { errors.append(FieldError(key, .unknownCode(field: key, code: value))) }
            case "perPage":
                if let size = Int(value), (1...maxPerPage).contains(size) { query.perPage = size } else { errors.append(FieldError(key, .unknownCode(field: key, code: value))) }
            default:
                continue
            }
        }
        return errors.isEmpty ? .success(query) : .failure(ValidationFailure(errors))
    }

    public var items: [(String, String)] {
        var items: [(String, String)] = []
        if view != .open { items.append(("view", view.rawValue)) }
        if let status { items.append(("status", status.rawValue)) }
        if let owner { items.append(("owner", "\(owner.kind.rawValue):\(owner.code)")) }
        if let categoryCode { items.append(("category", categoryCode)) }
        if let projectId { items.append(("project", String(projectId))) }
        if page != 1 { items.append(("page", String(page))) }
        if perPage != 50 { items.append(("perPage", String(perPage))) }
        return items
    }
}
