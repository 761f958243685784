import Foundation
import GroundbreakDomain
import GroundbreakStore
import Hummingbird

/// Schemes by the API: read by everyone signed in, edited by the centre.
enum SchemesAPI {
    struct ClassDTO: Codable, Sendable {
        var id: Int64
        var name: String
        var shortName: String
        @ExplicitNull var categoryCode: String?
        var synonyms: [String]
        var confirmed: Bool
        var projects: Int

        init(_ item: SchemeClass, projects: Int) {
            id = item.id
            name = item.name
            shortName = item.shortName
            categoryCode = item.categoryCode
            synonyms = item.synonyms
            confirmed = item.confirmed
            self.projects = projects
        }
    }

    struct SchemeDTO: Codable, Sendable {
        var id: Int64
        var regionCode: String
        var regionName: String
        var name: String
        var version: Int
        var classes: [ClassDTO]

        init(_ scheme: ClassificationScheme, counts: [Int64: Int], catalog: ReferenceCatalog) {
            id = scheme.id
            regionCode = scheme.regionCode
            regionName = catalog.region(scheme.regionCode)?.name ?? scheme.regionCode
            name = scheme.name
            version = scheme.version
            classes = scheme.classes.map { ClassDTO($0, projects: counts[$0.id] ?? 0) }
        }
    }

    static func list(_ input: EndpointRequest) async throws -> Response {
        let region = FormData(pairs: input.queryItems)["region"]
        let schemes = try await input.services.schemes.schemes(regionCodes: region.isEmpty ? nil : [region])
        let counts = try await input.services.schemes.projectCounts()
        return try Responses.json(schemes.map { SchemeDTO($0, counts: counts, catalog: input.catalog) })
    }

    static func create(_ input: EndpointRequest) async throws -> Response {
        let body = try input.json(SchemeRequest.self)
        let scheme = try await input.services.schemes.create(regionCode: body.regionCode, name: body.name, catalog: input.catalog, actor: input.actor, now: input.now)
        return try Responses.json(SchemeDTO(scheme, counts: [:], catalog: input.catalog), status: .created)
    }

    static func addClass(_ input: EndpointRequest) async throws -> Response {
        guard let scheme = input.scheme else { throw AppError.notFound }
        let (item, version, errors) = SchemeInput.draft(try input.json(SchemeClassRequest.self).pairs, base: SchemeClass(schemeId: scheme.id, name: ""))
        guard errors.isEmpty else { throw StoreError.invalid(ValidationFailure(errors)) }
        let saved = try await input.services.schemes.add(item, expectedVersion: version ?? scheme.version, catalog: input.catalog, actor: input.actor, now: input.now)
        return try Responses.json(ClassDTO(saved, projects: 0), status: .created)
    }

    static func editClass(_ input: EndpointRequest) async throws -> Response {
        guard let current = input.schemeClass else { throw AppError.notFound }
        let (item, version, errors) = SchemeInput.draft(try input.json(SchemeClassRequest.self).pairs, base: current)
        guard errors.isEmpty else { throw StoreError.invalid(ValidationFailure(errors)) }
        guard let version else { throw StoreError.invalid(ValidationFailure([FieldError("version", .required(field: "version"))])) }
        let saved = try await input.services.schemes.update(item, expectedVersion: version, catalog: input.catalog, actor: input.actor, now: input.now)
        return try Responses.json(ClassDTO(saved, projects: try await input.services.schemes.projectCounts()[saved.id] ?? 0))
    }
}
