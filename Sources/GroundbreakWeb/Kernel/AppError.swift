import Foundation
import GroundbreakDomain
import GroundbreakStore
import HTTPTypes

/// An error with everything needed to answer it: status, a machine type, a Chinese title, and
/// for input problems the fields at fault. Rendered as problem+json for the API and as a page
/// (or the form again) for browsers.
public struct AppError: Error, Sendable {
    public var status: HTTPResponse.Status
    /// Machine-readable kind, e.g. `validation-failed`; becomes `urn:groundbreak:problem:<kind>`.
    public var kind: String
    public var title: String
    public var detail: String?
    public var fieldErrors: [FieldError] = []
    public var currentVersion: Int?

    public init(_ status: HTTPResponse.Status, kind: String, title: String, detail: String? = nil, fieldErrors: [FieldError] = [], currentVersion: Int? = nil) {
        self.status = status
        self.kind = kind
        self.title = title
        self.detail = detail
        self.fieldErrors = fieldErrors
        self.currentVersion = currentVersion
    }

    public static let notFound = AppError(.notFound, kind: "not-found", title: WebText.Errors.notFound)
    public static let unauthorized = AppError(.unauthorized, kind: "unauthorized", title: WebText.Errors.unauthorized)
    public static let forbidden = AppError(.forbidden, kind: "forbidden", title: WebText.Errors.forbidden)
    public static let csrf = AppError(.forbidden, kind: "csrf-failed", title: WebText.Errors.csrf)
    public static let badJSON = AppError(.badRequest, kind: "malformed-json", title: WebText.Errors.badJSON)
    public static let unsupportedMediaType = AppError(.unsupportedMediaType, kind: "unsupported-media-type", title: WebText.Errors.unsupportedMediaType)
    public static let badMultipart = AppError(.badRequest, kind: "malformed-multipart", title: WebText.Server.badMultipart)
    public static let tooLarge = AppError(.contentTooLarge, kind: "body-too-large", title: WebText.Errors.tooLarge)

    static func validation(_ failure: ValidationFailure, title: String = WebText.Errors.validation) -> AppError {
        AppError(.unprocessableContent, kind: "validation-failed", title: title, fieldErrors: failure.errors)
    }

    public static func badQuery(_ failure: ValidationFailure) -> AppError {
        AppError(.badRequest, kind: "invalid-query", title: WebText.Errors.badQuery, fieldErrors: failure.errors)
    }

    public static func conflict(currentVersion: Int) -> AppError {
        AppError(.conflict, kind: "version-conflict", title: WebText.Errors.conflict, currentVersion: currentVersion)
    }

    /// The answer for a store outcome.
    static func from(_ error: StoreError) -> AppError {
        switch error {
        case .notFound: .notFound
        case .conflict(let version): .conflict(currentVersion: version)
        case .invalid(let failure): .validation(failure)
        case .forbidden: .forbidden
        case .storageUnavailable: AppError(.serviceUnavailable, kind: "storage-unavailable", title: WebText.Errors.storageUnavailable)
        }
    }

    public var typeURI: String { "urn:groundbreak:problem:\(kind)" }
}
