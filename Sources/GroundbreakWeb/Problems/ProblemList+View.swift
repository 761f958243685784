import Foundation
import GroundbreakDomain
import GroundbreakStore
import Plot

/// 问题清单: where the month's cycle stands, the figures, the lists by view, and on a project's
/// list the form to raise a problem.
struct ProblemListPage {
    var context: PageContext
    var query: ProblemQuery
    var board: ProblemPages.Board
    var settings: ProblemSettings
    var catalog: ReferenceCatalog
    var project: Project?
    /// The project the caller may raise a problem on.
    var raiseOn: Project?
    var errors: [FieldError]
    var form: FormData
    var notice: String?

    var document: HTML {
        let title = project.map { WebText.Problems.listOfProject($0.fields.name) } ?? WebText.Problems.list
        let content: Node<HTML.BodyContext> = .group(
            .h1(.text(title)),
            Components.notice(notice),
            Components.errorSummary(errors),
            cycleCard,
            figuresCard,
            raiseForm,
            findProjectForm,
            enterpriseForm,
            viewChips,
            escalateForm,
            Components.listTools(filter: ProblemExport.filterText(query, settings: settings, catalog: catalog, project: project), xlsx: .problemsXLSX(query)),
            table,
            Components.pagination(page: board.page.page, pageCount: board.page.pageCount) { page in
                var next = query
                next.page = page
                return Route.problems(next).path
            },
            overdueByOwner
        )
        return Layout.document(title: title, context: context, nav: .problems, content: content)
    }

    static func day(_ day: Day) -> String { WebText.Problems.monthDay(day.month, day.day) }

    var cycleCard: Node<HTML.BodyContext> {
        let cycle = board.cycle
        let steps = WebText.Problems.monthlyCycle(Self.day(cycle.reportBy), Self.day(cycle.assignBy), Self.day(cycle.jointMeetingBy))
        let now = cycle.phaseEnds.map { WebText.Problems.phaseUntil(cycle.phase.label, Self.day($0)) } ?? WebText.Problems.phase(cycle.phase.label)
        return .section(.class("card"), .h2(.text(WebText.Problems.monthList(cycle.month.label))), .p(.text(now)), .p(.class("meta"), .text(steps)))
    }

    var figuresCard: Node<HTML.BodyContext> {
        let figures = board.figures
        let rate = Format.share(figures.resolutionRate)
        let median = figures.medianDaysToClose.map { WebText.Problems.days($0) } ?? "—"
        let items: [(String, String)] = [(WebText.Problems.total, String(figures.total)), (WebText.Problems.open, String(figures.open)), (WebText.Problems.overdue, String(figures.overdue)),
                                         (WebText.Problems.escalated, String(figures.escalated)), (WebText.Problems.closedThisMonth, String(figures.closedThisMonth)), (WebText.Problems.closeRate, rate),
                                         (WebText.Problems.medianDaysToClose, median)]
        return .div(.class("stage-chips"), .forEach(items) { item in
            .div(.class("chip"), .span(.class("chip-label"), .text(item.1)), .span(.class("chip-count"), .text(item.0)))
        })
    }

    var viewChips: Node<HTML.BodyContext> {
        .nav(.class("stage-chips"), .attribute(named: "aria-label", value: WebText.Problems.listHeading), .forEach(ProblemQuery.View.allCases) { view in
            var next = query
            next.view = view
            next.page = 1
            return .a(.class(view == query.view ? "chip active" : "chip"), .href(esc(Route.problems(next).path)), .span(.class("chip-label"), .text(view.label)))
        })
    }

    var escalateForm: Node<HTML.BodyContext> {
        guard context.may(.manageProblems) else { return .empty }
        return .form(.method(.post), .action(esc(Route.escalateProblems.path)), .class("inline-form"),
                     Layout.csrfField(context),
                     .button(.type(.submit), .class("button secondary"), .text(WebText.Problems.escalateOverdue)))
    }

    /// 万人助万企: on the city list, for those who may raise an enterprise's problem.
    var enterpriseForm: Node<HTML.BodyContext> {
        guard project == nil, context.may(.raiseEnterpriseProblem) else { return .empty }
        let categories = settings.categories.map { Components.Option($0.code, $0.name) }
        let regions = catalog.assignableRegions.filter { region in
            guard let unit = context.principal?.unit, context.principal?.roles.isDisjoint(with: [.admin, .center]) == true else { return true }
            return catalog.regionSubtree(unit.code).contains(region.code)
        }.map { Components.Option($0.code, $0.name) }
        let messages = { (field: String) in errors.filter { $0.field == field }.map(\.message) }
        return .details(.summary(.text(WebText.Problems.raiseForEnterprise)),
            .form(.method(.post), .action(esc(Route.raiseEnterpriseProblem.path)), .class("card project-form"),
                  Layout.csrfField(context),
                  .div(.class("field-grid"),
                       Components.textField("enterpriseName", label: WebText.Problems.enterpriseName, value: form["enterpriseName"], errors: messages("enterpriseName"), required: true, form: "e"),
                       Components.selectField("regionCode", label: WebText.Problems.region, options: regions, selected: form["regionCode"], errors: messages("regionCode"), required: true, form: "e"),
                       Components.selectField("categoryCode", label: WebText.Problems.category, options: categories, selected: form["categoryCode"], errors: messages("categoryCode"),
                                              required: true, form: "e"),
                       Components.textArea("description", label: WebText.Problems.description, value: form["description"], errors: messages("description"))),
                  .button(.type(.submit), .class("button"), .text(WebText.Problems.raise))))
    }

    var raiseForm: Node<HTML.BodyContext> {
        guard let raiseOn else { return .empty }
        let categories = settings.categories.map { Components.Option($0.code, $0.name) }
        let messages = { (field: String) in errors.filter { $0.field == field }.map(\.message) }
        return .form(.method(.post), .action(esc(Route.raiseProblem(projectId: raiseOn.id).path)), .class("card project-form"),
                     .enctype(.multipartData),
                     Layout.csrfField(context),
                     .h2(.text(WebText.Problems.raise)),
                     .div(.class("field-grid"),
                          Components.selectField("categoryCode", label: WebText.Problems.category, options: categories, selected: form["categoryCode"],
                                                 errors: messages("categoryCode"), required: true),
                          Components.textArea("description", label: WebText.Problems.descriptionHint, value: form["description"], errors: messages("description")),
                          .div(.class("field wide"), .label(.for("f-raise-file"), .text(WebText.Problems.raisePhoto)),
                               .input(.type(.file), .name("file"), .id("f-raise-file"), .attribute(named: "accept", value: "image/*,application/pdf")),
                               Components.errors(messages("file")))),
                     .button(.type(.submit), .class("button"), .text(WebText.Problems.raise)))
    }

    /// The list's own raise entry: name the project (name or code) and its raise form opens.
    var findProjectForm: Node<HTML.BodyContext> {
        guard raiseOn == nil, context.may(.editProject) else { return .empty }
        let messages = errors.filter { $0.field == "projectName" }.map(\.message)
        return .details(.class("card"), .if(!messages.isEmpty, .attribute(named: "open", value: "open")),
            .summary(.text(WebText.Problems.raiseOnProject)),
            .form(.method(.get), .action(esc(Route.findProjectToRaise.path)), .class("inline-form"),
                  Components.textField("name", label: WebText.Problems.projectNameOrCode, value: form["projectName"], errors: messages, required: true),
                  .button(.type(.submit), .class("button secondary"), .text(WebText.Problems.next))))
    }

    var table: Node<HTML.BodyContext> {
        guard !board.page.problems.isEmpty else {
            return .group(Components.listTotal(0, WebText.Problems.listed(0)), .p(.class("empty"), .text(WebText.Problems.noneMatching)))
        }
        return .group(Components.listTotal(board.page.totalCount, WebText.Problems.listed(board.page.totalCount)), .div(.class("table-wrap"), .table(.class("ledger"),
            .thead(.tr(.th(.text(WebText.Problems.problem)), .th(.text(WebText.Problems.categoryShort)), .th(.text(WebText.Problems.level)), .th(.text(WebText.Problems.owner)), .th(.text(WebText.Problems.deadline)), .th(.text(WebText.Problems.status)),
                       .th(.text(WebText.Problems.raised)))),
            .tbody(.forEach(board.page.problems) { row(for: $0) }))))
    }

    func row(for problem: Problem) -> Node<HTML.TableContext> {
        let overdue = problem.isOverdue(on: context.today)
        let status: Node<HTML.BodyContext> = overdue ? .span(.class("badge clock-overdue"), .text(WebText.Problems.overdue)) : .span(.class("badge"), .text(problem.status.label))
        return .tr(
            .td(.class("name"), .a(.href(esc(Route.problem(problem.id).path)), .text(String(problem.description.prefix(60))))),
            .td(.text(settings.category(problem.categoryCode)?.name ?? problem.categoryCode)),
            .td(.text(problem.level.label + (problem.escalations > 0 ? WebText.Problems.escalationCount(problem.escalations) : ""))),
            .td(.text(problem.owner.map { $0.name(catalog) } ?? WebText.Problems.toAssign)),
            .td(.text(problem.deadline?.iso ?? "—")),
            .td(status),
            .td(.text("\(problem.raisedByName) \(problem.raisedOn.iso)"))
        )
    }

    var overdueByOwner: Node<HTML.BodyContext> {
        let rows = board.figures.overdueByOwner
        guard !rows.isEmpty else { return .empty }
        return .section(.class("card"), .h2(.text(WebText.Problems.overdueByOwner)),
                        .table(.class("ledger"), .thead(.tr(.th(.text(WebText.Problems.owner)), .th(.class("num"), .text(WebText.Problems.overdueCount)))),
                               .tbody(.forEach(rows) { entry in
                                   var filter = ProblemQuery()
                                   filter.view = .overdue
                                   filter.owner = entry.owner
                                   return .tr(.td(.a(.href(esc(Route.problems(filter).path)), .text(entry.owner.name(catalog)))),
                                              .td(.class("num"), .text(String(entry.count))))
                               })))
    }
}
