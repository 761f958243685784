import Foundation
import GroundbreakDomain
import Testing

@Suite("Policy and scopes")
struct PolicyTests {
    func principal(_ roles: Set<Role>, unit: OrgUnit? = nil, position: Int64? = nil) -> Principal {
        Principal(userId: 1, username: "u", displayName: "用户", roles: roles, unit: unit, positionId: position)
    }

    let inChaoyang = project { $0.regionCode = "220104"; $0.leadDepartmentCode = "CC-GXJ"; $0.secretaryPositionId = 2 }
    let inGongzhuling = project { $0.regionCode = "220184"; $0.supportDepartmentCodes = ["CC-GXJ"]; $0.sponsorPositionId = 1 }

    @Test("a region user reaches its region subtree; a city-level unit reaches the whole city")
    func regions() {
        let region = principal([.region], unit: OrgUnit(kind: .region, code: "220104"))
        let scope = Policy.scope(for: .editProject, of: region, catalog: catalog)
        #expect(scope.contains(inChaoyang) && !scope.contains(inGongzhuling))
        let center = principal([.center], unit: OrgUnit(kind: .department, code: "CC-GXJ"))
        let cityWide = Policy.scope(for: .viewProjects, of: center, catalog: catalog)
        #expect(cityWide.contains(inChaoyang) && cityWide.contains(inGongzhuling))
        #expect(Policy.scope(for: .viewProjects, of: principal([.admin]), catalog: catalog).isEverything)
    }

    @Test("zone staff reach the zone and the zones inside it; an unknown unit reaches nothing and is not known to the catalogue")
    func zones() {
        let inHighTech = project { $0.regionCode = "220104"; $0.zoneCode = "220173" }
        let staff = principal([.region], unit: OrgUnit(kind: .zone, code: "CC-XQ"))
        let scope = Policy.scope(for: .editProject, of: staff, catalog: catalog)
        #expect(scope.contains(inHighTech) && !scope.contains(inChaoyang), "高新区 lies inside 长春新区; a project outside any zone does not")
        #expect(Policy.scope(for: .viewProjects, of: principal([.region], unit: OrgUnit(kind: .zone, code: "220173")), catalog: catalog).contains(inHighTech))
        #expect(!Policy.scope(for: .viewProjects, of: principal([.region], unit: OrgUnit(kind: .zone, code: "220173")), catalog: catalog)
            .contains(project { $0.zoneCode = "CC-XQ" }), "a sub-zone does not reach its parent")
        #expect(scope.covers(TargetUnit(kind: .zone, code: "220173"), catalog: catalog) && !scope.covers(TargetUnit(kind: .region, code: "220104"), catalog: catalog))
        #expect(Policy.scope(for: .viewProjects, of: principal([.region], unit: OrgUnit(kind: .zone, code: "CC-NOPE")), catalog: catalog).isEmpty)
        #expect(catalog.orgUnit("zone:CC-XQ") != nil && catalog.orgUnit("zone:CC-NOPE") == nil && catalog.orgUnit("region:CC-XQ") == nil)
        #expect(Policy.problemUnits(of: staff, catalog: catalog).contains(OrgUnit(kind: .zone, code: "220173")))
    }

    @Test("a department sees what it leads or supports, and changes only what it leads")
    func departments() {
        let department = principal([.department], unit: OrgUnit(kind: .department, code: "CC-GXJ"))
        #expect(Policy.decide(.viewProjects, on: inGongzhuling, for: department, catalog: catalog) == .allow)
        #expect(Policy.decide(.editProject, on: inGongzhuling, for: department, catalog: catalog) == .deny)
        #expect(Policy.decide(.editProject, on: inChaoyang, for: department, catalog: catalog) == .allow)
    }

    @Test("an approving department reaches the items it approves on any project, and only those")
    func approvingDepartment() {
        let landBureau = principal([.department], unit: OrgUnit(kind: .department, code: "CC-ZRZY"))
        #expect(Policy.decide(.viewProjects, on: inChaoyang, for: landBureau, catalog: catalog) == .notFound)
        #expect(Policy.decideApproval(.handleApprovals, on: inChaoyang, itemDepartments: ["CC-ZRZY"], for: landBureau, catalog: catalog) == .allow)
        #expect(Policy.decideApproval(.viewApprovals, on: inChaoyang, itemDepartments: ["CC-FGW", "CC-ZRZY"], for: landBureau, catalog: catalog) == .allow)
        #expect(Policy.decideApproval(.handleApprovals, on: inChaoyang, itemDepartments: ["CC-FGW"], for: landBureau, catalog: catalog) == .notFound)
        #expect(Policy.decideApproval(.viewApprovals, on: inChaoyang, itemDepartments: ["CC-FGW"], for: landBureau, catalog: catalog) == .notFound)
        #expect(Policy.decide(.handleApprovals, for: landBureau, catalog: catalog) == .allow)

        // The lead department records on every item of its own project; a supporter only reads.
        let industry = principal([.department], unit: OrgUnit(kind: .department, code: "CC-GXJ"))
        #expect(Policy.decideApproval(.handleApprovals, on: inChaoyang, itemDepartments: ["CC-FGW"], for: industry, catalog: catalog) == .allow)
        #expect(Policy.decideApproval(.handleApprovals, on: inGongzhuling, itemDepartments: ["CC-FGW"], for: industry, catalog: catalog) == .deny)
        #expect(Policy.decideApproval(.viewApprovals, on: inGongzhuling, itemDepartments: ["CC-FGW"], for: industry, catalog: catalog) == .allow)

        // A reader without a department seat records nothing.
        let viewer = principal([.viewer], unit: OrgUnit(kind: .region, code: "220104"))
        #expect(Policy.decide(.handleApprovals, for: viewer, catalog: catalog) == .deny)
        #expect(Policy.decideApproval(.handleApprovals, on: inChaoyang, itemDepartments: ["CC-FGW"], for: viewer, catalog: catalog) == .deny)
        #expect(Policy.decide(.organiseApprovals, for: principal([.center]), catalog: catalog) == .allow)
        #expect(Policy.decide(.organiseApprovals, for: industry, catalog: catalog) == .deny)
        #expect(Policy.decideApproval(.viewApprovals, on: inChaoyang, itemDepartments: [], for: nil, catalog: catalog) == .unauthenticated)
    }

    @Test("seats: a secretary works on assigned projects, a sponsor reads them; an unseen project is not found")
    func seats() {
        let secretary = principal([.secretary], position: 2)
        #expect(Policy.decide(.transitionProject, on: inChaoyang, for: secretary, catalog: catalog) == .allow)
        #expect(Policy.decide(.viewProjects, on: inGongzhuling, for: secretary, catalog: catalog) == .notFound)
        let sponsor = principal([.sponsor], position: 1)
        #expect(Policy.decide(.viewProjects, on: inGongzhuling, for: sponsor, catalog: catalog) == .allow)
        #expect(Policy.decide(.editProject, on: inGongzhuling, for: sponsor, catalog: catalog) == .deny)
        #expect(Policy.decide(.createProject, for: sponsor, catalog: catalog) == .deny)
    }

    @Test("招商 changes projects only while they are being attracted; roles add up")
    func attractionAndUnion() {
        let attraction = principal([.attraction], unit: OrgUnit(kind: .region, code: "220104"))
        var reserve = inChaoyang
        reserve.stage = .attraction
        var building = inChaoyang
        building.stage = .construction
        #expect(Policy.decide(.editProject, on: reserve, for: attraction, catalog: catalog) == .allow)
        #expect(Policy.decide(.editProject, on: building, for: attraction, catalog: catalog) == .deny)
        let both = principal([.attraction, .secretary], unit: OrgUnit(kind: .region, code: "220104"), position: 2)
        #expect(Policy.decide(.editProject, on: building, for: both, catalog: catalog) == .allow)
    }

    @Test("non-project actions: audit, administration, anonymous")
    func other() {
        #expect(Policy.decide(.viewAudit, for: principal([.supervision], unit: OrgUnit(kind: .region, code: "220104")), catalog: catalog) == .allow)
        #expect(Policy.decide(.viewAudit, for: principal([.region], unit: OrgUnit(kind: .region, code: "220104")), catalog: catalog) == .deny)
        #expect(Policy.decide(.administer, for: principal([.center], unit: OrgUnit(kind: .department, code: "CC-GXJ")), catalog: catalog) == .deny)
        #expect(Policy.decide(.viewProjects, for: nil, catalog: catalog) == .unauthenticated)
        #expect(Policy.decide(.viewProjects, for: principal([.region]), catalog: catalog) == .deny, "a region role without a region unit reaches nothing")
    }

    @Test("sign-in throttling and one-time passwords")
    func throttleAndTemporary() {
        #expect(SignInThrottle.delay(afterFailures: 4) == .zero)
        #expect(SignInThrottle.delay(afterFailures: 5) == .milliseconds(500))
        #expect(SignInThrottle.delay(afterFailures: 7) == .seconds(2))
        #expect(SignInThrottle.delay(afterFailures: 50) == .seconds(8))
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<50 {
            let password = PasswordPolicy.temporaryPassword(using: &generator)
            #expect(password.count == 12 && PasswordPolicy.check(password).isEmpty)
        }
        #expect(PasswordPolicy.check("Zhangsan#2026", username: "zhangsan") == [.containsUsername])
    }
}
