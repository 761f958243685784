import GroundbreakStore

extension AppServices {
    var yearLists: YearListRepository { YearListRepository(database: database) }
    var schemes: SchemeRepository { SchemeRepository(database: database) }
}
