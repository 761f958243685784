import Logging
import Synchronization

/// Where every logger of the process writes — standard error, as swift-log does by default — and
/// from which level on (`GROUNDBREAK_LOG_LEVEL`). swift-log takes one bootstrap per process: the
/// first settings a command loads decide it, and loggers made before it keep swift-log's `info`.
enum LogOutput {
    private static let started = Mutex(false)

    static func handler(label: String, level: Logger.Level) -> any LogHandler {
        var handler = StreamLogHandler.standardError(label: label)
        handler.logLevel = level
        return handler
    }

    static func start(level: Logger.Level) {
        let first = started.withLock { started in
            defer { started = true }
            return !started
        }
        guard first else { return }
        LoggingSystem.bootstrap { label in handler(label: label, level: level) }
    }
}
