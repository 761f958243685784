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
        let title = WebText.Approvals.projectTitle(project.fields.name)
        return Layout.document(title: title, context: context, nav: .none, content: .group(
            .nav(.class("breadcrumb"), .a(.href(esc(Route.ledger.path)), .text(WebText.Ledger.title)), .span(.text(" / ")),
                 canView ? .a(.href(esc(Route.project(project.id).path)), .text(project.fields.name)) : .span(.text(project.fields.name)),
                 .span(.text(WebText.Approvals.crumb))),
            .h1(.text(title)),
            Components.notice(notice),
            Components.errorSummary(errors, form: failedApproval.map(ApprovalForms.formID) ?? ""),
            .if(board.slipped, .div(.class("alert alert-error"), .text(WebText.Approvals.behindSchedule))),
            planCard,
            .div(.class("table-wrap"), .table(
                .class("ledger approvals"),
                .thead(.tr(.th(.text(WebText.Approvals.items)), .th(.text(WebText.Approvals.department)), .th(.text(WebText.Approvals.status)), .th(.text(WebText.Approvals.acceptedDecided)), .th(.text(WebText.Approvals.limit)),
                           .th(.text(WebText.Approvals.usedLeft)), .th(.text(WebText.Approvals.dueDate)), .th(.text(WebText.Approvals.clock)), .th(.text(WebText.Approvals.backwardSchedule)))),
                .tbody(.forEach(ApprovalBoard.stageOrder.filter { stage in board.rows.contains { $0.item.stage == stage } }) { stage in
                    .group(
                        .tr(.class("stage-row"), .th(.attribute(named: "colspan", value: "9"),
                            .text(ApprovalItem.stageName(stage) + (board.stageDue[stage].map { WebText.Approvals.stageDeadline($0.iso) } ?? "")))),
                        .forEach(board.rows.filter { $0.item.stage == stage }) { row in .group(itemRow(row), eventRow(row)) }
                    )
                })
            )),
            .p(.class("meta"), .text(WebText.Approvals.calendarNote(calendarYears.sorted().map(String.init).joined(separator: WebText.Approvals.yearSeparator)))),
            addItemCard
        ))
    }

    private var planCard: Node<HTML.BodyContext> {
        let plan = board.plan
        return .section(.class("card"),
            .h2(.text(WebText.Approvals.planHeading)),
            .p(.text(plan.map { WebText.Approvals.planLine($0.type.label, $0.targetStart?.iso ?? WebText.Approvals.notSet) } ?? WebText.Approvals.noPlan)),
            .if(canEdit, .form(.method(.post), .action(esc(Route.approvalPlan(project.id).path)), .class("inline-form"),
                Layout.csrfField(context),
                Components.selectField("approvalType", label: WebText.Approvals.approvalType, options: ApprovalProjectType.allCases.map { .init($0.rawValue, $0.label) },
                                       selected: plan?.type.rawValue ?? "", required: true),
                Components.textField("targetStart", label: WebText.Approvals.targetStart, value: plan?.targetStart?.iso ?? "", inputType: .date),
                .button(.type(.submit), .class("button"), .text(WebText.Approvals.saveAndGenerate))))
        )
    }

    private func itemRow(_ row: ApprovalBoard.Row) -> Node<HTML.TableContext> {
        let reading = row.reading
        let approval = row.approval
        let limit = row.item.unit == .immediate ? row.item.unit.label : "\(reading.limit)\(row.item.unit.label)"
        return .tr(
            .td(.class("name"), .text(row.item.name), .if(row.item.promisedLimit != nil, .span(.class("sub"), .text(WebText.Approvals.promisedOfStatutory(row.item.statutoryLimit, row.item.unit.label))))),
            .td(.text(catalog.department(row.item.departmentCode)?.shortName ?? row.item.departmentCode)),
            .td(.span(.class("badge approval-\(approval.status.rawValue)"), .text(approval.status.label)),
                .if(approval.status == .acceptedWithDeficiency, .span(.class("sub"), .text(WebText.Approvals.supplementDue(Format.day(approval.supplementDue), approval.missingMaterials))))),
            .td(.text("\(Format.day(approval.acceptedOn)) / \(Format.day(approval.decidedOn))"),
                .if(!approval.documentNumber.isEmpty, .span(.class("sub"), .text(approval.documentNumber)))),
            .td(.text(limit)),
            .td(.text(reading.elapsed.map { "\($0) / \(reading.remaining ?? 0)" } ?? "—"),
                .if(reading.pausedDays > 0, .span(.class("sub"), .text(WebText.Approvals.paused(reading.pausedDays, row.item.unit.label))))),
            .td(.text(Format.day(reading.due) + (reading.provisional ? WebText.Approvals.estimated : ""))),
            .td(.span(.class("flag clock-\(reading.state.rawValue)"), .text(reading.state.label))),
            .td(.unwrap(row.deadline) { deadline in
                .span(.class(deadline.slipped ? "flag flag-red" : ""),
                      .text("\(deadline.applyBy.iso) / \(deadline.approveBy.iso)" + (deadline.provisional ? WebText.Approvals.estimated : "")))
            })
        )
    }

    private func eventRow(_ row: ApprovalBoard.Row) -> Node<HTML.TableContext> {
        let approval = row.approval
        let open = failedApproval == approval.id
        return .tr(.class("event-row"), .td(.attribute(named: "colspan", value: "9"),
            .element(named: "details", nodes: [
                .attribute(named: "open", value: open ? "open" : nil),
                .element(named: "summary", text: WebText.Approvals.eventCount(row.events.count) + (canHandle(row.item.departmentCode) ? WebText.Approvals.andRecord : "")),
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
            .h2(.text(WebText.Approvals.addItemHeading)),
            .form(.method(.post), .action(esc(Route.approvalAddItem(project.id).path)), .class("inline-form"),
                  Layout.csrfField(context),
                  Components.selectField("itemCode", label: WebText.Approvals.items, options: missing.map { .init($0.code, "\(ApprovalItem.stageName($0.stage)) · \($0.name)") },
                                         selected: "", required: true),
                  .button(.type(.submit), .class("button secondary"), .text(WebText.Approvals.addItem)))
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
    /// Every department of every item the caller can see.
    var departments: [String]
    /// The caller's own department, when it has one: it may look at its own 待办 or at all.
    var ownDepartment: String?
    var canHandle: (ApprovalListing) -> Bool

    var document: HTML {
        let departments = Set(self.departments).union(filter.department.map { [$0] } ?? [])
        var mine = filter
        mine.mineOnly = true
        mine.scopeNamed = true
        mine.department = nil
        var all = filter
        all.mineOnly = false
        all.scopeNamed = true
        return Layout.document(title: WebText.Approvals.items, context: context, nav: .approvals, content: .group(
            .div(.class("page-head"), .h1(.text(WebText.Approvals.queueTitle)),
                 .div(.class("actions"), .a(.class("button secondary"), .href(esc(Route.approvalAnalytics.path)), .text(WebText.Approvals.analyticsTitle)),
                      .a(.class("button secondary"), .href(esc(Route.approvalBatches.path)), .text(WebText.Approvals.batchesShort)))),
            .unwrap(ownDepartment) { own in
                .nav(.class("tabs"),
                     .a(.href(esc(Route.approvalQueue(mine.query(page: 1)).path)), .class(filter.mineOnly == true ? "active" : ""),
                        .text(WebText.Approvals.mine(catalog.department(own)?.shortName ?? own))),
                     .a(.href(esc(Route.approvalQueue(all.query(page: 1)).path)), .class(filter.mineOnly == true ? "" : "active"), .text(WebText.Approvals.allVisible)))
            },
            .if(filter.mineOnly == true && total == 0, .p(.class("muted"), .text(WebText.Approvals.nothingWaiting))),
            .form(.method(.get), .action(esc(Route.approvalQueue(FormData(pairs: [])).path)), .class("filters"),
                .if(filter.scopeNamed, .input(.type(.hidden), .name("scope"), .value(filter.mineOnly == true ? "mine" : "all"))),
                .div(.class("filter-grid"),
                    .div(.class("filter"), .label(.for("f-department"), .text(WebText.Approvals.department)),
                         Components.select("department", options: departments.sorted().map { .init($0, catalog.department($0)?.name ?? $0) },
                                           selected: [filter.department ?? ""], blank: WebText.Approvals.all)),
                    .div(.class("filter"), .label(.for("f-state"), .text(WebText.Approvals.clockState)),
                         Components.select("state", options: [ApprovalClockReading.State.overdue, .dueSoon, .running, .paused, .notStarted].map { .init($0.rawValue, $0.label) },
                                           selected: [filter.state?.rawValue ?? ""], blank: WebText.Approvals.all))),
                .div(.class("filter-actions"), .button(.type(.submit), .class("button"), .text(WebText.Approvals.filter)), .span(.class("muted list-total"), .attribute(named: "data-total", value: String(total)), .text(WebText.Approvals.totalCount(total))))),
            .div(.class("table-wrap"), .table(.class("ledger"),
                .thead(.tr(.th(.text(WebText.Approvals.project)), .th(.text(WebText.Approvals.items)), .th(.text(WebText.Approvals.department)), .th(.text(WebText.Approvals.status)), .th(.text(WebText.Approvals.acceptedOn)),
                           .th(.text(WebText.Approvals.usedOfLimit)), .th(.text(WebText.Approvals.dueDate)), .th(.text(WebText.Approvals.clock)))),
                .tbody(.forEach(rows) { row in
                    .tr(
                        .td(.class("name"), .a(.href(esc(Route.projectApprovals(row.listing.approval.projectId).path)), .text(row.listing.projectName))),
                        .td(.text(row.listing.item.name)),
                        .td(.text(catalog.department(row.listing.item.departmentCode)?.shortName ?? row.listing.item.departmentCode)),
                        .td(.text(row.listing.approval.status.label)),
                        .td(.text(Format.day(row.listing.approval.acceptedOn))),
                        .td(.text(row.reading.elapsed.map { "\($0) / \(row.reading.limit)\(row.listing.item.unit.label)" } ?? "—")),
                        .td(.text(Format.day(row.reading.due) + (row.reading.provisional ? WebText.Approvals.estimated : ""))),
                        .td(.span(.class("flag clock-\(row.reading.state.rawValue)"), .text(row.reading.state.label)),
                            canHandle(row.listing) ? .element(named: "details", nodes: [
                                .element(named: "summary", text: WebText.Approvals.record),
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
                Components.selectField("kind", label: WebText.Approvals.event, options: ApprovalEvent.Kind.allCases.map { .init($0.rawValue, $0.label) },
                                       selected: values["kind"], errors: messages("kind"), required: true, form: form),
                field("on", WebText.Approvals.date, date: true),
                field("supplementDue", WebText.Approvals.supplementDueHint, date: true),
                field("missingMaterials", WebText.Approvals.missingMaterialsHint),
                field("documentNumber", WebText.Approvals.documentNumberHint),
                field("reason", WebText.Approvals.reasonHint),
                field("appliedOn", WebText.Approvals.correctApplied, date: true),
                field("acceptedOn", WebText.Approvals.correctAccepted, date: true),
                field("decidedOn", WebText.Approvals.correctDecided, date: true)),
            .button(.type(.submit), .class("button"), .text(WebText.Approvals.record)))
    }
}
