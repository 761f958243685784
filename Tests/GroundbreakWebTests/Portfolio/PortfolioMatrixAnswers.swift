import HTTPTypes
@testable import GroundbreakWeb

extension AuthorisationMatrixTests {
    /// The portfolio routes' answers when the policy lets the caller through (see `successTables`).
    static func success(_ endpoint: PortfolioEndpoints) -> HTTPResponse.Status {
        switch endpoint {
        case .portfolioPage, .portfolioXLSX, .apiPortfolio: .ok
        }
    }
}
