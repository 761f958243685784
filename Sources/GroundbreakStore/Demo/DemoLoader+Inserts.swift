import Foundation
import GroundbreakDomain
import SQLKit

extension DemoLoader {
    /// Writes the demo approval plans, items, pauses and events in multi-row inserts.
    static func insertApprovals(_ approvals: DemoApprovals, actorName: String, now: Date, db: any SQLDatabase) async throws {
        let stamp = StoredTime.text(now)
        for batch in approvals.plans.chunked(into: batchSize) {
            let rows: [SQLQueryString] = batch.map { "(\(bind: $0.projectId), \(bind: $0.type.rawValue), \(bind: $0.targetStart?.iso), \(bind: stamp))" }
            try await db.raw("INSERT INTO approval_plans (project_id, approval_type, target_start, updated_at) VALUES \(rows.joined(separator: ", "))").run()
        }
        for batch in approvals.records.chunked(into: batchSize) {
            let rows: [SQLQueryString] = batch.map { record in
                let a = record.approval
                let values: [any Encodable & Sendable] = [
                    a.id, a.projectId, a.itemCode, a.status.rawValue, a.statusBeforePause?.rawValue, a.appliedOn?.iso, a.acceptedOn?.iso,
                    a.supplementDue?.iso, a.missingMaterials, a.decidedOn?.iso, a.documentNumber, stamp, stamp, a.version,
                ]
                return "(\(binds: values))"
            }
            try await db.raw("""
                INSERT INTO project_approvals (id, project_id, item_code, status, status_before_pause, applied_on, accepted_on, supplement_due,
                    missing_materials, decided_on, document_number, created_at, updated_at, version)
                VALUES \(rows.joined(separator: ", "))
                """).run()
            var pauses: [SQLQueryString] = []
            var events: [SQLQueryString] = []
            for record in batch {
                pauses += record.approval.pauses.map { "(\(bind: record.approval.id), \(bind: $0.reason), \(bind: $0.from.iso), \(bind: $0.to?.iso))" }
                events += try record.events.map { entry in
                    let detail = try AuditLog.json(ProjectApprovalRepository.eventDetail(entry.event)) ?? ""
                    let at = StoredTime.text(entry.on.startInChina.addingTimeInterval(10 * 3600))
                    return "(\(bind: record.approval.id), \(bind: entry.event.kind.rawValue), \(bind: detail), \(bind: TextNormalizer.collapsedLine(entry.event.reason)), \(bind: actorName), \(bind: at))"
                }
            }
            if !pauses.isEmpty {
                try await db.raw("INSERT INTO approval_pauses (approval_id, reason, from_day, to_day) VALUES \(pauses.joined(separator: ", "))").run()
            }
            for chunk in events.chunked(into: batchSize) {
                try await db.raw("INSERT INTO approval_events (approval_id, kind, detail, reason, actor_name, at) VALUES \(chunk.joined(separator: ", "))").run()
            }
        }
    }

    static func insertReports(_ reports: [MonthlyReport], now: Date, db: any SQLDatabase) async throws {
        let stamp = StoredTime.text(now)
        for batch in reports.chunked(into: batchSize) {
            let rows: [SQLQueryString] = batch.map { r in
                let values: [any Encodable & Sendable] = [
                    r.id, r.projectId, r.month.iso, r.figures.dispatch.yuan, r.figures.statistical?.yuan, r.figures.progressText, r.figures.progressPercent,
                    r.figures.jobs, r.figures.jumpReason, r.status.rawValue, StoredTime.text(r.submittedAt), r.submittedBy,
                    r.reviewedAt.map(StoredTime.text), r.reviewedBy, stamp, stamp, r.version,
                ]
                return "(\(binds: values))"
            }
            try await db.raw("""
                INSERT INTO monthly_reports (id, project_id, month, dispatch_yuan, statistical_yuan, progress_text, progress_percent, jobs, jump_reason,
                    status, submitted_at, submitted_by, reviewed_at, reviewed_by, created_at, updated_at, version)
                VALUES \(rows.joined(separator: ", "))
                """).run()
        }
    }

    static func insertPlans(_ plans: [AnnualPlan], targets: [UnitTarget], now: Date, db: any SQLDatabase) async throws {
        let stamp = StoredTime.text(now)
        for batch in plans.chunked(into: batchSize) {
            let rows: [SQLQueryString] = batch.map { p in
                let values: [any Encodable & Sendable] = [
                    p.projectId, p.year, p.plannedInvestment.yuan, p.plannedStart?.iso, p.plannedCompletion?.iso, p.nature.rawValue, p.inStartList ? 1 : 0,
                    p.campaign, stamp, 1,
                ]
                return "(\(binds: values))"
            }
            try await db.raw("""
                INSERT INTO annual_plans (project_id, year, planned_investment_yuan, planned_start, planned_completion, nature, in_start_list, campaign,
                    updated_at, version)
                VALUES \(rows.joined(separator: ", "))
                """).run()
        }
        for target in targets {
            try await db.raw("""
                INSERT INTO unit_targets (unit_kind, unit_code, year, indicator, value, curve, updated_at)
                VALUES (\(bind: target.unit.kind.rawValue), \(bind: target.unit.code), \(bind: target.year), \(bind: target.indicator),
                        \(bind: target.value), \(bind: target.curve), \(bind: stamp))
                """).run()
        }
    }
}
