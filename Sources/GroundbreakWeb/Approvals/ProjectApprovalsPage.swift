import Foundation
import GroundbreakDomain
import GroundbreakStore
import Plot

/// A project's approvals tab: the plan, each item's clock and deadlines, and the event forms.
struct ProjectApprovalsPage {
    var context: PageContext
    var project: Project
    var board: ApprovalBoard
    var catalog: ReferenceCatalog
    var allItems: [ApprovalItem]
    /// An approving department reaches the approvals of projects it cannot otherwise open.
    var canView: Bool
    var canEdit: Bool
    var canHandle: (String) -> Bool
    var errors: [FieldError]
    var failedApproval: Int64?
    /// What was sent for `failedApproval`, shown again in its form.
    var failedForm = FormData(pairs: [])
    var calendarYears: Set<Int>
    var notice: String?

    var document: HTML {
        let title = "审批进度：\(project.fields.name)"
        return Layout.document(title: title, context: context, nav: .none, content: .group(
            .nav(.class("breadcrumb"), .a(.href(esc(Route.ledger.path)), .text(WebText.Ledger.title)), .span(.text(" / ")),
                 canView ? .a(.href(esc(Route.project(project.id).path)), .text(project.fields.name)) : .span(.text(project.fields.name)),
                 .span(.text(" / 审批进度"))),
            .h1(.text(title)),
            Components.notice(notice),
            Components.errorSummary(errors, form: failedApproval.map(ApprovalForms.formID) ?? ""),
            .if(board.slipped, .div(.class("alert alert-error"), .text("按目标开工日期倒排工期，已有审批事项滞后（见“倒排”列标红的事项）。"))),
            planCard,
            .div(.class("table-wrap"), .table(
                .class("ledger approvals"),
                .thead(.tr(.th(.text("审批事项")), .th(.text("审批部门")), .th(.text("状态")), .th(.text("受理 / 办结")), .th(.text("时限")),
                           .th(.text("已用 / 剩余")), .th(.text("办结期限")), .th(.text("计时")), .th(.text("倒排：最迟申报 / 最迟批复")))),
                .tbody(.forEach(ApprovalBoard.stageOrder.filter { stage in board.rows.contains { $0.item.stage == stage } }) { stage in
                    .group(
                        .tr(.class("stage-row"), .th(.attribute(named: "colspan", value: "9"),
                            .text(ApprovalItem.stageName(stage) + (board.stageDue[stage].map { "　阶段期限：\($0.iso)" } ?? "")))),
                        .forEach(board.rows.filter { $0.item.stage == stage }) { row in .group(itemRow(row), eventRow(row)) }
                    )
                })
            )),
            .p(.class("meta"), .text("工作日按国务院办公厅节假日安排通知计算（已载入：\(calendarYears.sorted().map(String.init).joined(separator: "、"))年）；标“暂估”的日期落在尚未公布安排的年度，按周一至周五计。")),
            addItemCard
        ))
    }

    private var planCard: Node<HTML.BodyContext> {
        let plan = board.plan
        return .section(.class("card"),
            .h2(.text("审批类型与目标开工")),
            .p(.text(plan.map { "\($0.type.label)；目标开工：\($0.targetStart?.iso ?? "未设定")" } ?? "尚未设定项目审批类型。设定后按类型生成应办审批事项。")),
            .if(canEdit, .form(.method(.post), .action(esc(Route.approvalPlan(project.id).path)), .class("inline-form"),
                Layout.csrfField(context),
                Components.selectField("approvalType", label: "项目审批类型", options: ApprovalProjectType.allCases.map { .init($0.rawValue, $0.label) },
                                       selected: plan?.type.rawValue ?? "", required: true),
                Components.textField("targetStart", label: "目标开工日期", value: plan?.targetStart?.iso ?? "", inputType: .date),
                .button(.type(.submit), .class("button"), .text("保存并生成事项"))))
        )
    }

    private func itemRow(_ row: ApprovalBoard.Row) -> Node<HTML.TableContext> {
        let reading = row.reading
        let approval = row.approval
        let limit = row.item.unit == .immediate ? row.item.unit.label : "\(reading.limit)\(row.item.unit.label)"
        return .tr(
            .td(.class("name"), .text(row.item.name), .if(row.item.promisedLimit != nil, .span(.class("sub"), .text("承诺时限（法定 \(row.item.statutoryLimit)\(row.item.unit.label)）")))),
            .td(.text(catalog.department(row.item.departmentCode)?.shortName ?? row.item.departmentCode)),
            .td(.span(.class("badge approval-\(approval.status.rawValue)"), .text(approval.status.label)),
                .if(approval.status == .acceptedWithDeficiency, .span(.class("sub"), .text("补齐期限 \(Format.day(approval.supplementDue))：\(approval.missingMaterials)")))),
            .td(.text("\(Format.day(approval.acceptedOn)) / \(Format.day(approval.decidedOn))"),
                .if(!approval.documentNumber.isEmpty, .span(.class("sub"), .text(approval.documentNumber)))),
            .td(.text(limit)),
            .td(.text(reading.elapsed.map { "\($0) / \(reading.remaining ?? 0)" } ?? "—"),
                .if(reading.pausedDays > 0, .span(.class("sub"), .text("暂停 \(reading.pausedDays)\(row.item.unit.label)")))),
            .td(.text(Format.day(reading.due) + (reading.provisional ? "（暂估）" : ""))),
            .td(.span(.class("flag clock-\(reading.state.rawValue)"), .text(reading.state.label))),
            .td(.unwrap(row.deadline) { deadline in
                .span(.class(deadline.slipped ? "flag flag-red" : ""),
                      .text("\(deadline.applyBy.iso) / \(deadline.approveBy.iso)" + (deadline.provisional ? "（暂估）" : "")))
            })
        )
    }

    private func eventRow(_ row: ApprovalBoard.Row) -> Node<HTML.TableContext> {
        let approval = row.approval
        let open = failedApproval == approval.id
        return .tr(.class("event-row"), .td(.attribute(named: "colspan", value: "9"),
            .element(named: "details", nodes: [
                .attribute(named: "open", value: open ? "open" : nil),
                .element(named: "summary", text: "办理记录（\(row.events.count)）" + (canHandle(row.item.departmentCode) ? "与登记" : "")),
                .ol(.class("timeline"), .forEach(row.events) { event in
                    .li(.span(.class("when"), .text(Format.dateTime(event.at))),
                        .text(" \(event.actor) \(ApprovalEvent.Kind(rawValue: event.kind)?.label ?? event.kind)"),
                        .if(!event.reason.isEmpty, .span(.class("note"), .text("：\(event.reason)"))))
                }),
                // Plot's `.if` builds its content even when false; a form per row is not free.
                canHandle(row.item.departmentCode)
                    ? ApprovalForms.eventForm(context, approval: approval, back: "project", sent: open ? failedForm : nil, errors: open ? errors : [])
                    : .empty,
            ])
        ))
    }

    private var addItemCard: Node<HTML.BodyContext> {
        let present = Set(board.rows.map(\.item.code))
        let missing = allItems.filter { !present.contains($0.code) }
        return .if(canEdit && !missing.isEmpty && board.plan != nil, .section(.class("card"),
            .h2(.text("增加审批事项")),
            .form(.method(.post), .action(esc(Route.approvalAddItem(project.id).path)), .class("inline-form"),
                  Layout.csrfField(context),
                  Components.selectField("itemCode", label: "审批事项", options: missing.map { .init($0.code, "\(ApprovalItem.stageName($0.stage)) · \($0.name)") },
                                         selected: "", required: true),
                  .button(.type(.submit), .class("button secondary"), .text("增加")))
        ))
    }
}

struct ApprovalQueuePage {
    var context: PageContext
    var rows: [(listing: ApprovalListing, reading: ApprovalClockReading)]
    /// Items matching the filter, on all pages.
    var total: Int
    var catalog: ReferenceCatalog
    var filter: ApprovalPages.QueueFilter
    var canHandle: (ApprovalListing) -> Bool

    var document: HTML {
        let departments = Set(rows.map(\.listing.item.departmentCode)).union(filter.department.map { [$0] } ?? [])
        return Layout.document(title: "审批事项", context: context, nav: .approvals, content: .group(
            .div(.class("page-head"), .h1(.text("待办审批事项")),
                 .div(.class("actions"), .a(.class("button secondary"), .href(esc(Route.approvalAnalytics.path)), .text("审批效能分析")),
                      .a(.class("button secondary"), .href(esc(Route.approvalBatches.path)), .text("集中审批")))),
            .form(.method(.get), .action(esc(Route.approvalQueue(FormData(pairs: [])).path)), .class("filters"),
                .div(.class("filter-grid"),
                    .div(.class("filter"), .label(.for("f-department"), .text("审批部门")),
                         Components.select("department", options: departments.sorted().map { .init($0, catalog.department($0)?.name ?? $0) },
                                           selected: [filter.department ?? ""], blank: "全部")),
                    .div(.class("filter"), .label(.for("f-state"), .text("计时状态")),
                         Components.select("state", options: [ApprovalClockReading.State.overdue, .dueSoon, .running, .paused, .notStarted].map { .init($0.rawValue, $0.label) },
                                           selected: [filter.state?.rawValue ?? ""], blank: "全部"))),
                .div(.class("filter-actions"), .button(.type(.submit), .class("button"), .text("筛选")), .span(.class("muted"), .text("共 \(total) 项")))),
            .div(.class("table-wrap"), .table(.class("ledger"),
                .thead(.tr(.th(.text("项目")), .th(.text("审批事项")), .th(.text("审批部门")), .th(.text("状态")), .th(.text("受理日期")),
                           .th(.text("已用 / 时限")), .th(.text("办结期限")), .th(.text("计时")))),
                .tbody(.forEach(rows) { row in
                    .tr(
                        .td(.class("name"), .a(.href(esc(Route.projectApprovals(row.listing.approval.projectId).path)), .text(row.listing.projectName))),
                        .td(.text(row.listing.item.name)),
                        .td(.text(catalog.department(row.listing.item.departmentCode)?.shortName ?? row.listing.item.departmentCode)),
                        .td(.text(row.listing.approval.status.label)),
                        .td(.text(Format.day(row.listing.approval.acceptedOn))),
                        .td(.text(row.reading.elapsed.map { "\($0) / \(row.reading.limit)\(row.listing.item.unit.label)" } ?? "—")),
                        .td(.text(Format.day(row.reading.due) + (row.reading.provisional ? "（暂估）" : ""))),
                        .td(.span(.class("flag clock-\(row.reading.state.rawValue)"), .text(row.reading.state.label)),
                            canHandle(row.listing) ? .element(named: "details", nodes: [
                                .element(named: "summary", text: "登记"),
                                ApprovalForms.eventForm(context, approval: row.listing.approval, back: "queue"),
                            ]) : .empty)
                    )
                })
            )),
            Components.pagination(page: filter.page, pageCount: filter.pageCount(of: total)) { Route.approvalQueue(filter.query(page: $0)).path }
        ))
    }
}

/// The form that records an approval event, on the project's tab and in the queue.
enum ApprovalForms {
    static func formID(_ approval: Int64) -> String { "a\(approval)-" }

    /// `sent` and `errors`: a refused submission, shown again as typed with its messages.
    static func eventForm(_ context: PageContext, approval: ProjectApproval, back: String, sent: FormData? = nil,
                          errors: [FieldError] = []) -> Node<HTML.BodyContext> {
        let form = formID(approval.id)
        let values = sent ?? FormData(pairs: [])
        func messages(_ field: String) -> [String] { errors.filter { $0.field == field }.map(\.message) }
        func field(_ name: String, _ label: String, date: Bool = false) -> Node<HTML.FormContext> {
            Components.textField(name, label: label, value: values[name], errors: messages(name), inputType: date ? .date : .text, form: form)
        }
        return .form(.method(.post), .action(esc(Route.approvalEvent(approval.id).path)), .class("event-form"),
            Layout.csrfField(context),
            .input(.type(.hidden), .name("version"), .value(String(approval.version))),
            .input(.type(.hidden), .name("back"), .value(esc(back))),
            .div(.class("field-grid"),
                Components.selectField("kind", label: "办理环节", options: ApprovalEvent.Kind.allCases.map { .init($0.rawValue, $0.label) },
                                       selected: values["kind"], errors: messages("kind"), required: true, form: form),
                field("on", "日期", date: true),
                field("supplementDue", "补齐期限（容缺受理）", date: true),
                field("missingMaterials", "所缺材料（容缺受理）"),
                field("documentNumber", "批复文号（批复）"),
                field("reason", "原因（暂停、不予许可、无需办理、更正）"),
                field("appliedOn", "更正：申报日期", date: true),
                field("acceptedOn", "更正：受理日期", date: true),
                field("decidedOn", "更正：办结日期", date: true)),
            .button(.type(.submit), .class("button"), .text("登记")))
    }
}
