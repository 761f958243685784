import Foundation
import GroundbreakDomain
@testable import GroundbreakStore
import GroundbreakTestSupport
import Testing

@Suite("Shipped flag rules")
struct ShippedRulesTests {
    @Test("the rules shipped in flag_rules.json fire where the seeds say they should")
    func shippedRules() async throws {
        try await withTestStore(.sqlite) { store in
            let repository = ProjectRepository(database: store.database)
            let secretary = try await PositionRepository(database: store.database)
                .create(title: "项目秘书", unitName: "市工信局", duty: .secretary, holder: ("李四", ""), since: testToday, actor: testActor)
            let sponsor = try await PositionRepository(database: store.database)
                .create(title: "副市长", unitName: "市政府", duty: .sponsor, holder: ("王五", ""), since: testToday, actor: testActor)
            let catalog = try await ReferenceRepository(database: store.database).catalog()
            func flags(_ change: (inout ProjectInput) -> Void, stage: Stage = .reserve, on day: Day = testToday) async throws -> [String] {
                var input = sampleInput()
                input.secretaryPositionId = ""
                change(&input)
                let project = try await repository.create(input, stage: stage, catalog: catalog)
                return project.flags(rules: catalog.flagRules, today: day).map(\.code).sorted()
            }
            let withRepo = { (input: inout ProjectInput) in input.secretaryPositionId = String(secretary) }

            // 8.5亿, no secretary, planned start in the past, still in reserve: flagged until the lights
            // took these over (R9, R1 from 2026-11-23), not after.
            #expect(try await flags({ $0.name = "a"; $0.plannedStart = "2026-04-15" }, on: Day(year: 2026, month: 11, day: 22)!) == ["NO_SECRETARY", "START_OVERDUE"])
            #expect(try await flags { $0.name = "a2"; $0.plannedStart = "2026-04-15" }.isEmpty)
            // 20亿 exactly, no sponsor: R8's now.
            #expect(try await flags({ $0.name = "b"; $0.totalInvestmentWan = "200000"; $0.plannedStart = "2027-04-15"; withRepo(&$0) },
                                    on: Day(year: 2026, month: 11, day: 22)!) == ["NO_SPONSOR"])
            #expect(try await flags { $0.name = "b2"; $0.totalInvestmentWan = "200000"; $0.plannedStart = "2027-04-15"; withRepo(&$0) }.isEmpty)
            #expect(try await flags {
                $0.name = "c"; $0.totalInvestmentWan = "200000"; $0.plannedStart = "2027-04-15"; withRepo(&$0); $0.sponsorPositionId = String(sponsor)
            }.isEmpty)
            // In approval without a code.
            #expect(try await flags({ $0.name = "d"; $0.plannedStart = "2027-04-15"; withRepo(&$0) }, stage: .approval) == ["NO_PROJECT_CODE"])
            // In construction past the planned completion, without industry and owner credit code.
            #expect(try await flags({
                $0.name = "e"; withRepo(&$0); $0.code = "2509-220104-89-01-000001"; $0.actualStart = "2026-03-01"
                $0.plannedCompletion = "2026-10-31"; $0.industryDivision = ""; $0.ownerCreditCode = ""; $0.leadDepartmentCode = ""
            }, stage: .construction) == ["NO_INDUSTRY", "NO_LEAD_DEPARTMENT", "NO_OWNER_CREDIT_CODE"], "what the lights do not cover: missing records")
            // Below 5000万 nothing about secretaries.
            #expect(try await flags { $0.name = "f"; $0.totalInvestmentWan = "4999"; $0.plannedStart = "2027-01-01" }.isEmpty)
        }
    }
}
