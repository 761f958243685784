import Foundation
@testable import GroundbreakStore
import Logging
import SQLKit
#if canImport(Glibc)
import Glibc
#endif

/// A throwaway PostgreSQL cluster for the test process, started with `initdb`/`pg_ctl` on a
/// free loopback port the first time a test asks for it, and stopped when the process ends,
/// however it ends (an exit handler plus a watchdog process that outlives a crash).
///
/// `GROUNDBREAK_TEST_POSTGRES_URL` points the tests at an existing server instead.
/// `GROUNDBREAK_REQUIRE_POSTGRES=1` (set by CI) turns "PostgreSQL not installed" from a skip into a failure.
public actor PostgresHarness {
    public static let shared = PostgresHarness()

    public struct Unavailable: Error, CustomStringConvertible {
        public let reason: String
        public var description: String { reason }
    }

    /// Whether tests that cannot get PostgreSQL must fail instead of being skipped.
    public static var isRequired: Bool {
        ProcessInfo.processInfo.environment["GROUNDBREAK_REQUIRE_POSTGRES"] == "1"
    }

    private var startup: Task<Result<String, Unavailable>, Never>?
    private var template: Task<Void, any Error>?
    private var counter = 0
    private var admin: Task<GroundbreakStore.Database, any Error>?

    /// A URL to a fresh, migrated database with the reference data loaded.
    public func freshDatabaseURL() async throws -> String {
        let base = try await startIfNeeded()
        let admin = try await adminDatabase(base: base)
        if template == nil {
            template = Task { try await Self.makeTemplate(base: base, admin: admin) }
        }
        try await template!.value
        counter += 1
        let name = "groundbreak_test_\(counter)"
        // CREATE DATABASE … TEMPLATE fails while any session is still on the template (the
        // migrating connection closes asynchronously after shutdown): try again briefly.
        var attempt = 0
        while true {
            do {
                try await admin.writer.raw("CREATE DATABASE \(ident: name) TEMPLATE groundbreak_template").run()
                break
            } catch where attempt < 50 {
                attempt += 1
                try await Task.sleep(for: .milliseconds(100))
            }
        }
        return Self.url(base, database: name)
    }

    private static func makeTemplate(base: String, admin: GroundbreakStore.Database) async throws {
        try await admin.writer.raw("DROP DATABASE IF EXISTS groundbreak_template").run()
        try await admin.writer.raw("CREATE DATABASE groundbreak_template").run()
        let template = try await GroundbreakStore.Database.connect(.postgres(url: Self.url(base, database: "groundbreak_template")), maxConnectionsPerEventLoop: 1)
        do {
            try await Migrator(database: template).migrate()
            try await ReferenceDataLoader(database: template).load()
        } catch {
            await template.shutdown()
            throw error
        }
        await template.shutdown()
    }

    /// A URL to an empty database (nothing migrated).
    public func emptyDatabaseURL() async throws -> String {
        let base = try await startIfNeeded()
        let admin = try await adminDatabase(base: base)
        counter += 1
        let name = "groundbreak_empty_\(counter)"
        try await admin.writer.raw("CREATE DATABASE \(ident: name)").run()
        return Self.url(base, database: name)
    }

    private func adminDatabase(base: String) async throws -> GroundbreakStore.Database {
        if admin == nil {
            admin = Task { try await GroundbreakStore.Database.connect(.postgres(url: Self.url(base, database: "postgres")), maxConnectionsPerEventLoop: 1) }
        }
        return try await admin!.value
    }

    private static func url(_ base: String, database: String) -> String {
        "\(base)/\(database)"
    }

    private static func offPool<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            Thread { continuation.resume(returning: work()) }.start()
        }
    }

    private func startIfNeeded() async throws -> String {
        if startup == nil {
            startup = Task {
                if let external = ProcessInfo.processInfo.environment["GROUNDBREAK_TEST_POSTGRES_URL"], !external.isEmpty {
                    return .success(external.hasSuffix("/") ? String(external.dropLast()) : external)
                }
                // initdb and pg_ctl block; keep them off the cooperative thread pool.
                return await Self.offPool {
                    Result { try Self.startCluster() }.mapError { $0 as? Unavailable ?? Unavailable(reason: "\($0)") }
                }
            }
        }
        return try await startup!.value.get()
    }

    // MARK: Cluster

    static func binDirectory() -> String? {
        let fm = FileManager.default
        if let versions = try? fm.contentsOfDirectory(atPath: "/usr/lib/postgresql") {
            for version in versions.sorted(by: { (Int($0) ?? 0) > (Int($1) ?? 0) }) {
                let bin = "/usr/lib/postgresql/\(version)/bin"
                if fm.isExecutableFile(atPath: bin + "/initdb") { return bin }
            }
        }
        for directory in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            if fm.isExecutableFile(atPath: "\(directory)/initdb") && fm.isExecutableFile(atPath: "\(directory)/pg_ctl") {
                return String(directory)
            }
        }
        return nil
    }

    /// Whether `initdb` and `pg_ctl` are installed (or an external server is configured).
    public static var isAvailable: Bool {
        if let external = ProcessInfo.processInfo.environment["GROUNDBREAK_TEST_POSTGRES_URL"], !external.isEmpty { return true }
        return binDirectory() != nil
    }

    private static func startCluster() throws -> String {
        guard let bin = binDirectory() else {
            throw Unavailable(reason: "PostgreSQL 未安装（找不到 initdb/pg_ctl）")
        }
        let isRoot = getuid() == 0
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("groundbreak-pg-\(getpid())-\(UUID().uuidString.prefix(8))").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        // PostgreSQL refuses to run as root: the cluster belongs to the postgres user.
        let runAs: [String] = isRoot ? ["/usr/sbin/runuser", "-u", "postgres", "--"] : []
        if isRoot {
            try run(["/bin/chown", "postgres:postgres", directory])
            try run(["/bin/chmod", "700", directory])
        }
        let data = directory + "/data"
        try run(runAs + [bin + "/initdb", "-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync"])
        let port = try freePort()
        let options = "-p \(port) -k \(directory) -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=400"
        try run(runAs + [bin + "/pg_ctl", "-D", data, "-l", directory + "/server.log", "-o", options, "-w", "-t", "60", "start"])
        registerStop(command: runAs + [bin + "/pg_ctl", "-D", data, "-m", "immediate", "stop"], directory: directory)
        FileHandle.standardError.write(Data("PostgreSQL test cluster on 127.0.0.1:\(port) (\(directory))\n".utf8))
        return "postgres://postgres@127.0.0.1:\(port)"
    }

    private static func run(_ arguments: [String]) throws {
        do {
            try ChildProcess.run(arguments)
        } catch {
            throw Unavailable(reason: "\(error)")
        }
    }

    private static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Unavailable(reason: "socket() failed") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        guard bound else { throw Unavailable(reason: "could not find a free port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    nonisolated(unsafe) private static var stopCommand: [String] = []
    nonisolated(unsafe) private static var clusterDirectory = ""

    /// Stops the cluster at exit, and starts a watchdog that stops it if this process dies
    /// without running exit handlers.
    private static func registerStop(command: [String], directory: String) {
        stopCommand = command
        clusterDirectory = directory
        atexit {
            PostgresHarness.stopNow()
        }
        let quoted = command.map { "'\($0)'" }.joined(separator: " ")
        let script = "while kill -0 \(getpid()) 2>/dev/null; do sleep 1; done; \(quoted) >/dev/null 2>&1; rm -rf '\(directory)'"
        _ = try? ChildProcess.spawn(["/usr/bin/setsid", "/bin/sh", "-c", script], outputPath: "/dev/null")
    }

    private static func stopNow() {
        guard !stopCommand.isEmpty else { return }
        try? run(stopCommand)
        try? FileManager.default.removeItem(atPath: clusterDirectory)
        stopCommand = []
    }
}
