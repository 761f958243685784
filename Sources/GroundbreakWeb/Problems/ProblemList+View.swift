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
        let title = project.map { "问题清单：\($0.fields.name)" } ?? "问题清单"
        let content: Node<HTML.BodyContext> = .group(
            .h1(.text(title)),
            Components.notice(notice),
            Components.errorSummary(errors),
            cycleCard,
            figuresCard,
            raiseForm,
            enterpriseForm,
            viewChips,
            escalateForm,
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

    static func day(_ day: Day) -> String { "\(day.month)月\(day.day)日" }

    var cycleCard: Node<HTML.BodyContext> {
        let cycle = board.cycle
        let steps = "每月 \(Self.day(cycle.reportBy)) 前报送问题清单，\(Self.day(cycle.assignBy)) 前分办，\(Self.day(cycle.jointMeetingBy)) 前提请联席会议研究需全市统筹的问题"
        let now = cycle.phaseEnds.map { "当前阶段：\(cycle.phase.label)（截至 \(Self.day($0))）" } ?? "当前阶段：\(cycle.phase.label)"
        return .section(.class("card"), .h2(.text("\(cycle.month.label)问题清单")), .p(.text(now)), .p(.class("meta"), .text(steps)))
    }

    var figuresCard: Node<HTML.BodyContext> {
        let figures = board.figures
        let rate = figures.resolutionRate.map { String(format: "%.1f%%", $0 * 100) } ?? "—"
        let median = figures.medianDaysToClose.map { "\($0) 天" } ?? "—"
        let items: [(String, String)] = [("问题总数", String(figures.total)), ("未销号", String(figures.open)), ("已逾期", String(figures.overdue)),
                                         ("已提级", String(figures.escalated)), ("本月销号", String(figures.closedThisMonth)), ("销号率", rate),
                                         ("销号用时中位数", median)]
        return .div(.class("stage-chips"), .forEach(items) { item in
            .div(.class("chip"), .span(.class("chip-label"), .text(item.1)), .span(.class("chip-count"), .text(item.0)))
        })
    }

    var viewChips: Node<HTML.BodyContext> {
        .nav(.class("stage-chips"), .attribute(named: "aria-label", value: "列表"), .forEach(ProblemQuery.View.allCases) { view in
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
                     .button(.type(.submit), .class("button secondary"), .text("逾期问题按提级链条提级")))
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
        return .details(.summary(.text("提出企业问题（万人助万企，无项目）")),
            .form(.method(.post), .action(esc(Route.raiseEnterpriseProblem.path)), .class("card project-form"),
                  Layout.csrfField(context),
                  .div(.class("field-grid"),
                       Components.textField("enterpriseName", label: "企业名称", value: form["enterpriseName"], errors: messages("enterpriseName"), required: true, form: "e"),
                       Components.selectField("regionCode", label: "所在属地", options: regions, selected: form["regionCode"], errors: messages("regionCode"), required: true, form: "e"),
                       Components.selectField("categoryCode", label: "问题类别", options: categories, selected: form["categoryCode"], errors: messages("categoryCode"),
                                              required: true, form: "e"),
                       Components.textArea("description", label: "问题描述", value: form["description"], errors: messages("description"))),
                  .button(.type(.submit), .class("button"), .text("提出问题"))))
    }

    var raiseForm: Node<HTML.BodyContext> {
        guard let raiseOn else { return .empty }
        let categories = settings.categories.map { Components.Option($0.code, $0.name) }
        let messages = { (field: String) in errors.filter { $0.field == field }.map(\.message) }
        return .form(.method(.post), .action(esc(Route.raiseProblem(projectId: raiseOn.id).path)), .class("card project-form"),
                     Layout.csrfField(context),
                     .h2(.text("提出问题")),
                     .div(.class("field-grid"),
                          Components.selectField("categoryCode", label: "问题类别", options: categories, selected: form["categoryCode"],
                                                 errors: messages("categoryCode"), required: true),
                          Components.textArea("description", label: "问题描述（需要谁、解决什么、何时前）", value: form["description"], errors: messages("description"))),
                     .button(.type(.submit), .class("button"), .text("提出问题")))
    }

    var table: Node<HTML.BodyContext> {
        guard !board.page.problems.isEmpty else { return .p(.class("empty"), .text("没有符合条件的问题。")) }
        return .div(.class("table-wrap"), .table(.class("ledger"),
            .thead(.tr(.th(.text("问题")), .th(.text("类别")), .th(.text("层级")), .th(.text("责任单位")), .th(.text("时限")), .th(.text("状态")),
                       .th(.text("提出")))),
            .tbody(.forEach(board.page.problems) { row(for: $0) })))
    }

    func row(for problem: Problem) -> Node<HTML.TableContext> {
        let overdue = problem.isOverdue(on: context.today)
        let status: Node<HTML.BodyContext> = overdue ? .span(.class("badge clock-overdue"), .text("已逾期")) : .span(.class("badge"), .text(problem.status.label))
        return .tr(
            .td(.class("name"), .a(.href(esc(Route.problem(problem.id).path)), .text(String(problem.description.prefix(60))))),
            .td(.text(settings.category(problem.categoryCode)?.name ?? problem.categoryCode)),
            .td(.text(problem.level.label + (problem.escalations > 0 ? "（提级 \(problem.escalations) 次）" : ""))),
            .td(.text(problem.owner.map { $0.name(catalog) } ?? "待分办")),
            .td(.text(problem.deadline?.iso ?? "—")),
            .td(status),
            .td(.text("\(problem.raisedByName) \(problem.raisedOn.iso)"))
        )
    }

    var overdueByOwner: Node<HTML.BodyContext> {
        let rows = board.figures.overdueByOwner
        guard !rows.isEmpty else { return .empty }
        return .section(.class("card"), .h2(.text("逾期问题按责任单位")),
                        .table(.class("ledger"), .thead(.tr(.th(.text("责任单位")), .th(.class("num"), .text("逾期件数")))),
                               .tbody(.forEach(rows) { entry in
                                   var filter = ProblemQuery()
                                   filter.view = .overdue
                                   filter.owner = entry.owner
                                   return .tr(.td(.a(.href(esc(Route.problems(filter).path)), .text(entry.owner.name(catalog)))),
                                              .td(.class("num"), .text(String(entry.count))))
                               })))
    }
}
