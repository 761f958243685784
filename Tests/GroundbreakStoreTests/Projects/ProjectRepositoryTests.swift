import Foundation
import GroundbreakDomain
@testable import GroundbreakStore
import GroundbreakTestSupport
import Testing

@Suite("Project repository")
struct ProjectRepositoryTests {
    @Test("create stores every field and writes one audit row", arguments: allEngines)
    func createAndRead(engine: DatabaseEngine) async throws {
        try await withTestStore(engine) { store in
            let repository = ProjectRepository(database: store.database)
            let sponsor = try await PositionRepository(database: store.database)
                .create(title: "副市长", unitName: "长春市人民政府", duty: .sponsor, holder: ("王某某", "13800000000"), since: testToday, actor: testActor)
            let catalog = try await ReferenceRepository(database: store.database).catalog()
            var input = sampleInput(code: "２５０９－２２０１０４－８９－０１－５４４０６０")
            input.sponsorPositionId = String(sponsor)
            input.longitude = "125.3245"
            input.latitude = "43.8868"
            input.zoneCode = "220171"
            input.levels = ["cityKey", "provinceKey"]
            let created = try await repository.create(input, stage: .approval, catalog: catalog)
            #expect(created.version == 1)
            #expect(created.stage == .approval)
            #expect(created.fields.code?.value == "2509-220104-89-01-544060")
            #expect(created.fields.totalInvestment == Money(yuan: 850_000_000))
            #expect(created.fields.levels == [.provinceKey, .cityKey])
            #expect(created.fields.tags == ["SANZAO"])
            #expect(created.fields.supportDepartmentCodes == ["CC-ZJJ", "CC-ZRZY"])
            #expect(created.fields.location.longitude == 125.3245)
            #expect(created.fields.sponsorPositionId == sponsor)
            let read = try #require(try await repository.project(id: created.id))
            #expect(read == created)
            let audit = try await AuditLog(database: store.database).entries(entity: "project", entityId: String(created.id))
            #expect(audit.map(\.action) == ["create"])
            #expect(audit[0].beforeJSON == nil)
            #expect(audit[0].afterJSON?.contains("2509-220104-89-01-544060") == true)
            #expect(audit[0].requestId == "req-test")
        }
    }

    @Test("bad input is refused with every problem and stores nothing", arguments: allEngines)
    func invalidInput(engine: DatabaseEngine) async throws {
        try await withTestStore(engine) { store in
            let repository = ProjectRepository(database: store.database)
            var input = sampleInput(code: "2509-220104-89-01")
            input.name = "  "
            input.totalInvestmentWan = "-5"
            input.regionCode = "999999"
            input.categoryCode = "IND"
            input.ownerCreditCode = "91440300708461136X"
            input.plannedCompletion = "2025-01-01"
            let errors = await expectInvalid { _ = try await repository.create(input, catalog: store.catalog) }
            #expect(Set(errors.map(\.field)) == ["name", "code", "totalInvestment", "regionCode", "categoryCode", "ownerCreditCode", "plannedCompletion"])
            #expect(errors.first { $0.field == "ownerCreditCode" }?.message.contains("校验位") == true)
            let projects = try await repository.count()
            let auditRows = try await AuditLog(database: store.database).count()
            #expect(projects == 0 && auditRows == 0)
        }
    }

    @Test("a project code belongs to one project", arguments: allEngines)
    func uniqueCode(engine: DatabaseEngine) async throws {
        try await withTestStore(engine) { store in
            let repository = ProjectRepository(database: store.database)
            _ = try await repository.create(sampleInput(code: "2411-220104-89-01-637015"), catalog: store.catalog)
            let errors = await expectInvalid {
                _ = try await repository.create(sampleInput(name: "另一个项目", code: "2411-220104-89-01-637015"), catalog: store.catalog)
            }
            #expect(errors.map(\.field) == ["code"])
            #expect(errors.first?.message.contains("长春新能源汽车零部件产业园项目") == true)
            // To a caller who may not see the project that holds the code, it is "another project".
            let hidden = await expectInvalid {
                _ = try await repository.create(sampleInput(name: "另一个项目", code: "2411-220104-89-01-637015"), stage: .reserve, allowed: .everything,
                                                visible: .nothing, actor: testActor, catalog: store.catalog, today: testToday, now: testNow)
            }
            #expect(hidden.map(\.field) == ["code"])
            #expect(hidden.first?.message.contains("长春新能源汽车零部件产业园项目") == false)
            #expect(hidden.first?.message.contains("另一个项目使用") == true)
            #expect(try await repository.count() == 1)
        }
    }

    @Test("an update names the version it read; a stale one changes nothing", arguments: allEngines)
    func optimisticConcurrency(engine: DatabaseEngine) async throws {
        try await withTestStore(engine) { store in
            let repository = ProjectRepository(database: store.database)
            let created = try await repository.create(sampleInput(), catalog: store.catalog)
            var edit = ProjectInput(fields: created.fields)
            edit.totalInvestmentWan = "90000.5"
            let updated = try await repository.update(
                id: created.id, expectedVersion: 1, edit, allowed: .everything, actor: testActor, catalog: store.catalog, today: testToday, now: testNow
            )
            #expect(updated.version == 2)
            #expect(updated.fields.totalInvestment == Money(yuan: 900_005_000))

            var stale = ProjectInput(fields: created.fields)
            stale.name = "过时的修改"
            await #expect(throws: StoreError.conflict(currentVersion: 2)) {
                _ = try await repository.update(
                    id: created.id, expectedVersion: 1, stale, allowed: .everything, actor: testActor, catalog: store.catalog, today: testToday, now: testNow
                )
            }
            #expect(try await repository.project(id: created.id)?.fields.name == created.fields.name)
            await #expect(throws: StoreError.notFound) {
                _ = try await repository.update(
                    id: 9999, expectedVersion: 1, stale, allowed: .everything, actor: testActor, catalog: store.catalog, today: testToday, now: testNow
                )
            }
            let audit = try await AuditLog(database: store.database).entries(entity: "project", entityId: String(created.id))
            #expect(audit.map(\.action) == ["create", "update"])
            #expect(audit[1].beforeJSON?.contains("850000000") == true)
            #expect(audit[1].afterJSON?.contains("900005000") == true)
        }
    }

    @Test("concurrent writers: exactly one of two updates of the same version wins", arguments: allEngines)
    func racingUpdates(engine: DatabaseEngine) async throws {
        try await withTestStore(engine) { store in
            let repository = ProjectRepository(database: store.database)
            let created = try await repository.create(sampleInput(), catalog: store.catalog)
            let catalog = store.catalog
            let results = await withTaskGroup(of: Bool.self) { group in
                for index in 0..<6 {
                    group.addTask {
                        var edit = ProjectInput(fields: created.fields)
                        edit.name = "并发修改 \(index)"
                        do {
                            _ = try await repository.update(
                                id: created.id, expectedVersion: 1, edit, allowed: .everything, actor: testActor, catalog: catalog, today: testToday, now: testNow
                            )
                            return true
                        } catch {
                            return false
                        }
                    }
                }
                return await group.reduce(into: [Bool]()) { $0.append($1) }
            }
            #expect(results.filter { $0 }.count == 1)
            #expect(try await repository.project(id: created.id)?.version == 2)
        }
    }

    @Test("transitions follow the lifecycle and are kept as history", arguments: allEngines)
    func lifecycle(engine: DatabaseEngine) async throws {
        try await withTestStore(engine) { store in
            let repository = ProjectRepository(database: store.database)
            let catalog = store.catalog
            var project = try await repository.create(sampleInput(), catalog: catalog)
            func move(_ request: TransitionRequest) async throws -> Project {
                try await repository.transition(
                    id: project.id, expectedVersion: project.version, request, allowed: .everything, actor: testActor, catalog: catalog, today: testToday, now: testNow
                )
            }
            project = try await move(TransitionRequest(target: .attraction, note: "签约在谈"))
            project = try await move(TransitionRequest(target: .approval))
            let refused = await expectInvalid { _ = try await move(TransitionRequest(target: .construction)) }
            #expect(refused.map(\.field) == ["actualStart"])
            project = try await move(TransitionRequest(target: .construction, actualStart: Day(year: 2026, month: 5, day: 6)))
            #expect(project.fields.actualStart == Day(year: 2026, month: 5, day: 6))
            let noReason = await expectInvalid { _ = try await move(TransitionRequest(target: .suspended)) }
            #expect(noReason.map(\.field) == ["note"])
            project = try await move(TransitionRequest(target: .suspended, note: "冬季停工"))
            #expect(project.suspendedFrom == .construction)
            let wrongWay = await expectInvalid { _ = try await move(TransitionRequest(target: .approval)) }
            #expect(wrongWay.map(\.field) == ["target"])
            project = try await move(TransitionRequest(target: .construction, note: "复工"))
            #expect(project.stage == .construction && project.suspendedFrom == nil)
            let history = try await repository.transitions(projectId: project.id)
            #expect(history.map(\.to) == [.attraction, .approval, .construction, .suspended, .construction])
            #expect(history[3].note == "冬季停工")
            #expect(history.allSatisfy { $0.actor == "测试员" })
            let audit = try await AuditLog(database: store.database).entries(entity: "project", entityId: String(project.id))
            #expect(audit.filter { $0.action == "transition" }.count == 5)
        }
    }
}
