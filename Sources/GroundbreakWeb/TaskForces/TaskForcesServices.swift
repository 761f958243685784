import GroundbreakStore

extension AppServices {
    var taskForces: TaskForceRepository { TaskForceRepository(database: database) }
}
