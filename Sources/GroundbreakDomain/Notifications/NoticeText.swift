import Foundation

/// What the inbox says, zh-CN: the titles and bodies of notices, one section per feature.
public enum NoticeText: Sendable, Equatable {
    case problemAssigned
    case problemToAssign
    case problemEscalated(ProblemLevel)
    case problemReopened
    case problemResolved
    case problemDueSoon(Day)
    case problemOverdue(Day)
    case reportDueSoon(Month, Day)
    case reportOverdue(Month, Day)
    case reportUrged(Month)
    case supervisionCreated
    case supervisionReopened
    case supervisionUrged
    case supervisionDueSoon(Day)
    case supervisionOverdue(Day)
    case fundingSpendingLate(Day, Money)
    /// `，办理时限 2026-12-31` after a subject.
    case deadlineSuffix(Day)

    public var zh: String {
        switch self {
        case .problemAssigned: "新分办的问题"
        case .problemToAssign: "新提出的问题，待分办"
        case .problemEscalated(let level): "问题已提级，由本单位办理（\(level.label)）"
        case .problemReopened: "问题被退回重办"
        case .problemResolved: "问题已办结，请确认销号"
        case .problemDueSoon(let day): "问题将于 \(day.iso) 到期"
        case .problemOverdue(let day): "问题已逾期（时限 \(day.iso)）"
        case .reportDueSoon(let month, let due): "\(month.label)月报请于 \(due.iso) 前报送"
        case .reportOverdue(let month, let due): "\(month.label)月报逾期未报（截止 \(due.iso)）"
        case .reportUrged(let month): "项目中心催报：请尽快报送\(month.label)月报"
        case .supervisionCreated: "新的督办事项"
        case .supervisionReopened: "督办事项被退回重办"
        case .supervisionUrged: "督办函：督办事项已逾期"
        case .supervisionDueSoon(let day): "督办事项将于 \(day.iso) 到期"
        case .supervisionOverdue(let day): "督办事项已逾期（时限 \(day.iso)）"
        case .fundingSpendingLate(let due, let unspent): "资金支出滞后：\(due.iso) 前应支出的下达资金尚有 \(unspent.formatted(in: .wan, grouped: true)) 万元未支出"
        case .deadlineSuffix(let day): "，办理时限 \(day.iso)"
        }
    }

    /// How much of a problem's or item's text a notice quotes.
    public static let subjectLength = 40
}

/// Who a notice goes to: every member of a unit, one user, or whoever holds a seat.
public enum NoticeRecipient: Sendable, Equatable {
    case unit(OrgUnit)
    case user(Int64)
    case position(Int64)
}

/// Reminders to whoever owes a month's report: the project's secretary (the seat's holder), or
/// the project's region when it has none — the same person the reporting board names.
public enum ReportNotices {
    public static func link(_ project: Project) -> String { "reports:\(project.id)" }

    public static func recipient(_ project: Project) -> NoticeRecipient {
        project.fields.secretaryPositionId.map(NoticeRecipient.position) ?? .unit(OrgUnit(kind: .region, code: project.fields.regionCode))
    }

    /// The centre's 催报 for a report still owed: once per project, month and day.
    public static func urge(_ project: Project, month: Month, today: Day) -> Notice {
        Notice(kind: "report.urge", title: NoticeText.reportUrged(month).zh, body: String(project.fields.name.prefix(NoticeText.subjectLength)), link: link(project),
               dedupeKey: "report:\(project.id):\(month.iso):urge:\(today.iso)")
    }

    /// Before the due day (within `lead` days) a reminder; after it, for a report still missing,
    /// an alert. Each once per project and month.
    public static func reminder(_ state: ReportState, _ project: Project, month: Month, due: Day, today: Day, lead: Int) -> Notice? {
        let subject = String(project.fields.name.prefix(NoticeText.subjectLength))
        switch state {
        case .due where today.ordinal >= due.ordinal - lead:
            return Notice(kind: "report.dueSoon", title: NoticeText.reportDueSoon(month, due).zh, body: subject, link: link(project),
                          dedupeKey: "report:\(project.id):\(month.iso):dueSoon")
        case .missing:
            return Notice(kind: "report.overdue", title: NoticeText.reportOverdue(month, due).zh, body: subject, link: link(project),
                          dedupeKey: "report:\(project.id):\(month.iso):overdue")
        default:
            return nil
        }
    }
}

/// The notices a problem's workflow sends: who must act next, and what they read. Pure, so the
/// store only writes what this decides, in the event's own transaction.
public enum ProblemNotices {
    /// `link` names the problem; the web layer turns it into a path.
    public static func link(_ problem: Problem) -> String { "problem:\(problem.id)" }

    static func subject(_ problem: Problem) -> String { String(problem.description.prefix(NoticeText.subjectLength)) }

    /// The notice an event sends, if any: the new owner on 分办, 提级 and 退回重办; the raiser on 办结.
    public static func after(_ kind: ProblemEvent.Kind, _ problem: Problem) -> (notice: Notice, to: NoticeRecipient)? {
        let key = "problem:\(problem.id):v\(problem.version)"
        switch kind {
        case .assign, .escalate, .reopen:
            guard let owner = problem.owner else { return nil }
            let title: NoticeText = kind == .assign ? .problemAssigned : kind == .escalate ? .problemEscalated(problem.level) : .problemReopened
            let body = subject(problem) + (problem.deadline.map { NoticeText.deadlineSuffix($0).zh } ?? "")
            return (Notice(kind: "problem.\(kind.rawValue)", title: title.zh, body: body, link: link(problem), dedupeKey: key), .unit(owner))
        case .resolve:
            guard let raiser = problem.raisedByUserId else { return nil }
            return (Notice(kind: "problem.resolve", title: NoticeText.problemResolved.zh, body: subject(problem), link: link(problem), dedupeKey: key), .user(raiser))
        default:
            return nil
        }
    }

    /// A new problem waits for 分办: the unit that assigns (the ladder's centre rung) is told.
    public static func raised(_ problem: Problem) -> Notice {
        Notice(kind: "problem.raise", title: NoticeText.problemToAssign.zh, body: subject(problem), link: link(problem), dedupeKey: "problem:\(problem.id):raised")
    }

    /// A reminder before the deadline or an alert once it has passed, once per deadline.
    public static func reminder(_ kind: ProblemReminders.Kind, _ problem: Problem, deadline: Day) -> Notice {
        switch kind {
        case .dueSoon:
            Notice(kind: "problem.dueSoon", title: NoticeText.problemDueSoon(deadline).zh, body: subject(problem), link: link(problem),
                   dedupeKey: "problem:\(problem.id):dueSoon:\(deadline.iso)")
        case .overdue:
            Notice(kind: "problem.overdue", title: NoticeText.problemOverdue(deadline).zh, body: subject(problem), link: link(problem),
                   dedupeKey: "problem:\(problem.id):overdue:\(deadline.iso)")
        }
    }
}

/// The notices supervised items send to their owner unit.
public enum SupervisionNotices {
    public static func link(_ item: SupervisedItem) -> String { "supervision:\(item.id)" }

    static func subject(_ item: SupervisedItem) -> String { String(item.content.prefix(NoticeText.subjectLength)) }

    /// The owner is told of a new item, one sent back, and a 督办函.
    public static func after(_ kind: SupervisionEvent.Kind, _ item: SupervisedItem) -> Notice? {
        let titles: [SupervisionEvent.Kind: NoticeText] = [.create: .supervisionCreated, .reopen: .supervisionReopened, .urge: .supervisionUrged]
        guard let title = titles[kind] else { return nil }
        return Notice(kind: "supervision.\(kind.rawValue)", title: title.zh, body: subject(item) + NoticeText.deadlineSuffix(item.deadline).zh,
                      link: link(item), dedupeKey: "supervision:\(item.id):v\(item.version)")
    }

    public static func reminder(_ kind: ProblemReminders.Kind, _ item: SupervisedItem) -> Notice {
        switch kind {
        case .dueSoon:
            Notice(kind: "supervision.dueSoon", title: NoticeText.supervisionDueSoon(item.deadline).zh, body: subject(item), link: link(item),
                   dedupeKey: "supervision:\(item.id):dueSoon:\(item.deadline.iso)")
        case .overdue:
            Notice(kind: "supervision.overdue", title: NoticeText.supervisionOverdue(item.deadline).zh, body: subject(item), link: link(item),
                   dedupeKey: "supervision:\(item.id):overdue:\(item.deadline.iso)")
        }
    }
}

/// The warning that money issued from above is not spent within its channel's months (专项债券
/// 6 months as shipped): to the applying unit and the department collecting the channel, once per
/// application and due day.
public enum FundingNotices {
    public static func link(_ applicationId: Int64) -> String { "funding:\(applicationId)" }

    public static func lateSpending(_ late: LateSpending, title: String) -> Notice {
        Notice(kind: "funding.spendingLate", title: NoticeText.fundingSpendingLate(late.dueOn, late.unspent).zh, body: String(title.prefix(NoticeText.subjectLength)),
               link: link(late.applicationId), dedupeKey: "funding:\(late.applicationId):late:\(late.dueOn.iso)")
    }

    public static func recipients(_ application: FundingApplication, catalog: FundingCatalog) -> [NoticeRecipient] {
        var units = [NoticeRecipient.unit(application.unit)]
        if let department = catalog.channel(application.channelCode)?.department, OrgUnit(kind: .department, code: department) != application.unit {
            units.append(.unit(OrgUnit(kind: .department, code: department)))
        }
        return units
    }
}
