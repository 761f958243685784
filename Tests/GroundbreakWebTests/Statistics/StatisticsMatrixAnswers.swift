import HTTPTypes
@testable import GroundbreakWeb

extension AuthorisationMatrixTests {
    /// The statistics paragraph's answer when the policy lets the caller through (see `successTables`).
    static func success(_ endpoint: StatisticsEndpoints) -> HTTPResponse.Status {
        switch endpoint {
        case .statisticsPage, .statisticsDocx, .apiStatistics, .progressXLSX: .ok
        }
    }
}
