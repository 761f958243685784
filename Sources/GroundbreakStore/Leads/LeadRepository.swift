import Foundation
import GroundbreakDomain
import SQLKit

/// Investors, leads and their events. Every change is one transaction with its event and audit row.
public struct LeadRepository: Sendable {
    public let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// The pipeline's stages, channels, rates and clocks (`lead_catalog.json`), refused by name when unusable.
    public static func catalog() throws -> LeadCatalog {
        let catalog = try ReferenceDataLoader.bundledJSON("lead_catalog.json", as: LeadCatalog.self)
        guard catalog.problems.isEmpty else {
            throw ReferenceDataLoader.BadReferenceFile(file: "lead_catalog.json", reason: catalog.problems.joined(separator: "; "))
        }
        return catalog
    }

    /// Keeps a new lead at the first stage with its `created` event. The investor is found by
    /// credit code, else by exact name, else added.
    public func create(_ draft: Lead, catalog: LeadCatalog, reference: ReferenceCatalog, actor: AuditActor, today: Day, now: Date) async throws -> Lead {
        let lead = try Self.checked(draft, catalog: catalog, reference: reference, today: today)
        return try await database.transaction { db in
            try await Self.load(id: try await Self.insert(lead, reference: reference, actor: actor, now: now, db: db), db: db)!
        }
    }

    /// A new lead as kept: its text tidied, at the first stage, or every reason it cannot be.
    static func checked(_ draft: Lead, catalog: LeadCatalog, reference: ReferenceCatalog, today: Day) throws -> Lead {
        var draft = draft
        draft.title = TextNormalizer.collapsedLine(draft.title)
        draft.investor.name = TextNormalizer.collapsedLine(draft.investor.name)
        draft.investor.creditCode = draft.investor.creditCode.map { $0.trimmingCharacters(in: .whitespaces).uppercased() }.flatMap { $0.isEmpty ? nil : $0 }
        draft.stageCode = catalog.firstStage
        draft.stageSince = draft.createdOn
        let errors = LeadRules.problems(draft, leads: catalog, reference: reference, today: today)
        guard errors.isEmpty else { throw StoreError.invalid(ValidationFailure(errors)) }
        return draft
    }

    static func insert(_ lead: Lead, reference: ReferenceCatalog, actor: AuditActor, now: Date, db: any SQLDatabase) async throws -> Int64 {
        if let seat = lead.sponsorSeat, try await db.raw("SELECT id FROM positions WHERE id = \(bind: seat)").first() == nil {
            throw StoreError.invalid(ValidationFailure([FieldError("sponsorSeat", .unknownCode(field: "sponsorSeat", code: String(seat)))]))
        }
        let regions = LeadRules.schemeRegions(of: lead.unit, reference: reference)
        if let classId = lead.schemeClassId, try await db.raw("""
            SELECT c.id FROM scheme_classes c JOIN classification_schemes s ON s.id = c.scheme_id
            WHERE c.id = \(bind: classId) AND s.region_code IN (\(binds: regions.isEmpty ? [""] : regions.sorted()))
            """).first() == nil {
            throw StoreError.invalid(ValidationFailure([FieldError("schemeClass", .unknownCode(field: "schemeClass", code: String(classId)))]))
        }
        let investorId = try await investor(lead.investor, db: db)
        let id = try await db.raw("""
            INSERT INTO leads (title, investor_id, industry_division, scheme_class_id, intended_yuan, channel, unit_kind, unit_code, handler_name, sponsor_seat,
                               confidential, stage, stage_since, status, status_reason, created_on, last_activity_on, version)
            VALUES (\(bind: lead.title), \(bind: investorId), \(bind: lead.industryDivision.flatMap { $0.isEmpty ? nil : $0 }), \(bind: lead.schemeClassId),
                    \(bind: lead.intendedInvestment.yuan), \(bind: lead.channelCode), \(bind: lead.unit.kind.rawValue), \(bind: lead.unit.code),
                    \(bind: TextNormalizer.collapsedLine(lead.handlerName)), \(bind: lead.sponsorSeat), \(bind: lead.confidential ? 1 : 0), \(bind: lead.stageCode),
                    \(bind: lead.createdOn.iso), 'active', '', \(bind: lead.createdOn.iso), \(bind: lead.createdOn.iso), 1)
            RETURNING id
            """).first()!.decode(column: "id", as: Int64.self)
        try await insert(LeadEvent(leadId: id, kind: .created, stageCode: lead.stageCode, on: lead.createdOn, actorName: actor.name), now: now, db: db)
        try await AuditLog.write(entity: "lead", entityId: String(id), action: "create", before: nil, after: "\(lead.title)（\(lead.investor.name)）",
                                 actor: actor, now: now, db: db)
        return id
    }

    /// Does `action` to the lead at `expectedVersion`, with its event.
    public func record(_ action: LeadAction, leadId: Int64, expectedVersion: Int, catalog: LeadCatalog, actor: AuditActor, today: Day,
                       now: Date) async throws -> Lead {
        try await database.transaction { db in
            try await Self.apply(action, leadId: leadId, expectedVersion: expectedVersion, catalog: catalog, actor: actor, today: today, now: now, db: db)
            return try await Self.load(id: leadId, db: db)!
        }
    }

    static func apply(_ action: LeadAction, leadId: Int64, expectedVersion: Int, catalog: LeadCatalog, actor: AuditActor, today: Day, now: Date,
                      db: any SQLDatabase) async throws {
        let current = try await Self.current(leadId, expectedVersion: expectedVersion, db: db)
        let next: Lead, event: LeadEvent
        switch LeadRules.apply(action, to: current, catalog: catalog, actor: actor.name, today: today) {
        case .success(let applied): (next, event) = applied
        case .failure(let failure): throw StoreError.invalid(failure)
        }
        try await db.raw("""
            UPDATE leads SET stage = \(bind: next.stageCode), stage_since = \(bind: next.stageSince.iso), status = \(bind: next.status.rawValue),
                status_reason = \(bind: next.statusReason), signed_on = \(bind: next.signing?.on.iso), signed_yuan = \(bind: next.signing?.amount.yuan),
                contract_kind = \(bind: next.signing?.contract.rawValue), capital = \(bind: next.signing?.capital.rawValue),
                registered_credit_code = \(bind: next.registeredCreditCode), first_action_on = \(bind: next.firstActionOn?.iso),
                assessed_on = \(bind: next.assessedOn?.iso), last_activity_on = \(bind: next.lastActivityOn.iso), version = version + 1
            WHERE id = \(bind: leadId)
            """).run()
        try await insert(event, now: now, db: db)
        try await AuditLog.write(entity: "lead", entityId: String(leadId), action: event.kind.rawValue, before: current.stageCode,
                                 after: "\(next.stageCode) \(next.status.rawValue) \(event.note)", actor: actor, now: now, db: db)
    }

    /// A 签约项目台账's rows in one transaction: each new lead kept and moved to its signing, each
    /// lead followed moved to its signing at the version the preview read, the row's 进展 kept
    /// as a note; then the import's record. Any refusal or a lead changed meanwhile rolls the file back.
    public func importSignings(_ writes: [LeadSigningWrite], record: ImportRecord, catalog: LeadCatalog, reference: ReferenceCatalog, actor: AuditActor,
                               today: Day, now: Date) async throws -> ImportRecord {
        guard let signed = catalog.signingStage else { throw StoreError.invalid(ValidationFailure([FieldError("stage", .fixed(LeadText.signingRequired))])) }
        let checked = try writes.map { write -> (LeadSigningWrite, Lead?) in
            if case .create(let draft) = write.target { return (write, try Self.checked(draft, catalog: catalog, reference: reference, today: today)) }
            return (write, nil)
        }
        return try await database.transaction { db in
            for (write, draft) in checked {
                var id: Int64, version: Int
                switch write.target {
                case .create: (id, version) = (try await Self.insert(draft!, reference: reference, actor: actor, now: now, db: db), 1)
                case .sign(let leadId, let expected): (id, version) = (leadId, expected)
                }
                try await Self.apply(.advance(to: signed, on: write.signing.on, note: AuditText.imported(fileName: record.fileName).zh, signing: write.signing,
                                              creditCode: nil),
                                     leadId: id, expectedVersion: version, catalog: catalog, actor: actor, today: today, now: now, db: db)
                if !write.progress.isEmpty {
                    try await Self.apply(.note(on: today, note: write.progress), leadId: id, expectedVersion: version + 1, catalog: catalog, actor: actor,
                                         today: today, now: now, db: db)
                }
            }
            return try await ImportRepository.record(record, actor: actor, now: now, db: db)
        }
    }

    /// Links the lead to the project it became on the ledger (or corrects the link), under its version.
    public func link(leadId: Int64, projectId: Int64, expectedVersion: Int, actor: AuditActor, today: Day, now: Date) async throws -> Lead {
        try await database.transaction { db in
            let current = try await Self.current(leadId, expectedVersion: expectedVersion, db: db)
            guard let project = try await db.raw("SELECT name FROM projects WHERE id = \(bind: projectId)").first() else {
                throw StoreError.invalid(ValidationFailure([FieldError("projectId", .fixed(LeadText.noProject))]))
            }
            try await Self.attach(current, projectId: projectId, name: try project.decode(column: "name", as: String.self), actor: actor, today: today, now: now, db: db)
            return try await Self.load(id: leadId, db: db)!
        }
    }

    /// Puts a landed lead on the ledger in one step: the project (in `LeadLanding.stage`, within
    /// the caller's create scope `allowed`) and the lead's link to it, in one transaction. A lead
    /// already linked is refused: its project is on the ledger.
    public func land(leadId: Int64, expectedVersion: Int, _ input: ProjectInput, allowed: ProjectScope, visible: ProjectScope, catalog: ReferenceCatalog,
                     actor: AuditActor, today: Day, now: Date) async throws -> (lead: Lead, project: Project) {
        let fields = try ProjectRepository.validated(input, stage: LeadLanding.stage, catalog: catalog, today: today)
        let initial = Lifecycle.checkInitial(stage: LeadLanding.stage, fields: fields)
        guard initial.isEmpty else { throw StoreError.invalid(ValidationFailure(initial)) }
        guard allowed.contains(Project(id: 0, fields: fields, stage: LeadLanding.stage, createdAt: now, updatedAt: now, version: 0)) else { throw StoreError.forbidden }
        return try await database.transaction { db in
            let current = try await Self.current(leadId, expectedVersion: expectedVersion, db: db)
            if current.projectId != nil { throw StoreError.invalid(ValidationFailure([FieldError("projectId", .fixed(LeadText.alreadyLinked))])) }
            let project = try await ProjectRepository.insert(fields, stage: LeadLanding.stage, visible: visible, actor: actor, catalog: catalog, now: now, db: db)
            try await Self.attach(current, projectId: project.id, name: project.fields.name, actor: actor, today: today, now: now, db: db)
            return (try await Self.load(id: leadId, db: db)!, project)
        }
    }

    static func current(_ leadId: Int64, expectedVersion: Int, db: any SQLDatabase) async throws -> Lead {
        guard let current = try await load(id: leadId, db: db) else { throw StoreError.notFound }
        guard current.version == expectedVersion else { throw StoreError.conflict(currentVersion: current.version) }
        return current
    }

    static func attach(_ lead: Lead, projectId: Int64, name: String, actor: AuditActor, today: Day, now: Date, db: any SQLDatabase) async throws {
        try await db.raw("""
            UPDATE leads SET project_id = \(bind: projectId), last_activity_on = \(bind: max(lead.lastActivityOn, today).iso), version = version + 1
            WHERE id = \(bind: lead.id)
            """).run()
        try await insert(LeadEvent(leadId: lead.id, kind: .linked, stageCode: lead.stageCode, on: today, note: name, actorName: actor.name), now: now, db: db)
        try await AuditLog.write(entity: "lead", entityId: String(lead.id), action: "link", before: lead.projectId.map(String.init), after: String(projectId),
                                 actor: actor, now: now, db: db)
    }

    /// Every lead's moves forward (day and stage moved into), oldest first: when each passed a stage.
    public func advances() async throws -> [Int64: [(on: Day, stage: String)]] {
        var moves: [Int64: [(on: Day, stage: String)]] = [:]
        for row in try await database.reader.raw("SELECT lead_id, happened_on, stage FROM lead_events WHERE kind = 'advanced' ORDER BY happened_on, id").all() {
            guard let day = Day.parse(try row.decode(column: "happened_on", as: String.self)) else { continue }
            moves[try row.decode(column: "lead_id", as: Int64.self), default: []].append((day, try row.decode(column: "stage", as: String.self)))
        }
        return moves
    }

    /// The leads that became `projectId`, for its page.
    public func leads(projectId: Int64) async throws -> [Lead] {
        try await Self.rows(where: "l.project_id = \(bind: projectId)", db: database.reader)
    }

    /// Every lead `reach` sees, newest first, from the rows kept in memory while the table has
    /// not changed (`KeptRows`).
    public func leads(reach: LeadReach) async throws -> [Lead] {
        guard !reach.isEmpty else { return [] }
        return try await database.leads.rows(database.reader) { try await Self.rows(where: "1 = 1", db: database.reader) }.filter(reach.sees)
    }

    public func lead(id: Int64) async throws -> Lead? {
        try await Self.load(id: id, db: database.reader)
    }

    public func events(leadId: Int64) async throws -> [LeadEvent] {
        try await database.reader.raw("SELECT * FROM lead_events WHERE lead_id = \(bind: leadId) ORDER BY happened_on, id").all().compactMap { row in
            guard let kind = LeadEvent.Kind(rawValue: try row.decode(column: "kind", as: String.self)),
                  let day = Day.parse(try row.decode(column: "happened_on", as: String.self)) else { return nil }
            return LeadEvent(id: try row.decode(column: "id", as: Int64.self), leadId: leadId, kind: kind, stageCode: try row.decode(column: "stage", as: String.self),
                             direction: try row.decodeNil(column: "direction") ? nil : LeadEvent.Direction(rawValue: try row.decode(column: "direction", as: String.self)),
                             on: day, note: try row.decode(column: "note", as: String.self), actorName: try row.decode(column: "actor_name", as: String.self))
        }
    }

    static func investor(_ investor: Investor, db: any SQLDatabase) async throws -> Int64 {
        if let code = investor.creditCode, let row = try await db.raw("SELECT id FROM investors WHERE credit_code = \(bind: code)").first() {
            return try row.decode(column: "id", as: Int64.self)
        }
        if investor.creditCode == nil, let row = try await db.raw("SELECT id FROM investors WHERE name = \(bind: investor.name) ORDER BY id LIMIT 1").first() {
            return try row.decode(column: "id", as: Int64.self)
        }
        return try await db.raw("""
            INSERT INTO investors (name, credit_code, kind, home_region) VALUES (\(bind: investor.name), \(bind: investor.creditCode), \(bind: investor.kind.rawValue),
                                                                                  \(bind: TextNormalizer.collapsedLine(investor.homeRegion)))
            RETURNING id
            """).first()!.decode(column: "id", as: Int64.self)
    }

    static func insert(_ event: LeadEvent, now: Date, db: any SQLDatabase) async throws {
        try await db.raw("""
            INSERT INTO lead_events (lead_id, kind, stage, direction, happened_on, note, actor_name, recorded_at)
            VALUES (\(bind: event.leadId), \(bind: event.kind.rawValue), \(bind: event.stageCode), \(bind: event.direction?.rawValue), \(bind: event.on.iso),
                    \(bind: event.note), \(bind: event.actorName), \(bind: StoredTime.text(now)))
            """).run()
    }

    static func load(id: Int64, db: any SQLDatabase) async throws -> Lead? {
        try await rows(where: "l.id = \(bind: id)", db: db).first
    }

    static func rows(where condition: SQLQueryString, db: any SQLDatabase) async throws -> [Lead] {
        try await db.raw("""
            SELECT l.*, i.name AS investor_name, i.credit_code AS investor_credit_code, i.kind AS investor_kind, i.home_region AS investor_home
            FROM leads l JOIN investors i ON i.id = l.investor_id WHERE \(condition) ORDER BY l.created_on DESC, l.id DESC
            """).all().compactMap(lead)
    }

    static func lead(_ row: any SQLRow) throws -> Lead? {
        func text(_ column: String) throws -> String? { try row.decodeNil(column: column) ? nil : try row.decode(column: column, as: String.self) }
        func day(_ column: String) throws -> Day? { try text(column).flatMap(Day.parse) }
        guard let unitKind = OrgUnit.Kind(rawValue: try row.decode(column: "unit_kind", as: String.self)),
              let status = LeadStatus(rawValue: try row.decode(column: "status", as: String.self)),
              let kind = Investor.Kind(rawValue: try row.decode(column: "investor_kind", as: String.self)),
              let createdOn = try day("created_on"), let stageSince = try day("stage_since") else { return nil }
        var signing: LeadSigning?
        if let on = try day("signed_on"), !(try row.decodeNil(column: "signed_yuan")),
           let contract = try text("contract_kind").flatMap(LeadSigning.Contract.init), let capital = try text("capital").flatMap(LeadSigning.Capital.init) {
            signing = LeadSigning(on: on, amount: Money(yuan: try row.decode(column: "signed_yuan", as: Int64.self)), contract: contract, capital: capital)
        }
        return Lead(
            id: try row.decode(column: "id", as: Int64.self), title: try row.decode(column: "title", as: String.self),
            investor: Investor(id: try row.decode(column: "investor_id", as: Int64.self), name: try row.decode(column: "investor_name", as: String.self),
                               creditCode: try text("investor_credit_code"), kind: kind, homeRegion: try row.decode(column: "investor_home", as: String.self)),
            industryDivision: try text("industry_division"),
            schemeClassId: try row.decodeNil(column: "scheme_class_id") ? nil : try row.decode(column: "scheme_class_id", as: Int64.self),
            intendedInvestment: Money(yuan: try row.decode(column: "intended_yuan", as: Int64.self)), channelCode: try row.decode(column: "channel", as: String.self),
            unit: OrgUnit(kind: unitKind, code: try row.decode(column: "unit_code", as: String.self)), handlerName: try row.decode(column: "handler_name", as: String.self),
            sponsorSeat: try row.decodeNil(column: "sponsor_seat") ? nil : try row.decode(column: "sponsor_seat", as: Int64.self),
            confidential: try row.decode(column: "confidential", as: Int.self) != 0, stageCode: try row.decode(column: "stage", as: String.self),
            stageSince: stageSince, status: status, statusReason: try row.decode(column: "status_reason", as: String.self), signing: signing,
            registeredCreditCode: try text("registered_credit_code"),
            projectId: try row.decodeNil(column: "project_id") ? nil : try row.decode(column: "project_id", as: Int64.self),
            createdOn: createdOn, firstActionOn: try day("first_action_on"), assessedOn: try day("assessed_on"), lastActivityOn: try day("last_activity_on"),
            version: try row.decode(column: "version", as: Int.self))
    }
}
