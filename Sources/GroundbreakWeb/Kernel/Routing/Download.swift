import Foundation
import GroundbreakOffice
import HTTPTypes
import Hummingbird
import NIOCore

/// Files the server builds for a download (workbooks): written to a scratch file, then sent in
/// chunks. The file is unlinked as soon as it is open, so a HEAD request or an abandoned download
/// leaves nothing behind: the space is freed when the handle closes.
enum Download {
    static let xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    static let docxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

    static func headers(contentType: String, name: String, fallback: String) -> HTTPFields {
        var headers = HTTPFields()
        headers[.contentType] = contentType
        headers[.contentDisposition] = "attachment; filename=\"\(fallback)\"; filename*=UTF-8''\(Route.encode(name))"
        return headers
    }

    static func file(contentType: String, name: String, fallback: String, write: (URL) async throws -> Void) async throws -> Response {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("groundbreak-download-\(UUID().uuidString)")
        do {
            try await write(file)
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
        return Response(status: .ok, headers: headers(contentType: contentType, name: name, fallback: fallback), body: body)
    }

    /// A list as a workbook, named for the list and the day.
    static func workbook(_ sheet: ListSheet, name: String, fallback: String, now: Date) async throws -> Response {
        try await file(contentType: xlsxType, name: name, fallback: fallback) { url in
            try ListWorkbook.write(sheet, to: url, created: now, countLine: WebText.Common.rowCount(sheet.rows.count))
        }
    }
}
