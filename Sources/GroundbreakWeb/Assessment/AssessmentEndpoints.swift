import GroundbreakDomain

/// 考核排名: the cross-unit table the centre sends every month (县(市)区 and 开发区, or 市直部门),
/// and a task force's working groups ranked the same way on the task force's own address.
enum AssessmentEndpoints: String, EndpointSet {
    case assessmentPage, assessmentXLSX, apiAssessment
    case taskForceRankingPage, taskForceRankingXLSX, apiTaskForceRanking

    static let navigation = [NavigationEntry(.assessment, order: 44, label: WebText.Nav.assessment, route: .assessment(), requires: .viewRanking)]

    static let feature = "assessment"

    var declaration: EndpointDeclaration {
        switch self {
        case .assessmentPage: .get("/assessment", .viewRanking, AssessmentPages.page).lagTolerant
        case .assessmentXLSX: .get("/assessment.xlsx", .viewRanking, AssessmentPages.xlsx).lagTolerant
        case .apiAssessment: .get("/api/v1/assessment", .viewRanking, AssessmentPages.api).lagTolerant
        case .taskForceRankingPage: .get("/taskforces/:id/ranking", .viewRanking, on: .taskForce, AssessmentPages.page).lagTolerant
        case .taskForceRankingXLSX: .get("/taskforces/:id/ranking.xlsx", .viewRanking, on: .taskForce, AssessmentPages.xlsx).lagTolerant
        case .apiTaskForceRanking: .get("/api/v1/task-forces/:id/ranking", .viewRanking, on: .taskForce, AssessmentPages.api).lagTolerant
        }
    }
}

/// The feature's typed links.
extension Route {
    private typealias E = AssessmentEndpoints

    private static func query(_ month: Month?, _ set: AssessmentUnitSet = .regions) -> [(String, String)] {
        (month.map { [("month", $0.iso)] } ?? []) + (set == .regions ? [] : [("set", set.key)])
    }

    static func assessment(month: Month? = nil, set: AssessmentUnitSet = .regions) -> Route { Route(E.assessmentPage, query: query(month, set)) }
    static func assessmentXLSX(month: Month, set: AssessmentUnitSet = .regions) -> Route { Route(E.assessmentXLSX, query: query(month, set)) }
    static func taskForceRanking(_ id: Int64, month: Month? = nil) -> Route { Route(E.taskForceRankingPage, id: id, query: query(month)) }
    static func taskForceRankingXLSX(_ id: Int64, month: Month) -> Route { Route(E.taskForceRankingXLSX, id: id, query: query(month)) }
}

extension NavItem {
    static let assessment = NavItem("assessment")
}
