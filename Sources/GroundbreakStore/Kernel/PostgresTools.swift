import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// PostgreSQL's own client programs (`pg_dump`, `pg_restore`), found on `PATH` or where Debian
/// installs them, run to the end without holding a thread. Spawned with `posix_spawn` and reaped
/// by polling `waitpid`: Foundation's `Process` on Linux can miss a child's exit when other code
/// in the process reaps children too, and then waits forever.
enum PostgresTools {
    static func path(of tool: String) -> String? {
        let fm = FileManager.default
        for directory in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") where fm.isExecutableFile(atPath: "\(directory)/\(tool)") {
            return "\(directory)/\(tool)"
        }
        let versions = (try? fm.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? []
        for version in versions.sorted(by: { (Int($0) ?? 0) > (Int($1) ?? 0) }) where fm.isExecutableFile(atPath: "/usr/lib/postgresql/\(version)/bin/\(tool)") {
            return "/usr/lib/postgresql/\(version)/bin/\(tool)"
        }
        return nil
    }

    static func run(_ tool: String, _ arguments: [String]) async throws {
        guard let path = path(of: tool) else { throw BackupError(description: StoreText.Backup.toolMissing(tool)) }
        // Output into a file, not a pipe: a full pipe would stall the tool.
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("groundbreak-\(tool)-\(UUID().uuidString).log").path
        defer { unlink(log) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, log, O_WRONLY | O_CREAT | O_APPEND, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        let envp = ProcessInfo.processInfo.environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, path, &actions, nil, argv, envp)
        guard spawned == 0 else { throw BackupError(description: StoreText.Backup.toolFailed(tool, String(cString: strerror(spawned)))) }
        var status: Int32 = 0
        var reaped = true
        while true {
            let result = waitpid(pid, &status, WNOHANG)
            if result == pid { break }
            // Reaped elsewhere (ECHILD): the status is lost; what the tool wrote is checked by the caller
            // (the dump's checksum, the restored figures).
            if result == -1 && errno != EINTR { reaped = false; break }
            try? await Task.sleep(for: .milliseconds(100))
        }
        let exited = !reaped || (status & 0x7f == 0 && (status >> 8) & 0xff == 0)
        guard exited else {
            let output = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
            throw BackupError(description: StoreText.Backup.toolFailed(tool, String(output.suffix(2_000))))
        }
    }
}
