import Foundation
import GroundbreakDomain
import Testing

/// `ProjectSignals.isSame(as:)` and `Project.isSame(as:)` compare field by field where the other
/// value is held; they must say what `==` says, for a change in any one field and for values whose
/// fields sit behind different references.
@Suite("Signals compared where they are held")
struct ProjectSignalsSameTests {
    static let base: ProjectSignals = {
        let fields = ProjectFields(name: "比较项目", regionCode: "220104", categoryCode: "IND-MFG", investmentType: .enterprise, totalInvestment: .yi(3))
        var signals = ProjectSignals(project: Project(id: 7, fields: fields, stage: .construction, stageNote: "原因",
                                                      createdAt: Date(timeIntervalSince1970: 100), updatedAt: Date(timeIntervalSince1970: 200), version: 3))
        (signals.behindPoints, signals.startSlipDays, signals.completionSlipDays, signals.approvalsOverdue) = (12.5, 4, nil, 2)
        (signals.overdueProblemLevels, signals.daysNotAdmitted, signals.reportMissing) = ([.unit, .region], 30, true)
        return signals
    }()

    static let variants: [(String, @Sendable (inout ProjectSignals) -> Void)] = [
        ("nothing", { _ in }),
        ("fields behind another reference, equal", { $0.project.fields.name = "比较项目" }),
        ("a field", { $0.project.fields.name = "另一个名称" }),
        ("id", { $0.project.id = 8 }), ("stage", { $0.project.stage = .operation }), ("suspendedFrom", { $0.project.suspendedFrom = .construction }),
        ("stageNote", { $0.project.stageNote = nil }), ("createdAt", { $0.project.createdAt = Date(timeIntervalSince1970: 101) }),
        ("updatedAt", { $0.project.updatedAt = Date(timeIntervalSince1970: 201) }), ("version", { $0.project.version = 4 }),
        ("behindPoints", { $0.behindPoints = nil }), ("startSlipDays", { $0.startSlipDays = 5 }), ("completionSlipDays", { $0.completionSlipDays = 1 }),
        ("approvalsOverdue", { $0.approvalsOverdue = 0 }), ("overdueProblemLevels", { $0.overdueProblemLevels = [.unit] }),
        ("daysNotAdmitted", { $0.daysNotAdmitted = nil }), ("reportMissing", { $0.reportMissing = false }),
    ]

    @Test("isSame says what == says, field by field, both ways")
    func agreesWithEquality() {
        for (name, change) in Self.variants {
            var other = Self.base
            change(&other)
            let pair = [Self.base, other]
            pair.withUnsafeBufferPointer { held in
                #expect(Self.base.isSame(as: held.baseAddress! + 1) == (Self.base == other), "\(name)")
                #expect(other.isSame(as: held.baseAddress!) == (Self.base == other), "\(name), the other way")
            }
            [other.project].withUnsafeBufferPointer { held in
                #expect(Self.base.project.isSame(as: held.baseAddress!) == (Self.base.project == other.project), "\(name): the project")
            }
        }
        #expect(Self.variants.filter { name, change in var other = Self.base; change(&other); return other == Self.base }.count == 2,
                "only the unchanged and the equal fields behind another reference are equal")
    }
}
