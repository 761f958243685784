@testable import GroundbreakDomain
import Testing

/// The department tables moved from the last ones by the parts that differ are the tables summed
/// afresh: every department's counts, medians and ranks on both days, and no row for a department
/// no part names any more.
@Suite("Approvals: department tables moved by the parts changed")
struct ApprovalTablesTests {
    typealias Part = ApprovalAnalytics.ProjectPart

    static let departments = (1...20).map { "DEPT-\($0)" }

    static func part(_ id: Int64, departments: [String] = departments, using generator: inout some RandomNumberGenerator) -> Part {
        let standings: [Part.Standing] = [.none, .handled, .overdue]
        let items = (0..<Int.random(in: 0...6, using: &generator)).map { _ in
            Part.Item(departmentCode: departments.randomElement(using: &generator)!, workingDays: Bool.random(using: &generator) ? Int.random(in: 0...40, using: &generator) : nil,
                      withinLimit: Bool.random(using: &generator), onDay: standings.randomElement(using: &generator)!,
                      atPrevious: standings.randomElement(using: &generator)!)
        }
        let idle = Bool.random(using: &generator) ? [departments.randomElement(using: &generator)!] : []
        return Part(id: id, items: items, idleDepartments: idle, figures: nil)
    }

    @Test("parts replaced, gone and new: the moved league equals the league summed afresh, and only the parts that differ are summed")
    func movedEqualsAfresh() throws {
        var generator = SystemRandomNumberGenerator()
        for round in 0..<20 {
            var parts = (1...200).map { Self.part(Int64($0), using: &generator) }
            var tables = ApprovalAnalytics.Tables(parts)
            for _ in 0..<5 {
                var next = parts
                for _ in 0..<Int.random(in: 1...12, using: &generator) {
                    let at = Int.random(in: next.indices, using: &generator)
                    switch Int.random(in: 0..<3, using: &generator) {
                    case 0: next[at] = Self.part(next[at].id, using: &generator)
                    case 1: next.remove(at: at)
                    default: next.append(Self.part((next.last?.id ?? 0) + 1, using: &generator))
                    }
                }
                let changes = try #require(ApprovalAnalytics.Tables.changes(from: parts, to: next))
                #expect(changes.gone.allSatisfy { gone in !next.contains { $0 === gone } } && changes.come.allSatisfy { come in !parts.contains { $0 === come } })
                let moved = ApprovalAnalytics.Tables(next, movedFrom: tables)
                let afresh = ApprovalAnalytics.Tables(next)
                #expect(moved.league == afresh.league, "round \(round)")
                #expect(moved.figures.atPrevious == afresh.figures.atPrevious)
                #expect(moved.parts.map(\.id) == next.map(\.id))
                (parts, tables) = (next, moved)
            }
        }
    }

    @Test("a department whose last part is gone has no row once moved; more than a quarter changed, or parts out of order, are summed afresh")
    func departmentsGoneAndAfresh() throws {
        var generator = SystemRandomNumberGenerator()
        let kept = (1...40).map { Self.part(Int64($0), departments: ["DEPT-1"], using: &generator) }
        let lone = Part(id: 41, items: [Part.Item(departmentCode: "LONE", workingDays: 3, withinLimit: true, onDay: .handled, atPrevious: .handled)],
                        idleDepartments: [], figures: nil)
        let tables = ApprovalAnalytics.Tables(kept + [lone])
        #expect(tables.league.contains { $0.departmentCode == "LONE" })
        let moved = ApprovalAnalytics.Tables(kept, movedFrom: tables)
        #expect(!moved.league.contains { $0.departmentCode == "LONE" } && moved.league == ApprovalAnalytics.Tables(kept).league)

        let many = kept.map { Self.part($0.id, using: &generator) }
        #expect(ApprovalAnalytics.Tables.changes(from: kept, to: Array(many.prefix(11)) + Array(kept.dropFirst(11))) == nil, "11 of 40 changed")
        #expect(ApprovalAnalytics.Tables.changes(from: kept, to: Array(many.prefix(10)) + Array(kept.dropFirst(10))) != nil, "10 of 40 changed")
        #expect(ApprovalAnalytics.Tables.changes(from: kept, to: kept.reversed()) == nil)
    }
}
