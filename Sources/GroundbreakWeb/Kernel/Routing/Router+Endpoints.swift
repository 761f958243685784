import Crypto
import Foundation
import GroundbreakDomain
import GroundbreakStore
import HTTPTypes
import Hummingbird
import NIOCore

/// Registers every `Endpoint` with the same guard in front of it: sign-in, policy, CSRF and the
/// body size limit are checked here and nowhere else.
enum EndpointRegistry {
    static func register(on router: Router<AppContext>, services: AppServices) {
        for endpoint in Endpoint.allCases {
            let handler = endpoint.handler
            router.on(RouterPath(endpoint.pattern), method: endpoint.method) { request, context in
                // Field names are read in the words of the feature answering (a meeting's
                // `title` is 会议名称), including in refusals rendered after the handler returns.
                try await FieldLabels.$feature.withValue(endpoint.feature) {
                    do {
                        let prepared = try await prepare(endpoint, request: request, context: context, services: services)
                        return try await ReadRouting.answer(prepared, with: handler)
                    } catch {
                        throw resolvingLabels(error)
                    }
                }
            }
        }
    }

    /// A refusal's field errors put into words now, while the feature's labels are in force.
    static func resolvingLabels(_ error: any Error) -> any Error {
        switch error {
        case var appError as AppError where !appError.fieldErrors.isEmpty:
            appError.fieldErrors = appError.fieldErrors.map { $0.resolved() }
            return appError
        case StoreError.invalid(let failure):
            return StoreError.invalid(ValidationFailure(failure.errors.map { $0.resolved() }))
        default:
            return error
        }
    }

    static func prepare(_ endpoint: Endpoint, request: Request, context: AppContext, services: AppServices) async throws -> EndpointRequest {
        var input = EndpointRequest(endpoint: endpoint, request: request, context: context, services: services)
        if let action = endpoint.action {
            try await authorise(action, &input)
        }
        guard endpoint.isMutation else { return input }
        let limit = endpoint.acceptsUpload ? services.settings.maxUploadBytes : services.settings.maxBodyBytes
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limit { throw AppError.tooLarge }
        do {
            input.body = try await request.body.collect(upTo: limit)
        } catch is NIOTooManyBytesError {
            throw AppError.tooLarge
        }
        if endpoint.kind == .page {
            let contentType = request.headers[.contentType] ?? ""
            if endpoint.acceptsUpload, let boundary = Multipart.boundary(contentType) {
                guard let parts = Multipart.parse(input.body.map { Array($0.readableBytesView) } ?? [], boundary: boundary) else {
                    throw AppError.badMultipart
                }
                input.form = FormData(pairs: parts.fields)
                input.files = parts.files
            } else {
                guard contentType.lowercased().hasPrefix("application/x-www-form-urlencoded") else { throw AppError.unsupportedMediaType }
                input.form = FormData(encoded: input.body.map { String(buffer: $0) } ?? "")
            }
        }
        try checkCSRF(input)
        if let form = input.form { try TextInputGuard.check(form.pairs + input.files.map { ("file", $0.filename) }) }
        // Raw uploads name their file (and month) in the query.
        if endpoint.acceptsUpload && endpoint.kind == .api { try TextInputGuard.check(input.queryItems) }
        return input
    }

    /// The policy's answer for this route, and for the object its `:id` names. Denials are
    /// written to the audit trail.
    static func authorise(_ action: PolicyAction, _ input: inout EndpointRequest) async throws {
        let endpoint = input.endpoint
        let catalog = input.catalog
        let principal = input.principal
        var decision = Policy.decide(action, for: principal, catalog: catalog)
        if decision == .unauthenticated {
            if endpoint.kind == .page && endpoint.method == .get {
                throw RedirectToLogin(next: input.request.uri.path + (input.request.uri.query.map { "?" + $0 } ?? ""))
            }
            throw AppError.unauthorized
        }
        if principal?.mustChangePassword == true && !endpoint.allowedBeforePasswordChange {
            if endpoint.kind == .page && endpoint.method == .get { throw RedirectTo(path: Route.password.path) }
            throw AppError(.forbidden, kind: "password-change-required", title: WebText.Errors.mustChangePassword)
        }
        if decision == .allow, let load = endpoint.target.load {
            decision = try await load(&input, action)
        }
        switch decision {
        case .allow:
            return
        case .unauthenticated:
            throw AppError.unauthorized
        case .deny, .notFound:
            try await input.services.audit.record(
                entity: "route", entityId: endpoint.name, action: "denied",
                reason: "\(input.request.method.rawValue) \(input.request.uri.path)", actor: input.actor, now: input.now
            )
            throw decision == .deny ? AppError.forbidden : AppError.notFound
        }
    }

    /// Forms carry the session's token in `_csrf`; API calls made with the session cookie carry
    /// it in `X-CSRF-Token`. Sign-in, before any session, uses a double-submit cookie.
    static func checkCSRF(_ input: EndpointRequest) throws {
        let presented: String
        let expected: String?
        if input.endpoint.declaration.signInForm {
            // Double submit, signed: the form carries the HMAC of the cookie's value, so a cookie
            // planted by a neighbouring site cannot be paired with a form value of its own.
            presented = input.form?["_csrf"] ?? ""
            expected = input.request.cookies[AuthPages.loginCSRFCookie].map { input.services.sign($0.value) }
        } else if input.context.apiToken != nil {
            // A token is sent deliberately by a program; no browser adds it on its own.
            return
        } else if input.endpoint.kind == .api {
            presented = input.request.headers[HTTPField.Name("X-CSRF-Token")!] ?? ""
            expected = input.context.session?.csrfToken
        } else {
            presented = input.form?["_csrf"] ?? ""
            expected = input.context.session?.csrfToken
        }
        guard let expected, !expected.isEmpty, constantTimeEquals(presented, expected) else { throw AppError.csrf }
    }

    static func constantTimeEquals(_ a: String, _ b: String) -> Bool {
        let left = Array(a.utf8), right = Array(b.utf8)
        guard left.count == right.count else { return false }
        var difference: UInt8 = 0
        for index in left.indices { difference |= left[index] ^ right[index] }
        return difference == 0
    }
}

/// Thrown when a page needs a signed-in user; answered with a redirect to the sign-in page.
struct RedirectToLogin: Error {
    let next: String
}

/// Thrown to send the browser elsewhere first (the password page, for a forced change).
struct RedirectTo: Error {
    let path: String
}
