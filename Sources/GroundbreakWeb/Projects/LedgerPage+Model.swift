import Foundation
import GroundbreakDomain

/// The ledger page: the filter as asked, one page of projects, and the figures of the whole set.
struct LedgerPage {
    var context: PageContext
    var query: ProjectQuery
    var page: ProjectPage
    var catalog: ReferenceCatalog
    /// Units' classification schemes, to filter by a class.
    var schemes: [ClassificationScheme] = []
    /// Year lists, to name a list filter.
    var lists: [YearList] = []
    /// Query-string problems; the page still shows, without the bad filters.
    var queryErrors: [FieldError]
    /// The daily record's lights of the filtered set, and the day it was last taken (nil before the first).
    var lightCounts: [WarningColour: Int] = [:]
    var lightsAsOf: String?

    /// Columns that sort, with their headers.
    static let sortableColumns: [(ProjectQuery.SortKey, String)] = [
        (.name, WebText.Projects.name), (.code, WebText.Projects.codeShort), (.region, WebText.Projects.regionShort), (.totalInvestment, WebText.Projects.totalInvestmentWan),
        (.stage, WebText.Projects.stage), (.plannedStart, WebText.Projects.plannedStartShort), (.updatedAt, WebText.Projects.updatedAt),
    ]

    /// The same query with one thing changed and the page reset.
    func link(_ change: (inout ProjectQuery) -> Void) -> String {
        var next = query
        next.page = 1
        change(&next)
        return Route.ledger(next).path
    }

    func sortLink(_ key: ProjectQuery.SortKey) -> String {
        link { query in
            if query.sort == key { query.descending.toggle() }
            else {
                query.sort = key
                query.descending = key == .totalInvestment || key == .updatedAt
            }
        }
    }

    func pageLink(_ number: Int) -> String {
        var next = query
        next.page = number
        return Route.ledger(next).path
    }

    /// Stage chips: each filters the current set to one stage.
    var stageFigures: [(stage: Stage, count: Int, investment: Money)] {
        Stage.allCases.map { stage in
            let figure = page.byStage[stage]
            return (stage, figure?.count ?? 0, figure?.investment ?? .zero)
        }
    }

    var firstRowNumber: Int {
        (page.page - 1) * page.perPage + 1
    }

    var hasFilters: Bool {
        var plain = query
        plain.sort = ProjectQuery().sort
        plain.descending = ProjectQuery().descending
        plain.page = 1
        plain.perPage = ProjectQuery().perPage
        return plain != ProjectQuery()
    }
}
