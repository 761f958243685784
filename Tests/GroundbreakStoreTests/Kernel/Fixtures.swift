import Foundation
import GroundbreakDomain
@testable import GroundbreakStore

let testActor = AuditActor(userId: nil, name: "测试员", sourceIP: "127.0.0.1", requestId: "req-test")
let testToday = Day(year: 2026, month: 11, day: 23)!
let testNow = testToday.startInChina.addingTimeInterval(10 * 3600)

/// A valid input for a mid-sized industrial project in 朝阳区.
func sampleInput(name: String = "长春新能源汽车零部件产业园项目", code: String = "", wan: String = "85000") -> ProjectInput {
    var input = ProjectInput()
    input.name = name
    input.code = code
    input.ownerName = "长春某某汽车零部件有限公司"
    input.ownerCreditCode = "91440300708461136T"
    input.regionCode = "220104"
    input.categoryCode = "IND-MFG"
    input.industryDivision = "36"
    input.investmentType = "enterprise"
    input.totalInvestmentWan = wan
    input.constructionContent = "新建厂房及配套设施，购置生产设备"
    input.address = "朝阳区某某路以南"
    input.plannedStart = "2026-04-15"
    input.plannedCompletion = "2028-10-31"
    input.leadDepartmentCode = "CC-GXJ"
    input.supportDepartmentCodes = ["CC-ZRZY", "CC-ZJJ"]
    input.levels = ["cityKey"]
    input.tags = ["SANZAO"]
    return input
}

extension ProjectRepository {
    func create(_ input: ProjectInput, stage: Stage = .reserve, catalog: ReferenceCatalog) async throws -> Project {
        try await create(input, stage: stage, allowed: .everything, visible: .everything, actor: testActor, catalog: catalog, today: testToday, now: testNow)
    }
}

func expectInvalid(_ body: () async throws -> Void) async -> [FieldError] {
    do {
        try await body()
        return []
    } catch StoreError.invalid(let failure) {
        return failure.errors
    } catch {
        return [FieldError("unexpected", .field("\(error)"))]
    }
}
