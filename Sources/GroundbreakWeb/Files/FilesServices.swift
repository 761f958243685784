import GroundbreakStore

/// The files feature's repositories, as handlers reach them.
extension AppServices {
    public var files: FileRepository { FileRepository(database: database, storage: LocalDiskStorage(directory: settings.attachmentsDirectory)) }
}
