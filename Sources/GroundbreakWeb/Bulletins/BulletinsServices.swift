import GroundbreakStore

extension AppServices {
    var bulletins: BulletinRepository { BulletinRepository(database: database) }
}
