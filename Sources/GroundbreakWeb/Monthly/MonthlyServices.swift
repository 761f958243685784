import GroundbreakStore

/// The monthly feature's repositories, as handlers reach them.
extension AppServices {
    public var reports: MonthlyReportRepository { MonthlyReportRepository(database: database) }
    public var inclusions: StatsInclusionRepository { StatsInclusionRepository(database: database) }
}
