import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs programs with `posix_spawn` and `waitpid`. Foundation's `Process` on Linux can miss a
/// child's exit when other code in the process also reaps children, and then waits forever.
public enum ChildProcess {
    public struct Failed: Error, CustomStringConvertible {
        public let command: String
        public let status: Int32
        public let output: String
        public var description: String { "\(command) 退出码 \(status)：\(output)" }
    }

    /// Runs to completion; stdout and stderr go to a temporary file that is returned as text.
    @discardableResult
    public static func run(_ arguments: [String], environment: [String: String]? = nil) throws -> String {
        let logPath = FileManager.default.temporaryDirectory.appendingPathComponent("groundbreak-cmd-\(UUID().uuidString).log").path
        defer { unlink(logPath) }
        let pid = try spawn(arguments, outputPath: logPath, environment: environment)
        let status = wait(pid)
        let output = (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? ""
        guard status == 0 else { throw Failed(command: arguments.joined(separator: " "), status: status, output: output) }
        return output
    }

    /// Starts a program in the background, output appended to `outputPath`.
    public static func spawn(_ arguments: [String], outputPath: String, environment: [String: String]? = nil) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_APPEND, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        var env = environment ?? ProcessInfo.processInfo.environment
        if environment != nil { env.merge(ProcessInfo.processInfo.environment) { mine, _ in mine } }
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, arguments[0], &actions, nil, argv, envp)
        guard result == 0 else {
            throw Failed(command: arguments.joined(separator: " "), status: result, output: String(cString: strerror(result)))
        }
        return pid
    }

    /// Waits for a child and returns its exit status (128 + signal when killed).
    public static func wait(_ pid: pid_t) -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        if status & 0x7f == 0 { return (status >> 8) & 0xff }
        return 128 + (status & 0x7f)
    }

    /// Waits for a child without holding a thread: polls every `interval`.
    public static func waitAsync(_ pid: pid_t, interval: Duration = .milliseconds(200)) async -> Int32 {
        var status: Int32 = 0
        while true {
            let result = waitpid(pid, &status, WNOHANG)
            if result == pid { break }
            if result == -1 && errno != EINTR { return -1 }
            try? await Task.sleep(for: interval)
        }
        if status & 0x7f == 0 { return (status >> 8) & 0xff }
        return 128 + (status & 0x7f)
    }

    /// The full path of `name` on `PATH`, if it is there.
    public static func find(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Asks a child to end (SIGTERM), and kills it if it is still there after `grace`.
    public static func stop(_ pid: pid_t, grace: Duration = .seconds(5)) async {
        kill(pid, SIGTERM)
        let deadline = ContinuousClock.now + grace
        var status: Int32 = 0
        while ContinuousClock.now < deadline {
            if waitpid(pid, &status, WNOHANG) != 0 { return }
            try? await Task.sleep(for: .milliseconds(100))
        }
        kill(pid, SIGKILL)
        _ = wait(pid)
    }
}
