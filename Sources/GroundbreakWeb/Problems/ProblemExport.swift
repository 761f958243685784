import Foundation
import GroundbreakDomain
import GroundbreakOffice
import GroundbreakStore
import Hummingbird

/// 问题清单 as a workbook and as its filter in words: the same query as the page, every page of it.
enum ProblemExport {
    /// The filter in words, as the list's print and its workbook name it.
    static func filterText(_ query: ProblemQuery, settings: ProblemSettings, catalog: ReferenceCatalog, project: Project?) -> String {
        var parts = [query.view.label]
        if let status = query.status { parts.append(status.label) }
        if let owner = query.owner { parts.append(WebText.Problems.ownerFilter(owner.name(catalog))) }
        if let code = query.categoryCode { parts.append(settings.category(code)?.name ?? code) }
        if let project { parts.append(project.fields.name) }
        return parts.joined(separator: WebText.Common.filterSeparator)
    }

    static func xlsx(_ input: EndpointRequest) async throws -> Response {
        var query: ProblemQuery
        switch ProblemQuery.parse(input.queryItems) {
        case .success(let parsed): query = parsed
        case .failure(let failure): throw AppError.badQuery(failure)
        }
        let reach = try ProblemPages.reach(input)
        query.perPage = ProblemQuery.maxPerPage
        var problems: [Problem] = []
        query.page = 1
        while true {
            let page = try await input.services.problems.list(query, reach: reach, today: input.today)
            problems += page.problems
            guard page.page < page.pageCount else { break }
            query.page += 1
        }
        let settings = input.services.problemSettings
        let catalog = input.catalog
        let project = try await query.projectId.asyncMap { try await input.services.projects.project(id: $0) } ?? nil
        typealias T = WebText.Problems
        let sheet = ListSheet(
            title: T.list, filterLine: WebText.Common.filterLine(filterText(query, settings: settings, catalog: catalog, project: project), Format.dateTime(input.now)),
            columns: [.init(T.serial, width: 6, .integer), .init(T.problem, width: 40, .wrapped), .init(T.categoryShort, width: 10), .init(T.level, width: 12),
                      .init(T.owner, width: 18), .init(T.deadline, width: 12, .date), .init(T.status, width: 10), .init(T.raised, width: 16), .init(T.raisedOn, width: 12, .date)],
            rows: problems.enumerated().map { offset, problem in
                [.integer(offset + 1), .text(problem.description), .text(settings.category(problem.categoryCode)?.name ?? problem.categoryCode),
                 .text(problem.level.label), .text(problem.owner.map { $0.name(catalog) } ?? T.toAssign), .date(problem.deadline),
                 .text(problem.isOverdue(on: input.today) ? T.overdue : problem.status.label), .text(problem.raisedByName), .date(problem.raisedOn)]
            })
        return try await Download.workbook(sheet, name: T.fileName(input.today.iso), fallback: "problems.xlsx", now: input.now)
    }
}

extension Optional {
    func asyncMap<U>(_ transform: (Wrapped) async throws -> U) async rethrows -> U? {
        guard let self else { return nil }
        return try await transform(self)
    }
}
