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

    var document: HTML {
        Layout.document(title: "台账导入", context: context, nav: .ledger, content: .group(
            .h1(.text("台账导入")),
            Components.notice(notice),
            Components.errorSummary(errors),
            uploadForm,
            .h2(.text("导入记录")),
            historyTable
        ))
    }

    var kindField: Node<HTML.FormContext> {
        Components.selectField("kind", label: "导入内容", options: [ImportRecord.Kind.projects, .monthly].map { Components.Option($0.rawValue, $0.label) },
                               selected: kind.rawValue, blank: nil)
    }

    var uploadForm: Node<HTML.BodyContext> {
        .form(.method(.post), .action(esc(Route.imports.path)), .attribute(named: "enctype", value: "multipart/form-data"), .class("card project-form"),
                Layout.csrfField(context),
                .h2(.text("上传文件")),
                .p(.class("meta"), .text("支持 .xlsx 和 .csv（UTF-8 或 GB18030）。表头可以在标题行、单位行之下，可以有合并的分组表头；列名按常见写法识别（如“名称”“计划总投资”“建设地点”）；金额按表头或“单位：亿元”行换算为万元。先预览，确认无误后整批写入，任何一行有误都不会写入。")),
                .p(.class("meta"), .text("项目台账：项目按投资项目统一代码匹配，没有代码的按项目名称加所在属地匹配；留空的单元格不会清除系统中已有的值；阶段变更请在项目页办理。")),
                .p(.class("meta"), .text("月度数据：每行一个项目的一个月（列：投资项目统一代码或项目名称、月份、当月完成投资（调度口径）、统计口径、形象进度、形象进度（%）、用工人数、大幅波动说明），可以一次导入多个月；按月报填报的规则逐行检查，已审核通过的月报不能修改，已关账的月份须填写“更正原因”。")),
                .div(.class("field-grid"),
                    kindField,
                    .div(.class("field"), .label(.for("file"), .text("文件")),
                         .input(.type(.file), .id("file"), .name("file"), .attribute(named: "accept", value: ".xlsx,.csv"), .required(true)))),
                .button(.type(.submit), .class("button"), .text("上传并预览")),
                .text(" "),
                .a(.class("button secondary"), .href(esc(Route.ledgerXLSX(ProjectQuery()).path)), .text("下载现有台账（可作导入模板）")))
    }

    var historyTable: Node<HTML.BodyContext> {
        guard !history.isEmpty else { return .p(.class("meta"), .text("尚无导入记录。")) }
        return .div(.class("table-wrap"), .table(.class("ledger"),
            .thead(.tr(.th(.text("时间")), .th(.text("内容")), .th(.text("文件")), .th(.text("导入人")), .th(.class("num"), .text("新增")),
                       .th(.class("num"), .text("更新")), .th(.class("num"), .text("无变化")), .th(.class("num"), .text("跳过")))),
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

    var document: HTML {
        let preview = run.preview
        let unit = run.kind == .monthly ? "条" : "个"
        let summary = "新增 \(preview.count(.create)) \(unit)，更新 \(preview.count(.update)) \(unit)，无变化 \(preview.count(.unchanged)) \(unit)，跳过 \(preview.count(.skipped)) 行，有错误 \(preview.count(.refused)) 行"
        let content: Node<HTML.BodyContext> = .group(
            .h1(.text("\(run.kind.label)导入预览：\(run.fileName)")),
            Components.notice(notice),
            .p(.class("lead"), .text(summary)),
            problemList,
            columnNotes,
            commitForm,
            rowTable
        )
        return Layout.document(title: "导入预览", context: context, nav: .ledger, content: content)
    }

    var problemList: Node<HTML.BodyContext> {
        let problems = run.preview.problems
        guard !problems.isEmpty else { return .empty }
        let more: Node<HTML.BodyContext> = problems.count > 200 ? .p(.text("……另有 \(problems.count - 200) 处问题未列出")) : .empty
        return .section(.class("card error-summary"), .attribute(named: "role", value: "alert"),
                        .h2(.text("文件有 \(problems.count) 处问题，修改后重新上传；在此之前不会写入任何数据")),
                        .ul(.forEach(problems.prefix(200)) { .li(.text($0.sentence)) }),
                        more)
    }

    var columnNotes: Node<HTML.BodyContext> {
        let notes = run.preview.columnNotes
        guard !notes.isEmpty else { return .empty }
        return .details(.summary(.text("列的识别情况（\(notes.count) 条）")), .ul(.forEach(notes) { .li(.text($0)) }))
    }

    var commitForm: Node<HTML.BodyContext> {
        guard run.preview.canCommit else { return .empty }
        return .form(.method(.post), .action(esc(Route.importCommit.path)), .class("card"),
                     Layout.csrfField(context),
                     .input(.type(.hidden), .name("sha256"), .value(esc(run.sha256))),
                     .input(.type(.hidden), .name("fileName"), .value(esc(run.fileName))),
                     .input(.type(.hidden), .name("kind"), .value(run.kind.rawValue)),
                     .input(.type(.hidden), .name("signature"), .value(esc(signature))),
                     .button(.type(.submit), .class("button"), .text("确认导入（\(run.preview.planned.count) \(run.kind == .monthly ? "条月报" : "个项目")，一次写入）")),
                     .text(" "), .a(.class("button secondary"), .href(esc(Route.imports.path)), .text("取消")))
    }

    var rowTable: Node<HTML.BodyContext> {
        .div(.class("table-wrap"), .table(.class("ledger"),
            .thead(.tr(.th(.class("num"), .text("行")), .th(.text("处理")), .th(.text("项目")), .th(.text("说明")))),
            .tbody(.forEach(run.preview.rows) { row(for: $0) })))
    }

    func row(for outcome: RowOutcome) -> Node<HTML.TableContext> {
        let name: Node<HTML.BodyContext> = outcome.projectId.map { .a(.href(esc(Route.project($0).path)), .text(outcome.name)) } ?? .text(outcome.name)
        let changes = outcome.changes.isEmpty ? [] : ["修改：" + outcome.changes.joined(separator: "、")]
        let explanation = (outcome.problems.map(\.sentence) + changes + outcome.notes).joined(separator: "；")
        return .tr(.class("import-\(outcome.action.rawValue)"),
                   .td(.class("num"), .text(String(outcome.row))),
                   .td(.text(outcome.action.label)),
                   .td(.class("name"), name),
                   .td(.text(explanation)))
    }
}
