import Foundation
import GroundbreakDomain
import GroundbreakOffice
import GroundbreakStore

/// The filtered ledger as a file, fetched page by page so memory stays flat however many rows
/// there are. The page handlers and `groundbreak export` both use it.
public struct LedgerExporter: Sendable {
    public let projects: ProjectRepository
    public let catalog: ReferenceCatalog
    public let scope: ProjectScope
    public let today: Day
    /// Units' schemes, to name a class filter in the workbook's subtitle.
    public var schemes: [ClassificationScheme] = []
    public var lists: [YearList] = []

    public init(projects: ProjectRepository, catalog: ReferenceCatalog, scope: ProjectScope, today: Day, schemes: [ClassificationScheme] = [],
                lists: [YearList] = []) {
        self.schemes = schemes
        self.lists = lists
        self.projects = projects
        self.catalog = catalog
        self.scope = scope
        self.today = today
    }

    /// Calls `body` with each page's rows in ledger order, numbered from 1.
    public func forEachPage(_ query: ProjectQuery, _ body: ([[LedgerExport.Value]]) async throws -> Void) async throws {
        var query = query
        query.perPage = ProjectQuery.maxPerPage
        var number = 0
        var pageNumber = 1
        while true {
            query.page = pageNumber
            let page = try await projects.list(query, scope: scope, catalog: catalog, today: today, cached: false)
            let rows = page.projects.map { project in
                number += 1
                return LedgerExport.values(project, number: number, catalog: catalog, today: today)
            }
            if !rows.isEmpty { try await body(rows) }
            if pageNumber >= page.pageCount { break }
            pageNumber += 1
        }
    }

    /// Writes the workbook to `destination`, using a private scratch directory beside it.
    public func writeXLSX(_ query: ProjectQuery, to destination: URL, now: Date) async throws {
        let scratch = destination.deletingLastPathComponent().appendingPathComponent(".xlsx-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let filter = query.described(catalog, today: today, schemes: schemes, lists: lists)
        let writer = try LedgerWorkbookWriter(directory: scratch, title: WebText.Imports.ledgerTitle(today.year),
                                              subtitle: WebText.Imports.ledgerSubtitle(today.iso, filter))
        try await forEachPage(query) { rows in
            for row in rows { try writer.append(row) }
        }
        try writer.finish(to: destination, created: now)
    }

    /// The csv: UTF-8 with a byte-order mark, so Excel on a Chinese desktop opens it ungarbled.
    public func writeCSV(_ query: ProjectQuery, write: ([UInt8]) async throws -> Void) async throws {
        try await write(CSVDocument.byteOrderMark + CSVDocument.row(LedgerExport.csvHeader))
        try await forEachPage(query) { rows in
            try await write(rows.flatMap { CSVDocument.row(LedgerExport.csvFields($0)) })
        }
    }
}
