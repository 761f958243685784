import HTTPTypes
@testable import GroundbreakWeb

extension AuthorisationMatrixTests {
    /// The classification schemes' answer when the policy lets the caller through (see `successTables`).
    static func success(_ endpoint: SchemesEndpoints) -> HTTPResponse.Status {
        switch endpoint {
        case .schemesPage, .apiSchemes, .apiSchemeClassEdit: .ok
        case .schemeCreate, .schemeClassAdd, .schemeClassEdit: .seeOther
        case .apiSchemeCreate, .apiSchemeClassAdd: .created
        }
    }
}
