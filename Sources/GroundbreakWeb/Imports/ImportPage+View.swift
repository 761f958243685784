import Foundation
import GroundbreakDomain
import GroundbreakOffice
import GroundbreakStore
import Plot

/// Upload form and the history of committed imports.
struct ImportPage {
    var context: PageContext
    var history: [ImportRecord]
    var notice: String?
    var errors: [FieldError] = []
    var kind: ImportRecord.Kind = .projects
    /// What each region still owes after its imports (待补充), by region.
    var owed: [(regionCode: String, name: String, count: Int)] = []

    var document: HTML {
        Layout.document(title: WebText.Imports.title, context: context, nav: .ledger, content: .group(
            .h1(.text(WebText.Imports.title)),
            Components.notice(notice),
            Components.errorSummary(errors),
            uploadForm,
            owedTable,
            .h2(.text(WebText.Imports.history)),
            historyTable
        ))
    }

    var kindField: Node<HTML.FormContext> {
        Components.selectField("kind", label: WebText.Imports.kind, options: [ImportRecord.Kind.projects, .monthly].map { Components.Option($0.rawValue, $0.label) },
                               selected: kind.rawValue, blank: nil)
    }

    var uploadForm: Node<HTML.BodyContext> {
        .form(.method(.post), .action(esc(Route.imports.path)), .attribute(named: "enctype", value: "multipart/form-data"), .class("card project-form"),
                Layout.csrfField(context),
                .h2(.text(WebText.Imports.upload)),
                .p(.class("meta"), .text(WebText.Imports.formatHint)),
                .p(.class("meta"), .text(WebText.Imports.ledgerHint)),
                .p(.class("meta"), .text(WebText.Imports.monthlyHint)),
                .div(.class("field-grid"),
                    kindField,
                    Components.selectField("year", label: WebText.Imports.yearIfUnnamed, options: yearOptions, selected: "", blank: WebText.Imports.yearFromFile),
                    .div(.class("field"), .label(.for("file"), .text(WebText.Imports.file)),
                         .input(.type(.file), .id("file"), .name("file"), .attribute(named: "accept", value: ".xlsx,.csv"), .required(true)))),
                .button(.type(.submit), .class("button"), .text(WebText.Imports.uploadAndPreview)),
                .text(" "),
                .a(.class("button secondary"), .href(esc(Route.ledgerXLSX(ProjectQuery()).path)), .text(WebText.Imports.downloadTemplate)))
    }

    /// 待补充: how many projects each region still owes fields for, each linked to its list.
    var owedTable: Node<HTML.BodyContext> {
        guard !owed.isEmpty else { return .empty }
        return .section(.class("card"),
            .h2(.text(WebText.Imports.owedTitle)),
            .p(.class("meta"), .text(WebText.Imports.owedLead)),
            .div(.class("table-wrap"), .table(.class("ledger"),
                .thead(.tr(.th(.text(WebText.Imports.owedRegion)), .th(.class("num"), .text(WebText.Imports.owedCount)))),
                .tbody(.forEach(owed) { entry in
                    var query = ProjectQuery()
                    query.owed = true
                    query.regionCode = entry.regionCode
                    return .tr(.td(.a(.href(esc(Route.ledger(query).path)), .text(entry.name))),
                               .td(.class("num"), .text(String(entry.count))))
                }))))
    }

    /// A file that names no year is put on this one's list; the file's own year wins.
    var yearOptions: [Components.Option] {
        let year = context.today.year
        return (year - 5...year + 1).reversed().map { Components.Option(String($0), WebText.Imports.yearOption($0)) }
    }

    var historyTable: Node<HTML.BodyContext> {
        guard !history.isEmpty else { return .p(.class("meta"), .text(WebText.Imports.noHistory)) }
        return .div(.class("table-wrap"), .table(.class("ledger"),
            .thead(.tr(.th(.text(WebText.Imports.time)), .th(.text(WebText.Imports.content)), .th(.text(WebText.Imports.file)), .th(.text(WebText.Imports.importedBy)), .th(.class("num"), .text(WebText.Imports.created)),
                       .th(.class("num"), .text(WebText.Imports.updated)), .th(.class("num"), .text(WebText.Imports.unchanged)), .th(.class("num"), .text(WebText.Imports.skipped)))),
            .tbody(.forEach(history) { record in
                .tr(.td(.text(Format.dateTime(record.at))), .td(.text(record.kind.label)), .td(.class("name"), .text(record.fileName)),
                    .td(.text(record.actorName)), .td(.class("num"), .text(String(record.created))), .td(.class("num"), .text(String(record.updated))),
                    .td(.class("num"), .text(String(record.unchanged))), .td(.class("num"), .text(String(record.skipped))))
            })))
    }
}

/// Every row with what it will do, every problem by row and column, and the commit button
/// when nothing is wrong.
struct ImportPreviewPage<Planned: PlannedWrite> {
    var context: PageContext
    var run: ImportRun<Planned>
    var signature: String
    var notice: String?
    /// Where the file is committed and where the user goes back to: the ledger's imports page,
    /// or the feature that owns the file (the 签约项目台账 on the leads pages).
    var commitRoute: Route = .importCommit
    var backRoute: Route = .imports
    var nav: NavItem = .ledger

    var document: HTML {
        let preview = run.preview
        let unit = run.kind == .monthly ? WebText.Imports.rowsUnit : WebText.Imports.projectsUnit
        let summary = WebText.Imports.previewSummary(preview.count(.create), unit, preview.count(.update), unit, preview.count(.unchanged), unit, preview.count(.skipped), preview.count(.refused))
        let content: Node<HTML.BodyContext> = .group(
            .h1(.text(WebText.Imports.previewOf(run.kind.label, run.fileName))),
            Components.notice(notice),
            .p(.class("lead"), .text(summary)),
            ledgerSummary,
            problemList,
            columnNotes,
            commitForm,
            rowTable
        )
        return Layout.document(title: WebText.Imports.preview, context: context, nav: nav, content: content)
    }

    /// What the file says as a whole and what it adds besides projects: the year's list, new
    /// classes (待确认), projects with fields 待补充.
    var ledgerSummary: Node<HTML.BodyContext> {
        let lines = run.preview.summary
        guard !lines.isEmpty else { return .empty }
        return .section(.class("card"), .ul(.forEach(lines) { .li(.text($0)) }))
    }

    var problemList: Node<HTML.BodyContext> {
        let problems = run.preview.problems
        guard !problems.isEmpty else { return .empty }
        let more: Node<HTML.BodyContext> = problems.count > 200 ? .p(.text(WebText.Imports.moreProblems(problems.count - 200))) : .empty
        return .section(.class("card error-summary"), .attribute(named: "role", value: "alert"),
                        .h2(.text(WebText.Imports.fileHasProblems(problems.count))),
                        .ul(.forEach(problems.prefix(200)) { .li(.text($0.sentence)) }),
                        more)
    }

    var columnNotes: Node<HTML.BodyContext> {
        let notes = run.preview.columnNotes
        guard !notes.isEmpty else { return .empty }
        return .details(.summary(.text(WebText.Imports.columnNotes(notes.count))), .ul(.forEach(notes) { .li(.text($0)) }))
    }

    var commitForm: Node<HTML.BodyContext> {
        guard run.preview.canCommit else { return .empty }
        return .form(.method(.post), .action(esc(commitRoute.path)), .class("card"),
                     Layout.csrfField(context),
                     .input(.type(.hidden), .name("sha256"), .value(esc(run.sha256))),
                     .input(.type(.hidden), .name("fileName"), .value(esc(run.fileName))),
                     .input(.type(.hidden), .name("kind"), .value(run.kind.rawValue)),
                     .input(.type(.hidden), .name("year"), .value(run.preview.ledger?.yearSource == .chosen ? run.preview.ledger?.year.map(String.init) ?? "" : "")),
                     .input(.type(.hidden), .name("signature"), .value(esc(signature))),
                     .button(.type(.submit), .class("button"), .text(WebText.Imports.confirm(run.preview.planned.count, run.kind == .monthly ? WebText.Imports.monthlyRows : WebText.Imports.projects))),
                     .text(" "), .a(.class("button secondary"), .href(esc(backRoute.path)), .text(WebText.Imports.cancel)))
    }

    var rowTable: Node<HTML.BodyContext> {
        .group(.div(.class("table-wrap"), .table(.class("ledger"),
            .thead(.tr(.th(.class("num"), .text(WebText.Imports.row)), .th(.text(WebText.Imports.action)), .th(.text(WebText.Imports.project)), .th(.text(WebText.Imports.note)))),
            .tbody(.forEach(run.preview.rows.filter { $0.action != .unchanged }) { row(for: $0) }))),
            .if(unchanged > 0, .p(.class("meta"), .text(WebText.Imports.unchangedNotListed(unchanged)))))
    }

    /// Rows the file leaves as they are: counted, not listed (a ledger of 1,500 unchanged rows
    /// buried the few that change).
    var unchanged: Int { run.preview.rows.filter { $0.action == .unchanged }.count }

    func row(for outcome: RowOutcome) -> Node<HTML.TableContext> {
        let name: Node<HTML.BodyContext> = outcome.projectId.map { .a(.href(esc(Route.project($0).path)), .text(outcome.name)) } ?? .text(outcome.name)
        let changes = outcome.changes.isEmpty ? [] : [WebText.Imports.changes + outcome.changes.joined(separator: "、")]
        let explanation = (outcome.problems.map(\.sentence) + changes + outcome.notes).joined(separator: "；")
        return .tr(.class("import-\(outcome.action.rawValue)"),
                   .td(.class("num"), .text(String(outcome.row))),
                   .td(.text(outcome.action.label)),
                   .td(.class("name"), name),
                   .td(.text(explanation)))
    }
}
