import Foundation
import GroundbreakDomain
@testable import GroundbreakStore
import GroundbreakTestSupport
import SQLKit
import Synchronization
import Testing

/// Creates that arrive while others commit go together as one transaction, and a failing one
/// takes nobody with it.
@Suite("Writes committed together")
struct GroupCommitTests {
    @Test("writes waiting while a transaction commits go together: one move of the counters, each its own row, audit row and answer", arguments: allEngines)
    func waitingWritesGoTogether(engine: DatabaseEngine) async throws {
        try await withTestStore(engine) { store in
            let database = store.database
            let commits = GroupCommit<Project>()
            let (first, gate) = await Self.heldFirstWrite(commits, store: store)
            let written = (0..<10).map { _ in DataGeneration.Written() }
            let waiting = (0..<10).map { index in
                Task { try await DataGeneration.$written.withValue(written[index]) {
                    try await commits.run(on: database) { db in try await Self.insert("随后的项目\(index)", store: store, db: db) }
                } }
            }
            while commits.waitingCount < 10 { try await Task.sleep(for: .milliseconds(2)) }
            gate.open()

            let alone = try await first.value
            var together: [Project] = []
            for task in waiting { together.append(try await task.value) }
            #expect(together.map(\.fields.name) == (0..<10).map { "随后的项目\($0)" })
            #expect(Set(together.map(\.id)).count == 10 && !together.map(\.id).contains(alone.id))

            let generations = try await database.reader.raw("""
                SELECT project_id, generation FROM ledger_changes WHERE project_id IS NOT NULL
                """).all().reduce(into: [Int64: Int64]()) { found, row in
                found[try row.decode(column: "project_id", as: Int64.self)] = try row.decode(column: "generation", as: Int64.self)
            }
            let shared = Set(together.map { generations[$0.id] })
            #expect(shared.count == 1 && shared.first! != nil, "the ten were one transaction: one move of the ledger's counter names them all")
            #expect(generations[alone.id] != nil && generations[alone.id] != shared.first!, "the first committed on its own")

            for project in together + [alone] {
                let audit = try await AuditLog(database: database).entries(entity: "project", entityId: String(project.id))
                #expect(audit.map(\.action) == ["create"])
                #expect(audit.first?.afterJSON?.contains(project.fields.name) == true)
                #expect(try await ProjectRepository(database: database).project(id: project.id) == project)
            }
            let figures = try await FiguresGeneration.current(database).data
            #expect(written.allSatisfy { $0.value == figures }, "each caller learns the figures generation its write moved to")
        }
    }

    @Test("a write that fails in a batch fails alone: the others commit, each caller hears its own answer", arguments: allEngines)
    func failureIsEachCallersOwn(engine: DatabaseEngine) async throws {
        try await withTestStore(engine) { store in
            let database = store.database
            let commits = GroupCommit<Project>()
            let (first, gate) = await Self.heldFirstWrite(commits, store: store)
            let code = "2509-220104-89-01-544060"
            let works: [@Sendable (any SQLDatabase) async throws -> Project] = [
                { try await Self.insert("甲项目", code: code, store: store, db: $0) },
                { try await Self.insert("乙项目", store: store, db: $0) },
                { try await Self.insert("丙项目（代码重复）", code: code, store: store, db: $0) },
                { db in
                    _ = try await Self.insert("丁项目（随后失败）", store: store, db: db)
                    throw Refused()
                },
                { try await Self.insert("戊项目", store: store, db: $0) },
            ]
            let waiting = works.map { work in Task { try await commits.run(on: database, work) } }
            while commits.waitingCount < works.count { try await Task.sleep(for: .milliseconds(2)) }
            gate.open()
            _ = try await first.value

            var answers: [Result<Project, any Error>] = []
            for task in waiting { answers.append(await task.result) }
            let names = answers.compactMap { try? $0.get().fields.name }
            #expect(names == ["甲项目", "乙项目", "戊项目"])
            #expect(await expectInvalid { _ = try answers[2].get() }.map(\.field) == ["code"], "the second of one code is refused in words")
            #expect(throws: Refused.self) { _ = try answers[3].get() }

            let stored = try await ProjectRepository(database: database).projects(inStages: Stage.allCases, scope: .everything).map(\.fields.name)
            #expect(Set(stored) == ["先到的项目", "甲项目", "乙项目", "戊项目"])
            #expect(try await AuditLog(database: database).count() == 4, "an audit row for each project kept, none for those refused")
        }
    }

    @Test("with two lanes a second write commits while the first batch is still held; with one it waits", .timeLimit(.minutes(1)), arguments: [DatabaseEngine.postgres])
    func lanesCommitBesideEachOther(engine: DatabaseEngine) async throws {
        try await withTestStore(engine) { store in
            let database = store.database
            let twoLanes = GroupCommit<Project>(lanes: 2)
            let (held, gate) = await Self.heldFirstWrite(twoLanes, store: store)
            let beside = try await twoLanes.run(on: database) { db in try await Self.insert("旁边提交的项目", store: store, db: db) }
            #expect(try await ProjectRepository(database: database).project(id: beside.id) == beside, "committed while the first is held")
            gate.open()
            _ = try await held.value

            let oneLane = GroupCommit<Project>(lanes: 1)
            let (heldAlone, gateAlone) = await Self.heldFirstWrite(oneLane, store: store)
            let behind = Task { try await oneLane.run(on: database) { db in try await Self.insert("排队的项目", store: store, db: db) } }
            try await Task.sleep(for: .milliseconds(100))
            #expect(oneLane.waitingCount == 1, "one lane: the second still waits for the first batch")
            gateAlone.open()
            _ = try await heldAlone.value
            #expect(try await behind.value.fields.name == "排队的项目")
            #expect(twoLanes.waitingCount == 0 && oneLane.waitingCount == 0)
        }
    }

    @Test("the database gives PostgreSQL several lanes and SQLite's single writer one", arguments: allEngines)
    func lanesByEngine(engine: DatabaseEngine) async throws {
        try await withTestStore(engine) { store in
            let lanes = engine == .sqlite ? 1 : Database.writeLanes
            #expect(store.database.projectCreates.lanes == lanes && store.database.problemRaises.lanes == lanes)
            #expect(engine == .sqlite || lanes > 1)
        }
    }

    private struct Refused: Error {}

    /// A first write, held inside its transaction (until the gate opens) so the next ones queue behind it.
    private static func heldFirstWrite(_ commits: GroupCommit<Project>, store: TestStore) async -> (Task<Project, any Error>, Gate) {
        let gate = Gate()
        let first = Task { try await commits.run(on: store.database) { db in
            await gate.passed()
            return try await Self.insert("先到的项目", store: store, db: db)
        } }
        await gate.reached()
        return (first, gate)
    }

    private static func insert(_ name: String, code: String = "", store: TestStore, db: any SQLDatabase) async throws -> Project {
        let fields = try ProjectRepository.validated(sampleInput(name: name, code: code), stage: .reserve, catalog: store.catalog, today: testToday)
        return try await ProjectRepository.insert(fields, stage: .reserve, visible: .everything, actor: testActor, catalog: store.catalog, now: testNow, db: db)
    }
}

/// Holds a write inside its transaction until the test has queued the others behind it.
private final class Gate: Sendable {
    private let inside = Signal(), opened = Signal()

    /// Called by the held write: says it is in, then waits for `open`.
    func passed() async {
        inside.fire()
        await opened.wait()
    }

    /// Returns once the held write is in its transaction.
    func reached() async { await inside.wait() }

    func open() { opened.fire() }
}

/// Fired once; `wait` returns once it has been.
private final class Signal: Sendable {
    private let state = Mutex<(fired: Bool, waiters: [CheckedContinuation<Void, Never>])>((false, []))

    func fire() {
        let waiters = state.withLock { state in
            state.fired = true
            defer { state.waiters = [] }
            return state.waiters
        }
        for waiter in waiters { waiter.resume() }
    }

    func wait() async {
        await withCheckedContinuation { continuation in
            let fired = state.withLock { state in
                if !state.fired { state.waiters.append(continuation) }
                return state.fired
            }
            if fired { continuation.resume() }
        }
    }
}
