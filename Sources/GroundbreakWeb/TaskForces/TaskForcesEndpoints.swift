import GroundbreakDomain

/// 专班: task forces, their working groups, and what each group follows.
enum TaskForcesEndpoints: String, EndpointSet {
    case taskForcesPage, taskForceCreate, taskForceShow, taskForceEdit, groupCreate, groupShow, groupXLSX, groupProjects, groupEdit, groupRemove
    case apiTaskForces, apiTaskForceCreate, apiTaskForce, apiTaskForceUpdate, apiGroupCreate, apiGroup, apiGroupProjects, apiGroupUpdate, apiGroupRemove

    static let navigation = [NavigationEntry(.taskForces, order: 48, label: WebText.Nav.taskForces, route: .taskForces, requires: .viewProjects)]

    static let feature = "taskforces"

    var declaration: EndpointDeclaration {
        switch self {
        case .taskForcesPage: .get("/taskforces", .viewProjects, TaskForcePages.list)
        case .taskForceCreate: .post("/taskforces", .manageTaskForces, TaskForcePages.create)
        case .taskForceShow: .get("/taskforces/:id", .viewProjects, on: .taskForce, TaskForcePages.show)
        case .taskForceEdit: .post("/taskforces/:id/edit", .manageTaskForces, on: .taskForce, TaskForceEditing.edit)
        case .groupCreate: .post("/taskforces/:id/groups", .manageTaskForces, on: .taskForce, TaskForcePages.addGroup)
        case .groupShow: .get("/working-groups/:id", .viewProjects, on: .workingGroup, TaskForcePages.group)
        case .groupXLSX: .get("/working-groups/:id/projects.xlsx", .viewProjects, on: .workingGroup, TaskForcePages.groupXLSX)
        case .groupProjects: .post("/working-groups/:id/projects", .manageTaskForces, on: .workingGroup, TaskForcePages.changeProjects)
        case .groupEdit: .post("/working-groups/:id/edit", .manageTaskForces, on: .workingGroup, TaskForceEditing.editGroup)
        case .groupRemove: .post("/working-groups/:id/remove", .manageTaskForces, on: .workingGroup, TaskForceEditing.removeGroup)
        case .apiTaskForces: .get("/api/v1/task-forces", .viewProjects, TaskForcesAPI.list)
        case .apiTaskForceCreate: .post("/api/v1/task-forces", .manageTaskForces, TaskForcesAPI.create)
        case .apiTaskForce: .get("/api/v1/task-forces/:id", .viewProjects, on: .taskForce, TaskForcesAPI.show)
        case .apiTaskForceUpdate: .patch("/api/v1/task-forces/:id", .manageTaskForces, on: .taskForce, TaskForceEditing.apiUpdate)
        case .apiGroupCreate: .post("/api/v1/task-forces/:id/groups", .manageTaskForces, on: .taskForce, TaskForcesAPI.addGroup)
        case .apiGroup: .get("/api/v1/working-groups/:id", .viewProjects, on: .workingGroup, TaskForcesAPI.group)
        case .apiGroupProjects: .post("/api/v1/working-groups/:id/projects", .manageTaskForces, on: .workingGroup, TaskForcesAPI.changeProjects)
        case .apiGroupUpdate: .patch("/api/v1/working-groups/:id", .manageTaskForces, on: .workingGroup, TaskForceEditing.apiUpdateGroup)
        case .apiGroupRemove: .post("/api/v1/working-groups/:id/remove", .manageTaskForces, on: .workingGroup, TaskForceEditing.apiRemoveGroup)
        }
    }
}

/// The feature's typed links.
extension Route {
    private typealias E = TaskForcesEndpoints

    static var taskForces: Route { Route(E.taskForcesPage) }
    static var createTaskForce: Route { Route(E.taskForceCreate) }
    static func taskForce(_ id: Int64) -> Route { Route(E.taskForceShow, id: id) }
    static func addWorkingGroup(_ id: Int64) -> Route { Route(E.groupCreate, id: id) }
    static func workingGroup(_ id: Int64) -> Route { Route(E.groupShow, id: id) }
    static func workingGroupXLSX(_ id: Int64) -> Route { Route(E.groupXLSX, id: id) }
    static func workingGroupProjects(_ id: Int64) -> Route { Route(E.groupProjects, id: id) }
    static func editTaskForce(_ id: Int64) -> Route { Route(E.taskForceEdit, id: id) }
    static func editWorkingGroup(_ id: Int64) -> Route { Route(E.groupEdit, id: id) }
    static func removeWorkingGroup(_ id: Int64) -> Route { Route(E.groupRemove, id: id) }
}

extension NavItem {
    static let taskForces = NavItem("taskforces")
}
