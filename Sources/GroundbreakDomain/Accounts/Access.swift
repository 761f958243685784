import Foundation

/// What a user does in the system (用户角色). A user may hold several.
public enum Role: String, Sendable, Codable, CaseIterable, Comparable {
    case admin, center, department, region, secretary, attraction, sponsor, supervision, statistics, viewer

    public static func < (lhs: Role, rhs: Role) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    public var label: String { DomainText.role(self).zh }
}

/// The body a user works for: a department, a region (属地), or a development zone (开发区),
/// which has its own projects (those in the zone and the zones inside it).
public struct OrgUnit: Sendable, Codable, Equatable, Hashable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case department, region, zone
    }

    public var kind: Kind
    public var code: String

    public init(kind: Kind, code: String) {
        self.kind = kind
        self.code = code
    }

    /// `department:CC-GXJ`, `region:220104`, `zone:CC-LHS`.
    public var text: String { "\(kind.rawValue):\(code)" }

    public static func parse(_ text: String) -> OrgUnit? {
        let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2, let kind = Kind(rawValue: parts[0]), !parts[1].isEmpty else { return nil }
        return OrgUnit(kind: kind, code: parts[1])
    }
}

/// Who is asking: the signed-in account with its roles, unit and seat.
public struct Principal: Sendable, Equatable {
    public var userId: Int64
    public var username: String
    public var displayName: String
    public var roles: Set<Role>
    public var unit: OrgUnit?
    /// The seat the user holds (a secretary's or sponsor's): their assigned projects follow it.
    public var positionId: Int64?
    /// Must change the password before doing anything else.
    public var mustChangePassword: Bool
    /// The projects the user's seat follows by leading a task force or one of its groups (专班):
    /// read as part of what the user may see.
    public var followedProjects: Set<Int64> = []
    /// The scheme classes those groups follow: their leads are read by the seat too.
    public var followedClasses: Set<Int64> = []

    public init(userId: Int64, username: String, displayName: String, roles: Set<Role>, unit: OrgUnit?, positionId: Int64?, mustChangePassword: Bool = false) {
        self.userId = userId
        self.username = username
        self.displayName = displayName
        self.roles = roles
        self.unit = unit
        self.positionId = positionId
        self.mustChangePassword = mustChangePassword
    }

    public var isAdmin: Bool { roles.contains(.admin) }
}

/// Which projects a rule reaches. A scope is the union of its rules; each rule may be limited
/// to some stages (招商 works on projects still being attracted).
public struct ScopeRule: Sendable, Equatable, Hashable {
    public enum Reach: Sendable, Equatable, Hashable {
        case everything
        case regions(Set<String>)
        /// Projects in the zones (a zone's subtree, as the catalogue nests them).
        case zones(Set<String>)
        /// Projects the departments lead, or also support when `includingSupport`.
        case departments(Set<String>, includingSupport: Bool)
        case secretaryPositions(Set<Int64>)
        case sponsorPositions(Set<Int64>)
        /// Named projects: those a task-force seat follows.
        case projects(Set<Int64>)
    }

    public var reach: Reach
    public var stages: Set<Stage>?

    public init(_ reach: Reach, stages: Set<Stage>? = nil) {
        self.reach = reach
        self.stages = stages
    }

    public func contains(_ project: Project) -> Bool {
        if let stages, !stages.contains(project.stage) { return false }
        switch reach {
        case .everything: return true
        case .regions(let codes): return codes.contains(project.fields.regionCode)
        case .zones(let codes): return project.fields.zoneCode.map(codes.contains) ?? false
        case .departments(let codes, let support):
            if let lead = project.fields.leadDepartmentCode, codes.contains(lead) { return true }
            return support && !codes.isDisjoint(with: project.fields.supportDepartmentCodes)
        case .secretaryPositions(let ids): return project.fields.secretaryPositionId.map(ids.contains) ?? false
        case .sponsorPositions(let ids): return project.fields.sponsorPositionId.map(ids.contains) ?? false
        case .projects(let ids): return ids.contains(project.id)
        }
    }
}

public struct ProjectScope: Sendable, Equatable {
    public var rules: [ScopeRule]

    public init(_ rules: [ScopeRule]) {
        self.rules = rules
    }

    public static let nothing = ProjectScope([])
    public static let everything = ProjectScope([ScopeRule(.everything)])

    public var isEmpty: Bool { rules.isEmpty }
    public var isEverything: Bool { rules.contains { $0.reach == .everything && $0.stages == nil } }

    public func contains(_ project: Project) -> Bool {
        rules.contains { $0.contains(project) }
    }

    /// Whether the scope reaches a whole region (for things without a project, such as an
    /// enterprise's problem): everything, or a region rule without a stage limit that holds it.
    public func reaches(region code: String) -> Bool {
        rules.contains { rule in
            guard rule.stages == nil else { return false }
            switch rule.reach {
            case .everything: return true
            case .regions(let codes): return codes.contains(code)
            default: return false
            }
        }
    }

    /// A stable text for cache keys.
    public var key: String {
        rules.map { rule in
            let stages = rule.stages.map { $0.map(\.rawValue).sorted().joined(separator: ",") } ?? "*"
            switch rule.reach {
            case .everything: return "all/\(stages)"
            case .regions(let codes): return "r:\(codes.sorted().joined(separator: ","))/\(stages)"
            case .zones(let codes): return "z:\(codes.sorted().joined(separator: ","))/\(stages)"
            case .departments(let codes, let support): return "d\(support ? "+" : ""):\(codes.sorted().joined(separator: ","))/\(stages)"
            case .secretaryPositions(let ids): return "sec:\(ids.sorted().map(String.init).joined(separator: ","))/\(stages)"
            case .sponsorPositions(let ids): return "spo:\(ids.sorted().map(String.init).joined(separator: ","))/\(stages)"
            case .projects(let ids): return "p:\(ids.sorted().map(String.init).joined(separator: ","))/\(stages)"
            }
        }.sorted().joined(separator: ";")
    }
}
