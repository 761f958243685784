import Foundation

/// Where a project stands in its life (GLOSSARY: Project and lifecycle).
public enum Stage: String, Sendable, Codable, CaseIterable, Comparable {
    case reserve
    case attraction
    case approval
    case construction
    case operation
    case suspended
    case cancelled

    /// The main path, in order; `suspended` and `cancelled` are off it.
    public static let mainPath: [Stage] = [.reserve, .attraction, .approval, .construction, .operation]

    public var isOnMainPath: Bool { Stage.mainPath.contains(self) }

    /// Position on the main path; off-path stages sort after it.
    public var order: Int {
        Stage.mainPath.firstIndex(of: self) ?? (self == .suspended ? 5 : 6)
    }

    public static func < (lhs: Stage, rhs: Stage) -> Bool {
        lhs.order < rhs.order
    }

    public var label: String { DomainText.stage(self).zh }
}

public enum InvestmentType: String, Sendable, Codable, CaseIterable {
    case government
    case enterprise
    case foreign
    case mixed
    /// Not yet known: a ledger imported without the column (待补充), to be supplied.
    case pending

    public var label: String { DomainText.investmentType(self).zh }
}

/// Which lists a project is on: key-project lists and reserve libraries.
public enum ProjectLevel: String, Sendable, Codable, CaseIterable, Comparable {
    case provinceKey
    case cityKey
    case districtKey
    case reserveCity
    case reserveDistrict

    public static func < (lhs: ProjectLevel, rhs: ProjectLevel) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    public var label: String { DomainText.projectLevel(self).zh }
}

/// 新建 / 续建 for a given year, derived from the start dates.
public enum ConstructionNature: String, Sendable, Codable, CaseIterable {
    case newStart
    case continuing

    public var label: String { DomainText.constructionNature(self).zh }

    /// A project is a new start in the year its actual start falls in (or, before it starts, the
    /// year it plans to start); it continues in every later year until completed.
    public static func of(actualStart: Day?, plannedStart: Day?, actualCompletion: Day?, year: Int) -> ConstructionNature? {
        if let actualStart {
            if actualStart.year == year { return .newStart }
            if actualStart.year < year {
                if let actualCompletion, actualCompletion.year < year { return nil }
                return .continuing
            }
            return nil
        }
        if let plannedStart, plannedStart.year == year { return .newStart }
        return nil
    }
}

/// What a project was doing in a year, as the statistics office counts it (cn-reference §5.4):
/// 新开工 started that year; 续建 started before and not finished before it; 开复工 either of
/// those (northern usage: new starts and continuing works resumed in spring); 竣工 finished that
/// year. A cancelled project is none of them; one not yet started is none of them either, whatever
/// its plan says. The ledger's SQL filter (`ProjectRepository.filterClause`) says the same.
public enum YearActivity: String, Sendable, Codable, CaseIterable {
    case newStart, continuing, underWay, completed

    public var label: String { StatisticsText.activity(self) }

    public func holds(for project: Project, in year: Int) -> Bool {
        guard project.stage != .cancelled, let started = project.fields.actualStart else { return false }
        let finished = project.fields.actualCompletion
        switch self {
        case .newStart: return started.year == year
        case .continuing: return started.year < year && (finished.map { $0.year >= year } ?? true)
        case .underWay: return started.year <= year && (finished.map { $0.year >= year } ?? true)
        case .completed: return finished?.year == year
        }
    }
}
