import Foundation
import GroundbreakDomain

/// A unit's front-of-the-chain readings counted from each project's part (`GroundworkPart`), kept
/// between computations and moved forward by the projects a write names (`ProjectPartsKeeper`):
/// after each change a province's targets page read every reserve entry, copied their projects and
/// tested a hundred thousand for a start, for every reader it was asked by.
public struct GroundworkPartsRepository: Sendable {
    public let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// The parts hold no day: the readings of any day are counted from the same ones.
    struct PartsKey: Equatable, Sendable {}

    /// The parts of every project `unit` holds (the caller's scope covers the unit), in id order.
    public func parts(unit: TargetUnit, catalog: ReferenceCatalog) async throws -> [GroundworkPart] {
        let member = unit.keyMembership(catalog)
        return try await parts().filter { member($0.keys) }
    }

    /// Every project's part, in id order.
    func parts() async throws -> [GroundworkPart] {
        try await database.groundworkParts.parts(PartsKey(), database) { [database] ids in
            let repository = ProjectRepository(database: database)
            let projects = if let ids { try await repository.projects(ids: ids).values.sorted { $0.id < $1.id } } else {
                try await repository.projects(inStages: Stage.allCases, scope: .everything)
            }
            let entries = try await ReserveRepository(database: database).entries(of: ids)
            return projects.compactMap { GroundworkPart($0, entry: entries[$0.id]) }
        }
    }
}
