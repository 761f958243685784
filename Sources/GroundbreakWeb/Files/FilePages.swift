import Foundation
import GroundbreakDomain
import GroundbreakStore
import HTTPTypes
import Hummingbird
import NIOCore

/// Serves a stored file to those its owner's policy lets read it. Images are shown inline;
/// anything else is a download, so a PDF or an Office file is never rendered in our origin.
enum FilePages {
    static func show(_ input: EndpointRequest) async throws -> Response {
        guard let file = input.storedFile, let bytes = try input.services.files.bytes(of: file) else { throw AppError.notFound }
        var headers = HTTPFields()
        headers[.contentType] = file.contentType
        let disposition = FileRules.showsInline(file.contentType) ? "inline" : "attachment"
        headers[.contentDisposition] = "\(disposition); filename*=UTF-8''\(Route.encode(file.name))"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
