import Foundation
import GroundbreakDomain
import GroundbreakStore

/// A meeting as one caller may read it: agenda lines that point at a problem, a supervised item
/// or a project the caller may not read keep their number, and their text (the note copied from
/// the problem or the item) is replaced by a fixed wording. Page and API both read through here,
/// with the same policy decisions as the problem's, the item's and the project's own pages.
struct MeetingReading {
    var meeting: Meeting
    var problems: [Int64: Problem]
    var items: [Int64: SupervisedItem]
    var projects: [Int64: Project]

    static func load(_ input: EndpointRequest, _ meeting: Meeting) async throws -> MeetingReading {
        let principal = input.principal
        let catalog = input.catalog
        let visible = input.scope(.viewProjects)
        var projects: [Int64: Project] = [:]
        for id in Set(meeting.agenda.compactMap(\.projectId)) {
            if let project = try await input.services.projects.project(id: id), visible.contains(project) { projects[id] = project }
        }
        var problems: [Int64: Problem] = [:]
        for id in Set(meeting.agenda.compactMap(\.problemId)) {
            guard let problem = try await input.services.problems.problem(id: id) else { continue }
            var project: Project?
            if let projectId = problem.projectId { project = try await input.services.projects.project(id: projectId) }
            if Policy.decideProblem(.viewProblems, problem, project: project, for: principal, catalog: catalog) == .allow { problems[id] = problem }
        }
        var items: [Int64: SupervisedItem] = [:]
        for id in Set(meeting.agenda.compactMap(\.supervisedItemId) + meeting.decisions.compactMap(\.supervisedItemId)) {
            guard let item = try await input.services.supervision.item(id: id) else { continue }
            if Policy.decideSupervision(.viewSupervision, item, for: principal, catalog: catalog) == .allow { items[id] = item }
        }
        var readable = meeting
        readable.agenda = meeting.agenda.map { line in
            var line = line
            if let id = line.problemId, problems[id] == nil { line.note = WebText.Meetings.unreadableProblem }
            if let id = line.supervisedItemId, items[id] == nil { line.note = WebText.Meetings.unreadableItem }
            if let id = line.projectId, projects[id] == nil { line.note = WebText.Meetings.unreadableProject }
            return line
        }
        return MeetingReading(meeting: readable, problems: problems, items: items, projects: projects)
    }
}
