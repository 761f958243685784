import Foundation
import GroundbreakDomain
import GroundbreakStore
import Hummingbird
import NIOCore
import NIOFoundationCompat

/// What a handler receives: the request, its context, the services, and the body already read
/// (within the size limit) for requests that change state.
struct EndpointRequest: Sendable {
    let endpoint: Endpoint
    let request: Request
    let context: AppContext
    let services: AppServices
    var body: ByteBuffer?
    var form: FormData?
    /// The objects named by `:id` (and what they belong to), loaded and cleared by the policy
    /// before the handler runs; each feature reads its own through a typed accessor.
    var loaded = LoadedObjects()
    /// Files of a `multipart/form-data` upload.
    var files: [Multipart.File] = []

    var principal: Principal? { context.principal }
    var actor: AuditActor { context.auditActor }
    var now: Date { services.clock.now() }
    var today: Day { services.clock.today() }
    var catalog: ReferenceCatalog { services.catalog() }

    /// The projects the caller's grants of `action` reach; what the store filters by.
    func scope(_ action: PolicyAction) -> ProjectScope {
        guard let principal else { return .nothing }
        return Policy.scope(for: action, of: principal, catalog: catalog)
    }

    /// The signed-in user; the guard has already refused anonymous callers on routes that need one.
    func requirePrincipal() throws -> Principal {
        guard let principal else { throw AppError.unauthorized }
        return principal
    }

    /// The numeric `:id` of the path; a non-number is a 404, like a missing row.
    func id() throws -> Int64 {
        guard let text = context.parameters.get("id"), let id = Int64(text), id > 0 else { throw AppError.notFound }
        return id
    }

    var queryItems: [(String, String)] {
        FormData(encoded: request.uri.query ?? "").pairs
    }

    /// The confirmation named by `?notice=`, only ever one of `wordings`: a link cannot make the
    /// page print text of its own as a success banner.
    func notice(_ wordings: [String: String]) -> String? {
        queryItems.first { $0.0 == "notice" }.flatMap { wordings[$0.1] }
    }

    /// Decodes a JSON body (see `JSONBody`); the wrong content type is a 415, no body or bad
    /// JSON a 400, and any field the type does not take, or takes in another form, a 422.
    func json<T: Decodable>(_ type: T.Type) throws -> T {
        let contentType = request.headers[.contentType]?.lowercased() ?? ""
        guard contentType.hasPrefix("application/json") else { throw AppError.unsupportedMediaType }
        guard let body, body.readableBytes > 0 else {
            throw AppError(.badRequest, kind: "malformed-json", title: WebText.Errors.badJSON, detail: WebText.Errors.emptyBody)
        }
        let data = Data(buffer: body)
        let decoded = try JSONBody.decode(T.self, from: data)
        if TextInputGuard.mayHoldForbidden(data) { try TextInputGuard.check(decoded: decoded) }
        return decoded
    }
}
