import Foundation

/// What a sponsoring leader did on a project (seed 001 §30: 亲自现场办公、亲自沟通协调、亲自督查督办;
/// §35: 包保领导定期或不定期召开现场协调会): a site visit, an on-site coordination meeting, or a
/// written instruction (批示). Kept per seat, so the quarter's 包保专报 can count them.
public enum SponsorActivityKind: String, Sendable, Codable, CaseIterable {
    /// 现场办公 / 调研: the leader on site.
    case siteVisit
    /// 现场协调会: a meeting on site to settle what holds the project up.
    case coordination
    /// 批示: a written instruction on the project.
    case instruction

    public var label: String { PortfolioText.kind(self) }
}

public struct SponsorActivity: Sendable, Codable, Equatable, Identifiable {
    public var id: Int64
    /// The sponsoring seat (包保领导岗位) the activity belongs to.
    public var seatId: Int64
    public var projectId: Int64
    public var kind: SponsorActivityKind
    public var on: Day
    /// What was seen, settled or instructed.
    public var summary: String
    public var recordedBy: String
    public var recordedAt: Date

    public init(id: Int64 = 0, seatId: Int64, projectId: Int64, kind: SponsorActivityKind, on: Day, summary: String, recordedBy: String = "",
                recordedAt: Date = Date(timeIntervalSince1970: 0)) {
        self.id = id
        self.seatId = seatId
        self.projectId = projectId
        self.kind = kind
        self.on = on
        self.summary = summary
        self.recordedBy = recordedBy
        self.recordedAt = recordedAt
    }

    public static let maxSummary = 2_000

    /// What is wrong with an activity before it is kept: a day that has not come or is implausible,
    /// no summary or one too long, a project that is not the seat's.
    public func problems(project: Project?, today: Day) -> [FieldError] {
        var errors: [FieldError] = []
        if on > today { errors.append(FieldError("on", .dateInFuture)) }
        if !Day.plausibleYears.contains(on.year) { errors.append(FieldError("on", .dateInvalid)) }
        let text = summary.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty { errors.append(FieldError("summary", .required(field: "summary"))) }
        if text.count > Self.maxSummary { errors.append(FieldError("summary", .tooLong(field: "summary", max: Self.maxSummary))) }
        if let project {
            if project.fields.sponsorPositionId != seatId { errors.append(FieldError("projectId", .fixed(PortfolioText.notInPortfolio(project.fields.name)))) }
        } else {
            errors.append(FieldError("projectId", .fixed(PortfolioText.noProject)))
        }
        return errors
    }
}

/// A seat's activities counted by kind over a span (a quarter for the 专报).
public struct ActivityCounts: Sendable, Equatable {
    public var siteVisits: Int
    public var coordinations: Int
    public var instructions: Int
    public var projects: Int

    public init(_ activities: [SponsorActivity]) {
        siteVisits = activities.filter { $0.kind == .siteVisit }.count
        coordinations = activities.filter { $0.kind == .coordination }.count
        instructions = activities.filter { $0.kind == .instruction }.count
        projects = Set(activities.map(\.projectId)).count
    }

    public var total: Int { siteVisits + coordinations + instructions }
}

/// The portfolio's own words, zh-CN.
public enum PortfolioText {
    public static func kind(_ kind: SponsorActivityKind) -> String {
        switch kind {
        case .siteVisit: "现场办公"
        case .coordination: "现场协调会"
        case .instruction: "批示"
        }
    }

    public static func notInPortfolio(_ project: String) -> String { "“\(project)”不是该领导包保的项目" }
    public static let noProject = "没有这个项目，或无权查看"
    public static func quarter(_ year: Int, _ number: Int) -> String { "\(year)年第\(number)季度" }

    /// `本季度现场办公3次、召开现场协调会1次、作出批示2件，涉及4个项目` — or that there was none.
    public static func counts(_ counts: ActivityCounts, span: String) -> String {
        guard counts.total > 0 else { return "\(span)未记录现场办公、现场协调会或批示" }
        return "\(span)现场办公\(counts.siteVisits)次、召开现场协调会\(counts.coordinations)次、作出批示\(counts.instructions)件，涉及\(counts.projects)个项目"
    }
}
