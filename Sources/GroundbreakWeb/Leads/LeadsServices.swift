import GroundbreakStore

extension AppServices {
    var leads: LeadRepository { LeadRepository(database: database) }
}
