import HTTPTypes
@testable import GroundbreakWeb

extension AuthorisationMatrixTests {
    /// The portfolio routes' answers when the policy lets the caller through (see `successTables`).
    static func success(_ endpoint: PortfolioEndpoints) -> HTTPResponse.Status {
        switch endpoint {
        case .portfolioPage, .portfolioXLSX, .apiPortfolio: .ok
        // A site visit on A (sponsored by the sponsor's seat), for that seat.
        case .activityCreate: .seeOther
        case .apiActivityCreate: .created
        }
    }
}
