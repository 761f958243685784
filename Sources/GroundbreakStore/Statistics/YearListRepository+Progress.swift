import Foundation
import GroundbreakDomain
import SQLKit

extension YearListRepository {
    /// The progress table's lines for a unit's listed projects at or above the threshold, through
    /// `month`: the year's plan (the annual plan, else the list's figure), the month's and the
    /// year's dispatch figures as the closed months froze them, the latest progress text, and the
    /// open problems among `openProblems` (those the reader may read).
    public func progressLines(_ query: StatisticsQuery, through month: Month, openProblems: [Problem], catalog: ReferenceCatalog) async throws -> [ProgressTable.Line] {
        let listed = try await listed(regionCodes: catalog.regionSubtree(query.regionCode), ownRegion: query.regionCode, year: month.year, schemeId: query.schemeId)
            .filter { $0.total >= query.threshold }
        let ids = Set(listed.map(\.projectId))
        let plans = Dictionary(try await AnnualPlanRepository(database: database).plans(year: month.year).filter { ids.contains($0.projectId) }
            .map { ($0.projectId, $0.plannedInvestment) }, uniquingKeysWith: { first, _ in first })
        let raw = try await MonthlyReportRepository(database: database).reports(from: Month(year: month.year, month: 1)!, through: month)
            .filter { ids.contains($0.projectId) }
        let reports = Dictionary(grouping: try await TargetRepository(database: database).asReported(raw), by: \.projectId)
        let problems = Dictionary(grouping: openProblems.filter { $0.status.isOpen && ($0.projectId.map(ids.contains) ?? false) }, by: { $0.projectId ?? 0 })
        return listed.map { project in
            let own = (reports[project.projectId] ?? []).sorted { $0.month < $1.month }
            return ProgressTable.Line(
                projectId: project.projectId, name: project.name, regionCode: project.regionCode, className: project.className, total: project.total,
                plan: plans[project.projectId] ?? project.plannedInvestment, month: own.first { $0.month == month }?.figures.dispatch,
                cumulative: ReportTotals(own, through: month).yearDispatch,
                progressText: own.last { !$0.figures.progressText.isEmpty }?.figures.progressText ?? "",
                problems: (problems[project.projectId] ?? []).map(\.description))
        }
    }
}
