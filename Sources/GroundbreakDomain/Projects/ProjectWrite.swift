import Foundation

/// One project change a bulk operation (an import) will make, validated and ready to write.
public enum ProjectWrite: Sendable, Equatable {
    case create(ProjectFields, stage: Stage, row: Int)
    /// `version` is the one the preview read: a project changed since fails the whole batch.
    case update(projectId: Int64, version: Int, ProjectFields, row: Int)
}
