import Foundation
import GroundbreakDomain

/// Approval histories for the demo projects that have reached 前期审批 or beyond, so the queue,
/// the clocks and the analytics have something believable to show.
///
/// Each project walks the reform stages in order (parallel items alongside the first), every
/// event passing through `ApprovalRules` as a real one would: most items finish inside their
/// limit, some run close, a few run late, some are paused for expert review or accepted with
/// missing materials. Projects already building got their construction permit before their
/// actual start; projects still in approval stop at `today`.
struct DemoApprovals {
    struct Plan: Sendable {
        var projectId: Int64
        var type: ApprovalProjectType
        var targetStart: Day?
    }

    struct Record: Sendable {
        var approval: ProjectApproval
        var events: [(event: ApprovalEvent, on: Day)]
    }

    var plans: [Plan] = []
    var records: [Record] = []

    static let pauseReasons = ["组织专家评审", "申请人补正材料", "依法举行听证", "现场踏勘", "征求相关部门意见"]
    static let missingMaterials = ["消防设计专篇", "水土保持方案批复", "节能报告修改稿", "不动产权证书", "建设工程规划许可附图"]

    static func generate(projects: [DemoDataset.ProjectSpec], items: [ApprovalItem], calendar: WorkingCalendar, catalog: ReferenceCatalog,
                         today: Day, firstApprovalId: Int64, seed: UInt64) -> DemoApprovals {
        let issuers = Dictionary(items.map { ($0.departmentCode, catalog.department($0.departmentCode)?.shortName ?? "长春市") },
                                 uniquingKeysWith: { first, _ in first })
        var random = SeededGenerator(seed: seed ^ 0x5A5A_0F0F_1234_5678)
        var result = DemoApprovals()
        var nextId = firstApprovalId
        for spec in projects where [.approval, .construction, .operation].contains(spec.stage) {
            let type = approvalType(spec.fields, random: &random)
            let needed = items.filter { $0.appliesTo.contains(type) && $0.validity.isValid(on: today) }
            guard !needed.isEmpty else { continue }
            result.plans.append(Plan(projectId: spec.id, type: type, targetStart: spec.stage == .approval ? spec.fields.plannedStart : nil))
            var walk = Walk(calendar: calendar, today: today, random: random, issuers: issuers)
            let start: Day
            if let actualStart = spec.fields.actualStart {
                start = calendar.addingWorkingDays(-(110 + Int.random(in: 0...30, using: &walk.random)), to: actualStart).day
            } else {
                start = calendar.addingWorkingDays(-Int.random(in: 5...80, using: &walk.random), to: today).day
            }
            var approvals = needed.map { item in
                defer { nextId += 1 }
                return (item: item, record: Record(approval: ProjectApproval(id: nextId, projectId: spec.id, itemCode: item.code), events: []))
            }
            // A stage still open at `today` holds back the stages after it.
            var stageStart: Day? = start
            for stage in [1, 2, 3] {
                // The construction permit follows the other stage-3 reviews; parallel items start with stage 1.
                let groups: [[Int]] = stage == 3
                    ? [approvals.indices.filter { approvals[$0].item.stage == 3 && approvals[$0].item.code != "CONSTRUCTION-PERMIT" },
                       approvals.indices.filter { approvals[$0].item.code == "CONSTRUCTION-PERMIT" }]
                    : [approvals.indices.filter { approvals[$0].item.stage == stage || (stage == 1 && approvals[$0].item.stage == 0) }]
                for group in groups where !group.isEmpty {
                    guard let from = stageStart else { break }
                    var finished: Day? = from
                    for index in group {
                        let done = walk.run(&approvals[index].record, item: approvals[index].item, from: from)
                        if approvals[index].item.stage != 0 { finished = done.flatMap { day in finished.map { max($0, day) } } }
                    }
                    stageStart = finished.map { calendar.addingWorkingDays(Int.random(in: 1...3, using: &walk.random), to: $0).day }
                }
            }
            if spec.stage == .operation, let completion = spec.fields.actualCompletion {
                for index in approvals.indices where approvals[index].item.stage == 4 {
                    _ = walk.run(&approvals[index].record, item: approvals[index].item, from: completion)
                }
            }
            random = walk.random
            result.records += approvals.map(\.record)
        }
        return result
    }

    static func approvalType(_ fields: ProjectFields, random: inout SeededGenerator) -> ApprovalProjectType {
        if fields.investmentType == .government { return .government }
        if fields.totalInvestment.yuan < 50_000_000 { return .smallLowRisk }
        return random.chance(0.15) ? .enterpriseApproval : .enterpriseFiling
    }

    /// One project's events, in date order, stopping at `today`.
    struct Walk {
        let calendar: WorkingCalendar
        let today: Day
        var random: SeededGenerator
        /// Department short names, for document numbers.
        let issuers: [String: String]

        /// Runs one item from `start`; returns the day it was decided, or nil while it is still open.
        mutating func run(_ record: inout Record, item: ApprovalItem, from start: Day) -> Day? {
            let applied = calendar.addingWorkingDays(Int.random(in: 0...2, using: &random), to: start).day
            guard apply(&record, .apply(on: applied), on: applied) else { return nil }
            if item.unit == .immediate {
                let done = apply(&record, .accept(on: applied), on: applied)
                    && apply(&record, .approve(on: applied, documentNumber: documentNumber(item, applied)), on: applied)
                return done ? applied : nil
            }
            let accepted = calendar.addingWorkingDays(Int.random(in: 0...1, using: &random), to: applied).day
            let deficient = random.chance(0.1)
            let acceptance: ApprovalEvent = deficient
                ? .acceptWithDeficiency(on: accepted, supplementDue: calendar.addingWorkingDays(5, to: accepted).day,
                                        missing: random.pick(DemoApprovals.missingMaterials))
                : .accept(on: accepted)
            guard apply(&record, acceptance, on: accepted) else { return nil }
            var latest = accepted
            if deficient {
                latest = calendar.addingWorkingDays(Int.random(in: 1...6, using: &random), to: accepted).day
                guard apply(&record, .supplementReceived(on: latest), on: latest) else { return nil }
            }
            let share = random.weighted([(Double.random(in: 0.15..<0.5, using: &random), 65), (Double.random(in: 0.5..<0.85, using: &random), 27),
                                         (Double.random(in: 1.05..<1.8, using: &random), 8)])
            let limit = max(1, Int((Double(item.limit) * share).rounded()))
            var decided = max(calendar.adding(limit, item.unit, to: accepted).day, calendar.addingWorkingDays(1, to: latest).day)
            if random.chance(0.12) {
                let from = calendar.addingWorkingDays(max(1, limit / 3), to: latest).day
                let length = Int.random(in: 3...10, using: &random)
                let resumed = calendar.addingWorkingDays(length, to: from).day
                guard apply(&record, .pause(from: from, reason: random.pick(DemoApprovals.pauseReasons)), on: from) else { return nil }
                guard apply(&record, .resume(on: resumed), on: resumed) else { return nil }
                decided = calendar.addingWorkingDays(length, to: decided).day
            }
            return apply(&record, .approve(on: decided, documentNumber: documentNumber(item, decided)), on: decided) ? decided : nil
        }

        /// Applies `event` if its day has come and the rules accept it.
        mutating func apply(_ record: inout Record, _ event: ApprovalEvent, on day: Day) -> Bool {
            guard day <= today, case .success(let next) = ApprovalRules.apply(event, to: record.approval, today: today) else { return false }
            record.approval = next
            record.approval.version += 1
            record.events.append((event, day))
            return true
        }

        mutating func documentNumber(_ item: ApprovalItem, _ day: Day) -> String {
            "\(issuers[item.departmentCode] ?? "长春市")〔\(day.year)〕\(Int.random(in: 1...999, using: &random))号"
        }
    }
}
