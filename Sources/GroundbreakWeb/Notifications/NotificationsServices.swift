import GroundbreakStore

/// The notifications feature's repositories, as handlers reach them.
extension AppServices {
    public var notifications: NotificationRepository { NotificationRepository(database: database) }
}
