import Foundation
import GroundbreakDomain
@testable import GroundbreakStore
import GroundbreakTestSupport
import SQLKit
import Testing

/// Reports written many to a statement (an import) must be stored as one at a time would store
/// them: first reports inserted, later ones replacing the figures and keeping the review, each
/// with its audit row; a row changed between the checks and the write stops the whole write.
@Suite("Monthly reports written many to a statement")
struct ReportBatchWriteTests {
    @Test("inserts and replacements over several statements, each with its audit row; a row written meanwhile is a conflict", arguments: allEngines)
    func writesAsOneAtATime(engine: DatabaseEngine) async throws {
        try await withTestStore(engine) { store in
            let database = store.database
            let catalog = try await ReferenceRepository(database: database).catalog()
            let projects = ProjectRepository(database: database)
            var created: [Project] = []
            for number in 0..<230 { created.append(try await projects.create(sampleInput(name: "批量填报项目\(number)"), catalog: catalog)) }
            let month = try #require(Month.parse("2026-10"))
            func plans(_ wan: Int64, current: [Int64: MonthlyReport]) -> [MonthlyReportRepository.PlannedWrite] {
                created.map { project in
                    let figures = MonthlyFigures(dispatch: .wan(wan + project.id), progressText: "施工中")
                    return MonthlyReportRepository.PlannedWrite(entry: .init(project: project, figures: figures, expectedVersion: current[project.id]?.version, source: "导入：批量.csv"),
                                                                month: month, figures: figures, current: current[project.id], closed: false, reason: "")
                }
            }
            let auditBefore = try await AuditLog(database: database).count()
            let firstPlans = plans(100, current: [:])
            let first = try await database.transaction { db in try await MonthlyReportRepository.write(firstPlans, actor: testActor, now: testNow, db: db) }
            #expect(first.map(\.projectId) == created.map(\.id), "in the order planned")
            #expect(first.allSatisfy { $0.version == 1 && $0.status == .submitted && $0.month == month })
            #expect(first.map(\.figures.dispatch) == created.map { .wan(100 + $0.id) })
            #expect(try await AuditLog(database: database).count() == auditBefore + 230)

            // One is reviewed and returned: a later send replaces its figures and keeps the review.
            let reports = MonthlyReportRepository(database: database)
            let returned = try await reports.review(id: first[5].id, accept: false, comment: "请核实", expectedVersion: 1, actor: testActor, now: testNow)
            var current = Dictionary(uniqueKeysWithValues: first.map { ($0.projectId, $0) })
            current[returned.projectId] = returned
            let secondPlans = plans(300, current: current)
            // An instant with a part below the millisecond, which the stored row drops.
            let later = testNow.addingTimeInterval(60.000_456_7)
            let second = try await database.transaction { db in try await MonthlyReportRepository.write(secondPlans, actor: testActor, now: later, db: db) }
            #expect(second.map(\.id) == first.map(\.id), "the same rows, replaced")
            #expect(second.map(\.figures.dispatch) == created.map { .wan(300 + $0.id) })
            #expect(second[5].version == 3 && second[5].reviewComment == "请核实" && second[5].status == .submitted)
            #expect(second.enumerated().allSatisfy { $0.offset == 5 || $0.element.version == 2 })
            let trail = try await AuditLog(database: database).entries(entity: "monthly_report", entityId: String(first[7].id))
            #expect(trail.map(\.action).sorted() == ["resubmit", "submit"])

            // What the write hands back, and puts in the trail, is the row as stored: read back,
            // every report is the same, the returned one's review kept and the time to the millisecond.
            let readBack = try await database.reader.raw("SELECT * FROM monthly_reports ORDER BY project_id").all().map(MonthlyReportRepository.report)
            #expect(second == readBack)
            #expect(second[5].reviewedAt == returned.reviewedAt && second[5].reviewedBy == returned.reviewedBy && second[5].reviewedAt != nil)
            #expect(second[0].submittedAt == testNow.addingTimeInterval(60))
            let resubmitted = try #require(trail.first { $0.action == "resubmit" })
            #expect(resubmitted.afterJSON == (try AuditLog.json(readBack[7])))
            #expect(resubmitted.beforeJSON == (try AuditLog.json(first[7])))

            // Planned as a first report, but a row is there: nothing of the batch stays.
            let count = try await AuditLog(database: database).count()
            let stale = plans(500, current: [:])
            await #expect(throws: StoreError.self) {
                _ = try await database.transaction { db in try await MonthlyReportRepository.write(stale, actor: testActor, now: testNow, db: db) }
            }
            #expect(try await AuditLog(database: database).count() == count)
            #expect(try await reports.reports(projectId: created[0].id).map(\.figures.dispatch) == [.wan(300 + created[0].id)])
        }
    }
}
