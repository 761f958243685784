import GroundbreakDomain

/// One figure on a home page: what it counts, how many, and the list that shows exactly those.
struct HomeTile: Sendable {
    enum Tone: String, Sendable {
        /// Late, overdue: someone must act.
        case bad
        /// Waiting on the reader.
        case warn
        case plain
    }

    var label: String
    var count: Int
    var route: Route
    var tone: Tone

    /// A zero is not a warning.
    var shownTone: Tone { count == 0 ? .plain : tone }
}

/// A part of the home page, for one of the reader's duties.
struct HomeSection: Sendable {
    var title: String
    var tiles: [HomeTile]
    /// The things the duty most often leads to (填报本月, 召开会议 …).
    var actions: [(String, Route)] = []
    /// A line of its own (the next meeting).
    var lines: [(String, Route)] = []
}

/// `/` for the signed-in reader: a section per duty their roles give them, most urgent first.
struct HomePage {
    var context: PageContext
    var greeting: String
    var sections: [HomeSection]
}
