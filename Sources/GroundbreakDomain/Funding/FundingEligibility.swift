import Foundation

/// A channel's checklist read for an application: each line computed for every project where the
/// catalogue says how (approvals, maturity, the negative list) and the applicant's answer on top,
/// which decides when given (it carries the evidence an approval outside the system has).
public struct FundingEligibility: Sendable, Equatable {
    public struct ProjectReading: Sendable, Equatable {
        public var projectId: Int64
        public var maturity: Int
        /// The negative-list entries the project's class falls under.
        public var excluded: [String]
    }

    public struct Line: Sendable, Equatable {
        public var item: FundingCatalog.ChecklistItem
        /// Met for every project by the data; nil when the line is the applicant's to answer.
        public var computed: Bool?
        /// The projects the data says fall short (ids).
        public var shortProjects: [Int64]
        public var answer: ChecklistAnswer?

        public var met: Bool { answer?.met ?? computed ?? false }
    }

    public var projects: [ProjectReading]
    public var lines: [Line]

    public var metCount: Int { lines.filter(\.met).count }
    public var isEligible: Bool { lines.allSatisfy(\.met) }
    /// The lowest maturity among the projects: the application is as ready as its least ready project.
    public var maturity: Int? { projects.map(\.maturity).min() }

    /// Reads `channel`'s checklist for projects known by `facts` (id → facts and class).
    public init(channel: FundingCatalog.Channel, catalog: FundingCatalog, projects: [(id: Int64, facts: FundingMaturity.Facts, category: String, division: String?)],
                answers: [ChecklistAnswer]) {
        let readings = projects.map { project in
            ProjectReading(projectId: project.id, maturity: FundingMaturity.level(project.facts, ladder: catalog.maturity),
                           excluded: Self.excluded(category: project.category, division: project.division, by: channel.negativeList))
        }
        self.projects = readings
        self.lines = channel.checklist.map { item in
            var short: [Int64]?
            if let groups = item.approvals {
                short = projects.filter { project in !groups.allSatisfy { FundingMaturity.groupDone($0, project.facts) } }.map(\.id)
            } else if let level = item.maturity, let needed = catalog.maturityIndex(level) {
                short = readings.filter { $0.maturity < needed }.map(\.projectId)
            } else if item.negativeList == true {
                short = readings.filter { !$0.excluded.isEmpty }.map(\.projectId)
            }
            return Line(item: item, computed: short.map { $0.isEmpty && !projects.isEmpty }, shortProjects: short ?? [],
                        answer: answers.first { $0.itemCode == item.code })
        }
    }

    /// The negative-list entries a class or division falls under: a class matches its own code and
    /// the codes under it (`IND` covers `IND-MFG`); an `except` class clears the entry.
    public static func excluded(category: String, division: String?, by list: [FundingCatalog.Excluded]) -> [String] {
        func under(_ code: String, _ parent: String) -> Bool { code == parent || code.hasPrefix(parent + "-") }
        return list.filter { entry in
            if entry.except.contains(where: { under(category, $0) }) { return false }
            return entry.categories.contains { under(category, $0) } || division.map(entry.divisions.contains) == true
        }.map(\.name)
    }
}
