import Foundation
import GroundbreakDomain
@testable import GroundbreakStore
import GroundbreakTestSupport
@testable import GroundbreakWeb
import HTTPTypes
import HummingbirdTesting
import SQLKit
import Testing

/// Reads that tolerate lag go to the replica when it is close enough, never past the caller's own
/// write; everything else, and every write, stays on the primary. The "replica" here is a second
/// database that does not replicate, so what a page shows says which one it read; the real
/// streaming replica is `scripts/replica.sh`.
@Suite("Read replica", .serialized)
struct ReadReplicaTests {
    static let primaryOnly = "只在主库上的产业园项目"
    static let replicaOnly = "只在副本上的产业园项目"

    /// The replica's counters set to the primary's: as if it had replayed everything.
    static func level(_ replica: GroundbreakStore.Database, with primary: GroundbreakStore.Database) async throws {
        let generation = try await primary.primaryGeneration()
        try await replica.transaction { db in
            try await db.raw("UPDATE data_state SET generation = \(bind: generation.data) WHERE id = 1").run()
            try await db.raw("UPDATE ledger_state SET shared_generation = \(bind: generation.shared) WHERE id = 1").run()
        }
    }

    static func seenCookie(_ response: TestResponse) -> String? {
        response.headers[values: .setCookie].compactMap { $0.firstMatch(of: /gb_seen=([0-9]+)/).map { String($0.1) } }.first
    }

    @Test("the ledger export and the ranking read the replica when it is level; after one's own write the primary until the replica has it; the ledger list and writes never read it")
    func routing() async throws {
        guard PostgresHarness.isAvailable || PostgresHarness.isRequired else { try Test.cancel("跳过：本机没有 PostgreSQL") }
        let primaryURL = try await PostgresHarness.shared.freshDatabaseURL()
        let replicaURL = try await PostgresHarness.shared.freshDatabaseURL()
        let database = try await GroundbreakStore.Database.connect(.postgres(url: primaryURL), replica: .postgres(url: replicaURL))
        let replica = try await GroundbreakStore.Database.connect(.postgres(url: replicaURL))
        defer { Task { await replica.shutdown(); await database.shutdown() } }
        let store = TestStore(database: database, catalog: try await ReferenceRepository(database: database).catalog())
        var settings = WebFixture.settings()
        settings.readDatabase = .postgres(url: replicaURL)
        try await withWeb(on: store, settings: settings) { fixture, client in
            let catalog = fixture.services.catalog()
            _ = try await fixture.services.projects.create(sampleProject(Self.primaryOnly), stage: .approval, allowed: .everything, actor: .system("test"),
                                                          catalog: catalog, today: webToday, now: webNow)
            _ = try await ProjectRepository(database: replica).create(sampleProject(Self.replicaOnly), stage: .approval, allowed: .everything,
                                                                     actor: .system("test"), catalog: catalog, today: webToday, now: webNow)
            try await Self.level(replica, with: database)

            let export = try await client.send(.get, "/projects.csv", as: fixture)
            #expect(export.status == .ok && export.headers[ReadRouting.readHeader] == "replica")
            #expect(export.text.contains(Self.replicaOnly) && !export.text.contains(Self.primaryOnly), "the export was read on the replica")
            let ranking = try await client.send(.get, "/api/v1/assessment?month=\(Month(webToday).iso)", as: fixture)
            #expect(ranking.status == .ok && ranking.headers[ReadRouting.readHeader] == "replica")
            let list = try await client.send(.get, "/api/v1/projects", as: fixture)
            #expect(list.status == .ok && list.headers[ReadRouting.readHeader] == nil)
            #expect(list.text.contains(Self.primaryOnly) && !list.text.contains(Self.replicaOnly), "the ledger list stays on the primary")

            let created = try await client.send(.post, "/api/v1/projects", as: fixture, json: apiProjectBody(name: "刚刚录入的智能装备产业园项目"))
            #expect(created.status == .created)
            let generation = try await database.primaryGeneration().data
            let seen = try #require(Self.seenCookie(created))
            #expect(created.headers[ReadRouting.generationHeader] == seen && Int64(seen) == generation, "the write says the primary's generation after it")

            var withCookie = HTTPFields()
            withCookie[.cookie] = "\(fixture.cookie); \(ReadRouting.seenCookie)=\(seen)"
            let own = try await client.send(.get, "/projects.csv", as: fixture, signedIn: false, headers: withCookie)
            #expect(own.headers[ReadRouting.readHeader] == "primary" && own.text.contains("刚刚录入的智能装备产业园项目"), "one's own write is in the next export")
            var withHeader = HTTPFields()
            withHeader[ReadRouting.seenHeader] = seen
            #expect(try await client.send(.get, "/projects.csv", as: fixture, headers: withHeader).headers[ReadRouting.readHeader] == "primary")
            // Behind, and not replaying anything (no replay time to bound its lag): the primary for everyone.
            #expect(try await client.send(.get, "/projects.csv", as: fixture).headers[ReadRouting.readHeader] == "primary")

            try await Self.level(replica, with: database)
            let caughtUp = try await client.send(.get, "/projects.csv", as: fixture, signedIn: false, headers: withCookie)
            #expect(caughtUp.headers[ReadRouting.readHeader] == "replica" && caughtUp.text.contains(Self.replicaOnly), "once the replica has the write, it is read again")
            #expect(try await client.send(.get, "/", as: fixture).headers[ReadRouting.readHeader] == "replica")
        }
    }

    @Test("a replica that cannot be reached leaves the pages answering from the primary")
    func replicaDown() async throws {
        guard PostgresHarness.isAvailable || PostgresHarness.isRequired else { try Test.cancel("跳过：本机没有 PostgreSQL") }
        let primaryURL = try await PostgresHarness.shared.freshDatabaseURL()
        let nowhere = "postgres://groundbreak@127.0.0.1:1/nowhere"
        let database = try await GroundbreakStore.Database.connect(.postgres(url: primaryURL), replica: .postgres(url: nowhere))
        defer { Task { await database.shutdown() } }
        let store = TestStore(database: database, catalog: try await ReferenceRepository(database: database).catalog())
        var settings = WebFixture.settings()
        settings.readDatabase = .postgres(url: nowhere)
        try await withWeb(on: store, settings: settings) { fixture, client in
            _ = try await fixture.services.projects.create(sampleProject(Self.primaryOnly), stage: .approval, allowed: .everything, actor: .system("test"),
                                                          catalog: fixture.services.catalog(), today: webToday, now: webNow)
            let export = try await client.send(.get, "/projects.csv", as: fixture)
            #expect(export.status == .ok && export.headers[ReadRouting.readHeader] == "primary" && export.text.contains(Self.primaryOnly))
            #expect(fixture.services.replicaPause.isPaused, "the next reads do not wait on it again")
            #expect(try await client.send(.get, "/warnings", as: fixture).status == .ok)
        }
    }

    @Test("the rule: level, or close enough and past the caller's write; otherwise the primary")
    func rule() {
        let primary = FiguresGeneration(data: 10, shared: 2)
        func at(_ data: Int64, _ shared: Int64 = 2, age: Double?) -> Database.ReplicaPosition {
            Database.ReplicaPosition(generation: FiguresGeneration(data: data, shared: shared), replayAgeSeconds: age)
        }
        #expect(ReadRouting.source(seen: nil, primary: primary, replica: nil, maxLag: 5) == .primary, "no replica")
        #expect(ReadRouting.source(seen: nil, primary: primary, replica: at(10, age: nil), maxLag: 5) == .replica, "level")
        #expect(ReadRouting.source(seen: 10, primary: primary, replica: at(10, age: 600), maxLag: 5) == .replica, "level after an idle hour")
        #expect(ReadRouting.source(seen: nil, primary: primary, replica: at(8, age: 0.4), maxLag: 5) == .replica, "behind by less than the lag allowed")
        #expect(ReadRouting.source(seen: 9, primary: primary, replica: at(8, age: 0.4), maxLag: 5) == .primary, "not yet past the caller's write")
        #expect(ReadRouting.source(seen: 8, primary: primary, replica: at(8, age: 0.4), maxLag: 5) == .replica, "past the caller's write")
        #expect(ReadRouting.source(seen: nil, primary: primary, replica: at(8, age: 7), maxLag: 5) == .primary, "too far behind")
        #expect(ReadRouting.source(seen: nil, primary: primary, replica: at(8, age: nil), maxLag: 5) == .primary, "behind, lag unknown")
        #expect(ReadRouting.source(seen: nil, primary: primary, replica: at(10, 1, age: 0.1), maxLag: 5) == .replica, "shared data behind, within the lag")
        #expect(ReadRouting.source(seen: nil, primary: primary, replica: at(11, age: 0.1), maxLag: 5) == .primary, "ahead of the primary: not the replica it should be")
    }

    @Test("a replica needs PostgreSQL: SQLite with a second address is refused at start")
    func sqliteRefused() async throws {
        var settings = AppSettings()
        settings.readDatabase = .postgres(url: "postgres://u@127.0.0.1/x")
        #expect(throws: AppSettings.InvalidSetting.self) { try settings.validated() }
        settings.database = .postgres(url: "postgres://u@127.0.0.1/y")
        #expect(throws: Never.self) { try settings.validated() }
        settings.readMaxLag = -1
        #expect(throws: AppSettings.InvalidSetting.self) { try settings.validated() }
        let path = NSTemporaryDirectory() + "replica-refused-\(UUID().uuidString).sqlite"
        await #expect(throws: ReplicaNeedsPostgres.self) {
            _ = try await GroundbreakStore.Database.connect(.sqlite(path: path), replica: .postgres(url: "postgres://u@127.0.0.1/x"))
        }
        try? FileManager.default.removeItem(atPath: path)
    }
}
