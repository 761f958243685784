/// The features the server has, one line each. A feature's folder declares its endpoints (an
/// `EndpointSet`), the objects its paths name (`ObjectTarget`) and its links (`Route`); adding
/// it here is what makes the router serve it, the matrix test ask about it and the OpenAPI test
/// look for it.
enum Features {
    static let all: [any EndpointSet.Type] = [
        SystemEndpoints.self,
        AccountsEndpoints.self,
        HomeEndpoints.self,
        ProjectsEndpoints.self,
        ReferenceEndpoints.self,
        ApprovalsEndpoints.self,
        MonthlyEndpoints.self,
        ImportsEndpoints.self,
        ProblemsEndpoints.self,
        FilesEndpoints.self,
        NotificationsEndpoints.self,
        SupervisionEndpoints.self,
        MeetingsEndpoints.self,
        ScreenEndpoints.self,
        StatisticsEndpoints.self,
        SchemesEndpoints.self,
        WarningsEndpoints.self,
        AssessmentEndpoints.self,
        BulletinsEndpoints.self,
        TaskForcesEndpoints.self,
        PortfolioEndpoints.self,
        LeadsEndpoints.self,
        ReserveEndpoints.self,
        FundingEndpoints.self,
        ReadinessEndpoints.self,
        CampaignsEndpoints.self,
    ]
}
