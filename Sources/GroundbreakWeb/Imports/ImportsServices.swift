import GroundbreakStore

/// The imports feature's repositories, as handlers reach them.
extension AppServices {
    public var imports: ImportRepository { ImportRepository(database: database) }
}
