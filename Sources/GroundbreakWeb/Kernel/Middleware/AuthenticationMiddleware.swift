import Foundation
import GroundbreakDomain
import GroundbreakStore
import HTTPTypes
import Hummingbird

/// Finds who is asking: an API token (`Authorization: Bearer gbt_…`) or the session behind the
/// cookie, and puts the principal into the context. Sessions end after `sessionIdleTimeout`
/// without a request and `sessionAbsoluteTimeout` after sign-in; a locked or disabled account has
/// no session and no token.
struct AuthenticationMiddleware: RouterMiddleware {
    typealias Context = AppContext
    static let cookieName = "gb_session"
    /// Writing `last_seen_at` on every request would make every read a write; once a minute is
    /// precise enough for a 30-minute idle timeout. Token use is recorded on the same rhythm.
    static let touchInterval: TimeInterval = 60

    let services: AppServices

    func handle(_ request: Request, context: AppContext, next: (Request, AppContext) async throws -> Response) async throws -> Response {
        var context = context
        var counters: RequestCounters?
        let now = services.clock.now()
        if let authorization = request.headers[.authorization] {
            guard authorization.hasPrefix("Bearer "),
                  let (token, user, read) = try await services.tokens.find(token: String(authorization.dropFirst("Bearer ".count)),
                                                                           reusable: { token, _ in !Self.touchDue(token.lastUsedAt, now: now) }),
                  !user.disabled, !user.isLocked(at: now)
            else {
                if let sample = services.refusals.refuse(from: context.sourceIP, now: now) {
                    try await services.audit.record(entity: "auth", entityId: "token", action: "token-rejected",
                                                    reason: WebText.Audit.refusalSample(previous: sample.previousCount), actor: context.auditActor, now: now)
                }
                throw AppError(.unauthorized, kind: "invalid-token", title: WebText.Errors.invalidToken)
            }
            context.principal = try await principal(of: user, at: read)
            context.apiToken = token
            counters = read
            if Self.touchDue(token.lastUsedAt, now: now) {
                try await touch("token:\(token.id)", now: now) {
                    try await services.tokens.touch(id: token.id, now: now, interval: Self.touchInterval, path: request.uri.path, actor: context.auditActor)
                }
            }
        } else if let cookie = request.cookies[Self.cookieName]?.value, !cookie.isEmpty,
                  let (session, user, read) = try await services.sessions.findWithUser(token: cookie, reusable: { session, _ in
                      now < session.expiresAt && now.timeIntervalSince(session.lastSeenAt) < services.settings.sessionIdleTimeout
                          && !Self.touchDue(session.lastSeenAt, now: now)
                  }) {
            let settings = services.settings
            let idle = now.timeIntervalSince(session.lastSeenAt) > settings.sessionIdleTimeout
            if now >= session.expiresAt || idle || user.disabled || user.isLocked(at: now) {
                try await services.sessions.delete(tokenHash: session.tokenHash)
            } else {
                if Self.touchDue(session.lastSeenAt, now: now) {
                    try await touch("session:\(session.tokenHash)", now: now) {
                        try await services.sessions.touch(tokenHash: session.tokenHash, now: now, interval: Self.touchInterval)
                    }
                }
                context.session = session
                context.principal = try await principal(of: user, at: read)
                counters = read
            }
        }
        guard let counters else { return try await next(request, context) }
        return try await counters.during { try await next(request, context) }
    }

    /// Whether a credential last noted at `noted` is to be noted again. A credential kept in memory
    /// is reused only while it is not (nor expired, nor idle): the request then decides as it
    /// would on the row read afresh, whose time another instance may have moved on since.
    static func touchDue(_ noted: Date?, now: Date) -> Bool {
        noted.map { now.timeIntervalSince($0) >= touchInterval } ?? true
    }

    /// `write` by the first of the requests that find `key` due (`TouchGate`).
    private func touch(_ key: String, now: Date, _ write: () async throws -> Void) async throws {
        guard services.touches.claim(key, now: now, interval: Self.touchInterval) else { return }
        do {
            try await write()
        } catch {
            services.touches.release(key)
            throw error
        }
    }

    /// The user as the policy sees them: with the projects and classes their seat follows through
    /// a task force, as of the counters the request read with its session or token (every change
    /// to a task force, its groups or a project's classes moves them).
    func principal(of user: UserAccount, at counters: RequestCounters) async throws -> Principal {
        var principal = user.principal
        if let seat = principal.positionId {
            let taskForces = services.taskForces
            (principal.followedProjects, principal.followedClasses) = try await services.followedBySeat.value(for: "\(counters.figures)|seat \(seat)") {
                try await taskForces.followed(seat: seat)
            }
        }
        return principal
    }
}
