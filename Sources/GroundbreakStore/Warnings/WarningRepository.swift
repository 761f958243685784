import Foundation
import GroundbreakDomain
import SQLKit

/// The figures the warning rules read, gathered for many projects with a handful of queries.
public struct WarningRepository: Sendable {
    public let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// The shipped rule set (`warning_rules.json`): version 1, until the centre saves another.
    public static func shippedRules() throws -> WarningRuleSet {
        try ReferenceDataLoader.bundledJSON("warning_rules.json", as: WarningRuleSet.self)
    }

    /// The rule set in force: the latest saved version, else the shipped one.
    public func currentRules() async throws -> WarningRuleSet {
        try await Self.current(database.reader)
    }

    static func current(_ db: any SQLDatabase) async throws -> WarningRuleSet {
        guard let row = try await db.raw("SELECT rules_json FROM warning_rule_sets ORDER BY version DESC LIMIT 1").first() else {
            return try shippedRules()
        }
        return try stored(row)
    }

    static func stored(_ row: any SQLRow) throws -> WarningRuleSet {
        try JSONDecoder().decode(WarningRuleSet.self, from: Data(try row.decode(column: "rules_json", as: String.self).utf8))
    }

    /// Every saved version, newest first (the shipped one is version 1 and not stored).
    public func history() async throws -> [WarningRuleSet] {
        try await database.reader.raw("SELECT rules_json FROM warning_rule_sets ORDER BY version DESC").all().map(Self.stored)
    }

    /// Saves new thresholds as the next version, when `expectedVersion` is still the one in force.
    public func saveVersion(_ thresholds: [String: (yellow: Double?, red: Double?)], reason: String, expectedVersion: Int, actor: AuditActor,
                            today: Day, now: Date) async throws -> WarningRuleSet {
        try await database.transaction { db in
            let current = try await Self.current(db)
            guard current.version == expectedVersion else { throw StoreError.conflict(currentVersion: current.version) }
            let next: WarningRuleSet
            switch WarningRuleEdit.apply(thresholds, reason: reason, to: current, author: actor.name, validFrom: today) {
            case .success(let edited): next = edited
            case .failure(let failure): throw StoreError.invalid(failure)
            }
            let json = String(decoding: try JSONEncoder().encode(next), as: UTF8.self)
            try await db.raw("""
                INSERT INTO warning_rule_sets (version, valid_from, author, reason, curve, rules_json, created_at)
                VALUES (\(bind: next.version), \(bind: next.validFrom), \(bind: next.author), \(bind: next.reason), \(bind: next.curve), \(bind: json),
                        \(bind: StoredTime.text(now)))
                """).run()
            try await AuditLog.write(entity: "warning_rules", entityId: String(next.version), action: "create",
                                     before: String(decoding: try JSONEncoder().encode(current), as: UTF8.self), after: json,
                                     reason: next.reason, actor: actor, now: now, db: db)
            return next
        }
    }

    /// Each project's signals on `today`: this year's completion against its plan and 序时进度
    /// (through last month, closed months as frozen; for a project started by then), start slip, open problems past deadline,
    /// days started without 入统, last month's report owed and missing; the overdue approval items
    /// come from the caller (their clocks are read with the working-day calendar).
    public func signals(_ projects: [Project], approvalsOverdue: [Int64: Int], indicators: IndicatorCatalog, curve: String,
                        reportRules: ReportRules, today: Day) async throws -> CountedSignals {
        let own = try await ownSignals(projects, key: SignalsKey(today: today, curve: curve, reportRules: reportRules, indicators: indicators, stages: []))
        return try await withCounts(own, approvalsOverdue: approvalsOverdue, today: today)
    }

    /// Every project in `stages` within `scope`, with its signals on `today`. Over every project,
    /// each project's own signals are kept between computations (`ProjectPartsKeeper`) and only the
    /// projects a write names are read again; the approval items' and problems' counts, which
    /// move with the calendar and with problems no ledger change names, are counted each time.
    public func signals(inStages stages: [Stage], scope: ProjectScope, indicators: IndicatorCatalog, curve: String, reportRules: ReportRules,
                        calendar: WorkingCalendar, today: Day) async throws -> CountedSignals {
        let approvals = ProjectApprovalRepository(database: database)
        guard scope.isEverything else {
            return try await signals(try await ProjectRepository(database: database).projects(inStages: stages, scope: scope),
                                     approvalsOverdue: try await approvals.overdueCounts(scope: scope, calendar: calendar, today: today),
                                     indicators: indicators, curve: curve, reportRules: reportRules, today: today)
        }
        let key = SignalsKey(today: today, curve: curve, reportRules: reportRules, indicators: indicators, stages: stages)
        let own = try await database.projectSignals.parts(key, database) { [database] ids in
            let projects = ProjectRepository(database: database)
            let named = if let ids {
                try await projects.projects(ids: ids).values.filter { stages.contains($0.stage) }.sorted { $0.id < $1.id }
            } else {
                try await projects.projects(inStages: stages, scope: .everything)
            }
            return try await WarningRepository(database: database).ownSignals(named, key: key)
        }
        return try await withCounts(own, approvalsOverdue: try await approvals.overdueCounts(scope: .everything, calendar: calendar, today: today),
                                    today: today)
    }

    /// What each project's own signals are computed for.
    public struct SignalsKey: Equatable, Sendable {
        var today: Day
        var curve: String
        var reportRules: ReportRules
        var indicators: IndicatorCatalog
        var stages: [Stage]
    }

    /// The signals read from the project and the rows every write of which names it: its plan,
    /// reports and admission.
    private func ownSignals(_ projects: [Project], key: SignalsKey) async throws -> [ProjectSignals] {
        guard !projects.isEmpty else { return [] }
        let (today, indicators, reportRules) = (key.today, key.indicators, key.reportRules)
        let lastMonth = Month(today).previous
        let ids = Set(projects.map(\.id))
        let plans = Dictionary(try await AnnualPlanRepository(database: database).plans(year: lastMonth.year, of: ids)
            .map { ($0.projectId, $0.plannedInvestment) }, uniquingKeysWith: { first, _ in first })
        let reports = try await TargetRepository(database: database).reportedByProject(from: Month(year: lastMonth.year, month: 1)!, through: lastMonth, of: ids)
        let admitted = try await StatsInclusionRepository(database: database).admittedOn(of: ids)
        return projects.map { project in
            var signals = ProjectSignals(project: project)
            let own = reports[project.id] ?? []
            // Completion is measured on works under way; a project not yet started answers to the start rule.
            if let plan = plans[project.id], plan > .zero, let started = project.fields.actualStart, Month(started) <= lastMonth {
                let done = Double(ReportTotals(own, through: lastMonth).yearDispatch.yuan) / Double(plan.yuan) * 100
                signals.behindPoints = max(0, indicators.projectTimeProgress(key.curve, through: lastMonth, started: Month(started)) * 100 - done)
            }
            if [.reserve, .attraction, .approval].contains(project.stage), project.fields.actualStart == nil, let planned = project.fields.plannedStart, planned < today {
                signals.startSlipDays = planned.days(until: today)
            }
            if project.stage == .construction, project.fields.actualCompletion == nil, let planned = project.fields.plannedCompletion, planned < today {
                signals.completionSlipDays = planned.days(until: today)
            }
            if [.construction, .operation].contains(project.stage), let started = project.fields.actualStart, admitted[project.id] == nil {
                signals.daysNotAdmitted = started.days(until: today)
            }
            signals.reportMissing = reportRules.mustReport(project, for: lastMonth) && today > lastMonth.dueDate(day: reportRules.dueDay)
                && !own.contains { $0.month == lastMonth }
            return signals
        }
    }

    /// `signals` with each project's overdue approval items and open problems past their deadline
    /// counted in: only the projects counted are copied.
    private func withCounts(_ signals: [ProjectSignals], approvalsOverdue: [Int64: Int], today: Day) async throws -> CountedSignals {
        var problems: [Int64: [ProblemLevel]] = [:]
        for row in try await database.reader.raw("""
            SELECT project_id, level FROM problems
            WHERE project_id IS NOT NULL AND deadline IS NOT NULL AND deadline < \(bind: today.iso) AND \(ProblemRepository.clockRunning)
            """).all() {
            let level = ProblemLevel(rawValue: try row.decode(column: "level", as: String.self)) ?? .unit
            problems[try row.decode(column: "project_id", as: Int64.self), default: []].append(level)
        }
        // Each counted project found by id: by binary search, as the signals are in id order as
        // kept and as read; through a table when they are not.
        let inOrder = signals.withUnsafeBufferPointer { own in own.indices.dropFirst().allSatisfy { own[$0 - 1].project.id < own[$0].project.id } }
        let byId = inOrder ? [:] : Dictionary(signals.indices.map { (signals[$0].project.id, $0) }, uniquingKeysWith: { first, _ in first })
        func place(_ id: Int64) -> Int? {
            guard inOrder else { return byId[id] }
            let at = signals.partitioningIndex { $0.project.id >= id }
            return at < signals.count && signals[at].project.id == id ? at : nil
        }
        var counted: [Int: ProjectSignals] = [:]
        for (id, overdue) in approvalsOverdue {
            if let at = place(id) { counted[at, default: signals[at]].approvalsOverdue = overdue }
        }
        for (id, levels) in problems {
            if let at = place(id) { counted[at, default: signals[at]].overdueProblemLevels = levels }
        }
        return CountedSignals(own: signals, counted: counted.sorted { $0.key < $1.key }.map { (at: $0.key, signals: $0.value) })
    }
}
