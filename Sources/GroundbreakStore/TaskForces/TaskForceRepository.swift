import Foundation
import GroundbreakDomain
import SQLKit

/// Task forces, their groups and seats, and what each group follows.
public struct TaskForceRepository: Sendable {
    public let database: Database

    public init(database: Database) {
        self.database = database
    }

    enum SeatRole: String { case leader, deputy, groupLeader, groupMember }

    /// 四率's definitions (`four_rates.json`): each rate once, or the file is refused by name.
    public static func fourRates() throws -> FourRateCatalog {
        let catalog = try ReferenceDataLoader.bundledJSON("four_rates.json", as: FourRateCatalog.self)
        guard catalog.isComplete else { throw ReferenceDataLoader.BadReferenceFile(file: "four_rates.json", reason: "each of the four rates exactly once") }
        return catalog
    }

    /// Keeps a whole task force with its groups, seats and followed projects and classes.
    public func create(_ draft: TaskForce, catalog: ReferenceCatalog, actor: AuditActor, now: Date) async throws -> TaskForce {
        let errors = TaskForceRules.problems(draft, catalog: catalog)
        guard errors.isEmpty else { throw StoreError.invalid(ValidationFailure(errors)) }
        return try await database.transaction { db in
            try await Self.requireProjects(draft.groups.flatMap(\.projectIds), db: db)
            try await Self.requireSeats(draft.leaderSeats + draft.deputySeats + draft.groups.flatMap { $0.leaderSeats + $0.memberSeats }, db: db)
            try await Self.requireClasses(draft.groups.flatMap(\.classIds), db: db)
            let stamp = StoredTime.text(now)
            let id = try await db.raw("""
                INSERT INTO task_forces (unit_kind, unit_code, name, shape, office, duty, created_at, updated_at, version)
                VALUES (\(bind: draft.unit.kind.rawValue), \(bind: draft.unit.code), \(bind: TextNormalizer.collapsedLine(draft.name)), \(bind: draft.shape),
                        \(bind: draft.office), \(bind: draft.duty), \(bind: stamp), \(bind: stamp), 1)
                RETURNING id
                """).first()!.decode(column: "id", as: Int64.self)
            try await Self.seats(draft.leaderSeats, .leader, taskForce: id, group: nil, db: db)
            try await Self.seats(draft.deputySeats, .deputy, taskForce: id, group: nil, db: db)
            for (index, group) in draft.groups.enumerated() {
                try await Self.insert(group, taskForce: id, sort: index + 1, db: db)
            }
            let saved = try await Self.load(id: id, db: db)!
            try await AuditLog.write(entity: "task_force", entityId: String(id), action: "create", before: nil,
                                     after: "\(saved.name)：\(saved.groups.map(\.name).joined(separator: "、"))", actor: actor, now: now, db: db)
            return saved
        }
    }

    /// Adds a group to a task force, under the task force's version.
    public func addGroup(_ group: WorkingGroup, to taskForceId: Int64, expectedVersion: Int, catalog: ReferenceCatalog, actor: AuditActor,
                         now: Date) async throws -> TaskForce {
        try await database.transaction { db in
            guard var current = try await Self.load(id: taskForceId, db: db) else { throw StoreError.notFound }
            guard current.version == expectedVersion else { throw StoreError.conflict(currentVersion: current.version) }
            current.groups.append(group)
            let errors = TaskForceRules.problems(current, catalog: catalog)
            guard errors.isEmpty else { throw StoreError.invalid(ValidationFailure(errors)) }
            try await Self.requireProjects(group.projectIds, db: db)
            try await Self.requireSeats(group.leaderSeats + group.memberSeats, db: db)
            try await Self.requireClasses(group.classIds, db: db)
            try await Self.insert(group, taskForce: taskForceId, sort: current.groups.count, db: db)
            try await db.raw("UPDATE task_forces SET version = version + 1, updated_at = \(bind: StoredTime.text(now)) WHERE id = \(bind: taskForceId)").run()
            try await AuditLog.write(entity: "task_force", entityId: String(taskForceId), action: "update", before: nil, after: group.name, actor: actor, now: now, db: db)
            return try await Self.load(id: taskForceId, db: db)!
        }
    }

    /// Changes what a task force is — its name, shape, office, duty, leader and deputy seats — under
    /// its version; its groups stay as they are.
    public func update(_ changed: TaskForce, id: Int64, expectedVersion: Int, catalog: ReferenceCatalog, actor: AuditActor, now: Date) async throws -> TaskForce {
        try await database.transaction { db in
            guard let current = try await Self.load(id: id, db: db) else { throw StoreError.notFound }
            guard current.version == expectedVersion else { throw StoreError.conflict(currentVersion: current.version) }
            var merged = current
            merged.name = TextNormalizer.collapsedLine(changed.name)
            merged.shape = TextNormalizer.collapsedLine(changed.shape)
            merged.office = TextNormalizer.collapsedLine(changed.office)
            merged.duty = changed.duty.trimmingCharacters(in: .whitespacesAndNewlines)
            merged.leaderSeats = changed.leaderSeats
            merged.deputySeats = changed.deputySeats
            let errors = TaskForceRules.problems(merged, catalog: catalog)
            guard errors.isEmpty else { throw StoreError.invalid(ValidationFailure(errors)) }
            try await Self.requireSeats(merged.leaderSeats + merged.deputySeats, db: db)
            try await db.raw("""
                UPDATE task_forces SET name = \(bind: merged.name), shape = \(bind: merged.shape), office = \(bind: merged.office), duty = \(bind: merged.duty),
                    version = version + 1, updated_at = \(bind: StoredTime.text(now))
                WHERE id = \(bind: id)
                """).run()
            try await db.raw("DELETE FROM task_force_seats WHERE task_force_id = \(bind: id) AND group_id IS NULL").run()
            try await Self.seats(merged.leaderSeats, .leader, taskForce: id, group: nil, db: db)
            try await Self.seats(merged.deputySeats, .deputy, taskForce: id, group: nil, db: db)
            try await AuditLog.write(entity: "task_force", entityId: String(id), action: "update", before: Self.summary(current), after: Self.summary(merged),
                                     actor: actor, now: now, db: db)
            return try await Self.load(id: id, db: db)!
        }
    }

    /// Changes a group — its name, seats, units, duty and the classes it follows — under its task
    /// force's version. The projects named to it change by `changeProjects`.
    public func updateGroup(_ changed: WorkingGroup, groupId: Int64, expectedVersion: Int, catalog: ReferenceCatalog, actor: AuditActor,
                            now: Date) async throws -> TaskForce {
        try await database.transaction { db in
            let current = try await Self.current(ofGroup: groupId, expectedVersion: expectedVersion, db: db)
            guard let index = current.groups.firstIndex(where: { $0.id == groupId }) else { throw StoreError.notFound }
            var merged = current
            let before = current.groups[index]
            var group = before
            group.name = TextNormalizer.collapsedLine(changed.name)
            group.leaderSeats = changed.leaderSeats
            group.memberSeats = changed.memberSeats
            group.leadUnits = changed.leadUnits
            group.supportUnits = changed.supportUnits
            group.duty = changed.duty.trimmingCharacters(in: .whitespacesAndNewlines)
            group.classIds = changed.classIds
            merged.groups[index] = group
            let errors = TaskForceRules.problems(merged, catalog: catalog)
            guard errors.isEmpty else { throw StoreError.invalid(ValidationFailure(errors)) }
            try await Self.requireSeats(group.leaderSeats + group.memberSeats, db: db)
            try await Self.requireClasses(group.classIds, db: db)
            try await db.raw("""
                UPDATE working_groups SET name = \(bind: group.name), lead_units = \(bind: group.leadUnits.joined(separator: "\n")),
                    support_units = \(bind: group.supportUnits.joined(separator: "\n")), duty = \(bind: group.duty)
                WHERE id = \(bind: groupId)
                """).run()
            try await db.raw("DELETE FROM task_force_seats WHERE group_id = \(bind: groupId)").run()
            try await Self.seats(group.leaderSeats, .groupLeader, taskForce: current.id, group: groupId, db: db)
            try await Self.seats(group.memberSeats, .groupMember, taskForce: current.id, group: groupId, db: db)
            try await db.raw("DELETE FROM working_group_classes WHERE group_id = \(bind: groupId)").run()
            for classId in Set(group.classIds).sorted() {
                try await db.raw("INSERT INTO working_group_classes (group_id, class_id) VALUES (\(bind: groupId), \(bind: classId))").run()
            }
            try await Self.bump(current.id, now: now, db: db)
            try await AuditLog.write(entity: "working_group", entityId: String(groupId), action: "update", before: Self.summary(before),
                                     after: Self.summary(group), actor: actor, now: now, db: db)
            return try await Self.load(id: current.id, db: db)!
        }
    }

    /// Takes a group off its task force (撤销): its seats, named projects and classes with it. The
    /// projects themselves, and rankings frozen with the group's name, stay.
    public func removeGroup(groupId: Int64, expectedVersion: Int, actor: AuditActor, now: Date) async throws -> TaskForce {
        try await database.transaction { db in
            let current = try await Self.current(ofGroup: groupId, expectedVersion: expectedVersion, db: db)
            guard let group = current.groups.first(where: { $0.id == groupId }) else { throw StoreError.notFound }
            for table in ["task_force_seats", "working_group_projects", "working_group_classes"] {
                try await db.raw("DELETE FROM \(unsafeRaw: table) WHERE group_id = \(bind: groupId)").run()
            }
            try await db.raw("DELETE FROM working_groups WHERE id = \(bind: groupId)").run()
            try await Self.bump(current.id, now: now, db: db)
            try await AuditLog.write(entity: "working_group", entityId: String(groupId), action: "delete", before: Self.summary(group), after: nil,
                                     actor: actor, now: now, db: db)
            return try await Self.load(id: current.id, db: db)!
        }
    }

    /// The task force of a group, at `expectedVersion`.
    static func current(ofGroup groupId: Int64, expectedVersion: Int, db: any SQLDatabase) async throws -> TaskForce {
        guard let row = try await db.raw("SELECT task_force_id FROM working_groups WHERE id = \(bind: groupId)").first(),
              let current = try await load(id: try row.decode(column: "task_force_id", as: Int64.self), db: db) else { throw StoreError.notFound }
        guard current.version == expectedVersion else { throw StoreError.conflict(currentVersion: current.version) }
        return current
    }

    static func bump(_ id: Int64, now: Date, db: any SQLDatabase) async throws {
        try await db.raw("UPDATE task_forces SET version = version + 1, updated_at = \(bind: StoredTime.text(now)) WHERE id = \(bind: id)").run()
    }

    /// What the trail keeps of a task force or group: its name and seats.
    static func summary(_ taskForce: TaskForce) -> String {
        "\(taskForce.name) shape=\(taskForce.shape) leaders=\(taskForce.leaderSeats) deputies=\(taskForce.deputySeats) office=\(taskForce.office)"
    }

    static func summary(_ group: WorkingGroup) -> String {
        "\(group.name) leaders=\(group.leaderSeats) members=\(group.memberSeats) classes=\(group.classIds) units=\(group.leadUnits)"
    }

    /// Names projects to a group or takes them off it; the task force's version guards the change.
    public func changeProjects(groupId: Int64, adding: [Int64], removing: [Int64], expectedVersion: Int, actor: AuditActor, now: Date) async throws -> TaskForce {
        try await database.transaction { db in
            guard let row = try await db.raw("SELECT task_force_id FROM working_groups WHERE id = \(bind: groupId)").first(),
                  let current = try await Self.load(id: try row.decode(column: "task_force_id", as: Int64.self), db: db) else { throw StoreError.notFound }
            guard current.version == expectedVersion else { throw StoreError.conflict(currentVersion: current.version) }
            try await Self.requireProjects(adding, db: db)
            let existing = Set(current.groups.first { $0.id == groupId }?.projectIds ?? [])
            for project in Set(adding).subtracting(existing).sorted() {
                try await db.raw("INSERT INTO working_group_projects (group_id, project_id) VALUES (\(bind: groupId), \(bind: project))").run()
            }
            if !removing.isEmpty {
                try await db.raw("DELETE FROM working_group_projects WHERE group_id = \(bind: groupId) AND project_id IN (\(binds: removing))").run()
            }
            try await db.raw("UPDATE task_forces SET version = version + 1, updated_at = \(bind: StoredTime.text(now)) WHERE id = \(bind: current.id)").run()
            try await AuditLog.write(entity: "working_group", entityId: String(groupId), action: "update", before: existing.sorted().map(String.init).joined(separator: ","),
                                     after: "+\(adding.map(String.init).joined(separator: ",")) -\(removing.map(String.init).joined(separator: ","))",
                                     actor: actor, now: now, db: db)
            return try await Self.load(id: current.id, db: db)!
        }
    }

    public func taskForces() async throws -> [TaskForce] {
        let db = database.reader
        var found: [TaskForce] = []
        for row in try await db.raw("SELECT id FROM task_forces ORDER BY id").all() {
            if let taskForce = try await Self.load(id: try row.decode(column: "id", as: Int64.self), db: db) { found.append(taskForce) }
        }
        return found
    }

    public func taskForce(id: Int64) async throws -> TaskForce? {
        try await Self.load(id: id, db: database.reader)
    }

    /// The task force a group belongs to.
    public func taskForce(ofGroup groupId: Int64) async throws -> TaskForce? {
        guard let row = try await database.reader.raw("SELECT task_force_id FROM working_groups WHERE id = \(bind: groupId)").first() else { return nil }
        return try await Self.load(id: try row.decode(column: "task_force_id", as: Int64.self), db: database.reader)
    }

    /// Every project a group follows: named to it, or in a class it follows.
    public func projectIds(of group: WorkingGroup) async throws -> Set<Int64> {
        var ids = Set(group.projectIds)
        if !group.classIds.isEmpty {
            for row in try await database.reader.raw("SELECT project_id FROM project_classes WHERE class_id IN (\(binds: group.classIds))").all() {
                ids.insert(try row.decode(column: "project_id", as: Int64.self))
            }
        }
        return ids
    }

    /// What a seat follows: every group's projects and scheme classes of a task force it leads or
    /// deputises, and its own groups'.
    public func followed(seat: Int64) async throws -> (projects: Set<Int64>, classes: Set<Int64>) {
        let db = database.reader
        // The seat's groups and the classes they follow, in one read (this runs on every request of a seat's holder).
        let rows = try await db.raw("""
            SELECT DISTINCT g.id, wc.class_id FROM working_groups g JOIN task_force_seats s ON s.task_force_id = g.task_force_id
            LEFT JOIN working_group_classes wc ON wc.group_id = g.id
            WHERE s.position_id = \(bind: seat) AND (s.role IN ('leader', 'deputy') OR (s.role = 'groupLeader' AND s.group_id = g.id))
            """).all()
        let groups = Set(try rows.map { try $0.decode(column: "id", as: Int64.self) })
        guard !groups.isEmpty else { return ([], []) }
        let classes = Set(try rows.compactMap { try $0.decodeNil(column: "class_id") ? nil : try $0.decode(column: "class_id", as: Int64.self) })
        var ids: Set<Int64> = []
        for row in try await db.raw("""
            SELECT project_id FROM working_group_projects WHERE group_id IN (\(binds: groups.sorted()))
            UNION SELECT pc.project_id FROM project_classes pc JOIN working_group_classes wc ON wc.class_id = pc.class_id
            WHERE wc.group_id IN (\(binds: groups.sorted()))
            """).all() {
            ids.insert(try row.decode(column: "project_id", as: Int64.self))
        }
        return (ids, classes)
    }

    static func insert(_ group: WorkingGroup, taskForce id: Int64, sort: Int, db: any SQLDatabase) async throws {
        let groupId = try await db.raw("""
            INSERT INTO working_groups (task_force_id, name, lead_units, support_units, duty, sort)
            VALUES (\(bind: id), \(bind: TextNormalizer.collapsedLine(group.name)), \(bind: group.leadUnits.joined(separator: "\n")),
                    \(bind: group.supportUnits.joined(separator: "\n")), \(bind: group.duty), \(bind: sort))
            RETURNING id
            """).first()!.decode(column: "id", as: Int64.self)
        try await Self.seats(group.leaderSeats, .groupLeader, taskForce: id, group: groupId, db: db)
        try await Self.seats(group.memberSeats, .groupMember, taskForce: id, group: groupId, db: db)
        for project in Set(group.projectIds).sorted() {
            try await db.raw("INSERT INTO working_group_projects (group_id, project_id) VALUES (\(bind: groupId), \(bind: project))").run()
        }
        for classId in Set(group.classIds).sorted() {
            try await db.raw("INSERT INTO working_group_classes (group_id, class_id) VALUES (\(bind: groupId), \(bind: classId))").run()
        }
    }

    static func requireProjects(_ ids: [Int64], db: any SQLDatabase) async throws {
        guard !ids.isEmpty else { return }
        let wanted = Set(ids)
        let found = Set(try await db.raw("SELECT id FROM projects WHERE id IN (\(binds: wanted.sorted()))").all().map { try $0.decode(column: "id", as: Int64.self) })
        if let missing = wanted.subtracting(found).min() {
            throw StoreError.invalid(ValidationFailure([FieldError("projects", .taskForce(.projectUnknown(missing)))]))
        }
    }

    static func requireClasses(_ ids: [Int64], db: any SQLDatabase) async throws {
        guard !ids.isEmpty else { return }
        let wanted = Set(ids)
        let found = Set(try await db.raw("SELECT id FROM scheme_classes WHERE id IN (\(binds: wanted.sorted()))").all().map { try $0.decode(column: "id", as: Int64.self) })
        if let missing = wanted.subtracting(found).min() {
            throw StoreError.invalid(ValidationFailure([FieldError("classes", .taskForce(.classUnknown(missing)))]))
        }
    }

    static func requireSeats(_ ids: [Int64], db: any SQLDatabase) async throws {
        guard !ids.isEmpty else { return }
        let wanted = Set(ids)
        let found = Set(try await db.raw("SELECT id FROM positions WHERE id IN (\(binds: wanted.sorted()))").all().map { try $0.decode(column: "id", as: Int64.self) })
        if let missing = wanted.subtracting(found).min() {
            throw StoreError.invalid(ValidationFailure([FieldError("seats", .taskForce(.seatUnknown(missing)))]))
        }
    }

    static func seats(_ seats: [Int64], _ role: SeatRole, taskForce: Int64, group: Int64?, db: any SQLDatabase) async throws {
        for (index, seat) in seats.enumerated() {
            try await db.raw("""
                INSERT INTO task_force_seats (task_force_id, group_id, position_id, role, sort)
                VALUES (\(bind: taskForce), \(bind: group), \(bind: seat), \(bind: role.rawValue), \(bind: index + 1))
                """).run()
        }
    }

    static func load(id: Int64, db: any SQLDatabase) async throws -> TaskForce? {
        guard let row = try await db.raw("SELECT * FROM task_forces WHERE id = \(bind: id)").first() else { return nil }
        let seatRows = try await db.raw("SELECT * FROM task_force_seats WHERE task_force_id = \(bind: id) ORDER BY sort").all()
        let seats = try seatRows.map { row in
            (group: try row.decodeNil(column: "group_id") ? nil : try row.decode(column: "group_id", as: Int64.self),
             seat: try row.decode(column: "position_id", as: Int64.self), role: try row.decode(column: "role", as: String.self))
        }
        func seatIds(_ role: SeatRole, group: Int64?) -> [Int64] { seats.filter { $0.role == role.rawValue && $0.group == group }.map(\.seat) }
        var groups: [WorkingGroup] = []
        for groupRow in try await db.raw("SELECT * FROM working_groups WHERE task_force_id = \(bind: id) ORDER BY sort, id").all() {
            let groupId = try groupRow.decode(column: "id", as: Int64.self)
            let lines = { (column: String) in try groupRow.decode(column: column, as: String.self).split(separator: "\n").map(String.init) }
            groups.append(WorkingGroup(
                id: groupId, taskForceId: id, name: try groupRow.decode(column: "name", as: String.self),
                leaderSeats: seatIds(.groupLeader, group: groupId), memberSeats: seatIds(.groupMember, group: groupId),
                leadUnits: try lines("lead_units"), supportUnits: try lines("support_units"), duty: try groupRow.decode(column: "duty", as: String.self),
                sort: try groupRow.decode(column: "sort", as: Int.self),
                projectIds: try await db.raw("SELECT project_id FROM working_group_projects WHERE group_id = \(bind: groupId) ORDER BY project_id").all()
                    .map { try $0.decode(column: "project_id", as: Int64.self) },
                classIds: try await db.raw("SELECT class_id FROM working_group_classes WHERE group_id = \(bind: groupId) ORDER BY class_id").all()
                    .map { try $0.decode(column: "class_id", as: Int64.self) }))
        }
        return TaskForce(
            id: id, unit: OrgUnit(kind: OrgUnit.Kind(rawValue: try row.decode(column: "unit_kind", as: String.self)) ?? .region,
                                  code: try row.decode(column: "unit_code", as: String.self)),
            name: try row.decode(column: "name", as: String.self), shape: try row.decode(column: "shape", as: String.self),
            leaderSeats: seatIds(.leader, group: nil), deputySeats: seatIds(.deputy, group: nil), office: try row.decode(column: "office", as: String.self),
            duty: try row.decode(column: "duty", as: String.self), groups: groups, version: try row.decode(column: "version", as: Int.self))
    }
}
