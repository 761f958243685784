import GroundbreakDomain
import GroundbreakStore
import HTTPTypes
import Hummingbird

/// Why a page's form was not taken: every reason, the status to answer with, and the version
/// the record has now when it moved under the caller.
struct FormRefusal: Sendable {
    var errors: [FieldError]
    var status: HTTPResponse.Status
    var currentVersion: Int?
}

/// What every page does with a form, written once: run the change (which answers with where to
/// go next); when a rule refuses it, re-render the form with every message and what was typed
/// (422); when the record moved since the form was read, re-render it with one wording naming
/// the version it has now (409). Nothing is changed in either case.
enum FormSubmission {
    static func submit(
        conflictField: String = "version",
        _ change: () async throws -> Response,
        refused: (FormRefusal) async throws -> Response
    ) async throws -> Response {
        do {
            return try await change()
        } catch StoreError.invalid(let failure) {
            return try await refused(FormRefusal(errors: failure.errors, status: .unprocessableContent))
        } catch let error as AppError where error.status == .unprocessableContent && !error.fieldErrors.isEmpty {
            return try await refused(FormRefusal(errors: error.fieldErrors, status: .unprocessableContent))
        } catch StoreError.conflict(let current) {
            return try await refused(FormRefusal(errors: [FieldError(conflictField, .staleVersion(current: current))], status: .conflict, currentVersion: current))
        }
    }
}
