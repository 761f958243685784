import Foundation
import GroundbreakDomain
import SQLKit

/// An approval item with its project, for queues and analytics.
public struct ApprovalListing: Sendable {
    public var approval: ProjectApproval
    public var item: ApprovalItem
    public var projectName: String
    public var regionCode: String
}

/// Each project's approval items, their events and pauses, and 集中审批 batches.
public struct ProjectApprovalRepository: Sendable {
    public let database: Database

    public init(database: Database) {
        self.database = database
    }

    // MARK: Plan and items

    public func plan(projectId: Int64) async throws -> ApprovalPlan? {
        guard let row = try await database.reader.raw("SELECT * FROM approval_plans WHERE project_id = \(bind: projectId)").first() else { return nil }
        return ApprovalPlan(
            projectId: projectId,
            type: ApprovalProjectType(rawValue: try row.decode(column: "approval_type", as: String.self)) ?? .enterpriseFiling,
            targetStart: try row.decode(column: "target_start", as: String?.self).flatMap(Day.parse)
        )
    }

    /// Sets the project's approval type and target start, and adds the catalogue's items for the
    /// type that the project does not have yet. Items already there are kept: the list per
    /// project can be adjusted, and nothing recorded is lost.
    public func setPlan(projectId: Int64, type: ApprovalProjectType, targetStart: Day?, catalog: [ApprovalItem], actor: AuditActor, today: Day, now: Date) async throws {
        try await database.transaction { db in
            let stamp = StoredTime.text(now)
            try await db.raw("""
                INSERT INTO approval_plans (project_id, approval_type, target_start, updated_at)
                VALUES (\(bind: projectId), \(bind: type.rawValue), \(bind: targetStart?.iso), \(bind: stamp))
                ON CONFLICT (project_id) DO UPDATE SET approval_type = excluded.approval_type, target_start = excluded.target_start,
                    updated_at = excluded.updated_at
                """).run()
            let existing = Set(try await db.raw("SELECT item_code FROM project_approvals WHERE project_id = \(bind: projectId)").all()
                .map { try $0.decode(column: "item_code", as: String.self) })
            for item in catalog where item.appliesTo.contains(type) && item.validity.isValid(on: today) && !existing.contains(item.code) {
                try await Self.insertItem(projectId: projectId, code: item.code, now: now, db: db)
            }
            try await LedgerGeneration.bump(db, project: projectId)
            try await AuditLog.write(entity: "project", entityId: String(projectId), action: "approval-plan", before: nil,
                                     after: AuditLog.json(["type": type.rawValue, "targetStart": targetStart?.iso ?? ""]), actor: actor, now: now, db: db)
        }
    }

    /// Adds one catalogue item to a project (one not implied by its type).
    public func addItem(projectId: Int64, code: String, actor: AuditActor, now: Date) async throws {
        try await database.transaction { db in
            guard try await db.raw("SELECT code FROM approval_items WHERE code = \(bind: code)").first() != nil else {
                throw StoreError.invalid(ValidationFailure([FieldError("itemCode", .unknownCode(field: "itemCode", code: code))]))
            }
            guard try await db.raw("SELECT id FROM project_approvals WHERE project_id = \(bind: projectId) AND item_code = \(bind: code)").first() == nil else {
                throw StoreError.invalid(ValidationFailure([FieldError("itemCode", .approvalItemPresent)]))
            }
            try await Self.insertItem(projectId: projectId, code: code, now: now, db: db)
            try await LedgerGeneration.bump(db, project: projectId)
            try await AuditLog.write(entity: "project", entityId: String(projectId), action: "approval-item-add", before: nil,
                                     after: AuditLog.json(["item": code]), actor: actor, now: now, db: db)
        }
    }

    static func insertItem(projectId: Int64, code: String, now: Date, db: any SQLDatabase) async throws {
        let stamp = StoredTime.text(now)
        try await db.raw("""
            INSERT INTO project_approvals (project_id, item_code, status, created_at, updated_at, version)
            VALUES (\(bind: projectId), \(bind: code), 'notStarted', \(bind: stamp), \(bind: stamp), 1)
            """).run()
    }

    public func approvals(projectId: Int64) async throws -> [ProjectApproval] {
        let rows = try await database.reader.raw("SELECT * FROM project_approvals WHERE project_id = \(bind: projectId) ORDER BY id").all()
        return try await Self.approvals(rows, db: database.reader)
    }

    public func approval(id: Int64) async throws -> ProjectApproval? {
        try await Self.load(id: id, db: database.reader)
    }

    static func load(id: Int64, db: any SQLDatabase) async throws -> ProjectApproval? {
        guard let row = try await db.raw("SELECT * FROM project_approvals WHERE id = \(bind: id)").first() else { return nil }
        return try await approvals([row], db: db).first
    }

    static func approvals(_ rows: [any SQLRow], db: any SQLDatabase) async throws -> [ProjectApproval] {
        let ids = try rows.map { try $0.decode(column: "id", as: Int64.self) }
        var pauses: [Int64: [ApprovalPause]] = [:]
        for chunk in ids.chunked(into: Self.idsPerQuery) {
            for row in try await db.raw("SELECT * FROM approval_pauses WHERE approval_id IN (\(binds: Array(chunk))) ORDER BY id").all() {
                guard let from = Day.parse(try row.decode(column: "from_day", as: String.self)) else { continue }
                pauses[try row.decode(column: "approval_id", as: Int64.self), default: []].append(ApprovalPause(
                    reason: try row.decode(column: "reason", as: String.self), from: from,
                    to: try row.decode(column: "to_day", as: String?.self).flatMap(Day.parse)
                ))
            }
        }
        return try rows.map { row in
            let id = try row.decode(column: "id", as: Int64.self)
            func day(_ column: String) throws -> Day? { try row.decode(column: column, as: String?.self).flatMap(Day.parse) }
            return ProjectApproval(
                id: id,
                projectId: try row.decode(column: "project_id", as: Int64.self),
                itemCode: try row.decode(column: "item_code", as: String.self),
                status: ApprovalStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .notStarted,
                statusBeforePause: try row.decode(column: "status_before_pause", as: String?.self).flatMap(ApprovalStatus.init(rawValue:)),
                appliedOn: try day("applied_on"), acceptedOn: try day("accepted_on"), supplementDue: try day("supplement_due"),
                missingMaterials: try row.decode(column: "missing_materials", as: String.self),
                decidedOn: try day("decided_on"),
                documentNumber: try row.decode(column: "document_number", as: String.self),
                pauses: pauses[id] ?? [],
                note: try row.decode(column: "note", as: String.self),
                version: try row.decode(column: "version", as: Int.self)
            )
        }
    }

    // MARK: Events

    /// Applies an event under the rules, with the version the caller read; the event, its
    /// reason and an audit row are written in the same transaction.
    public func record(id: Int64, expectedVersion: Int, _ event: ApprovalEvent, actor: AuditActor, today: Day, now: Date) async throws -> ProjectApproval {
        try await Self.step(actor: actor, today: today, now: now).run(event, id: id, expectedVersion: expectedVersion, actor: actor, now: now, in: database)
    }

    /// An approval item's workflow step: `ApprovalRules` decide; the pauses, the event row and the
    /// ledger's generation follow (the ledger shows the clock).
    static func step(actor: AuditActor, today: Day, now: Date) -> WorkflowStep<ProjectApproval, ApprovalEvent> {
        WorkflowStep(
            entity: "approval",
            load: { id, db in try await load(id: id, db: db) },
            id: \.id, version: \.version,
            decide: { event, current in ApprovalRules.apply(event, to: current, today: today) },
            update: { next, current, db in
                try await db.raw("""
                    UPDATE project_approvals SET status = \(bind: next.status.rawValue), status_before_pause = \(bind: next.statusBeforePause?.rawValue),
                        applied_on = \(bind: next.appliedOn?.iso), accepted_on = \(bind: next.acceptedOn?.iso), supplement_due = \(bind: next.supplementDue?.iso),
                        missing_materials = \(bind: next.missingMaterials), decided_on = \(bind: next.decidedOn?.iso),
                        document_number = \(bind: next.documentNumber), updated_at = \(bind: StoredTime.text(now)), version = version + 1
                    WHERE id = \(bind: current.id) AND version = \(bind: current.version)
                    """).run()
                if next.pauses != current.pauses {
                    try await db.raw("DELETE FROM approval_pauses WHERE approval_id = \(bind: current.id)").run()
                    for pause in next.pauses {
                        try await db.raw("""
                            INSERT INTO approval_pauses (approval_id, reason, from_day, to_day)
                            VALUES (\(bind: current.id), \(bind: pause.reason), \(bind: pause.from.iso), \(bind: pause.to?.iso))
                            """).run()
                    }
                }
            },
            follow: { event, saved, _, db in
                let detail = try AuditLog.json(eventDetail(event)) ?? ""
                try await db.raw("""
                    INSERT INTO approval_events (approval_id, kind, detail, reason, actor_user_id, actor_name, at)
                    VALUES (\(bind: saved.id), \(bind: event.kind.rawValue), \(bind: detail), \(bind: TextNormalizer.collapsedLine(event.reason)),
                            \(bind: actor.userId), \(bind: actor.name), \(bind: StoredTime.text(now)))
                    """).run()
                try await LedgerGeneration.bump(db, project: saved.projectId)
            },
            action: { $0.kind.rawValue },
            reason: { $0.reason }
        )
    }

    static func eventDetail(_ event: ApprovalEvent) -> [String: String] {
        switch event {
        case .apply(let on), .accept(let on), .supplementReceived(let on), .acceptByCommitment(let on), .resume(let on): ["on": on.iso]
        case .acceptWithDeficiency(let on, let due, _): ["on": on.iso, "supplementDue": due.iso]
        case .pause(let from, _): ["from": from.iso]
        case .approve(let on, _), .reject(let on, _): ["on": on.iso]
        case .notNeeded: [:]
        case .correct(let applied, let accepted, let decided, _):
            ["appliedOn": applied?.iso ?? "", "acceptedOn": accepted?.iso ?? "", "decidedOn": decided?.iso ?? ""]
        }
    }

    public func events(approvalIds: [Int64]) async throws -> [ApprovalEventRecord] {
        var records: [ApprovalEventRecord] = []
        for chunk in approvalIds.chunked(into: Self.idsPerQuery) {
            records += try await events(chunk: Array(chunk))
        }
        return records
    }

    /// PostgreSQL takes at most 65,535 parameters in a statement, and a province-wide list has more items than that.
    static let idsPerQuery = 1_000

    private func events(chunk: [Int64]) async throws -> [ApprovalEventRecord] {
        try await database.reader.raw("SELECT * FROM approval_events WHERE approval_id IN (\(binds: chunk)) ORDER BY id").all().map { row in
            ApprovalEventRecord(
                id: try row.decode(column: "id", as: Int64.self),
                approvalId: try row.decode(column: "approval_id", as: Int64.self),
                kind: try row.decode(column: "kind", as: String.self),
                detail: try row.decode(column: "detail", as: String.self),
                reason: try row.decode(column: "reason", as: String.self),
                actor: try row.decode(column: "actor_name", as: String.self),
                at: try StoredTime.decode(row, "at")
            )
        }
    }

    // MARK: Lists

    /// Approval items of projects in `scope`, and of any project for items handled by
    /// `departments` (an approving department works on projects it does not lead).
    /// Changes with every change to projects or approvals: a key for figures computed from them.
    public func generation() async throws -> Int64 {
        try await LedgerGeneration.current(database.reader)
    }

    /// `decidedFrom`: only items decided on or after that day.
    public func listings(scope: ProjectScope, departments: Set<String>, openOnly: Bool, decidedFrom: Day? = nil) async throws -> [ApprovalListing] {
        let filter = ApprovalListingFilter(openOnly: openOnly, decidedFrom: decidedFrom)
        let items = Dictionary(uniqueKeysWithValues: try await ApprovalCatalogRepository(database: database).items().map { ($0.code, $0) })
        if scope.isEverything, departments.isEmpty, let snapshot = try await database.projectSnapshot.snapshot(database) {
            return snapshot.approvalListings(filter, items: items)
        }
        return try await readListings(scope: scope, departments: departments, filter, items: items)
    }

    /// The projects with an item still open (the open queue's items, whoever decides them): the
    /// 四率 count them among the projects a reader sees. Walked where the items are held, not
    /// listed, read on the clock and sorted as the queue is.
    public func projectsWithOpenItems(of ids: Set<Int64>? = nil) async throws -> Set<Int64> {
        var projects = Set<Int64>()
        try await eachUnlisted(scope: .everything, ApprovalListingFilter(openOnly: true), of: ids) { approval, _ in projects.insert(approval.projectId) }
        return projects
    }

    /// Every item decided on or after `day`, on time or late by its clock on the day it was
    /// decided: what the ranking counts.
    func decided(from day: Day, calendar: WorkingCalendar, of ids: Set<Int64>? = nil) async throws -> [DecidedApproval] {
        var decided: [DecidedApproval] = []
        try await eachUnlisted(scope: .everything, ApprovalListingFilter(openOnly: false, decidedFrom: day), of: ids) { approval, item in
            guard let on = approval.decidedOn else { return }
            let state = ApprovalClock.read(approval, item: item, calendar: calendar, today: on).state
            guard state == .doneOnTime || state == .doneLate else { return }
            decided.append(DecidedApproval(projectId: approval.projectId, departmentCode: item.departmentCode, decidedOn: on, onTime: state == .doneOnTime))
        }
        return decided
    }

    /// The items `filter` keeps within `scope` with their catalogue entries, in no particular order
    /// and not copied out: the figures count them, and at a province's scale a listing's names,
    /// sorting and copies were a tenth of the ranking's time.
    func eachUnlisted(scope: ProjectScope, _ filter: ApprovalListingFilter, of ids: Set<Int64>? = nil,
                              _ body: (ProjectApproval, ApprovalItem) -> Void) async throws {
        let items = Dictionary(uniqueKeysWithValues: try await ApprovalCatalogRepository(database: database).items().map { ($0.code, $0) })
        guard scope.isEverything, let snapshot = try await database.projectSnapshot.snapshot(database) else {
            var filter = filter
            filter.projects = ids
            for listing in try await readListings(scope: scope, departments: [], filter, items: items) { body(listing.approval, listing.item) }
            return
        }
        snapshot.eachApproval(filter, items: items, of: ids) { _, approval, item in body(approval, item) }
    }

    /// The listings from SQL.
    func readListings(scope: ProjectScope, departments: Set<String>, _ filter: ApprovalListingFilter, items: [String: ApprovalItem]) async throws -> [ApprovalListing] {
        var reach = ProjectRepository.scopeClause(scope)
        if !departments.isEmpty { reach = "(\(reach) OR i.department_code IN (\(binds: departments.sorted())))" }
        let rows = try await database.reader.raw("""
            SELECT a.*, projects.name AS project_name, projects.region_code AS project_region
            FROM project_approvals a
            JOIN projects ON projects.id = a.project_id
            JOIN approval_items i ON i.code = a.item_code
            WHERE \(reach) \(filter.sql)
            ORDER BY a.id
            """).all()
        let approvals = try await Self.approvals(rows, db: database.reader)
        return try zip(rows, approvals).compactMap { row, approval in
            guard let item = items[approval.itemCode] else { return nil }
            return ApprovalListing(approval: approval, item: item, projectName: try row.decode(column: "project_name", as: String.self),
                                   regionCode: try row.decode(column: "project_region", as: String.self))
        }
    }
}
