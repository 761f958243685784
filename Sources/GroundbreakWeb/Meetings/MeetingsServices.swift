import GroundbreakStore

/// The meetings feature's repositories, as handlers reach them.
extension AppServices {
    public var meetings: MeetingRepository { MeetingRepository(database: database) }
}
