import GroundbreakDomain
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import Plot

/// Building responses: pages, JSON, problems, redirects and downloads.
enum Responses {
    static let jsonEncoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }()

    static func html(_ document: HTML, status: HTTPResponse.Status = .ok) -> Response {
        html(rendered: document.render(), status: status)
    }

    static func html(rendered document: String, status: HTTPResponse.Status = .ok) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: document)))
    }

    static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        json(bytes: try encode(value), status: status)
    }

    static func encode(_ value: some Encodable) throws -> [UInt8] {
        try JSONStream.encode(value)
    }

    static func json(bytes: [UInt8], status: HTTPResponse.Status = .ok) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    static func problem(_ error: AppError, instance: String) -> Response {
        let body = ProblemDTO(error, instance: instance)
        var headers = HTTPFields()
        headers[.contentType] = "application/problem+json; charset=utf-8"
        let bytes = (try? encode(body)) ?? []
        return Response(status: error.status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// 303 See Other: after a form post, the browser fetches the target with GET.
    static func redirect(_ route: Route) -> Response {
        redirect(to: route.path)
    }

    static func redirect(to path: String) -> Response {
        var headers = HTTPFields()
        headers[.location] = path
        return Response(status: .seeOther, headers: headers)
    }
}

/// RFC 9457 problem details, with the fields at fault.
struct ProblemDTO: Codable, Sendable {
    struct FieldProblem: Codable, Sendable {
        var field: String
        var message: String
    }

    var type: String
    var title: String
    var status: Int
    var detail: String?
    var instance: String
    var errors: [FieldProblem]?
    var currentVersion: Int?

    init(_ error: AppError, instance: String) {
        type = error.typeURI
        title = error.title
        status = Int(error.status.code)
        detail = error.detail
        self.instance = instance
        errors = error.fieldErrors.isEmpty ? nil : error.fieldErrors.map { FieldProblem(field: $0.field, message: $0.message) }
        currentVersion = error.currentVersion
    }
}
