import Foundation
import GroundbreakDomain

/// A task force at the API: its unit, seats (by number and as named), and groups.
struct TaskForceDTO: Codable, Sendable {
    struct Seat: Codable, Sendable {
        var id: Int64
        var display: String
    }
    struct Group: Codable, Sendable {
        var id: Int64
        var name: String
        var leaders: [Seat]
        var members: [Seat]
        var leadUnits: [String]
        var supportUnits: [String]
        var duty: String
        var projectIds: [Int64]
        var classIds: [Int64]
    }

    var id: Int64
    var unit: String
    var unitName: String
    var name: String
    var shape: String
    var leaders: [Seat]
    var deputies: [Seat]
    var office: String
    var duty: String
    var groups: [Group]
    var version: Int

    init(_ force: TaskForce, catalog: ReferenceCatalog) {
        func seats(_ ids: [Int64]) -> [Seat] { ids.map { id in Seat(id: id, display: catalog.seatNames([id])) } }
        id = force.id
        unit = force.unit.text
        unitName = force.unit.name(catalog)
        name = force.name
        shape = force.shape
        leaders = seats(force.leaderSeats)
        deputies = seats(force.deputySeats)
        office = force.office
        duty = force.duty
        groups = force.groups.map { group in
            Group(id: group.id, name: group.name, leaders: seats(group.leaderSeats), members: seats(group.memberSeats), leadUnits: group.leadUnits,
                  supportUnits: group.supportUnits, duty: group.duty, projectIds: group.projectIds, classIds: group.classIds)
        }
        version = force.version
    }
}

/// A group's projects and figures at the API.
struct WorkingGroupDTO: Codable, Sendable {
    struct Line: Codable, Sendable {
        var projectId: Int64
        var name: String
        var regionCode: String
        var stage: String
        var totalYuan: Int64
        @ExplicitNull var plannedYuan: Int64?
        @ExplicitNull var yearDispatchYuan: Int64?
        @ExplicitNull var colour: String?
        var named: Bool
        var openProblems: Int
    }
    struct Figures: Codable, Sendable {
        var projects: Int
        var totalYuan: Int64
        var plannedYuan: Int64
        var yearDispatchYuan: Int64
        @ExplicitNull var completionPercent: Double?
        var openProblems: Int
        var overdueProblems: Int
        var red: Int
    }

    var id: Int64
    var taskForceId: Int64
    var name: String
    var figures: Figures
    var rates: [PortfolioDTO.Rate]
    var projects: [Line]
    var problemIds: [Int64]
    var supervisedItemIds: [Int64]

    init(_ reading: GroupReading, rateCatalog: FourRateCatalog) {
        let f = reading.figures
        id = reading.group.id
        taskForceId = reading.taskForce.id
        name = reading.group.name
        figures = Figures(projects: f.projects, totalYuan: f.totalInvestment.yuan, plannedYuan: f.planned.yuan, yearDispatchYuan: f.yearDispatch.yuan,
                          completionPercent: f.completionPercent, openProblems: f.openProblems, overdueProblems: f.overdueProblems, red: f.red)
        rates = reading.rates.map { PortfolioDTO.Rate($0, catalog: rateCatalog) }
        let named = Set(reading.group.projectIds)
        projects = reading.projects.map { project in
            Line(projectId: project.id, name: project.fields.name, regionCode: project.fields.regionCode, stage: project.stage.rawValue,
                 totalYuan: project.fields.totalInvestment.yuan, plannedYuan: reading.plans[project.id]?.yuan, yearDispatchYuan: reading.done[project.id]?.yuan,
                 colour: reading.lights[project.id]?.rawValue, named: named.contains(project.id),
                 openProblems: reading.problems.filter { $0.projectId == project.id }.count)
        }
        problemIds = reading.problems.map(\.id)
        supervisedItemIds = reading.items.map(\.id)
    }
}

/// `POST /api/v1/task-forces`: a whole task force; seats by number, projects and classes by number.
struct TaskForceRequest: Decodable, Sendable {
    struct Group: Decodable, Sendable {
        var name: String
        var leaderSeats: [Int64]?
        var memberSeats: [Int64]?
        var leadUnits: [String]?
        var supportUnits: [String]?
        var duty: String?
        var projectIds: [Int64]?
        var classIds: [Int64]?
    }
    var unit: String
    var name: String
    var shape: String?
    var leaderSeats: [Int64]?
    var deputySeats: [Int64]?
    var office: String?
    var duty: String?
    var groups: [Group]?
}

/// `POST /api/v1/working-groups/:id/projects`.
struct GroupProjectsRequest: Decodable, Sendable {
    var version: Int
    var add: [Int64]?
    var remove: [Int64]?
}

/// `POST /api/v1/task-forces/:id/groups`: one more group, under the task force's version.
struct GroupCreateRequest: Decodable, Sendable {
    var version: Int
    var group: TaskForceRequest.Group
}

/// `PATCH /api/v1/task-forces/:id`: what is given changes; seats given replace the seats.
struct TaskForceUpdateRequest: Decodable, Sendable {
    var version: Int
    var name: String?
    var shape: String?
    var office: String?
    var duty: String?
    var leaderSeats: [Int64]?
    var deputySeats: [Int64]?
}

/// `PATCH /api/v1/working-groups/:id`: what is given changes; the projects named change by `…/projects`.
struct GroupUpdateRequest: Decodable, Sendable {
    var version: Int
    var name: String?
    var leaderSeats: [Int64]?
    var memberSeats: [Int64]?
    var leadUnits: [String]?
    var supportUnits: [String]?
    var duty: String?
    var classIds: [Int64]?
}

/// `POST /api/v1/working-groups/:id/remove`: the task force's version.
struct GroupRemoveRequest: Decodable, Sendable {
    var version: Int
}
