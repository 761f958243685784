import GroundbreakStore

/// The projects feature's repositories, as handlers reach them.
extension AppServices {
    public var projects: ProjectRepository { ProjectRepository(database: database) }
}
