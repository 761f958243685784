import GroundbreakStore

/// The problems feature's repositories, as handlers reach them.
extension AppServices {
    public var problems: ProblemRepository { ProblemRepository(database: database) }
}
