import Foundation
import GroundbreakDomain

/// The seeds' task forces (`demo_task_forces.json`): seats created for each post, groups following
/// the unit's scheme classes or, for a group organised by task, the unit's projects by stage or
/// investment type.
enum DemoTaskForces {
    struct File: Decodable {
        struct Group: Decodable {
            var name: String
            var leaders: [String]
            var members: [String]?
            var leadUnits: [String]?
            var supportUnits: [String]?
            var duty: String?
            var classes: [String]?
            var stages: [Stage]?
            var investmentType: InvestmentType?
            var limit: Int?
        }
        struct Force: Decodable {
            var unit: String
            var unitName: String
            var name: String
            var shape: String
            var leaders: [String]
            var deputies: [String]
            var office: String
            var duty: String
            var groups: [Group]
        }
        var taskForces: [Force]
    }

    static func load(database: Database, catalog: ReferenceCatalog, today: Day, seed: UInt64, actor: AuditActor, now: Date) async throws -> Int {
        let file = try ReferenceDataLoader.bundledJSON("demo_task_forces.json", as: File.self)
        var random = SeededGenerator(seed: seed ^ 0x5E5E_1A1A_7C7C_3030)
        let positions = PositionRepository(database: database)
        let projects = try await ProjectRepository(database: database).projects(inStages: Stage.allCases, scope: .everything)
        let schemes = try await SchemeRepository(database: database).schemes()
        let repository = TaskForceRepository(database: database)
        var made = 0
        for force in file.taskForces {
            guard let unit = OrgUnit.parse(force.unit) else { continue }
            var seats: [String: Int64] = [:]
            func seat(_ title: String) async throws -> Int64 {
                if let known = seats[title] { return known }
                let name = String(random.pick(DemoVocabulary.surnames)) + random.pick(DemoVocabulary.givenNames)
                let id = try await positions.create(title: title, unitName: force.unitName, duty: .staff, holder: (name, ""), since: today.adding(days: -300),
                                                    actor: actor, now: now)
                seats[title] = id
                return id
            }
            let target = unit.targetUnit
            let own = projects.filter { target.contains($0, catalog: catalog) }.sorted { $0.fields.totalInvestment > $1.fields.totalInvestment }
            let unitSchemes = schemes.filter { $0.regionCode == unit.code }
            var groups: [WorkingGroup] = []
            for group in force.groups {
                var leaders: [Int64] = [], members: [Int64] = []
                for title in group.leaders { leaders.append(try await seat(title)) }
                for title in group.members ?? [] { members.append(try await seat(title)) }
                let classIds = (group.classes ?? []).compactMap { name in unitSchemes.flatMap(\.classes).first { $0.name == name }?.id }
                var picked: [Int64] = []
                if group.stages != nil || group.investmentType != nil {
                    picked = own.filter { project in
                        (group.stages.map { $0.contains(project.stage) } ?? true) && (group.investmentType.map { $0 == project.fields.investmentType } ?? true)
                    }.prefix(group.limit ?? 20).map(\.id)
                }
                groups.append(WorkingGroup(name: group.name, leaderSeats: leaders, memberSeats: members, leadUnits: group.leadUnits ?? [],
                                           supportUnits: group.supportUnits ?? [], duty: group.duty ?? "", projectIds: picked, classIds: classIds))
            }
            var leaders: [Int64] = [], deputies: [Int64] = []
            for title in force.leaders { leaders.append(try await seat(title)) }
            for title in force.deputies { deputies.append(try await seat(title)) }
            _ = try await repository.create(TaskForce(unit: unit, name: force.name, shape: force.shape, leaderSeats: leaders, deputySeats: deputies,
                                                      office: force.office, duty: force.duty, groups: groups), catalog: catalog, actor: actor, now: now)
            made += 1
        }
        return made
    }
}
