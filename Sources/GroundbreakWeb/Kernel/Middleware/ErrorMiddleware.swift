import Foundation
import GroundbreakDomain
import GroundbreakStore
import HTTPTypes
import Hummingbird
import Logging

/// Turns every error into an answer with the same status for both audiences: problem+json under
/// `/api/`, an error page elsewhere. Unexpected errors are logged and answered with a 500 that
/// reveals nothing.
struct ErrorMiddleware: RouterMiddleware {
    typealias Context = AppContext

    func handle(_ request: Request, context: AppContext, next: (Request, AppContext) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let redirect as RedirectToLogin {
            return Responses.redirect(.login(next: redirect.next))
        } catch let redirect as RedirectTo {
            return Responses.redirect(to: redirect.path)
        } catch {
            let appError = Self.appError(for: error, context: context)
            if request.uri.path.hasPrefix("/api/") {
                return Responses.problem(appError, instance: request.uri.path)
            }
            return Responses.html(ErrorPage(error: appError, principal: context.principal, csrfToken: context.session?.csrfToken).document, status: appError.status)
        }
    }

    static func appError(for error: any Error, context: AppContext) -> AppError {
        switch error {
        case let error as AppError:
            return error
        case let error as StoreError:
            return AppError.from(error)
        case let error as UserRepository.Problem:
            return AppError(.unprocessableContent, kind: "validation-failed", title: error.description)
        case let error as HTTPError:
            switch error.status {
            case .notFound: return .notFound
            case .contentTooLarge: return .tooLarge
            case .methodNotAllowed: return AppError(.methodNotAllowed, kind: "method-not-allowed", title: WebText.Errors.methodNotAllowed)
            case .unauthorized: return .unauthorized
            case .forbidden: return .forbidden
            default:
                if error.status.code < 500 {
                    return AppError(error.status, kind: "bad-request", title: WebText.Errors.badRequest, detail: error.body)
                }
            }
        default:
            if StoreError.isUnavailable(error) {
                context.logger.warning("database unavailable", metadata: ["error": "\(String(reflecting: error))"])
                return AppError(.serviceUnavailable, kind: "database-unavailable", title: WebText.Errors.databaseUnavailable)
            }
        }
        context.logger.error("unhandled error", metadata: ["error": "\(String(reflecting: error))"])
        return AppError(.internalServerError, kind: "server-error", title: WebText.Errors.server)
    }
}
