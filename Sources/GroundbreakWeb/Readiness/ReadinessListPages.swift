import Foundation
import GroundbreakDomain
import GroundbreakOffice
import GroundbreakStore
import Hummingbird

/// The 开工条件 summary of the year's planned starts and the 已拿地未开工 list, computed once here
/// for the pages, the workbooks and the API.
enum ReadinessListPages {
    typealias T = WebText.Readiness

    struct Line: Sendable {
        var project: Project
        var summary: ReadinessSummary
        var daysWaiting: Int?
    }

    struct Listing: Sendable {
        var filter: ReadinessFilter
        var year: Int
        var lines: [Line]
    }

    /// Projects the caller sees, not yet started, in the filter's unit, with their readiness.
    static func read(_ input: EndpointRequest) async throws -> Listing {
        let filter: ReadinessFilter
        switch ReadinessFilter.parse(input.queryItems, reference: input.catalog) {
        case .success(let parsed): filter = parsed
        case .failure(let failure): throw AppError.badQuery(failure)
        }
        let lines = try await lines(input)
        let member = filter.unit.map { $0.targetUnit.membership(input.catalog) }
        return Listing(filter: filter, year: filter.year ?? input.today.year, lines: member.map { member in lines.filter { member($0.project) } } ?? lines)
    }

    /// Every project the caller sees not yet started, with its readiness: one computation per
    /// scope and day, kept until the next audited change (readiness items are audited).
    static func lines(_ input: EndpointRequest) async throws -> [Line] {
        let scope = input.scope(.viewProjects)
        let (services, today) = (input.services, input.today)
        return try await services.readinessLines.value(for: try await services.figuresKey("readiness", scope.key, today.iso)) {
            let projects = try await services.projects.projects(inStages: [.reserve, .attraction, .approval], scope: scope) { $0.fields.actualStart == nil }
            let recorded = try await services.readiness.allItems()
            let catalog = services.readinessCatalog
            return projects.map { project in
                let summary = ReadinessSummary(projectId: project.id, recorded: recorded[project.id] ?? [], catalog: catalog)
                return Line(project: project, summary: summary, daysWaiting: ReadinessSummary.daysWaiting(summary, project: project, today: today))
            }
        }
    }

    /// Planned to start in the year, not ready first, then by planned start.
    static func starts(of listing: Listing) -> [Line] {
        listing.lines.filter { $0.project.fields.plannedStart?.year == listing.year }
            .sorted { ($0.summary.readyForStart ? 1 : 0, $0.project.fields.plannedStart!, $0.project.id) < ($1.summary.readyForStart ? 1 : 0, $1.project.fields.plannedStart!, $1.project.id) }
    }

    /// Land supplied, no start: the longest waiting first.
    static func waiting(of listing: Listing) -> [Line] {
        listing.lines.filter { $0.daysWaiting != nil }.sorted { ($0.daysWaiting!, $1.project.id) > ($1.daysWaiting!, $0.project.id) }
    }

    static func starts(_ input: EndpointRequest) async throws -> Response {
        let listing = try await read(input)
        return Responses.html(ReadinessStartsPage(context: PageContext(input), listing: listing, lines: starts(of: listing), catalog: input.services.readinessCatalog,
                                                  reference: input.catalog).document)
    }

    static func land(_ input: EndpointRequest) async throws -> Response {
        let listing = try await read(input)
        return Responses.html(ReadinessLandPage(context: PageContext(input), listing: listing, lines: waiting(of: listing), catalog: input.services.readinessCatalog,
                                                reference: input.catalog).document)
    }

    static func missingNames(_ line: Line, _ catalog: ReadinessCatalog) -> String {
        line.summary.missingForStart.compactMap { catalog.item($0)?.name }.joined(separator: "、")
    }

    static func levelName(_ line: Line, _ catalog: ReadinessCatalog) -> String {
        T.levelReached(line.summary.level.map { catalog.levels[$0].name })
    }

    static func startsXLSX(_ input: EndpointRequest) async throws -> Response {
        let listing = try await read(input)
        let lines = starts(of: listing)
        let catalog = input.services.readinessCatalog
        let sheet = ListSheet(title: T.startsTitle, filterLine: WebText.Common.filterLine(listing.filter.described(input.catalog, year: listing.year), Format.dateTime(input.now)),
                              columns: [.init(T.serial, width: 6, .integer), .init(T.project, width: 34, .wrapped), .init(T.region, width: 12), .init(T.total, width: 14, .amount),
                                        .init(T.plannedStart, width: 11), .init(T.state, width: 14), .init(T.level, width: 12), .init(T.landSuppliedOn, width: 11),
                                        .init(T.missing, width: 40, .wrapped)],
                              rows: lines.enumerated().map { index, line in
                                  [.integer(index + 1), .text(line.project.fields.name), .text(input.catalog.region(line.project.fields.regionCode)?.name ?? line.project.fields.regionCode),
                                   .wan(line.project.fields.totalInvestment), .text(line.project.fields.plannedStart?.iso ?? ""),
                                   .text(line.summary.readyForStart ? T.ready : T.notReady(line.summary.missingForStart.count)), .text(levelName(line, catalog)),
                                   .text(line.summary.landSuppliedOn?.iso ?? ""), .text(missingNames(line, catalog))]
                              })
        return try await Download.file(contentType: Download.xlsxType, name: T.startsFile, fallback: "readiness.xlsx") {
            try ListWorkbook.write(sheet, to: $0, created: input.now, countLine: T.readyCount(lines.filter(\.summary.readyForStart).count, lines.count))
        }
    }

    static func landXLSX(_ input: EndpointRequest) async throws -> Response {
        let listing = try await read(input)
        let lines = waiting(of: listing)
        let catalog = input.services.readinessCatalog
        let ways = Dictionary(uniqueKeysWithValues: lines.map { line in (line.project.id, line.summary.items.first { $0.code == catalog.landSupplyItem?.code }?.way ?? "") })
        let sheet = ListSheet(title: T.landTitle, filterLine: WebText.Common.filterLine(listing.filter.described(input.catalog, year: nil), Format.dateTime(input.now)),
                              columns: [.init(T.serial, width: 6, .integer), .init(T.project, width: 34, .wrapped), .init(T.region, width: 12), .init(T.total, width: 14, .amount),
                                        .init(T.stage, width: 8), .init(T.landSuppliedOn, width: 11), .init(T.way, width: 12), .init(T.daysWaiting, width: 10, .integer),
                                        .init(T.plannedStart, width: 11), .init(T.missing, width: 40, .wrapped)],
                              rows: lines.enumerated().map { index, line in
                                  [.integer(index + 1), .text(line.project.fields.name), .text(input.catalog.region(line.project.fields.regionCode)?.name ?? line.project.fields.regionCode),
                                   .wan(line.project.fields.totalInvestment), .text(line.project.effectiveStage.label), .text(line.summary.landSuppliedOn?.iso ?? ""),
                                   .text(ways[line.project.id] ?? ""), .integer(line.daysWaiting ?? 0), .text(line.project.fields.plannedStart?.iso ?? ""),
                                   .text(missingNames(line, catalog))]
                              })
        return try await Download.file(contentType: Download.xlsxType, name: T.landFile, fallback: "land-waiting.xlsx") {
            try ListWorkbook.write(sheet, to: $0, created: input.now, countLine: T.count(lines.count))
        }
    }

    static func apiStarts(_ input: EndpointRequest) async throws -> Response {
        let listing = try await read(input)
        let catalog = input.services.readinessCatalog
        return try Responses.json(starts(of: listing).map { ReadinessLineDTO($0, catalog: catalog, reference: input.catalog) })
    }

    static func apiLand(_ input: EndpointRequest) async throws -> Response {
        let listing = try await read(input)
        let catalog = input.services.readinessCatalog
        return try Responses.json(waiting(of: listing).map { ReadinessLineDTO($0, catalog: catalog, reference: input.catalog) })
    }
}
