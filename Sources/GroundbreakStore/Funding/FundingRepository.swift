import Foundation
import GroundbreakDomain
import SQLKit

/// Applications for upper-level money with their projects, checklist answers and events. Every
/// change is one transaction with its event and audit row, under the application's version.
public struct FundingRepository: Sendable {
    public let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// The channels, their checklists and the maturity ladder (`funding_catalog.json`), refused by name when unusable.
    public static func catalog() throws -> FundingCatalog {
        let catalog = try ReferenceDataLoader.bundledJSON("funding_catalog.json", as: FundingCatalog.self)
        guard catalog.problems.isEmpty else {
            throw ReferenceDataLoader.BadReferenceFile(file: "funding_catalog.json", reason: catalog.problems.joined(separator: "; "))
        }
        return catalog
    }

    /// Keeps a new application in 谋划 with its `created` event: its projects must exist, its batch
    /// (when named) must be the channel's.
    public func create(_ draft: FundingApplication, catalog: FundingCatalog, reference: ReferenceCatalog, actor: AuditActor, today: Day,
                       now: Date) async throws -> FundingApplication {
        let checked = try Self.checked(draft, catalog: catalog, reference: reference, today: today)
        return try await database.transaction { db in
            try await Self.load(id: try await Self.insert(checked, catalog: catalog, actor: actor, now: now, db: db), db: db)!
        }
    }

    /// A new application as kept: its text tidied, in 谋划, or every reason it cannot be.
    static func checked(_ draft: FundingApplication, catalog: FundingCatalog, reference: ReferenceCatalog, today: Day) throws -> FundingApplication {
        var draft = draft
        draft.title = TextNormalizer.collapsedLine(draft.title)
        draft.handlerName = TextNormalizer.collapsedLine(draft.handlerName)
        draft.state = .planning
        draft.stateSince = draft.createdOn
        let errors = FundingRules.problems(draft, catalog: catalog, reference: reference, today: today)
        guard errors.isEmpty else { throw StoreError.invalid(ValidationFailure(errors)) }
        return draft
    }

    /// The draft with its batch's 专项 when it names none; its projects must exist and its batch be the channel's.
    static func referencesChecked(_ checked: FundingApplication, db: any SQLDatabase) async throws -> FundingApplication {
        var draft = checked
        let ids = draft.projects.map(\.projectId)
        let found = Set(try await db.raw("SELECT id FROM projects WHERE id IN (\(binds: ids))").all().map { try $0.decode(column: "id", as: Int64.self) })
        if let missing = ids.first(where: { !found.contains($0) }) {
            throw StoreError.invalid(ValidationFailure([FieldError("projects", .unknownCode(field: "projects", code: String(missing)))]))
        }
        if let windowId = draft.windowId {
            guard let window = try await Self.window(id: windowId, db: db), window.channelCode == draft.channelCode else {
                throw StoreError.invalid(ValidationFailure([FieldError("window", .fixed(FundingText.windowNotOfChannel))]))
            }
            if draft.programme.isEmpty { draft.programme = window.programme }
        }
        return draft
    }

    static func insert(_ checked: FundingApplication, catalog: FundingCatalog, actor: AuditActor, now: Date, db: any SQLDatabase) async throws -> Int64 {
        let draft = try await referencesChecked(checked, db: db)
        let id = try await db.raw("""
            INSERT INTO funding_applications (title, channel, programme, window_id, unit_kind, unit_code, handler_name, state, state_since, created_on, version)
            VALUES (\(bind: draft.title), \(bind: draft.channelCode), \(bind: draft.programme), \(bind: draft.windowId), \(bind: draft.unit.kind.rawValue),
                    \(bind: draft.unit.code), \(bind: draft.handlerName), 'planning', \(bind: draft.createdOn.iso), \(bind: draft.createdOn.iso), 1)
            RETURNING id
            """).first()!.decode(column: "id", as: Int64.self)
        for project in draft.projects {
            try await db.raw("""
                INSERT INTO funding_application_projects (application_id, project_id, asked_yuan) VALUES (\(bind: id), \(bind: project.projectId), \(bind: project.asked.yuan))
                """).run()
        }
        try await Self.insert(FundingEvent(applicationId: id, kind: .created, on: draft.createdOn, amount: draft.asked, actorName: actor.name), now: now, db: db)
        try await AuditLog.write(entity: "funding", entityId: String(id), action: "create", before: nil,
                                 after: "\(draft.title)（\(catalog.channelName(draft.channelCode))）", actor: actor, now: now, db: db)
        return id
    }

    /// Changes what an application asks for before it is decided — its title, 专项, batch, handler,
    /// projects and amounts (its channel, unit and day stay) — at `expectedVersion`, with a note in
    /// its history and an audit row.
    public func revise(_ draft: FundingApplication, applicationId: Int64, expectedVersion: Int, catalog: FundingCatalog, reference: ReferenceCatalog, actor: AuditActor,
                       today: Day, now: Date) async throws -> FundingApplication {
        try await database.transaction { db in
            let current = try await Self.current(applicationId, expectedVersion: expectedVersion, db: db)
            guard FundingRules.revisable(current.state) else { throw StoreError.invalid(ValidationFailure([FieldError("projects", .fixed(FundingText.notRevisable))])) }
            var revised = draft
            revised.channelCode = current.channelCode
            revised.unit = current.unit
            revised.createdOn = current.createdOn
            revised = try Self.checked(revised, catalog: catalog, reference: reference, today: today)
            revised = try await Self.referencesChecked(revised, db: db)
            try await db.raw("""
                UPDATE funding_applications SET title = \(bind: revised.title), programme = \(bind: revised.programme), window_id = \(bind: revised.windowId),
                    handler_name = \(bind: revised.handlerName), version = version + 1
                WHERE id = \(bind: applicationId)
                """).run()
            try await db.raw("DELETE FROM funding_application_projects WHERE application_id = \(bind: applicationId)").run()
            for project in revised.projects {
                try await db.raw("""
                    INSERT INTO funding_application_projects (application_id, project_id, asked_yuan) VALUES (\(bind: applicationId), \(bind: project.projectId), \(bind: project.asked.yuan))
                    """).run()
            }
            let note = FundingText.revised(projects: revised.projects.count, asked: revised.asked)
            try await Self.insert(FundingEvent(applicationId: applicationId, kind: .note, on: today, note: note, actorName: actor.name), now: now, db: db)
            try await AuditLog.write(entity: "funding", entityId: String(applicationId), action: "revise",
                                     before: "\(current.projects.map { "\($0.projectId)=\($0.asked.yuan)" }.joined(separator: ",")) \(current.title)",
                                     after: "\(revised.projects.map { "\($0.projectId)=\($0.asked.yuan)" }.joined(separator: ",")) \(revised.title)", actor: actor, now: now, db: db)
            return try await Self.load(id: applicationId, db: db)!
        }
    }

    /// Records `event` on the application at `expectedVersion`.
    public func record(_ event: FundingEvent, applicationId: Int64, expectedVersion: Int, actor: AuditActor, today: Day, now: Date) async throws -> FundingApplication {
        try await database.transaction { db in
            try await Self.apply(event, applicationId: applicationId, expectedVersion: expectedVersion, actor: actor, today: today, now: now, db: db)
            return try await Self.load(id: applicationId, db: db)!
        }
    }

    static func apply(_ event: FundingEvent, applicationId: Int64, expectedVersion: Int, actor: AuditActor, today: Day, now: Date, db: any SQLDatabase) async throws {
        let current = try await Self.current(applicationId, expectedVersion: expectedVersion, db: db)
        var event = event
        event.applicationId = applicationId
        event.actorName = actor.name
        event.note = TextNormalizer.collapsedLine(event.note)
        let next: FundingApplication
        switch FundingRules.apply(event, to: current, today: today) {
        case .success(let applied): next = applied
        case .failure(let failure): throw StoreError.invalid(failure)
        }
        try await db.raw("""
            UPDATE funding_applications SET state = \(bind: next.state.rawValue), state_since = \(bind: next.stateSince.iso),
                submitted_on = \(bind: next.submittedOn?.iso), approved_yuan = \(bind: next.approved?.yuan), version = version + 1
            WHERE id = \(bind: applicationId)
            """).run()
        try await Self.insert(event, now: now, db: db)
        try await AuditLog.write(entity: "funding", entityId: String(applicationId), action: event.kind.rawValue, before: current.state.rawValue,
                                 after: "\(next.state.rawValue) \(event.amount.map { String($0.yuan) } ?? "") \(event.note)", actor: actor, now: now, db: db)
    }

    /// A 向上资金 application list's rows in one transaction: each reserve project the ledger lacked
    /// put on it, each application kept and brought where its row says (申报, and 入选, 下达, 到位
    /// with the money), then the import's record. Any refusal rolls the whole file back.
    public func importApplications(_ writes: [FundingImportWrite], record: ImportRecord, catalog: FundingCatalog, reference: ReferenceCatalog, visible: ProjectScope,
                                   actor: AuditActor, today: Day, now: Date) async throws -> ImportRecord {
        let note = AuditText.imported(fileName: record.fileName).zh
        return try await database.transaction { db in
            for write in writes {
                var application = write.application
                let projectId = try await ProjectRepository.listed(write.target, visible: visible, actor: actor, catalog: reference, today: today, now: now, db: db,
                                                                   reason: note)
                application.projects = application.projects.map { AppliedProject(projectId: projectId, asked: $0.asked) }
                let id = try await Self.insert(try Self.checked(application, catalog: catalog, reference: reference, today: today), catalog: catalog, actor: actor,
                                               now: now, db: db)
                for (offset, event) in write.events.enumerated() {
                    var event = event
                    event.note = note
                    try await Self.apply(event, applicationId: id, expectedVersion: offset + 1, actor: actor, today: today, now: now, db: db)
                }
            }
            return try await ImportRepository.record(record, actor: actor, now: now, db: db)
        }
    }

    /// One answer to a checklist line: met or not with its evidence, or nil to take it back (the
    /// line is then read from the data again).
    public struct AnswerWrite: Sendable, Equatable {
        public var itemCode: String
        public var met: Bool?
        public var evidence: String

        public init(itemCode: String, met: Bool?, evidence: String) {
            self.itemCode = itemCode
            self.met = met
            self.evidence = evidence
        }
    }

    /// Keeps the applicant's answers to the channel's checklist: a line it does not have is refused,
    /// a line answered met needs its evidence.
    public func answer(_ writes: [AnswerWrite], applicationId: Int64, expectedVersion: Int, catalog: FundingCatalog, actor: AuditActor,
                       now: Date) async throws -> FundingApplication {
        try await database.transaction { db in
            let current = try await Self.current(applicationId, expectedVersion: expectedVersion, db: db)
            let items = Set(catalog.channel(current.channelCode)?.checklist.map(\.code) ?? [])
            var errors: [FieldError] = []
            if writes.isEmpty { errors.append(FieldError("answers", .required(field: "answers"))) }
            for write in writes {
                if !items.contains(write.itemCode) { errors.append(FieldError("answers", .unknownCode(field: "answers", code: String(write.itemCode.prefix(40))))) }
                let evidence = TextNormalizer.collapsedLine(write.evidence)
                if write.met == true && evidence.isEmpty { errors.append(FieldError("evidence", .fixed(FundingText.evidenceRequired(write.itemCode)))) }
                if evidence.count > 500 { errors.append(FieldError("evidence", .tooLong(field: "evidence", max: 500))) }
            }
            guard errors.isEmpty else { throw StoreError.invalid(ValidationFailure(errors)) }
            for write in writes {
                try await db.raw("DELETE FROM funding_checklist WHERE application_id = \(bind: applicationId) AND item_code = \(bind: write.itemCode)").run()
                if let met = write.met {
                    try await db.raw("""
                        INSERT INTO funding_checklist (application_id, item_code, met, evidence, recorded_by, recorded_at)
                        VALUES (\(bind: applicationId), \(bind: write.itemCode), \(bind: met ? 1 : 0), \(bind: TextNormalizer.collapsedLine(write.evidence)),
                                \(bind: actor.name), \(bind: StoredTime.text(now)))
                        """).run()
                }
            }
            try await db.raw("UPDATE funding_applications SET version = version + 1 WHERE id = \(bind: applicationId)").run()
            try await AuditLog.write(entity: "funding", entityId: String(applicationId), action: "checklist", before: nil,
                                     after: writes.map { "\($0.itemCode)=\($0.met.map { $0 ? "1" : "0" } ?? "-")" }.joined(separator: " "), actor: actor, now: now, db: db)
            return try await Self.load(id: applicationId, db: db)!
        }
    }

    public func application(id: Int64) async throws -> FundingApplication? {
        try await Self.load(id: id, db: database.reader)
    }

    /// Every application `reach` sees, newest first.
    public func applications(reach: FundingReach) async throws -> [FundingApplication] {
        guard !reach.isEmpty else { return [] }
        return try await Self.rows(where: "1 = 1", db: database.reader).filter(reach.sees)
    }

    /// The applications that carry `projectId`, for its page.
    public func applications(projectId: Int64) async throws -> [FundingApplication] {
        try await Self.rows(where: "a.id IN (SELECT application_id FROM funding_application_projects WHERE project_id = \(bind: projectId))", db: database.reader)
    }

    static func current(_ id: Int64, expectedVersion: Int, db: any SQLDatabase) async throws -> FundingApplication {
        guard let current = try await load(id: id, db: db) else { throw StoreError.notFound }
        guard current.version == expectedVersion else { throw StoreError.conflict(currentVersion: current.version) }
        return current
    }

    static func insert(_ event: FundingEvent, now: Date, db: any SQLDatabase) async throws {
        try await db.raw("""
            INSERT INTO funding_events (application_id, kind, happened_on, yuan, note, actor_name, recorded_at)
            VALUES (\(bind: event.applicationId), \(bind: event.kind.rawValue), \(bind: event.on.iso), \(bind: event.amount?.yuan), \(bind: event.note),
                    \(bind: event.actorName), \(bind: StoredTime.text(now)))
            """).run()
    }

    static func load(id: Int64, db: any SQLDatabase) async throws -> FundingApplication? {
        try await rows(where: "a.id = \(bind: id)", db: db).first
    }

    /// The applications matching `condition` with their projects, events and answers (three more
    /// reads for all of them, not three per application).
    static func rows(where condition: SQLQueryString, db: any SQLDatabase) async throws -> [FundingApplication] {
        var applications = try await db.raw("SELECT a.* FROM funding_applications a WHERE \(condition) ORDER BY a.created_on DESC, a.id DESC").all().compactMap(application)
        guard !applications.isEmpty else { return [] }
        let within: SQLQueryString = "application_id IN (SELECT a.id FROM funding_applications a WHERE \(condition))"
        var projects: [Int64: [AppliedProject]] = [:], events: [Int64: [FundingEvent]] = [:], answers: [Int64: [ChecklistAnswer]] = [:]
        for row in try await db.raw("SELECT * FROM funding_application_projects WHERE \(within) ORDER BY application_id, project_id").all() {
            projects[try row.decode(column: "application_id", as: Int64.self), default: []].append(
                AppliedProject(projectId: try row.decode(column: "project_id", as: Int64.self), asked: Money(yuan: try row.decode(column: "asked_yuan", as: Int64.self))))
        }
        for row in try await db.raw("SELECT * FROM funding_events WHERE \(within) ORDER BY happened_on, id").all() {
            guard let kind = FundingEvent.Kind(rawValue: try row.decode(column: "kind", as: String.self)),
                  let on = Day.parse(try row.decode(column: "happened_on", as: String.self)) else { continue }
            let applicationId = try row.decode(column: "application_id", as: Int64.self)
            events[applicationId, default: []].append(FundingEvent(
                id: try row.decode(column: "id", as: Int64.self), applicationId: applicationId, kind: kind, on: on,
                amount: try row.decodeNil(column: "yuan") ? nil : Money(yuan: try row.decode(column: "yuan", as: Int64.self)),
                note: try row.decode(column: "note", as: String.self), actorName: try row.decode(column: "actor_name", as: String.self)))
        }
        for row in try await db.raw("SELECT * FROM funding_checklist WHERE \(within) ORDER BY item_code").all() {
            answers[try row.decode(column: "application_id", as: Int64.self), default: []].append(
                ChecklistAnswer(itemCode: try row.decode(column: "item_code", as: String.self), met: try row.decode(column: "met", as: Int.self) != 0,
                                evidence: try row.decode(column: "evidence", as: String.self)))
        }
        for index in applications.indices {
            let id = applications[index].id
            applications[index].projects = projects[id] ?? []
            applications[index].events = events[id] ?? []
            applications[index].answers = answers[id] ?? []
        }
        return applications
    }

    static func application(_ row: any SQLRow) throws -> FundingApplication? {
        func day(_ column: String) throws -> Day? { try row.decodeNil(column: column) ? nil : Day.parse(try row.decode(column: column, as: String.self)) }
        guard let unitKind = OrgUnit.Kind(rawValue: try row.decode(column: "unit_kind", as: String.self)),
              let state = FundingState(rawValue: try row.decode(column: "state", as: String.self)),
              let createdOn = try day("created_on"), let stateSince = try day("state_since") else { return nil }
        return FundingApplication(
            id: try row.decode(column: "id", as: Int64.self), title: try row.decode(column: "title", as: String.self), channelCode: try row.decode(column: "channel", as: String.self),
            programme: try row.decode(column: "programme", as: String.self),
            windowId: try row.decodeNil(column: "window_id") ? nil : try row.decode(column: "window_id", as: Int64.self),
            unit: OrgUnit(kind: unitKind, code: try row.decode(column: "unit_code", as: String.self)), handlerName: try row.decode(column: "handler_name", as: String.self),
            projects: [], state: state, stateSince: stateSince, createdOn: createdOn, submittedOn: try day("submitted_on"),
            approved: try row.decodeNil(column: "approved_yuan") ? nil : Money(yuan: try row.decode(column: "approved_yuan", as: Int64.self)),
            version: try row.decode(column: "version", as: Int.self))
    }
}
