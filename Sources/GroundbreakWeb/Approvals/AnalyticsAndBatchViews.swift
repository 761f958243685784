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
        Format.share(share)
    }

    var document: HTML { document(content: content) }

    /// The page around `content` (the same for every reader of the same figures; see `RenderedFigures`).
    func document(content: Node<HTML.BodyContext>) -> HTML {
        Layout.document(title: WebText.Approvals.analyticsTitle, context: context, nav: .approvals, content: content)
    }

    var content: Node<HTML.BodyContext> {
        let city = result.city
        return .group(
            .h1(.text(WebText.Approvals.analyticsTitle)),
            .p(.class("meta"), .text(WebText.Approvals.analyticsAsOf(result.asOf.iso, result.previous.iso))),
            .section(.class("card"),
                .h2(.text(WebText.Approvals.cityPromise)),
                .p(.text(WebText.Approvals.cityPromiseLine(ApprovalAnalytics.promisedWorkingDays, city.withinPromise, city.projectsWithPermit, Self.percent(city.share), Self.percent(ApprovalAnalytics.promisedShare)))),
                .div(.class(city.meetsTarget ? "alert alert-ok" : "alert alert-warn"), .text(city.meetsTarget ? WebText.Approvals.targetMet : WebText.Approvals.targetMissed))),
            .h2(.text(WebText.Approvals.departmentRanking)),
            .div(.class("table-wrap"), .table(.class("ledger"),
                .thead(.tr(.th(.class("num"), .text(WebText.Approvals.rank)), .th(.text(WebText.Approvals.department)), .th(.class("num"), .text(WebText.Approvals.decided)), .th(.class("num"), .text(WebText.Approvals.medianDays)),
                           .th(.class("num"), .text(WebText.Approvals.p90Days)), .th(.class("num"), .text(WebText.Approvals.onTimeRate)), .th(.class("num"), .text(WebText.Approvals.overdueNow)), .th(.text(WebText.Approvals.sinceLastMonth)))),
                .tbody(.forEach(result.league) { row in
                    .tr(
                        .td(.class("num"), .text(row.rank > 0 ? String(row.rank) : "—")),
                        .td(.text(catalog.department(row.departmentCode)?.name ?? row.departmentCode)),
                        .td(.class("num"), .text(String(row.handled))),
                        .td(.class("num"), .text(row.medianWorkingDays.map(String.init) ?? "—")),
                        .td(.class("num"), .text(row.p90WorkingDays.map(String.init) ?? "—")),
                        .td(.class("num"), .text(Self.percent(row.shareWithinLimit))),
                        .td(.class("num"), .text(String(row.overdueNow))),
                        .td(.text(row.rankChange.map { $0 > 0 ? "▲\($0)" : ($0 < 0 ? "▼\(-$0)" : "—") } ?? WebText.Approvals.newlyRanked))
                    )
                })
            )),
            .h2(.text(WebText.Approvals.projectDurations)),
            DurationChart.svg(result.distribution),
            .h3(.text(WebText.Approvals.slowestProjects(result.slowest.count))),
            .div(.class("table-wrap"), .table(.class("ledger"),
                .thead(.tr(.th(.text(WebText.Approvals.project)), .th(.class("num"), .text(WebText.Approvals.workingDays)), .th(.text(WebText.Approvals.withinPromise)))),
                .tbody(.forEach(result.slowest) { row in
                    .tr(.td(.class("name"), .a(.href(esc(Route.projectApprovals(row.projectId).path)), .text(result.projectNames[row.projectId] ?? "#\(row.projectId)"))),
                        .td(.class("num"), .text(String(row.workingDays))),
                        .td(.span(.class(row.withinPromise ? "flag flag-info" : "flag flag-red"), .text(row.withinPromise ? WebText.Approvals.yes : WebText.Approvals.beyond))))
                })
            ))
        )
    }
}

struct BatchesPage {
    var context: PageContext
    var batches: [ApprovalBatch]
    var canOrganise: Bool
    var errors: [FieldError]
    var form: FormData

    var document: HTML {
        Layout.document(title: WebText.Approvals.batchesShort, context: context, nav: .approvals, content: .group(
            .h1(.text(WebText.Approvals.batches)),
            Components.errorSummary(errors),
            .div(.class("table-wrap"), .table(.class("ledger"),
                .thead(.tr(.th(.text(WebText.Approvals.batch)), .th(.text(WebText.Approvals.date)), .th(.class("num"), .text(WebText.Approvals.projectCount)), .th(.text(WebText.Approvals.description)))),
                .tbody(.forEach(batches) { batch in
                    .tr(.td(.a(.href(esc(Route.approvalBatch(batch.id).path)), .text(batch.name))), .td(.text(batch.heldOn.iso)),
                        .td(.class("num"), .text(String(batch.projectIds.count))), .td(.text(batch.description)))
                })
            )),
            .if(canOrganise, .form(.method(.post), .action(esc(Route.approvalBatches.path)), .class("card project-form"),
                Layout.csrfField(context),
                .h2(.text(WebText.Approvals.newBatch)),
                .div(.class("field-grid"),
                     Components.textField("name", label: WebText.Approvals.batchName, value: form["name"], required: true, placeholder: WebText.Approvals.batchNameExample),
                     Components.textField("heldOn", label: WebText.Approvals.date, value: form["heldOn"], required: true, inputType: .date),
                     Components.textField("description", label: WebText.Approvals.description, value: form["description"], wide: true)),
                .button(.type(.submit), .class("button"), .text(WebText.Approvals.create))))
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
    /// Each member's 开工条件 (要素保障), by project.
    var readiness: [Int64: ReadinessSummary] = [:]
    var readinessCatalog: ReadinessCatalog?

    /// "具备开工条件", or what a start still lacks.
    func startConditions(_ project: Project) -> String? {
        guard let summary = readiness[project.id], let readinessCatalog else { return nil }
        if summary.readyForStart { return WebText.Readiness.ready }
        return WebText.Readiness.notReady(summary.missingForStart.count) + "：" + summary.missingForStart.compactMap { readinessCatalog.item($0)?.name }.joined(separator: "、")
    }

    var document: HTML {
        Layout.document(title: batch.name, context: context, nav: .approvals, content: .group(
            .nav(.class("breadcrumb"), .a(.href(esc(Route.approvalBatches.path)), .text(WebText.Approvals.batchesShort)), .span(.text(" / \(batch.name)"))),
            .h1(.text(batch.name)),
            .p(.class("meta"), .text(WebText.Approvals.batchSubtitle(batch.heldOn.iso, batch.description))),
            .if(canOrganise, .form(.method(.post), .action(esc(Route.addBatchProject(batch.id).path)), .class("inline-form no-print"),
                Layout.csrfField(context),
                Components.textField("projectId", label: WebText.Approvals.addProjectHint, value: "", required: true),
                .button(.type(.submit), .class("button secondary"), .text(WebText.Approvals.add)))),
            .forEach(members) { member in
                let lacking = member.board.rows.filter { ![.approved, .notNeeded].contains($0.approval.status) }
                return .section(.class("card notice-sheet"),
                    .h2(.text(WebText.Approvals.noticeSheet(member.project.fields.name))),
                    .p(.text(WebText.Approvals.ownerAndCode(member.project.fields.ownerName.isEmpty ? "—" : member.project.fields.ownerName, member.project.fields.code?.value ?? WebText.Projects.noCode))),
                    .unwrap(startConditions(member.project)) { line in
                        .p(.class("meta"), .attribute(named: "data-readiness", value: String(member.project.id)),
                           .a(.href(esc(Route.projectReadiness(member.project.id).path)), .text(line)))
                    },
                    .if(lacking.isEmpty, .p(.text(WebText.Approvals.allDecided))),
                    .if(!lacking.isEmpty, .table(.class("ledger"),
                        .thead(.tr(.th(.text(WebText.Approvals.stillToDo)), .th(.text(WebText.Approvals.department)), .th(.text(WebText.Approvals.currentStatus)), .th(.text(WebText.Approvals.materialsMissing)), .th(.text(WebText.Approvals.latestApplyDecide)))),
                        .tbody(.forEach(lacking) { row in
                            .tr(.td(.text(row.item.name)), .td(.text(catalog.department(row.item.departmentCode)?.name ?? row.item.departmentCode)),
                                .td(.text(row.approval.status.label)),
                                .td(.text(row.approval.missingMaterials.isEmpty ? "—" : row.approval.missingMaterials)),
                                .td(.text(row.deadline.map { "\($0.applyBy.iso) / \($0.approveBy.iso)" } ?? "—")))
                        }))),
                    .p(.class("meta"), .text(WebText.Approvals.noticeSheetFooter))
                )
            }
        ))
    }
}
