import Foundation
import GroundbreakDomain
import GroundbreakStore
import Plot

struct ApprovalAnalyticsPage {
    var context: PageContext
    var result: ApprovalPages.AnalyticsResult
    var catalog: ReferenceCatalog

    /// Projects listed by name; the rest are in the chart and in the API.
    static let slowest = 30

    static func percent(_ share: Double?) -> String {
        share.map { String(format: "%.1f%%", $0 * 100) } ?? "—"
    }

    var document: HTML {
        let city = result.city
        return Layout.document(title: "审批效能分析", context: context, nav: .approvals, content: .group(
            .h1(.text("审批效能分析")),
            .p(.class("meta"), .text("截至 \(result.asOf.iso)；排名变化与上月末（\(result.previous.iso)）相比。工作日扣除暂停计时时间。")),
            .section(.class("card"),
                .h2(.text("全市审批时限承诺")),
                .p(.text("从首次申报到取得施工许可证在 \(ApprovalAnalytics.promisedWorkingDays) 个工作日以内的项目：\(city.withinPromise) / \(city.projectsWithPermit) 个，占 \(Self.percent(city.share))；目标 \(Self.percent(ApprovalAnalytics.promisedShare))。")),
                .div(.class(city.meetsTarget ? "alert alert-ok" : "alert alert-warn"), .text(city.meetsTarget ? "已达到目标" : "未达到目标"))),
            .h2(.text("部门排名")),
            .div(.class("table-wrap"), .table(.class("ledger"),
                .thead(.tr(.th(.class("num"), .text("名次")), .th(.text("审批部门")), .th(.class("num"), .text("办结事项")), .th(.class("num"), .text("中位用时（工作日）")),
                           .th(.class("num"), .text("90%用时")), .th(.class("num"), .text("按时办结率")), .th(.class("num"), .text("当前超时")), .th(.text("较上月")))),
                .tbody(.forEach(result.league) { row in
                    .tr(
                        .td(.class("num"), .text(row.rank > 0 ? String(row.rank) : "—")),
                        .td(.text(catalog.department(row.departmentCode)?.name ?? row.departmentCode)),
                        .td(.class("num"), .text(String(row.handled))),
                        .td(.class("num"), .text(row.medianWorkingDays.map(String.init) ?? "—")),
                        .td(.class("num"), .text(row.p90WorkingDays.map(String.init) ?? "—")),
                        .td(.class("num"), .text(Self.percent(row.shareWithinLimit))),
                        .td(.class("num"), .text(String(row.overdueNow))),
                        .td(.text(row.rankChange.map { $0 > 0 ? "▲\($0)" : ($0 < 0 ? "▼\(-$0)" : "—") } ?? "新上榜"))
                    )
                })
            )),
            .h2(.text("项目审批用时（首次申报至施工许可，工作日）")),
            DurationChart.svg(ApprovalAnalytics.distribution(result.projects)),
            .h3(.text("用时最长的 \(min(Self.slowest, result.projects.count)) 个项目")),
            .div(.class("table-wrap"), .table(.class("ledger"),
                .thead(.tr(.th(.text("项目")), .th(.class("num"), .text("工作日")), .th(.text("是否在承诺内")))),
                .tbody(.forEach(result.projects.sorted { ($0.workingDays, $1.projectId) > ($1.workingDays, $0.projectId) }.prefix(Self.slowest)) { row in
                    .tr(.td(.class("name"), .a(.href(esc(Route.projectApprovals(row.projectId).path)), .text(result.projectNames[row.projectId] ?? "#\(row.projectId)"))),
                        .td(.class("num"), .text(String(row.workingDays))),
                        .td(.span(.class(row.withinPromise ? "flag flag-info" : "flag flag-red"), .text(row.withinPromise ? "是" : "超出"))))
                })
            ))
        ))
    }
}

struct BatchesPage {
    var context: PageContext
    var batches: [ApprovalBatch]
    var canOrganise: Bool
    var errors: [FieldError]
    var form: FormData

    var document: HTML {
        Layout.document(title: "集中审批", context: context, nav: .approvals, content: .group(
            .h1(.text("集中审批批次")),
            Components.errorSummary(errors),
            .div(.class("table-wrap"), .table(.class("ledger"),
                .thead(.tr(.th(.text("批次")), .th(.text("日期")), .th(.class("num"), .text("项目数")), .th(.text("说明")))),
                .tbody(.forEach(batches) { batch in
                    .tr(.td(.a(.href(esc(Route.approvalBatch(batch.id).path)), .text(batch.name))), .td(.text(batch.heldOn.iso)),
                        .td(.class("num"), .text(String(batch.projectIds.count))), .td(.text(batch.description)))
                })
            )),
            .if(canOrganise, .form(.method(.post), .action(esc(Route.approvalBatches.path)), .class("card project-form"),
                Layout.csrfField(context),
                .h2(.text("新建批次")),
                .div(.class("field-grid"),
                     Components.textField("name", label: "批次名称", value: form["name"], required: true, placeholder: "如：2027年一季度10亿元以上拟开工项目集中审批"),
                     Components.textField("heldOn", label: "日期", value: form["heldOn"], required: true, inputType: .date),
                     Components.textField("description", label: "说明", value: form["description"], wide: true)),
                .button(.type(.submit), .class("button"), .text("新建"))))
        ))
    }
}

/// One batch: what each project still lacks, and the one-time list of missing materials
/// (一次性告知) that can be printed for the project unit.
struct BatchPage {
    var context: PageContext
    var batch: ApprovalBatch
    var members: [(project: Project, board: ApprovalBoard)]
    var catalog: ReferenceCatalog
    var canOrganise: Bool

    var document: HTML {
        Layout.document(title: batch.name, context: context, nav: .approvals, content: .group(
            .nav(.class("breadcrumb"), .a(.href(esc(Route.approvalBatches.path)), .text("集中审批")), .span(.text(" / \(batch.name)"))),
            .h1(.text(batch.name)),
            .p(.class("meta"), .text("日期：\(batch.heldOn.iso)　\(batch.description)")),
            .if(canOrganise, .form(.method(.post), .action(esc(Route.addBatchProject(batch.id).path)), .class("inline-form no-print"),
                Layout.csrfField(context),
                Components.textField("projectId", label: "加入项目（项目编号）", value: "", required: true),
                .button(.type(.submit), .class("button secondary"), .text("加入")))),
            .forEach(members) { member in
                let lacking = member.board.rows.filter { ![.approved, .notNeeded].contains($0.approval.status) }
                return .section(.class("card notice-sheet"),
                    .h2(.text("一次性告知单：\(member.project.fields.name)")),
                    .p(.text("项目单位：\(member.project.fields.ownerName.isEmpty ? "—" : member.project.fields.ownerName)　项目代码：\(member.project.fields.code?.value ?? "尚未赋码")")),
                    .if(lacking.isEmpty, .p(.text("前期审批事项均已办结。"))),
                    .if(!lacking.isEmpty, .table(.class("ledger"),
                        .thead(.tr(.th(.text("尚需办理的事项")), .th(.text("审批部门")), .th(.text("当前状态")), .th(.text("需补充的材料")), .th(.text("最迟申报 / 批复")))),
                        .tbody(.forEach(lacking) { row in
                            .tr(.td(.text(row.item.name)), .td(.text(catalog.department(row.item.departmentCode)?.name ?? row.item.departmentCode)),
                                .td(.text(row.approval.status.label)),
                                .td(.text(row.approval.missingMaterials.isEmpty ? "—" : row.approval.missingMaterials)),
                                .td(.text(row.deadline.map { "\($0.applyBy.iso) / \($0.approveBy.iso)" } ?? "—")))
                        }))),
                    .p(.class("meta"), .text("以上为需一次性告知项目单位的全部事项和材料；如有变化以审批部门书面通知为准。"))
                )
            }
        ))
    }
}
