import Foundation
import GroundbreakDomain
import GroundbreakOffice
import HTTPTypes
import Hummingbird
import NIOCore

/// The ledger's downloads: xlsx in the layout handed to leaders, and csv.
enum LedgerExportPages {
    static func exporter(_ input: EndpointRequest) throws -> (LedgerExporter, ProjectQuery) {
        let query: ProjectQuery
        switch ProjectQuery.parse(input.queryItems) {
        case .success(let parsed): query = parsed
        case .failure(let failure): throw AppError.badQuery(failure)
        }
        return (LedgerExporter(projects: input.services.projects, catalog: input.catalog, scope: input.scope(.viewProjects), today: input.today), query)
    }

    static func headers(contentType: String, name: String, fallback: String) -> HTTPFields {
        var headers = HTTPFields()
        headers[.contentType] = contentType
        headers[.contentDisposition] = "attachment; filename=\"\(fallback)\"; filename*=UTF-8''\(Route.encode(name))"
        return headers
    }

    static func csv(_ input: EndpointRequest) async throws -> Response {
        let (exporter, query) = try exporter(input)
        let body = ResponseBody { writer in
            try await exporter.writeCSV(query) { bytes in try await writer.write(ByteBuffer(bytes: bytes)) }
            try await writer.finish(nil)
        }
        return Response(status: .ok, headers: headers(contentType: "text/csv; charset=utf-8", name: WebText.Projects.csvFileName(input.today.iso), fallback: "ledger.csv"), body: body)
    }

    /// Built in a scratch file (rows stream to disk), then sent in chunks. The file is unlinked as
    /// soon as it is open, so a HEAD request or an abandoned download leaves nothing behind: the
    /// space is freed when the handle closes (sent, or dropped with the response).
    static func xlsx(_ input: EndpointRequest) async throws -> Response {
        let (exporter, query) = try exporter(input)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("groundbreak-export-\(UUID().uuidString).xlsx")
        do {
            try await exporter.writeXLSX(query, to: file, now: input.now)
        } catch {
            try? FileManager.default.removeItem(at: file)
            throw error
        }
        let handle: FileHandle
        do {
            defer { try? FileManager.default.removeItem(at: file) }
            handle = try FileHandle(forReadingFrom: file)
        }
        let body = ResponseBody { writer in
            defer { try? handle.close() }
            while let chunk = try handle.read(upToCount: 256 * 1024), !chunk.isEmpty {
                try await writer.write(ByteBuffer(bytes: chunk))
            }
            try await writer.finish(nil)
        }
        return Response(status: .ok, headers: headers(contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                                                      name: WebText.Projects.xlsxFileName(input.today.iso), fallback: "ledger.xlsx"), body: body)
    }
}
