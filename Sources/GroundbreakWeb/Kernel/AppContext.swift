import Foundation
import GroundbreakDomain
import GroundbreakStore
import Hummingbird
import Logging

/// Per-request state: who is asking, through which session, from where.
public struct AppContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    public var principal: Principal?
    /// Set when the request came with a session cookie (not with an API token).
    public var session: SessionRecord?
    /// Set when the request came with an API token.
    public var apiToken: APIToken?
    public var sourceIP: String
    public var maxUploadSize: Int

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        principal = nil
        session = nil
        apiToken = nil
        sourceIP = source.channel.remoteAddress?.ipAddress ?? ""
        maxUploadSize = 1 << 20
    }

    /// The request id Hummingbird put in the logger; also written to the audit trail.
    public var requestId: String {
        logger[metadataKey: "hb.request.id"].map { "\($0)" } ?? ""
    }

    var auditActor: AuditActor {
        AuditActor(userId: principal?.userId, name: principal?.displayName ?? WebText.Server.anonymous, sourceIP: sourceIP, requestId: requestId,
                   unit: principal?.unit?.text ?? "")
    }
}
