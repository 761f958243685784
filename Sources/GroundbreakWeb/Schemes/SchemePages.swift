import Foundation
import GroundbreakDomain
import GroundbreakStore
import HTTPTypes
import Hummingbird

enum SchemePages {
    static func page(_ input: EndpointRequest) async throws -> Response {
        try await render(input, errors: [], status: .ok)
    }

    static func render(_ input: EndpointRequest, errors: [FieldError], status: HTTPResponse.Status, editing: Int64? = nil) async throws -> Response {
        let region = FormData(pairs: input.queryItems)["region"]
        let all = try await input.services.schemes.schemes(regionCodes: region.isEmpty ? nil : [region])
        let manages = input.principal.map { Policy.decide(.manageSchemes, for: $0, catalog: input.catalog) == .allow } ?? false
        let page = SchemesPage(context: PageContext(input), schemes: all, counts: try await input.services.schemes.projectCounts(), catalog: input.catalog,
                               manages: manages, errors: errors, editing: editing)
        return Responses.html(page.document, status: status)
    }

    static func create(_ input: EndpointRequest) async throws -> Response {
        let form = input.form ?? FormData(pairs: [])
        return try await FormSubmission.submit({
            _ = try await input.services.schemes.create(regionCode: form["regionCode"], name: form["name"], catalog: input.catalog, actor: input.actor, now: input.now)
            return Responses.redirect(to: Route.schemes().path)
        }, refused: { try await render(input, errors: $0.errors, status: $0.status) })
    }

    static func addClass(_ input: EndpointRequest) async throws -> Response {
        guard let scheme = input.scheme else { throw AppError.notFound }
        let pairs = input.form?.pairs ?? []
        return try await FormSubmission.submit({
            let (item, version, errors) = SchemeInput.draft(pairs, base: SchemeClass(schemeId: scheme.id, name: ""))
            guard errors.isEmpty else { throw StoreError.invalid(ValidationFailure(errors)) }
            _ = try await input.services.schemes.add(item, expectedVersion: version ?? scheme.version, catalog: input.catalog, actor: input.actor, now: input.now)
            return Responses.redirect(to: Route.schemes().path)
        }, refused: { try await render(input, errors: $0.errors, status: $0.status) })
    }

    static func editClass(_ input: EndpointRequest) async throws -> Response {
        guard let scheme = input.scheme, let current = input.schemeClass else { throw AppError.notFound }
        let pairs = input.form?.pairs ?? []
        return try await FormSubmission.submit({
            let (item, version, errors) = SchemeInput.draft(pairs, base: current)
            guard errors.isEmpty else { throw StoreError.invalid(ValidationFailure(errors)) }
            _ = try await input.services.schemes.update(item, expectedVersion: version ?? scheme.version, catalog: input.catalog, actor: input.actor, now: input.now)
            return Responses.redirect(to: Route.schemes().path)
        }, refused: { try await render(input, errors: $0.errors, status: $0.status, editing: current.id) })
    }
}
