import GroundbreakDomain

/// 统计段落: the paragraph officials write about a unit's year list, on a page, as .docx and by the API.
enum StatisticsEndpoints: String, EndpointSet {
    case statisticsPage, statisticsDocx, apiStatistics, progressXLSX

    static let navigation = [NavigationEntry(.statistics, order: 92, label: WebText.Nav.statistics, route: .statistics(), requires: .viewProjects)]

    static let feature = "statistics"

    var declaration: EndpointDeclaration {
        switch self {
        case .statisticsPage: .get("/statistics", .viewProjects, StatisticsPages.page).lagTolerant
        case .statisticsDocx: .get("/statistics.docx", .viewProjects, StatisticsPages.docx).lagTolerant
        case .apiStatistics: .get("/api/v1/statistics/paragraph", .viewProjects, StatisticsPages.api).lagTolerant
        case .progressXLSX: .get("/statistics/progress.xlsx", .viewProjects, ProgressPages.xlsx).lagTolerant
        }
    }
}

/// The feature's typed links.
extension Route {
    static func statistics(_ items: [(String, String)] = []) -> Route { Route(StatisticsEndpoints.statisticsPage, query: items) }
    static func statisticsDocx(_ items: [(String, String)]) -> Route { Route(StatisticsEndpoints.statisticsDocx, query: items) }
    static func progressXLSX(_ items: [(String, String)], group: ProgressTable.Grouping) -> Route {
        Route(StatisticsEndpoints.progressXLSX, query: items + [("group", group.rawValue)])
    }
}

extension NavItem {
    static let statistics = NavItem("statistics")
}
