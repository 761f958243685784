import Foundation
import GroundbreakDomain
import GroundbreakStore
import Plot

/// A project's reports for one year: each month's two figures with the totals derived from them,
/// the state of each month, and the form to send a month.
struct ProjectReportsPage {
    var context: PageContext
    var project: Project
    var year: Int
    var reports: [MonthlyReport]
    var rules: ReportRules
    var today: Day
    var defaultMonth: Month
    /// A month a link asked the form to open on (`?month=2026-10`: the board, the inbox, the home).
    var requestedMonth: Month? = nil
    var plan: AnnualPlan?
    var photos: [StoredFile]
    var canSubmit: Bool
    var canReview: Bool
    var errors: [FieldError]
    var form: FormData
    var notice: String?

    static func wan(_ money: Money?) -> String { money.map { $0.formatted(in: .wan, grouped: true) } ?? "—" }

    var document: HTML {
        let title = WebText.Monthly.projectTitle(project.fields.name)
        let months = (1...12).compactMap { Month(year: year, month: $0) }.filter { $0.firstDay <= today }
        return Layout.document(title: title, context: context, nav: .none, content: .group(
            .nav(.class("breadcrumb"), .a(.href(esc(Route.ledger.path)), .text(WebText.Ledger.title)), .span(.text(" / ")),
                 .a(.href(esc(Route.project(project.id).path)), .text(project.fields.name)), .span(.text(WebText.Monthly.crumb))),
            .h1(.text(title)),
            Components.notice(notice),
            Components.errorSummary(errors),
            .p(.class("meta"), .text(WebText.Monthly.projectHint(rules.dueDay, Self.wan(project.fields.totalInvestment)))),
            AnnualPlanPages.card(context, project: project, year: year, plan: plan,
                                 yearDispatch: ReportTotals(reports, through: Month(year: year, month: 12)!).yearDispatch,
                                 canEdit: canSubmit, form: form, errors: errors),
            .nav(.class("pagination"), .a(.href(esc(Route.projectReports(project.id, year: year - 1).path)), .text(WebText.Monthly.previousYear(year - 1))),
                 .span(.class("current"), .text(WebText.Monthly.yearLabel(year))),
                 .if(year < today.year, .a(.href(esc(Route.projectReports(project.id, year: year + 1).path)), .text(WebText.Monthly.nextYear(year + 1))))),
            .div(.class("table-wrap"), .table(.class("ledger"),
                .thead(.tr(.th(.text(WebText.Monthly.month)), .th(.class("num"), .text(WebText.Monthly.thisMonthDispatch)), .th(.class("num"), .text(WebText.Monthly.yearDispatch)),
                           .th(.class("num"), .text(WebText.Monthly.thisMonthStatistical)), .th(.class("num"), .text(WebText.Monthly.yearStatistical)), .th(.class("num"), .text(WebText.Monthly.sinceStartDispatch)),
                           .th(.text(WebText.Monthly.progressText)), .th(.text(WebText.Monthly.status)))),
                .tbody(.forEach(months) { month in
                    let report = reports.first { $0.month == month }
                    let totals = ReportTotals(reports, through: month)
                    let state = ReportState.of(report, project: project, month: month, rules: rules, today: today)
                    return .tr(
                        .td(.text(month.label)),
                        .td(.class("num"), .text(Self.wan(report?.figures.dispatch))),
                        .td(.class("num"), .text(report == nil ? "—" : Self.wan(totals.yearDispatch))),
                        .td(.class("num"), .text(Self.wan(report?.figures.statistical))),
                        .td(.class("num"), .text(report == nil ? "—" : Self.wan(totals.yearStatistical))),
                        .td(.class("num"), .text(report == nil ? "—" : Self.wan(totals.sinceStartDispatch))),
                        .td(.class("name"), .text(report.map { r in ([r.figures.progressPercent.map { "\($0)%" }, r.figures.progressText] as [String?]).compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ") } ?? "")),
                        .td(.span(.class("flag report-\(state.rawValue)"), .text(state.label)),
                            .unwrap(report.flatMap { $0.reviewComment.isEmpty ? nil : $0.reviewComment }) { .span(.class("sub"), .text(WebText.Monthly.comment($0))) },
                            reviewForm(report))
                    )
                })
            )),
            canSubmit ? submitForm : .empty,
            PhotoPages.section(context, project: project, photos: photos, defaultMonth: defaultMonth, canUpload: canSubmit, errors: errors)
        ))
    }

    private func reviewForm(_ report: MonthlyReport?) -> Node<HTML.BodyContext> {
        guard canReview, let report, report.status == .submitted else { return .empty }
        return ReportsBoardPage.reviewForm(context, report: report, back: "project")
    }

    /// The months the form offers, newest first, each with its state as the board shows it; the
    /// form opens on the one asked for, else the oldest still owed, else the month just ended.
    var monthChoices: (options: [Components.Option], opening: Month) {
        let latest = Month(today)
        let months = (0..<12).map { offset in (0..<offset).reduce(latest) { month, _ in month.previous } }
        let states = months.map { month in (month, ReportState.of(reports.first { $0.month == month }, project: project, month: month, rules: rules, today: today)) }
        let oldestOwed = states.last { ReportBoardFilter.owed.contains($0.1) }?.0
        let opening = requestedMonth.flatMap { asked in months.contains(asked) ? asked : nil } ?? oldestOwed ?? defaultMonth
        let options = states.map { month, state in
            Components.Option(month.iso, state == .notRequired ? month.label : WebText.Monthly.monthWithState(month.label, state.label))
        }
        return (options, opening)
    }

    private var submitForm: Node<HTML.BodyContext> {
        let choices = monthChoices
        let month = form["month"].isEmpty ? choices.opening : (Month.parse(form["month"]) ?? choices.opening)
        let existing = reports.first { $0.month == month }
        func value(_ key: String, _ fallback: String) -> String { form.pairs.contains { $0.0 == key } ? form[key] : fallback }
        func messages(_ field: String) -> [String] { errors.filter { $0.field == field }.map(\.message) }
        let figures = existing?.figures
        // Choosing another month reloads the form with that month's figures (and its version).
        let picker: Node<HTML.BodyContext> = .form(.method(.get), .action(esc(Route.projectReports(project.id, year: nil).path)), .class("inline-form month-picker"),
            Components.selectField("month", label: WebText.Monthly.reportingMonth, options: choices.options, selected: month.iso, errors: messages("month"),
                                   required: true, blank: nil),
            .button(.type(.submit), .class("button secondary"), .text(WebText.Monthly.switchMonth)))
        return .section(.class("card project-form"), picker, .form(.method(.post), .action(esc(Route.projectReports(project.id, year: nil).path)),
            Layout.csrfField(context),
            .input(.type(.hidden), .name("version"), .value(existing.map { String($0.version) } ?? "")),
            .input(.type(.hidden), .name("month"), .value(esc(month.iso))),
            .h2(.text(existing == nil ? WebText.Monthly.reportMonth(month.label) : WebText.Monthly.reviseMonth(month.label, existing!.status.label))),
            .div(.class("field-grid"),
                Components.textField("dispatchWan", label: WebText.Monthly.dispatchWan, value: value("dispatchWan", figures.map { $0.dispatch.exactWanText } ?? ""),
                                     errors: messages("dispatch"), required: true),
                Components.textField("statisticalWan", label: WebText.Monthly.statisticalWan, value: value("statisticalWan", figures?.statistical?.exactWanText ?? ""),
                                     errors: messages("statistical"), hint: WebText.Monthly.statisticalHint),
                Components.textField("progressPercent", label: WebText.Monthly.progressPercentLabel, value: value("progressPercent", figures?.progressPercent.map(String.init) ?? ""),
                                     errors: messages("progressPercent")),
                Components.textField("jobs", label: WebText.Monthly.jobs, value: value("jobs", figures?.jobs.map(String.init) ?? ""), errors: messages("jobs")),
                Components.textField("progressText", label: WebText.Monthly.progressTextLabel, value: value("progressText", figures?.progressText ?? ""), errors: messages("progressText"), wide: true),
                Components.textField("jumpReason", label: WebText.Monthly.jumpReasonHint, value: value("jumpReason", figures?.jumpReason ?? ""),
                                     errors: messages("jumpReason"), wide: true),
                Components.textField("correctionReason", label: WebText.Monthly.correctionReasonHint, value: value("correctionReason", ""),
                                     errors: messages("correctionReason"), wide: true)),
            .button(.type(.submit), .class("button"), .text(WebText.Monthly.send))))
    }
}

/// One month across the caller's projects: who has reported, who is late, who is missing.
struct ReportsBoardPage {
    var context: PageContext
    var month: Month
    var filter: ReportBoardFilter
    /// Every row the month owes in the caller's scope (the chips count these)…
    var rows: ReportPages.BoardRows
    /// …and the ones the filter lists.
    var listed: ReportPages.BoardRows
    var closing: ReportPages.Closing
    var today: Day
    var canAdminister: Bool
    var due: Day
    var catalog: ReferenceCatalog
    var canReview: Bool
    var notice: String?

    static func reviewForm(_ context: PageContext, report: MonthlyReport, back: String) -> Node<HTML.BodyContext> {
        .form(.method(.post), .action(esc(Route.reviewReport(report.id).path)), .class("inline-form"),
              Layout.csrfField(context),
              .input(.type(.hidden), .name("version"), .value(String(report.version))),
              .input(.type(.hidden), .name("back"), .value(esc(back))),
              .input(.type(.text), .name("reviewComment"), .placeholder(WebText.Monthly.returnNeedsComment), .attribute(named: "aria-label", value: WebText.Monthly.reviewComment)),
              .button(.type(.submit), .name("decision"), .value("accept"), .class("button secondary"), .text(WebText.Monthly.accept)),
              .button(.type(.submit), .name("decision"), .value("return"), .class("button secondary"), .text(WebText.Monthly.sendBack)))
    }


    /// The page around `figures` (what one reader is shown of the month; see `ReportPages.board`).
    static func document(_ context: PageContext, figures: Node<HTML.BodyContext>) -> HTML {
        Layout.document(title: WebText.Monthly.reports, context: context, nav: .reports, content: figures)
    }

    /// The month's counts, its close, the filters, the actions and the page of rows, with forms
    /// whose CSRF token is `context`'s.
    var figures: Node<HTML.BodyContext> {
        let tally = ReportPages.Tally(rows)
        let counts = tally.counts
        let pageCount = max(1, (listed.count + ReportBoardFilter.pageSize - 1) / ReportBoardFilter.pageSize)
        let shown = listed.dropFirst((min(filter.page, pageCount) - 1) * ReportBoardFilter.pageSize).prefix(ReportBoardFilter.pageSize)
        return .group(
            .div(.class("page-head"), .h1(.text(WebText.Monthly.reportsOf(month.label))),
                 .div(.class("actions"), .if(context.may(.editProject),
                      .a(.class("button"), .href(esc(Route.reportsGrid(month: month.iso).path)), .text(WebText.Monthly.grid))),
                      .a(.class("button secondary"), .href(esc(Route.stats.path)), .text(WebText.Monthly.statsTitle)),
                      .a(.class("button secondary"), .href(esc(Route.targets(unit: nil, month: month.iso).path)), .text(WebText.Monthly.targets)))),
            Components.notice(notice),
            .p(.class("meta"), .text(WebText.Monthly.dueSummary(due.iso, rows.count) + [ReportState.missing, .returned, .due, .submittedLate, .submitted, .accepted]
                .map { "\($0.label) \(counts[$0] ?? 0)" }.joined(separator: "，") + WebText.Monthly.dispatchTotal(ProjectReportsPage.wan(tally.dispatch)))),
            closingPanel,
            stateChips(counts),
            boardFilterForm,
            canReview ? boardActions(counts) : .empty,
            Components.listTools(filter: ReportBoardExport.filterText(filter, catalog: catalog), xlsx: .reportsBoardXLSX(filter)),
            .p(.class("list-total"), .attribute(named: "data-total", value: String(listed.count)), .text(WebText.Monthly.listedCount(listed.count))),
            .nav(.class("pagination"), .a(.href(esc(Route.reportsBoard(month: month.previous.iso).path)), .text("‹ \(month.previous.label)")),
                 .span(.class("current"), .text(month.label)),
                 .a(.href(esc(Route.reportsBoard(month: month.next.iso).path)), .text("\(month.next.label) ›"))),
            .div(.class("table-wrap"), .table(.class("ledger"),
                .thead(.tr(.th(.text(WebText.Monthly.project)), .th(.text(WebText.Monthly.region)), .th(.text(WebText.Monthly.stage)), .th(.text(WebText.Monthly.responsible)), .th(.class("num"), .text(WebText.Monthly.thisMonthDispatch)), .th(.class("num"), .text(WebText.Monthly.thisMonthStatistical)),
                           .th(.text(WebText.Monthly.sentBy)), .th(.text(WebText.Monthly.status)))),
                .tbody(.forEach(Array(shown)) { row in
                    .tr(
                        .td(.class("name"), .a(.href(esc(Route.projectReports(row.project.id, year: month.year).path)), .text(row.project.fields.name))),
                        .td(.text(catalog.region(row.project.fields.regionCode)?.name ?? row.project.fields.regionCode)),
                        .td(Components.stageBadge(row.project.stage)),
                        .td(.text(ReportRules.responsible(row.project, catalog: catalog))),
                        .td(.class("num"), .text(ProjectReportsPage.wan(closing.close == nil ? row.report?.figures.dispatch : closing.snapshot[row.project.id]?.dispatch))),
                        .td(.class("num"), .text(ProjectReportsPage.wan(closing.close == nil ? row.report?.figures.statistical : closing.snapshot[row.project.id]?.statistical))),
                        .td(.text(row.report.map { "\($0.submittedBy) \(Format.dateTime($0.submittedAt))" } ?? "—")),
                        .td(.span(.class("flag report-\(row.state.rawValue)"), .text(row.state.label)),
                            canReview && row.report?.status == .submitted ? Self.tick(row.report!) : .empty,
                            canReview && row.report?.status == .submitted ? Self.reviewForm(context, report: row.report!, back: "board") : .empty)
                    )
                })
            )),
            Components.pagination(page: min(filter.page, pageCount), pageCount: pageCount) { Route.reportsBoard(filter.with(page: $0)).path }
        )
    }

    /// The region (with the regions below it) and 由我填报, kept with the month and states.
    private var boardFilterForm: Node<HTML.BodyContext> {
        .form(.method(.get), .action(esc(Route.reportsBoard(month: nil).path)), .class("inline-form filters"),
              .input(.type(.hidden), .name("month"), .value(esc(month.iso))),
              .unwrap(filter.items.first { $0.0 == "state" }) { .input(.type(.hidden), .name("state"), .value(esc($0.1))) },
              Components.selectField("region", label: WebText.Monthly.region, options: catalog.regionOptions, selected: filter.region ?? "", blank: WebText.Common.everything),
              .label(.class("check"), .input(.type(.checkbox), .name("mine"), .value("true"), .checked(filter.mine)), .text(WebText.Monthly.mineOnly)),
              .button(.type(.submit), .class("button secondary"), .text(WebText.Monthly.applyFilter)))
    }

    /// 催报 to whoever owes a report still owed, and accepting the ticked reports at once.
    private func boardActions(_ counts: [ReportState: Int]) -> Node<HTML.BodyContext> {
        let owed = ReportBoardFilter.owed.reduce(0) { $0 + (counts[$1] ?? 0) }
        let waiting = (counts[.submitted] ?? 0) + (counts[.submittedLate] ?? 0)
        return .div(.class("list-tools no-print"),
            .form(.method(.post), .action(esc(Route.urgeReports.path)), .class("inline"),
                  Layout.csrfField(context), .input(.type(.hidden), .name("month"), .value(esc(month.iso))),
                  .button(.type(.submit), .class("button secondary"), .if(owed == 0, .attribute(named: "disabled", value: "disabled")),
                          .text(WebText.Monthly.urgeOwed(owed)))),
            .form(.method(.post), .action(esc(Route.acceptReports.path)), .id("accept-many"), .class("inline"),
                  Layout.csrfField(context), .input(.type(.hidden), .name("month"), .value(esc(month.iso))),
                  .button(.type(.submit), .class("button secondary"), .if(waiting == 0, .attribute(named: "disabled", value: "disabled")),
                          .text(WebText.Monthly.acceptTicked))))
    }

    /// A report's box for the board's 通过所选 form.
    static func tick(_ report: MonthlyReport) -> Node<HTML.BodyContext> {
        .label(.class("check"), .input(.type(.checkbox), .name("accept"), .value("\(report.id):\(report.version)"), .attribute(named: "form", value: "accept-many")),
               .text(WebText.Monthly.tickToAccept))
    }

    /// One chip per state with its count, each a filter; the owed reports together first.
    private func stateChips(_ counts: [ReportState: Int]) -> Node<HTML.BodyContext> {
        let owed = ReportBoardFilter.owed
        let choices: [(String, Set<ReportState>, Int)] = [(WebText.Monthly.allStates, [], rows.count),
                                                         (WebText.Monthly.owedStates, owed, owed.reduce(0) { $0 + (counts[$1] ?? 0) })]
            + ReportBoardFilter.order.map { ($0.label, [$0], counts[$0] ?? 0) }
        return .div(.class("stage-chips"), .forEach(choices) { label, states, count in
            .a(.class("chip" + (filter.states == states ? " active" : "")), .href(esc(Route.reportsBoard(filter.with(states: states)).path)),
               .span(.class("chip-label"), .text(label)), .span(.class("chip-count"), .text(String(count))))
        })
    }

    /// Closed: when and by whom, the corrections since, re-opening; open and ended: the close button.
    private var closingPanel: Node<HTML.BodyContext> {
        guard let close = closing.close else {
            guard canReview, today > month.lastDay else { return .empty }
            return .form(.method(.post), .action(esc(Route.closeMonth.path)), .class("inline-form"),
                         Layout.csrfField(context), .input(.type(.hidden), .name("month"), .value(esc(month.iso))),
                         .button(.type(.submit), .class("button secondary"), .text(WebText.Monthly.closeMonth)))
        }
        return .section(.class("card"),
            .p(.strong(.text(WebText.Monthly.closed)), .text(WebText.Monthly.closedBy(Format.dateTime(close.closedAt), close.closedBy))),
            .if(!closing.corrections.isEmpty, .table(.class("ledger"),
                .thead(.tr(.th(.text(WebText.Monthly.project)), .th(.class("num"), .text(WebText.Monthly.dispatchChange)), .th(.class("num"), .text(WebText.Monthly.statisticalChange)), .th(.text(WebText.Monthly.reason)), .th(.text(WebText.Monthly.correctedBy)))),
                .tbody(.forEach(closing.corrections) { correction in
                    .tr(.td(.text(rows.first { $0.project.id == correction.projectId }?.project.fields.name ?? "#\(correction.projectId)")),
                        .td(.class("num"), .text("\(ProjectReportsPage.wan(correction.dispatchBefore)) → \(ProjectReportsPage.wan(correction.dispatchAfter))")),
                        .td(.class("num"), .text("\(ProjectReportsPage.wan(correction.statisticalBefore)) → \(ProjectReportsPage.wan(correction.statisticalAfter))")),
                        .td(.text(correction.reason)), .td(.text("\(correction.actor) \(Format.dateTime(correction.at))")))
                }))),
            canAdminister ? .form(.method(.post), .action(esc(Route.reopenMonth.path)), .class("inline-form"),
                                  Layout.csrfField(context), .input(.type(.hidden), .name("month"), .value(esc(month.iso))),
                                  .input(.type(.text), .name("reason"), .placeholder(WebText.Monthly.reopenReasonHint), .attribute(named: "aria-label", value: WebText.Monthly.reopenReason)),
                                  .button(.type(.submit), .class("button secondary"), .text(WebText.Monthly.reopen))) : .empty)
    }
}
