import GroundbreakStore

/// The supervision feature's repositories, as handlers reach them.
extension AppServices {
    public var supervision: SupervisionRepository { SupervisionRepository(database: database) }
}
