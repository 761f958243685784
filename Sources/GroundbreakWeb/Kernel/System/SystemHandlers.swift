import Foundation
import GroundbreakStore
import HTTPTypes
import Hummingbird
import NIOCore
import Prometheus

/// Health, metrics and static files: no session, no personal data.
enum SystemHandlers {
    struct Health: Codable {
        var status: String
        var database: String
        var engine: String
    }

    static func healthz(_ input: EndpointRequest) async throws -> Response {
        do {
            _ = try await input.services.projects.count()
            return try Responses.json(Health(status: "ok", database: "ok", engine: input.services.database.engine.rawValue))
        } catch {
            return try Responses.json(Health(status: "unavailable", database: "error", engine: input.services.database.engine.rawValue), status: .serviceUnavailable)
        }
    }

    static func metrics(_ input: EndpointRequest) async throws -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/plain; version=0.0.4; charset=utf-8"
        let bytes = GroundbreakApplication.metricsRegistry.emitToBuffer()
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    static func asset(_ input: EndpointRequest) async throws -> Response {
        guard let name = input.context.parameters.get("file"), let file = Assets.files[name] else { throw AppError.notFound }
        var headers = HTTPFields()
        headers[.contentType] = file.contentType
        headers[.eTag] = file.etag
        headers[.cacheControl] = "public, max-age=86400"
        if input.request.headers[.ifNoneMatch] == file.etag {
            return Response(status: .notModified, headers: headers)
        }
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: file.bytes)))
    }
}
