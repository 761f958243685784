import Foundation
import GroundbreakDomain
@testable import GroundbreakStore
import GroundbreakTestSupport
import SQLKit
import Testing

func day(_ text: String) -> Day { Day.parse(text)! }

@Suite("Working-day calendar as shipped")
struct ShippedCalendarTests {
    @Test("the State Council notices of 2024–2026: spot checks from the reference", arguments: allEngines)
    func spotChecks(engine: DatabaseEngine) async throws {
        try await withTestStore(engine) { store in
            let calendar = try await CalendarRepository(database: store.database).calendar()
            #expect(calendar.years == [2024, 2025, 2026])
            #expect(calendar.addingWorkingDays(51, to: day("2025-01-20")) == CalendarResult(day: day("2025-04-08"), provisional: false))
            #expect(calendar.addingWorkingDays(20, to: day("2026-02-10")).day == day("2026-03-16"))
            // 2026 Spring Festival: 02-15 to 02-23 off, make-up Saturdays 02-14 and 02-28.
            #expect(calendar.isWorkingDay(day("2026-02-14")) && calendar.isWorkingDay(day("2026-02-28")))
            #expect(!calendar.isWorkingDay(day("2026-02-16")) && !calendar.isWorkingDay(day("2026-02-23")))
            #expect(calendar.addingWorkingDays(1, to: day("2026-02-13")).day == day("2026-02-14"))
            #expect(calendar.addingWorkingDays(2, to: day("2026-02-13")).day == day("2026-02-24"))
            #expect(calendar.isWorkingDay(day("2024-02-09")), "除夕 2024 was officially a working day")
            for (year, expected) in [(2024, 251), (2025, 248), (2026, 248)] {
                #expect(calendar.workingDays(after: day("\(year - 1)-12-31"), through: day("\(year)-12-31")) == expected)
            }
            // Beyond the loaded years: Monday–Friday, marked provisional.
            let next = calendar.addingWorkingDays(5, to: day("2026-12-30"))
            #expect(next.day == day("2027-01-06") && next.provisional)
            #expect(calendar.workingDays(after: day("2026-02-13"), through: day("2026-02-24")) == 2)
            #expect(calendar.addingWorkingDays(-2, to: day("2026-02-24")).day == day("2026-02-13"))
        }
    }

    @Test("an administrator loads next year's notice; bad files change nothing", arguments: allEngines)
    func importYear(engine: DatabaseEngine) async throws {
        try await withTestStore(engine) { store in
            let repository = CalendarRepository(database: store.database)
            let bad = "date,kind,festival,statutory\n2027-01-01,holiday,元旦,1\n2027-02-03,workday,春节,0\n2026-10-01,holiday,国庆节,1\n"
            await #expect(throws: StoreError.self) {
                _ = try await repository.importYear(2027, csv: bad, source: "测试", actor: testActor, now: testNow)
            }
            #expect(try await repository.calendar().years == [2024, 2025, 2026])
            let good = "date,kind,festival,statutory\n2027-01-01,holiday,元旦,1\n2027-02-06,workday,春节,0\n2027-02-08,holiday,春节,0\n"
            #expect(try await repository.importYear(2027, csv: good, source: "国务院办公厅关于2027年部分节假日安排的通知", actor: testActor, now: testNow) == 3)
            let calendar = try await repository.calendar()
            #expect(calendar.years.contains(2027))
            #expect(calendar.isWorkingDay(day("2027-02-06")) && !calendar.isWorkingDay(day("2027-02-08")))
            #expect(!calendar.addingWorkingDays(3, to: day("2027-01-01")).provisional)
            let years = try await repository.years()
            #expect(years.first { $0.year == 2026 }?.workdays == 248)
        }
    }
}

@Suite("Project approvals in the store")
struct ApprovalStoreTests {
    @Test("plan by project type, events with reasons, pauses, versions", arguments: allEngines)
    func lifecycle(engine: DatabaseEngine) async throws {
        try await withTestStore(engine) { store in
            let project = try await ProjectRepository(database: store.database).create(sampleInput(), stage: .approval, catalog: store.catalog)
            let catalog = try await ApprovalCatalogRepository(database: store.database).items()
            #expect(catalog.count == 15)
            let repository = ProjectApprovalRepository(database: store.database)
            try await repository.setPlan(projectId: project.id, type: .enterpriseFiling, targetStart: day("2027-05-01"), catalog: catalog,
                                         actor: testActor, today: testToday, now: testNow)
            var approvals = try await repository.approvals(projectId: project.id)
            #expect(Set(approvals.map(\.itemCode)) == Set(catalog.filter { $0.appliesTo.contains(.enterpriseFiling) }.map(\.code)))
            #expect(try await repository.plan(projectId: project.id)?.targetStart == day("2027-05-01"))
            try await repository.addItem(projectId: project.id, code: "ENERGY", actor: testActor, now: testNow)
            await #expect(throws: StoreError.self) { try await repository.addItem(projectId: project.id, code: "ENERGY", actor: testActor, now: testNow) }

            var permit = try #require(try await repository.approvals(projectId: project.id).first { $0.itemCode == "BUILD-PLAN" })
            permit = try await repository.record(id: permit.id, expectedVersion: 1, .acceptWithDeficiency(on: day("2026-11-02"), supplementDue: day("2026-11-09"), missing: "规划设计方案图纸"),
                                                 actor: testActor, today: testToday, now: testNow)
            permit = try await repository.record(id: permit.id, expectedVersion: 2, .pause(from: day("2026-11-05"), reason: "专家评审"), actor: testActor, today: testToday, now: testNow)
            await #expect(throws: StoreError.conflict(currentVersion: 3)) {
                _ = try await repository.record(id: permit.id, expectedVersion: 2, .resume(on: day("2026-11-12")), actor: testActor, today: testToday, now: testNow)
            }
            permit = try await repository.record(id: permit.id, expectedVersion: 3, .resume(on: day("2026-11-12")), actor: testActor, today: testToday, now: testNow)
            #expect(permit.status == .acceptedWithDeficiency)
            #expect(permit.pauses == [ApprovalPause(reason: "专家评审", from: day("2026-11-05"), to: day("2026-11-11"))])
            let refused = await expectInvalid {
                _ = try await repository.record(id: permit.id, expectedVersion: 4, .approve(on: day("2026-11-20"), documentNumber: " "), actor: testActor, today: testToday, now: testNow)
            }
            #expect(refused.map(\.field) == ["documentNumber"])
            permit = try await repository.record(id: permit.id, expectedVersion: 4, .approve(on: day("2026-11-20"), documentNumber: "长规建字〔2026〕88号"),
                                                 actor: testActor, today: testToday, now: testNow)
            #expect(permit.status == .approved && permit.version == 5)
            let events = try await repository.events(approvalIds: [permit.id])
            #expect(events.map(\.kind) == ["acceptWithDeficiency", "pause", "resume", "approve"])
            #expect(events[1].reason == "专家评审")
            let audit = try await AuditLog(database: store.database).entries(entity: "approval", entityId: String(permit.id))
            #expect(audit.count == 4)

            approvals = try await repository.approvals(projectId: project.id)
            let listings = try await repository.listings(scope: .nothing, departments: ["CC-ZRZY"], openOnly: false)
            #expect(Set(listings.map(\.approval.id)) == Set(approvals.filter { a in catalog.first { $0.code == a.itemCode }?.departmentCode == "CC-ZRZY" }.map(\.id)))
            #expect(try await repository.listings(scope: .nothing, departments: [], openOnly: false).isEmpty)
            #expect(try await repository.listings(scope: .everything, departments: [], openOnly: true).count == approvals.count - 1)

            let edited = try await ApprovalCatalogRepository(database: store.database).update(
                code: "BUILD-PLAN", statutoryLimit: 20, unit: .workingDays, promisedLimit: 10, validTo: nil, actor: testActor, now: testNow)
            #expect(edited.limit == 10)
            try await store.database.write("DELETE FROM reference_loads")
            try await ReferenceDataLoader(database: store.database).load()
            #expect(try await ApprovalCatalogRepository(database: store.database).items().first { $0.code == "BUILD-PLAN" }?.promisedLimit == 10)
        }
    }
}
