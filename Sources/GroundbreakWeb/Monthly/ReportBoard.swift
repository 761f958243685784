import GroundbreakDomain
import GroundbreakStore

extension ReportPages {
    struct BoardRow: Sendable {
        var project: Project
        var state: ReportState
        var report: MonthlyReport?
    }

    /// The board before it is sorted into rows: every project in the caller's scope that owes the
    /// month's report, in id order, with its state and where its report is held. Nothing of a
    /// province is copied to make it: the projects are chosen where the figures' snapshot holds
    /// them and the reports where the month's are; a row is made when it is read.
    struct Owed: Sendable {
        let projects: Selection<Project>
        let states: [ReportState]
        let reports: MonthReports
        let reportPositions: [Int?]

        func row(_ index: Int) -> BoardRow {
            BoardRow(project: projects[index], state: states[index], report: reportPositions[index].map(reports.report(at:)))
        }

        /// Whether `admits` lets the project at `index` through, read where it is held.
        func admits(_ index: Int, _ admits: (ReportState, Project) -> Bool) -> Bool {
            projects.reading(index) { admits(states[index], $0) }
        }

        /// How many projects `filter` lists (the home page's tiles), as `listed` would list them.
        func count(_ filter: ReportBoardFilter, _ input: EndpointRequest) -> Int {
            guard !filter.listsEverything else { return projects.count }
            let admitted = ReportPages.admitted(by: filter, input)
            return projects.indices.reduce(0) { admits($1, admitted) ? $0 + 1 : $0 }
        }

        /// The rows, the most urgent first, then by id: the projects are in id order, so each
        /// state's rows are gathered in turn rather than sorted.
        func rows() -> BoardRows {
            var byRank = [[Int]](repeating: [], count: BoardRows.stateOrder.count)
            for index in states.indices { byRank[BoardRows.rank[states[index].position]].append(index) }
            return BoardRows(owed: self, positions: Array(byRank.joined()))
        }
    }

    /// The board's rows in order, each made only when it is read: a page of a hundred rows, an
    /// export's or the API's listed rows, not every row of a province for every page.
    struct BoardRows: RandomAccessCollection, Sendable {
        static let stateOrder: [ReportState] = ReportBoardFilter.order + [.notRequired]
        /// Each state's place in `stateOrder`, by `ReportState.position`.
        static let rank = ReportState.allCases.map { stateOrder.firstIndex(of: $0)! }

        let owed: Owed
        /// The rows' places in `owed`, in order.
        let positions: [Int]

        var startIndex: Int { 0 }
        var endIndex: Int { positions.count }
        subscript(index: Int) -> BoardRow { owed.row(positions[index]) }

        /// The rows `admits` lets through, in order; these rows themselves when it lets every one.
        func kept(where admits: (ReportState, Project) -> Bool) -> BoardRows {
            let kept = positions.filter { owed.admits($0, admits) }
            return kept.count == positions.count ? self : BoardRows(owed: owed, positions: kept)
        }

        /// The rows' projects.
        var projectIds: Set<Int64> { Set(positions.map { owed.projects.reading($0) { $0.id } }) }
    }

    /// How many rows are in each state and the dispatch figures they report, for the page's chips
    /// and the API's counts alike. Counted where the states and reports are held.
    struct Tally {
        var counts: [ReportState: Int] = [:]
        var dispatch = Money.zero

        init(_ rows: BoardRows) {
            let owed = rows.owed
            var byState = [Int](repeating: 0, count: ReportState.allCases.count)
            for index in rows.positions {
                byState[owed.states[index].position] += 1
                if let at = owed.reportPositions[index] { dispatch = dispatch + owed.reports.reading(at) { $0.figures.dispatch } }
            }
            for (state, count) in zip(ReportState.allCases, byState) where count > 0 { counts[state] = count }
        }
    }
}
