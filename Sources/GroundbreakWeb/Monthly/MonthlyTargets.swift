import GroundbreakDomain
import GroundbreakStore

extension ObjectTarget {
    /// A monthly report, decided on its project.
    static let report = ObjectTarget("report") { input, action in
        guard let report = try await input.services.reports.report(id: try input.id()),
              let project = try await input.services.projects.project(id: report.projectId) else { throw AppError.notFound }
        input.loaded[MonthlyReport.self] = report
        input.loaded[Project.self] = project
        return Policy.decide(action, on: project, for: input.principal, catalog: input.catalog)
    }
}

extension EndpointRequest {
    var report: MonthlyReport? { loaded[MonthlyReport.self] }
}
