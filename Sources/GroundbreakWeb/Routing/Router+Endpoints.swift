import Crypto
import Foundation
import GroundbreakStore
import HTTPTypes
import Hummingbird
import NIOCore

typealias Handler = @Sendable (EndpointRequest) async throws -> Response

/// Registers every `Endpoint` with the same guard in front of it: sign-in, policy, CSRF and the
/// body size limit are checked here and nowhere else.
enum EndpointRegistry {
    static func handler(for endpoint: Endpoint) -> Handler {
        switch endpoint {
        case .healthz: SystemHandlers.healthz
        case .metrics: SystemHandlers.metrics
        case .asset: SystemHandlers.asset
        case .loginPage: AuthPages.loginPage
        case .loginSubmit: AuthPages.loginSubmit
        case .logout: AuthPages.logout
        case .home: { _ in Responses.redirect(.ledger) }
        case .ledgerPage: ProjectPages.ledger
        case .ledgerCSV: ProjectPages.ledgerCSV
        case .projectNewPage: ProjectPages.newForm
        case .projectCreate: ProjectPages.create
        case .projectShowPage: { try await ProjectPages.show($0) }
        case .projectEditPage: ProjectPages.editForm
        case .projectUpdate: ProjectPages.update
        case .projectTransition: ProjectPages.transition
        case .apiOpenAPI: ProjectsAPI.openAPI
        case .apiListProjects: ProjectsAPI.list
        case .apiCreateProject: ProjectsAPI.create
        case .apiGetProject: ProjectsAPI.get
        case .apiUpdateProject: ProjectsAPI.update
        case .apiTransitionProject: ProjectsAPI.transition
        case .apiProjectHistory: ProjectsAPI.history
        case .apiReference: ProjectsAPI.reference
        }
    }

    static func register(on router: Router<AppContext>, services: AppServices) {
        for endpoint in Endpoint.allCases {
            let handler = handler(for: endpoint)
            router.on(RouterPath(endpoint.pattern), method: endpoint.method) { request, context in
                let prepared = try await prepare(endpoint, request: request, context: context, services: services)
                return try await handler(prepared)
            }
        }
    }

    static func prepare(_ endpoint: Endpoint, request: Request, context: AppContext, services: AppServices) async throws -> EndpointRequest {
        var input = EndpointRequest(endpoint: endpoint, request: request, context: context, services: services)
        if let action = endpoint.action {
            switch Policy.decide(action, for: context.identity) {
            case .allow:
                break
            case .unauthenticated:
                if endpoint.kind == .page && endpoint.method == .get {
                    throw RedirectToLogin(next: request.uri.path + (request.uri.query.map { "?" + $0 } ?? ""))
                }
                throw AppError.unauthorized
            case .deny:
                throw AppError.forbidden
            }
        }
        guard endpoint.isMutation else { return input }
        let limit = services.settings.maxBodyBytes
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limit { throw AppError.tooLarge }
        do {
            input.body = try await request.body.collect(upTo: limit)
        } catch is NIOTooManyBytesError {
            throw AppError.tooLarge
        }
        if endpoint.kind == .page {
            let contentType = request.headers[.contentType]?.lowercased() ?? ""
            guard contentType.hasPrefix("application/x-www-form-urlencoded") else { throw AppError.unsupportedMediaType }
            input.form = FormData(encoded: input.body.map { String(buffer: $0) } ?? "")
        }
        try checkCSRF(input)
        return input
    }

    /// Forms carry the session's token in `_csrf`; API calls made with the session cookie carry
    /// it in `X-CSRF-Token`. Sign-in, before any session, uses a double-submit cookie.
    static func checkCSRF(_ input: EndpointRequest) throws {
        let presented: String
        let expected: String?
        if input.endpoint == .loginSubmit {
            // Double submit, signed: the form carries the HMAC of the cookie's value, so a cookie
            // planted by a neighbouring site cannot be paired with a form value of its own.
            presented = input.form?["_csrf"] ?? ""
            expected = input.request.cookies[AuthPages.loginCSRFCookie].map { input.services.sign($0.value) }
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
