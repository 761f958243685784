import HTTPTypes
@testable import GroundbreakWeb

extension AuthorisationMatrixTests {
    /// The task forces routes' answers when the policy lets the caller through (see `successTables`).
    static func success(_ endpoint: TaskForcesEndpoints) -> HTTPResponse.Status {
        switch endpoint {
        case .taskForcesPage, .taskForceShow, .groupShow, .groupXLSX, .apiTaskForces, .apiTaskForce, .apiGroup: .ok
        // Without the version read (or, creating, without a unit and a name), refused on its merits.
        case .groupProjects, .apiGroupProjects, .apiTaskForceCreate, .taskForceCreate, .groupCreate, .apiGroupCreate: .unprocessableContent
        case .taskForceEdit, .groupEdit, .groupRemove, .apiTaskForceUpdate, .apiGroupUpdate, .apiGroupRemove: .unprocessableContent
        }
    }
}
