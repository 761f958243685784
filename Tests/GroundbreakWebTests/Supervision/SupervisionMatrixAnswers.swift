import HTTPTypes
@testable import GroundbreakWeb

extension AuthorisationMatrixTests {
    /// The supervision routes' answers when the policy lets the caller through (see `successTables`).
    static func success(_ endpoint: SupervisionEndpoints) -> HTTPResponse.Status {
        switch endpoint {
        case .supervisionCreate, .supervisionAnswer:
            .seeOther
        case .apiSupervisionCreate:
            .created
        case .supervisionDecide, .apiSupervisionDecide:
            .unprocessableContent // the matrix asks to close an item nobody has reported done: refused on its merits
        case .supervisionPage, .supervisionXLSX, .supervisionShow, .supervisionLetter, .apiSupervision, .apiSupervisedItem, .apiSupervisionAnswer:
            .ok
        }
    }
}
