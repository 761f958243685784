import Foundation
import GroundbreakDomain
import GroundbreakStore
import Hummingbird

/// Builds each role's home. Every figure is counted by the very function that serves the list it
/// links to, with the same filter, so the home page and the list cannot disagree.
enum HomePages {
    static func home(_ input: EndpointRequest) async throws -> Response {
        let principal = try input.requirePrincipal()
        // Read before the sections, as every figures key is.
        let rendered = try await input.services.figuresKey("home-page", "user \(principal.userId)", input.today.iso)
        let sections = try await sections(input, principal)
        let page = HomePage(context: PageContext(input), greeting: WebText.Home.greeting(principal.displayName, input.today.iso), sections: sections)
        return Responses.html(page.document(sections: RenderedFigures.content(input.services, key: rendered, in: input.services.renderedPerReader) { page.sectionsContent }))
    }

    /// The reader's sections: computed once per reader, day and `FiguresGeneration` (a change to
    /// their roles, unit or seat is an audited change too).
    static func sections(_ input: EndpointRequest, _ principal: Principal) async throws -> [HomeSection] {
        try await input.services.homeSections.value(for: try await input.services.figuresKey("user \(principal.userId)", input.today.iso)) {
            var figures = Figures(input: input)
            var sections: [HomeSection] = []
            let roles = principal.roles
            let centre = roles.contains(.center) || roles.contains(.admin)
            if centre { sections.append(try await figures.centre()) }
            if roles.contains(.sponsor) { sections.append(try await figures.sponsor()) }
            if roles.contains(.secretary) { sections.append(try await figures.secretary()) }
            if !centre, roles.contains(.department) || roles.contains(.region), let unit = principal.unit {
                sections.append(try await figures.unit(unit, approvals: roles.contains(.department) && unit.kind == .department))
            }
            if roles.contains(.supervision) { sections.append(try await figures.supervisionOffice()) }
            if sections.isEmpty { sections.append(try await figures.reader()) }
            return sections
        }
    }

    /// The counts behind the tiles, each read once per request.
    struct Figures {
        typealias T = WebText.Home
        let input: EndpointRequest
        /// What the reader may do, worked out once for the tiles and the page.
        let context: PageContext
        private var owed: ReportPages.Owed?

        init(input: EndpointRequest) {
            self.input = input
            context = PageContext(input)
        }

        var month: Month { ReportPages.reportingMonth(input.today) }

        // MARK: the lists

        mutating func reports(_ states: Set<ReportState>) async throws -> HomeTile.Count {
            if owed == nil { owed = try await ReportPages.owed(input, month: month) }
            let filter = ReportBoardFilter(month: month, states: states)
            return HomeTile.Count(owed!.count(filter, input), .reportsBoard(filter))
        }

        func problems(_ configure: (inout ProblemQuery) -> Void) async throws -> HomeTile.Count {
            var query = ProblemQuery()
            configure(&query)
            let page = try await input.services.problems.list(query, reach: try ProblemPages.reach(input), today: input.today)
            return HomeTile.Count(page.totalCount, .problems(query))
        }

        func supervision(_ view: SupervisionPages.ListView) async throws -> HomeTile.Count {
            HomeTile.Count(try await SupervisionPages.listed(input, view: view).count, .supervision(view))
        }

        func approvals(state: ApprovalClockReading.State?) async throws -> HomeTile.Count {
            let query = FormData(pairs: [("scope", "mine"), ("state", state?.rawValue ?? "")])
            let rows = try await ApprovalPages.queueRows(input, filter: ApprovalPages.QueueFilter(query.pairs))
            return HomeTile.Count(rows.count, .approvalQueue(query))
        }

        func projects() async throws -> HomeTile.Count {
            let page = try await input.services.projects.list(ProjectQuery(), scope: input.scope(.viewProjects), catalog: input.catalog, today: input.today)
            return HomeTile.Count(page.totalCount, .ledger)
        }

        // MARK: the duties

        mutating func centre() async throws -> HomeSection {
            var section = HomeSection(title: T.centre, tiles: [
                try await reports(ReportBoardFilter.owed).tile(T.reportsOwed(month.label), .bad),
                try await reports([.submitted, .submittedLate]).tile(T.reportsToReview, .warn),
                try await problems { $0.status = .raised }.tile(T.problemsToAssign, .warn),
                try await problems { $0.view = .overdue }.tile(T.problemsOverdue, .bad),
                try await problems { $0.view = .escalated }.tile(T.problemsEscalated, .warn),
                try await supervision(.overdue).tile(T.itemsOverdue, .bad),
            ])
            if context.may(.runMeetings) {
                section.actions.append((T.callMeeting, .meetings))
                if let next = try await input.services.meetings.meetings(limit: 50).first(where: { $0.status == .planned }) {
                    section.lines.append((T.nextMeeting(next.title, next.heldOn.iso), .meeting(next.id)))
                }
            }
            return section
        }

        mutating func sponsor() async throws -> HomeSection {
            var section = HomeSection(title: T.sponsor, tiles: [
                try await projects().tile(T.myProjects, .plain),
                try await problems { $0.view = .escalated }.tile(T.problemsRisenToLeaders, .warn),
                try await problems { $0.view = .overdue }.tile(T.problemsOverdue, .bad),
                try await reports([.missing]).tile(T.reportsMissing(month.label), .bad),
            ])
            if context.may(.viewPortfolio) {
                section.actions.append((T.portfolio, .portfolio()))
                // The portfolio in three lines, each as the portfolio page gives it.
                if let seat = input.principal?.positionId, let position = input.catalog.positions.first(where: { $0.id == seat && $0.duty == .sponsor }) {
                    let reading = try await PortfolioPages.read(input, position)
                    section.lines += PortfolioPages.summaryLines(reading, rateCatalog: input.services.fourRates).map { ($0, .portfolio()) }
                }
            }
            return section
        }

        mutating func secretary() async throws -> HomeSection {
            var section = HomeSection(title: T.secretary, tiles: [
                try await reports(ReportBoardFilter.owed).tile(T.reportsOwed(month.label), .bad),
                try await projects().tile(T.myProjects, .plain),
                try await problems { $0.view = .open }.tile(T.problemsOpen, .warn),
                try await problems { $0.view = .overdue }.tile(T.problemsOverdue, .bad),
            ])
            if context.may(.editProject) { section.actions.append((T.fillMonth(month.label), .reportsGrid(month: month.iso))) }
            return section
        }

        mutating func unit(_ unit: OrgUnit, approvals: Bool) async throws -> HomeSection {
            var tiles = [
                try await reports(ReportBoardFilter.owed).tile(T.reportsOwed(month.label), .bad),
                try await problems { $0.owner = unit; $0.view = .open }.tile(T.problemsOurs, .warn),
                try await problems { $0.owner = unit; $0.view = .overdue }.tile(T.problemsOursOverdue, .bad),
                try await supervision(.open).tile(T.itemsOpen, .warn),
                try await supervision(.overdue).tile(T.itemsOverdue, .bad),
            ]
            if approvals {
                tiles.append(try await self.approvals(state: nil).tile(T.approvalsWaiting, .warn))
                tiles.append(try await self.approvals(state: .overdue).tile(T.approvalsOverdue, .bad))
            }
            var section = HomeSection(title: T.unit, tiles: tiles)
            if context.may(.editProject) { section.actions.append((T.fillMonth(month.label), .reportsGrid(month: month.iso))) }
            return section
        }

        func supervisionOffice() async throws -> HomeSection {
            HomeSection(title: T.supervision, tiles: [
                try await supervision(.overdue).tile(T.itemsOverdue, .bad),
                try await supervision(.open).tile(T.itemsOpen, .warn),
            ])
        }

        func reader() async throws -> HomeSection {
            HomeSection(title: T.reader, tiles: [try await projects().tile(T.projectsInView, .plain)])
        }
    }
}

extension HomeTile {
    /// A count and the list it came from, before it is named.
    struct Count {
        var value: Int
        var route: Route

        init(_ value: Int, _ route: Route) {
            self.value = value
            self.route = route
        }

        func tile(_ label: String, _ tone: HomeTile.Tone) -> HomeTile {
            HomeTile(label: label, count: value, route: route, tone: tone)
        }
    }
}
