import Foundation
import GroundbreakStore
import Hummingbird
import Logging

/// The signed-in user of a request.
public struct Identity: Sendable, Equatable {
    public var userId: Int64
    public var username: String
    public var displayName: String
    public var isAdmin: Bool
}

/// Per-request state: who is asking, through which session, from where.
public struct AppContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    public var identity: Identity?
    public var session: SessionRecord?
    public var sourceIP: String
    public var maxUploadSize: Int

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        identity = nil
        session = nil
        sourceIP = source.channel.remoteAddress?.ipAddress ?? ""
        maxUploadSize = 1 << 20
    }

    /// The request id Hummingbird put in the logger; also written to the audit trail.
    public var requestId: String {
        logger[metadataKey: "hb.request.id"].map { "\($0)" } ?? ""
    }

    var auditActor: AuditActor {
        AuditActor(userId: identity?.userId, name: identity?.displayName ?? "匿名", sourceIP: sourceIP, requestId: requestId)
    }
}
