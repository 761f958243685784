import Foundation

/// A request to move a project to another stage.
public struct TransitionRequest: Sendable, Equatable {
    public var target: Stage
    public var note: String
    /// 实际开工日期 (破土开槽/打桩) when entering construction.
    public var actualStart: Day?
    /// 竣工日期 when entering operation.
    public var actualCompletion: Day?

    public init(target: Stage, note: String = "", actualStart: Day? = nil, actualCompletion: Day? = nil) {
        self.target = target
        self.note = note
        self.actualStart = actualStart
        self.actualCompletion = actualCompletion
    }
}

/// What the project looks like after an allowed transition.
public struct TransitionOutcome: Sendable, Equatable {
    public var stage: Stage
    public var suspendedFrom: Stage?
    public var stageNote: String?
    public var actualStart: Day?
    public var actualCompletion: Day?
}

/// The lifecycle rules: which moves are allowed and what each needs.
public enum Lifecycle {
    /// Stages reachable from `stage`. From `suspended` the only way back is to the stage it was
    /// suspended from.
    public static func targets(from stage: Stage, suspendedFrom: Stage?) -> [Stage] {
        switch stage {
        case .reserve: [.attraction, .approval, .suspended, .cancelled]
        case .attraction: [.reserve, .approval, .suspended, .cancelled]
        case .approval: [.construction, .suspended, .cancelled]
        case .construction: [.operation, .suspended, .cancelled]
        case .operation: []
        case .suspended: (suspendedFrom.map { [$0] } ?? []) + [.cancelled]
        case .cancelled: []
        }
    }

    /// Checks `request` against the project's current state; returns the new state or every reason
    /// it is refused.
    public static func apply(
        _ request: TransitionRequest,
        to project: Project,
        today: Day
    ) -> Result<TransitionOutcome, ValidationFailure> {
        var errors: [FieldError] = []
        let note = TextNormalizer.collapsedLine(request.note)
        let allowed = targets(from: project.stage, suspendedFrom: project.suspendedFrom)
        guard allowed.contains(request.target) else {
            return .failure(ValidationFailure([
                FieldError("target", .transitionNotAllowed(from: project.stage, to: request.target))
            ]))
        }
        var outcome = TransitionOutcome(
            stage: request.target,
            suspendedFrom: nil,
            stageNote: nil,
            actualStart: project.fields.actualStart,
            actualCompletion: project.fields.actualCompletion
        )
        switch request.target {
        case .suspended, .cancelled:
            if note.isEmpty { errors.append(FieldError("note", .reasonRequired(request.target))) }
            outcome.stageNote = note
            if request.target == .suspended { outcome.suspendedFrom = project.stage }
        case .construction:
            let start = request.actualStart ?? project.fields.actualStart
            if let start {
                if start > today { errors.append(FieldError("actualStart", .dateInFuture)) }
                outcome.actualStart = start
            } else if project.stage != .suspended {
                errors.append(FieldError("actualStart", .actualStartRequired))
            }
        case .operation:
            let completion = request.actualCompletion ?? project.fields.actualCompletion
            if let completion {
                if completion > today { errors.append(FieldError("actualCompletion", .dateInFuture)) }
                if let start = outcome.actualStart, completion < start {
                    errors.append(FieldError("actualCompletion", .completionBeforeStart))
                }
                outcome.actualCompletion = completion
            } else if project.stage != .suspended {
                errors.append(FieldError("actualCompletion", .actualCompletionRequired))
            }
        case .approval:
            if project.fields.ownerName.isEmpty && project.stage != .suspended {
                errors.append(FieldError("ownerName", .ownerRequiredForApproval))
            }
        case .reserve, .attraction:
            break
        }
        return errors.isEmpty ? .success(outcome) : .failure(ValidationFailure(errors))
    }
}

/// One recorded move of a project between stages.
public struct StageTransitionRecord: Sendable, Codable, Equatable {
    public var id: Int64
    public var projectId: Int64
    public var from: Stage
    public var to: Stage
    public var note: String
    public var actor: String
    public var at: Date

    public init(id: Int64, projectId: Int64, from: Stage, to: Stage, note: String, actor: String, at: Date) {
        self.id = id
        self.projectId = projectId
        self.from = from
        self.to = to
        self.note = note
        self.actor = actor
        self.at = at
    }
}

extension Lifecycle {
    /// Stages a project may be entered in: an existing ledger brings projects already under way.
    public static let creatableStages: [Stage] = Stage.mainPath

    /// What a new project must already have to start in `stage`, mirroring the transitions.
    public static func checkInitial(stage: Stage, fields: ProjectFields) -> [FieldError] {
        var errors: [FieldError] = []
        guard creatableStages.contains(stage) else {
            return [FieldError("stage", .stageNotCreatable(stage))]
        }
        if stage >= .approval && fields.ownerName.isEmpty {
            errors.append(FieldError("ownerName", .ownerRequiredForApproval))
        }
        if stage >= .construction && fields.actualStart == nil {
            errors.append(FieldError("actualStart", .actualStartRequired))
        }
        if stage == .operation && fields.actualCompletion == nil {
            errors.append(FieldError("actualCompletion", .actualCompletionRequired))
        }
        return errors
    }
}
