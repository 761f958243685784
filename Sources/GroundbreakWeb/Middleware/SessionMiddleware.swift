import Foundation
import GroundbreakDomain
import GroundbreakStore
import Hummingbird

/// Finds the session behind the cookie and puts the signed-in identity into the context.
/// Sessions end after `sessionIdleTimeout` without a request, and `sessionAbsoluteTimeout` after
/// sign-in, whatever happens in between.
struct SessionMiddleware: RouterMiddleware {
    typealias Context = AppContext
    static let cookieName = "gb_session"
    /// Writing `last_seen_at` on every request would make every read a write; once a minute is
    /// precise enough for a 30-minute idle timeout.
    static let touchInterval: TimeInterval = 60

    let services: AppServices

    func handle(_ request: Request, context: AppContext, next: (Request, AppContext) async throws -> Response) async throws -> Response {
        var context = context
        if let token = request.cookies[Self.cookieName]?.value, !token.isEmpty {
            let now = services.clock.now()
            if let (session, user) = try await services.sessions.findWithUser(token: token) {
                let settings = services.settings
                let idle = now.timeIntervalSince(session.lastSeenAt) > settings.sessionIdleTimeout
                if now >= session.expiresAt || idle {
                    try await services.sessions.delete(tokenHash: session.tokenHash)
                } else if !user.disabled {
                    if now.timeIntervalSince(session.lastSeenAt) >= Self.touchInterval {
                        try await services.sessions.touch(tokenHash: session.tokenHash, now: now)
                    }
                    context.session = session
                    context.identity = Identity(userId: user.id, username: user.username, displayName: user.displayName, isAdmin: user.isAdmin)
                }
            }
        }
        return try await next(request, context)
    }
}
