import Foundation
import GroundbreakDomain
import Testing

/// A unit's membership is written twice: on a project's codes (`membership`) and on its `Keys`,
/// whose codes are numbered for the kept parts' tables (`keyMembership`). Both must hold the same
/// projects for every unit.
@Suite("A unit's projects: by their codes and by their numbered keys alike")
struct TargetUnitMembershipTests {
    @Test("every region, zone and department holds the same projects by either test, unknown and retired codes included")
    func bothTestsAgree() {
        let regions = catalog.regions.map(\.code) + ["229999", "110101"]
        let zones: [String?] = catalog.zones.map(\.code) + ["ZZ-UNKNOWN", nil]
        let departments: [String?] = catalog.departments.map(\.code) + ["CC-NONE", nil]
        let units = catalog.regions.map { TargetUnit(kind: .region, code: $0.code) } + catalog.zones.map { TargetUnit(kind: .zone, code: $0.code) }
            + catalog.departments.map { TargetUnit(kind: .department, code: $0.code) } + [TargetUnit(kind: .region, code: "229999"), TargetUnit(kind: .zone, code: "ZZ-NEW")]
        var projects: [Project] = []
        for region in regions {
            for zone in zones {
                for department in departments {
                    projects.append(project { fields in
                        fields.regionCode = region
                        fields.zoneCode = zone
                        fields.leadDepartmentCode = department
                    })
                }
            }
        }
        var held = 0
        for unit in units {
            let byCodes = unit.membership(catalog), byKeys = unit.keyMembership(catalog)
            for project in projects {
                #expect(byCodes(project) == byKeys(TargetUnit.Keys(project)), "\(unit.text): \(project.fields.regionCode) \(project.fields.zoneCode ?? "-") \(project.fields.leadDepartmentCode ?? "-")")
                if byCodes(project) { held += 1 }
            }
        }
        #expect(held > 0 && held < units.count * projects.count)
        // The city holds its districts' projects; a district not its sibling's; a zone its child zone's.
        let city = TargetUnit(kind: .region, code: "220100").keyMembership(catalog)
        #expect(city(TargetUnit.Keys(project { $0.regionCode = "220184" })) && !city(TargetUnit.Keys(project { $0.regionCode = "229999" })))
        #expect(!TargetUnit(kind: .region, code: "220104").keyMembership(catalog)(TargetUnit.Keys(project { $0.regionCode = "220184" })))
        #expect(TargetUnit(kind: .zone, code: "CC-XQ").keyMembership(catalog)(TargetUnit.Keys(project { $0.zoneCode = "220173" })))
    }
}
