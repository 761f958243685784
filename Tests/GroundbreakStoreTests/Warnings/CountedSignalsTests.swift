import Foundation
import GroundbreakDomain
@testable import GroundbreakStore
import Testing

/// The signals a lighting reads are each project's own with the counted few laid over them: in
/// the own signals' order, each counted one in its place, the own list itself never changed.
@Suite("Warnings: signals counted over the kept ones")
struct CountedSignalsTests {
    static func signals(_ id: Int64, overdue: Int = 0) -> ProjectSignals {
        let fields = ProjectFields(name: "项目\(id)", regionCode: "220104", categoryCode: "IND-MFG", investmentType: .enterprise,
                                   totalInvestment: .yi(1))
        var signals = ProjectSignals(project: Project(id: id, fields: fields, stage: .construction, createdAt: Date(timeIntervalSince1970: 0),
                                                      updatedAt: Date(timeIntervalSince1970: 0), version: 1))
        signals.approvalsOverdue = overdue
        return signals
    }

    @Test("each counted in its place, first and last included, the rest as kept")
    func laidOver() {
        let own = (1...6).map { Self.signals(Int64($0)) }
        let counted = CountedSignals(own: own, counted: [(0, Self.signals(1, overdue: 2)), (3, Self.signals(4, overdue: 1)), (5, Self.signals(6, overdue: 7))])
        var read: [ProjectSignals] = []
        counted.forEachHeld { read.append($0.pointee) }
        #expect(read.map(\.approvalsOverdue) == [2, 0, 0, 1, 0, 7])
        #expect(read == counted.all && read.map(\.id) == own.map(\.id) && counted.count == 6)
        #expect(own.allSatisfy { $0.approvalsOverdue == 0 }, "the kept signals are not changed")
        var plain: [ProjectSignals] = []
        CountedSignals(own).forEachHeld { plain.append($0.pointee) }
        #expect(plain == own)
        // Compared where they are held: the same signals, and one count apart.
        own.withUnsafeBufferPointer { held in
            #expect(own[2].isSame(as: held.baseAddress! + 2) && !Self.signals(3, overdue: 1).isSame(as: held.baseAddress! + 2))
        }
    }
}
