import Foundation
import GroundbreakDomain
import GroundbreakStore
import HTTPTypes
import Hummingbird
import Logging
import Synchronization

/// Which database a read comes from when a streaming replica is configured
/// (`GROUNDBREAK_DATABASE_READ_URL`). Only endpoints declared `lagTolerant` (dashboards, rankings,
/// the big screen, exports) may read the replica, and only when it is close enough:
///
/// - it has replayed the caller's own last write — a write answers with the primary's figures
///   generation (cookie `gb_seen`, header `Groundbreak-Generation`), which the browser sends back
///   and a program may send as `Groundbreak-Seen`, and the instance notes it for the caller's
///   account (`RecentWrites`) — so nobody misses what they just did;
/// - and it is level with the primary, or what it last replayed was committed at most
///   `readMaxLag` seconds ago (on a busy primary that bounds how far behind it is; on an idle one
///   the generations are level).
///
/// A replica that cannot be reached, or cancels a query while replaying, sends the read to the
/// primary. The answer says where it was read: `Groundbreak-Read: replica` or `primary`.
enum ReadRouting {
    enum Source: String, Sendable {
        case primary, replica
    }

    static let seenCookie = "gb_seen"
    static let seenHeader = HTTPField.Name("Groundbreak-Seen")!
    static let generationHeader = HTTPField.Name("Groundbreak-Generation")!
    static let readHeader = HTTPField.Name("Groundbreak-Read")!
    /// For how many seconds the oldest figures of a lag-tolerant answer may have missed changes,
    /// when they were older than asked.
    static let figuresLagHeader = HTTPField.Name("Groundbreak-Figures-Lag")!

    /// The rule, on its own so it can be tested without a replica.
    static func source(seen: Int64?, primary: FiguresGeneration, replica: Database.ReplicaPosition?, maxLag: Double) -> Source {
        guard let replica else { return .primary }
        if let seen, replica.generation.data < seen { return .primary }
        if replica.generation == primary { return .replica }
        guard replica.generation.data <= primary.data, replica.generation.shared <= primary.shared,
              let age = replica.replayAgeSeconds, age <= maxLag else { return .primary }
        return .replica
    }

    static func answer(_ input: EndpointRequest, with handler: Handler) async throws -> Response {
        let settings = input.services.settings
        let database = input.services.database
        if input.endpoint.isMutation {
            guard database.hasReplica || settings.figuresMaxLag > 0 else { return try await handler(input) }
            let written = DataGeneration.Written()
            let response = try await DataGeneration.$written.withValue(written) { try await handler(input) }
            return markingSeen(response, generation: written.value, input: input)
        }
        guard input.endpoint.toleratesLag, database.hasReplica || settings.figuresMaxLag > 0 else { return try await handler(input) }
        let seen = seen(input)
        guard settings.figuresMaxLag > 0 else { return try await routed(input, seen: seen, with: handler) }
        let lag = FiguresLag(seen: seen, maxLag: settings.figuresMaxLagDuration)
        var response = try await FiguresLag.$current.withValue(lag) { try await routed(input, seen: seen, with: handler) }
        if let seconds = lag.stalenessSeconds { response.headers[figuresLagHeader] = String(seconds) }
        return response
    }

    /// A lag-tolerant read, from the replica when it is close enough.
    private static func routed(_ input: EndpointRequest, seen: Int64?, with handler: Handler) async throws -> Response {
        let database = input.services.database
        guard database.hasReplica else { return try await handler(input) }
        var source = await source(for: input, seen: seen)
        var response: Response
        if source == .replica {
            do {
                response = try await database.readingReplica { try await handler(input) }
                // Exports write their body after the handler returns: it reads the replica too.
                let body = response.body
                response.body = ResponseBody(contentLength: body.contentLength) { writer in
                    try await database.readingReplica { try await body.write(writer) }
                }
            } catch where StoreError.isReplicaFailure(error) {
                if StoreError.isUnavailable(error) { input.services.replicaPause.start() }
                input.services.logger.warning("replica read failed; read from the primary", metadata: ["error": "\(String(reflecting: error))"])
                source = .primary
                response = try await handler(input)
            }
        } else {
            response = try await handler(input)
        }
        response.headers[readHeader] = source.rawValue
        return response
    }

    static func source(for input: EndpointRequest, seen: Int64?) async -> Source {
        let database = input.services.database
        let pause = input.services.replicaPause
        guard !pause.isPaused else { return .primary }
        do {
            let replica = try await database.replicaPosition()
            let primary = try await database.primaryGeneration()
            return source(seen: seen, primary: primary, replica: replica, maxLag: input.services.settings.readMaxLag)
        } catch {
            pause.start()
            input.services.logger.warning("replica position unknown; reads go to the primary for a while", metadata: ["error": "\(String(reflecting: error))"])
            return .primary
        }
    }

    /// The generation the caller's last write left on the primary, as the cookie or header says,
    /// or as this instance noted for the caller's account (`RecentWrites`).
    static func seen(_ input: EndpointRequest) -> Int64? {
        let sent = [input.request.headers[seenHeader], input.request.cookies[seenCookie]?.value].compactMap { $0.flatMap { Int64($0) } }
        let own = input.principal.flatMap { input.services.recentWrites.seen(user: $0.userId) }
        return (own.map { sent + [$0] } ?? sent).max()
    }

    /// A successful write tells the caller the figures generation it moved the primary to, which
    /// the caller's next lag-tolerant reads must include (from the replica, or from the figures
    /// caches; `FiguresLag`). The cookie outlives both lags allowed: once that has passed, figures
    /// or a replica without the write are too old to be read anyway.
    static func markingSeen(_ response: Response, generation: Int64?, input: EndpointRequest) -> Response {
        guard response.status.code < 400, let generation else { return response }
        if let user = input.principal?.userId { input.services.recentWrites.note(user: user, generation: generation) }
        var response = response
        response.headers[generationHeader] = String(generation)
        let maxAge = Int(((input.services.settings.longestReadLag + .seconds(60)) / .seconds(1)).rounded(.up))
        response.setCookie(Cookie(name: seenCookie, value: String(generation), maxAge: maxAge,
                                  path: "/", secure: AuthPages.isSecure(input), httpOnly: true, sameSite: .lax))
        return response
    }
}

/// After the replica failed to answer, reads skip it for a while instead of each waiting for the
/// pool's timeout (a replica host that drops packets would otherwise hold every dashboard 3 s).
final class ReplicaPause: Sendable {
    private let until = Mutex<ContinuousClock.Instant?>(nil)
    let length: Duration

    init(length: Duration = .seconds(10)) {
        self.length = length
    }

    var isPaused: Bool { until.withLock { $0.map { ContinuousClock.now < $0 } ?? false } }

    func start() {
        until.withLock { $0 = ContinuousClock.now.advanced(by: length) }
    }
}
