import GroundbreakDomain

/// 考核排名: the cross-unit table the centre sends every month, scored and ranked.
enum AssessmentEndpoints: String, EndpointSet {
    case assessmentPage, assessmentXLSX, apiAssessment

    static let navigation = [NavigationEntry(.assessment, order: 44, label: WebText.Nav.assessment, route: .assessment(), requires: .viewRanking)]

    static let feature = "assessment"

    var declaration: EndpointDeclaration {
        switch self {
        case .assessmentPage: .get("/assessment", .viewRanking, AssessmentPages.page)
        case .assessmentXLSX: .get("/assessment.xlsx", .viewRanking, AssessmentPages.xlsx)
        case .apiAssessment: .get("/api/v1/assessment", .viewRanking, AssessmentPages.api)
        }
    }
}

/// The feature's typed links.
extension Route {
    static func assessment(month: Month? = nil) -> Route { Route(AssessmentEndpoints.assessmentPage, query: month.map { [("month", $0.iso)] } ?? []) }
    static func assessmentXLSX(month: Month) -> Route { Route(AssessmentEndpoints.assessmentXLSX, query: [("month", month.iso)]) }
}

extension NavItem {
    static let assessment = NavItem("assessment")
}
