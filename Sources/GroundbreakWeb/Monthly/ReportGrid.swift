import Foundation
import GroundbreakDomain
import GroundbreakStore
import HTTPTypes
import Hummingbird
import Plot

/// One month for all the caller's projects on one page: a secretary or a region fills every row
/// and saves once. Nothing is saved while any row is refused, unless the user asks to keep the
/// valid rows.
enum ReportGrid {
    struct Row: Sendable {
        var project: Project
        var report: MonthlyReport?
        var previous: MonthlyReport?
    }

    static func rows(_ input: EndpointRequest, month: Month) async throws -> [Row] {
        let scope = input.scope(.editProject)
        let projects = try await ReportPages.owing(input, month: month, scope: scope)
        let current = try await input.services.reports.reports(month: month)
        let previous = try await input.services.reports.reports(month: month.previous)
        return projects.map { Row(project: $0, report: current[$0.id], previous: previous[$0.id]) }
    }

    static func month(_ input: EndpointRequest, from items: [(String, String)]) -> Month {
        Month.parse(FormData(pairs: items)["month"]) ?? ReportPages.reportingMonth(input.today)
    }

    static func page(_ input: EndpointRequest) async throws -> Response {
        let month = month(input, from: input.queryItems)
        return try await render(input, month: month, refused: [:], form: nil, notice: input.notice(["saved": WebText.Monthly.saved, "empty": WebText.Monthly.gridEmpty]), status: .ok)
    }

    static func render(_ input: EndpointRequest, month: Month, refused: [Int64: [FieldError]], form: FormData?, notice: String?,
                       status: HTTPResponse.Status) async throws -> Response {
        let page = ReportGridPage(context: PageContext(input), month: month, rows: try await rows(input, month: month), refused: refused, form: form,
                                  notice: notice)
        return Responses.html(page.document, status: status)
    }

    static func save(_ input: EndpointRequest) async throws -> Response {
        let form = input.form ?? FormData(pairs: [])
        let month = month(input, from: form.pairs)
        let rows = try await rows(input, month: month)
        var refused: [Int64: [FieldError]] = [:]
        var entries: [MonthlyReportRepository.Entry] = []
        for row in rows where row.report?.status != .accepted {
            let id = row.project.id
            let fields = FormData(pairs: [("month", month.iso), ("dispatchWan", form["d\(id)"]), ("statisticalWan", form["s\(id)"]),
                                          ("progressPercent", form["p\(id)"]), ("progressText", form["t\(id)"]), ("jumpReason", form["j\(id)"]),
                                          ("version", form["v\(id)"])])
            guard !fields["dispatchWan"].trimmingCharacters(in: .whitespaces).isEmpty else { continue }
            switch ReportInput.parse(form: fields, defaultMonth: month) {
            case .failure(let failure): refused[id] = failure.errors
            case .success(let parsed):
                // A row sent again unchanged is not a new submission.
                if let report = row.report, report.status == .submitted, report.figures == parsed.figures.normalised { continue }
                entries.append(.init(project: row.project, figures: parsed.figures, expectedVersion: parsed.version, correctionReason: form["correctionReason"]))
            }
        }
        guard !entries.isEmpty || !refused.isEmpty else {
            return Responses.redirect(to: Route.reportsGrid(month: month.iso).path(notice: "empty"))
        }
        let keepValid = form["keepValid"] == "1"
        if !refused.isEmpty && !keepValid {
            return try await render(input, month: month, refused: refused, form: form, notice: nil, status: .unprocessableContent)
        }
        let outcome = try await input.services.reports.submit(entries, month: month, keepValid: keepValid, rules: input.services.reportRules,
                                                              actor: input.actor, today: input.today, now: input.now)
        refused.merge(outcome.refused) { first, _ in first }
        guard refused.isEmpty else {
            let notice = outcome.saved.isEmpty ? nil : WebText.Monthly.gridPartlySaved(outcome.saved.count)
            return try await render(input, month: month, refused: refused, form: form, notice: notice, status: .unprocessableContent)
        }
        return Responses.redirect(to: Route.reportsGrid(month: month.iso).path(notice: "saved"))
    }
}

struct ReportGridPage {
    var context: PageContext
    var month: Month
    var rows: [ReportGrid.Row]
    var refused: [Int64: [FieldError]]
    /// What was sent, shown again when refused.
    var form: FormData?
    var notice: String?

    var document: HTML {
        Layout.document(title: WebText.Monthly.grid, context: context, nav: .reports, content: .group(
            .h1(.text(WebText.Monthly.gridOf(month.label))),
            Components.notice(notice),
            .if(!refused.isEmpty, .div(.class("alert alert-error"), .attribute(named: "role", value: "alert"),
                .text(WebText.Monthly.gridRefused(refused.count)))),
            .p(.class("meta"), .text(WebText.Monthly.gridHint)),
            .form(.method(.get), .action(esc(Route.reportsGrid(month: nil).path)), .class("inline-form"),
                  .label(.for("f-month"), .text(WebText.Monthly.month)),
                  .input(.type(.text), .name("month"), .id("f-month"), .value(esc(month.iso)), .attribute(named: "size", value: "8")),
                  .button(.type(.submit), .class("button secondary"), .text(WebText.Monthly.switchMonth))),
            .form(.method(.post), .action(esc(Route.reportsGrid(month: nil).path)),
                Layout.csrfField(context),
                .input(.type(.hidden), .name("month"), .value(esc(month.iso))),
                .div(.class("table-wrap"), .table(.class("ledger grid"),
                    .thead(.tr(.th(.text(WebText.Monthly.project)), .th(.class("num"), .text(WebText.Monthly.lastMonthDispatch)), .th(.text(WebText.Monthly.thisMonthDispatch)), .th(.text(WebText.Monthly.thisMonthStatistical)),
                               .th(.text(WebText.Monthly.progressPercentShort)), .th(.text(WebText.Monthly.progressText)), .th(.text(WebText.Monthly.jumpReason)), .th(.text(WebText.Monthly.status)))),
                    .tbody(.forEach(rows) { row in self.row(row) }))),
                .div(.class("form-actions"),
                     .input(.type(.text), .name("correctionReason"), .value(esc(form?["correctionReason"] ?? "")), .placeholder(WebText.Monthly.correctionReasonHint),
                            .attribute(named: "aria-label", value: WebText.Monthly.correctionReason), .attribute(named: "size", value: "30")),
                     .button(.type(.submit), .class("button"), .text(WebText.Monthly.saveAll)),
                     .if(!refused.isEmpty, .button(.type(.submit), .name("keepValid"), .value("1"), .class("button secondary"), .text(WebText.Monthly.saveValidRows)))))
        ))
    }

    private func row(_ row: ReportGrid.Row) -> Node<HTML.TableContext> {
        let id = row.project.id
        let figures = row.report?.figures
        let errors = refused[id] ?? []
        func value(_ key: String, _ fallback: String) -> String { form.map { $0["\(key)\(id)"] } ?? fallback }
        func cell(_ key: String, _ fallback: String, label: String, size: Int = 8) -> Node<HTML.BodyContext> {
            .input(.type(.text), .name("\(key)\(id)"), .value(esc(value(key, fallback))), .attribute(named: "size", value: String(size)),
                   .attribute(named: "aria-label", value: esc("\(row.project.fields.name) \(label)")),
                   .attribute(named: "inputmode", value: Components.inputMode(for: key)))
        }
        let locked = row.report?.status == .accepted
        return .tr(.class(errors.isEmpty ? "" : "row-error"),
            .td(.class("name"), .a(.href(esc(Route.projectReports(id, year: month.year).path)), .text(row.project.fields.name)),
                .forEach(errors) { .span(.class("field-error"), .text("\($0.label)：\($0.message)")) }),
            .td(.class("num"), .text(ProjectReportsPage.wan(row.previous?.figures.dispatch))),
            locked ? .td(.text(ProjectReportsPage.wan(figures?.dispatch))) : .td(cell("d", figures?.dispatch.exactWanText ?? "", label: WebText.Monthly.dispatchThisMonth)),
            locked ? .td(.text(ProjectReportsPage.wan(figures?.statistical))) : .td(cell("s", figures?.statistical?.exactWanText ?? "", label: WebText.Monthly.statisticalThisMonth)),
            locked ? .td(.text(figures?.progressPercent.map(String.init) ?? "")) : .td(cell("p", figures?.progressPercent.map(String.init) ?? "", label: WebText.Monthly.progressPercent, size: 3)),
            locked ? .td(.text(figures?.progressText ?? "")) : .td(cell("t", figures?.progressText ?? "", label: WebText.Monthly.progressText, size: 16)),
            locked ? .td(.text(figures?.jumpReason ?? "")) : .td(cell("j", figures?.jumpReason ?? "", label: WebText.Monthly.jumpReason, size: 12),
                                                               .input(.type(.hidden), .name("v\(id)"), .value(row.report.map { String($0.version) } ?? ""))),
            .td(.text(row.report?.status.label ?? WebText.Monthly.notSent))
        )
    }
}
