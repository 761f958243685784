import GroundbreakDomain

/// What the reporting board shows: one month, the states asked for (all when none), one page.
struct ReportBoardFilter: Sendable, Equatable {
    static let pageSize = 100

    var month: Month
    var states: Set<ReportState> = []
    /// Projects in this region or below it.
    var region: String?
    /// Only the reports the reader must send themselves (由我填报): their seat's, or their region's.
    var mine = false
    var page = 1

    /// The states the board lists, most urgent first.
    static let order: [ReportState] = [.missing, .returned, .due, .submittedLate, .submitted, .accepted]
    /// Reports still owed for the month: what a unit must chase.
    static let owed: Set<ReportState> = [.missing, .returned, .due]

    init(month: Month, states: Set<ReportState> = [], region: String? = nil, mine: Bool = false, page: Int = 1) {
        self.month = month
        self.states = states
        self.region = region
        self.mine = mine
        self.page = page
    }

    /// `?month=2026-10&state=missing,due&page=2`; unknown states and pages are refused by name.
    static func parse(_ items: [(String, String)], defaultMonth: Month) -> Result<ReportBoardFilter, ValidationFailure> {
        let form = FormData(pairs: items)
        var errors: [FieldError] = []
        var filter = ReportBoardFilter(month: defaultMonth)
        if !form["month"].isEmpty {
            if let month = Month.parse(form["month"]) { filter.month = month } else { errors.append(FieldError("month", .dateInvalid)) }
        }
        for part in form["state"].split(separator: ",") {
            if let state = ReportState(rawValue: String(part)), state != .notRequired { filter.states.insert(state) }
            else { errors.append(FieldError("state", .unknownCode(field: "state", code: String(part)))) }
        }
        if !form["region"].isEmpty { filter.region = form["region"] }
        filter.mine = form["mine"] == "true"
        if !form["page"].isEmpty {
            if let page = Int(form["page"]), (1...ProjectQuery.maxPage).contains(page) { filter.page = page }
            else { errors.append(FieldError("page", .unknownCode(field: "page", code: form["page"]))) }
        }
        return errors.isEmpty ? .success(filter) : .failure(ValidationFailure(errors))
    }

    /// No state, region or 由我填报 asked for: every row is listed.
    var listsEverything: Bool { states.isEmpty && region == nil && !mine }

    func admits(_ state: ReportState) -> Bool { states.isEmpty || states.contains(state) }

    /// Whether a row is listed: its state, its region, and — for 由我填报 — whether the reader
    /// owes it (the recipient the reminders use: the secretary's seat, else the region).
    func admits(_ state: ReportState, of project: Project, regions: Set<String>?, reader: Principal?) -> Bool {
        guard admits(state) else { return false }
        if let regions, !regions.contains(project.fields.regionCode) { return false }
        guard mine else { return true }
        switch ReportNotices.recipient(project) {
        case .position(let seat): return reader?.positionId == seat
        case .unit(let unit): return reader?.unit == unit
        case .user: return false
        }
    }

    /// The query that shows this filter (states in the board's order, so links are stable).
    var items: [(String, String)] {
        var items = [("month", month.iso)]
        if !states.isEmpty { items.append(("state", Self.order.filter(states.contains).map(\.rawValue).joined(separator: ","))) }
        if let region { items.append(("region", region)) }
        if mine { items.append(("mine", "true")) }
        if page > 1 { items.append(("page", String(page))) }
        return items
    }

    func with(states: Set<ReportState>) -> ReportBoardFilter { ReportBoardFilter(month: month, states: states, region: region, mine: mine) }
    func with(page: Int) -> ReportBoardFilter { ReportBoardFilter(month: month, states: states, region: region, mine: mine, page: page) }
    func with(mine: Bool) -> ReportBoardFilter { ReportBoardFilter(month: month, states: states, region: region, mine: mine) }
}
