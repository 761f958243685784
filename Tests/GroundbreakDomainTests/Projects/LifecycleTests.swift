import GroundbreakDomain
import Testing

@Suite("Lifecycle")
struct LifecycleTests {
    /// The whole transition table, written out so a change to the rules is a visible change here.
    static let allowed: [Stage: Set<Stage>] = [
        .reserve: [.attraction, .approval, .suspended, .cancelled],
        .attraction: [.reserve, .approval, .suspended, .cancelled],
        .approval: [.construction, .suspended, .cancelled],
        .construction: [.operation, .suspended, .cancelled],
        .operation: [],
        .cancelled: [],
    ]

    @Test("only the listed moves are allowed", arguments: Stage.allCases.filter { $0 != .suspended })
    func table(from: Stage) {
        // A project that meets every requirement, so only the table decides.
        let current = project(stage: from) {
            $0.ownerName = "某公司"
            if from >= .construction { $0.actualStart = Day(year: 2026, month: 5, day: 1) }
        }
        for target in Stage.allCases {
            let request = TransitionRequest(target: target, note: "原因", actualStart: Day(year: 2026, month: 5, day: 1),
                                            actualCompletion: Day(year: 2026, month: 10, day: 1))
            let expected = Self.allowed[from]!.contains(target)
            switch Lifecycle.apply(request, to: current, today: today) {
            case .success(let outcome):
                #expect(expected, "\(from) → \(target) should be refused")
                #expect(outcome.stage == target)
            case .failure(let failure):
                #expect(!expected, "\(from) → \(target) should be allowed: \(failure.errors.map(\.message))")
                #expect(failure.errors.map(\.field) == ["target"])
                #expect(failure.errors[0].message.contains("不能转入"))
            }
        }
        #expect(Set(Lifecycle.targets(from: from, suspendedFrom: nil)) == Self.allowed[from]!)
    }

    @Test("each target asks for what it needs")
    func requirements() {
        let approval = project(stage: .approval) { $0.ownerName = "某公司" }
        func errors(_ request: TransitionRequest, _ project: Project) -> [String] {
            if case .failure(let failure) = Lifecycle.apply(request, to: project, today: today) { return failure.errors.map(\.field) }
            return []
        }
        #expect(errors(TransitionRequest(target: .construction), approval) == ["actualStart"])
        #expect(errors(TransitionRequest(target: .construction, actualStart: Day(year: 2026, month: 12, day: 1)), approval) == ["actualStart"])
        #expect(errors(TransitionRequest(target: .suspended, note: "  "), approval) == ["note"])
        #expect(errors(TransitionRequest(target: .cancelled), approval) == ["note"])
        #expect(errors(TransitionRequest(target: .approval), project(stage: .attraction)) == ["ownerName"])
        let building = project(stage: .construction) { $0.ownerName = "某公司"; $0.actualStart = Day(year: 2026, month: 5, day: 1) }
        #expect(errors(TransitionRequest(target: .operation), building) == ["actualCompletion"])
        #expect(errors(TransitionRequest(target: .operation, actualCompletion: Day(year: 2026, month: 4, day: 1)), building) == ["actualCompletion"])
        let done = try? Lifecycle.apply(TransitionRequest(target: .operation, actualCompletion: Day(year: 2026, month: 11, day: 1)), to: building, today: today).get()
        #expect(done?.stage == .operation)
        #expect(done?.actualCompletion == Day(year: 2026, month: 11, day: 1))
    }

    @Test("a suspension remembers where it came from and returns only there")
    func suspension() throws {
        let building = project(stage: .construction) { $0.ownerName = "某公司"; $0.actualStart = Day(year: 2026, month: 5, day: 1) }
        let suspended = try Lifecycle.apply(TransitionRequest(target: .suspended, note: "冬季停工"), to: building, today: today).get()
        #expect(suspended.suspendedFrom == .construction)
        #expect(suspended.stageNote == "冬季停工")
        var paused = building
        paused.stage = .suspended
        paused.suspendedFrom = .construction
        #expect(Lifecycle.targets(from: .suspended, suspendedFrom: .construction) == [.construction, .cancelled])
        #expect(paused.effectiveStage == .construction)
        let resumed = try Lifecycle.apply(TransitionRequest(target: .construction), to: paused, today: today).get()
        #expect(resumed.stage == .construction && resumed.suspendedFrom == nil && resumed.stageNote == nil)
        #expect((try? Lifecycle.apply(TransitionRequest(target: .operation, actualCompletion: today), to: paused, today: today).get()) == nil)
    }

    @Test("a new project may start anywhere on the main path, with what that stage needs")
    func initial() {
        let fields = project().fields
        #expect(Lifecycle.checkInitial(stage: .reserve, fields: fields).isEmpty)
        #expect(Lifecycle.checkInitial(stage: .suspended, fields: fields).map(\.field) == ["stage"])
        #expect(Lifecycle.checkInitial(stage: .construction, fields: fields).map(\.field) == ["ownerName", "actualStart"])
        #expect(Lifecycle.checkInitial(stage: .operation, fields: fields).map(\.field) == ["ownerName", "actualStart", "actualCompletion"])
    }

    @Test("new start or continuing in a year")
    func nature() {
        let may = Day(year: 2026, month: 5, day: 1)
        #expect(ConstructionNature.of(actualStart: may, plannedStart: nil, actualCompletion: nil, year: 2026) == .newStart)
        #expect(ConstructionNature.of(actualStart: may, plannedStart: nil, actualCompletion: nil, year: 2027) == .continuing)
        #expect(ConstructionNature.of(actualStart: may, plannedStart: nil, actualCompletion: Day(year: 2026, month: 12, day: 1), year: 2027) == nil)
        #expect(ConstructionNature.of(actualStart: may, plannedStart: nil, actualCompletion: nil, year: 2025) == nil)
        #expect(ConstructionNature.of(actualStart: nil, plannedStart: Day(year: 2027, month: 4, day: 1), actualCompletion: nil, year: 2027) == .newStart)
        #expect(ConstructionNature.of(actualStart: nil, plannedStart: nil, actualCompletion: nil, year: 2027) == nil)
    }
}
