import Foundation
import GroundbreakDomain
import GroundbreakOffice
import GroundbreakStore
import HTTPTypes
import Hummingbird
import NIOCore

/// The ledger's downloads: xlsx in the layout handed to leaders, and csv.
enum LedgerExportPages {
    static func exporter(_ input: EndpointRequest) async throws -> (LedgerExporter, ProjectQuery) {
        let query: ProjectQuery
        switch ProjectQuery.parse(input.queryItems) {
        case .success(let parsed): query = parsed
        case .failure(let failure): throw AppError.badQuery(failure)
        }
        return (LedgerExporter(projects: input.services.projects, catalog: input.catalog, scope: input.scope(.viewProjects), today: input.today,
                               schemes: try await input.services.schemes.schemes(), lists: try await input.services.yearLists.lists()), query)
    }

    static func csv(_ input: EndpointRequest) async throws -> Response {
        let (exporter, query) = try await exporter(input)
        let body = ResponseBody { writer in
            try await exporter.writeCSV(query) { bytes in try await writer.write(ByteBuffer(bytes: bytes)) }
            try await writer.finish(nil)
        }
        return Response(status: .ok, headers: Download.headers(contentType: "text/csv; charset=utf-8", name: WebText.Projects.csvFileName(input.today.iso), fallback: "ledger.csv"), body: body)
    }

    static func xlsx(_ input: EndpointRequest) async throws -> Response {
        let (exporter, query) = try await exporter(input)
        return try await Download.file(contentType: Download.xlsxType, name: WebText.Projects.xlsxFileName(input.today.iso), fallback: "ledger.xlsx") {
            try await exporter.writeXLSX(query, to: $0, now: input.now)
        }
    }
}
