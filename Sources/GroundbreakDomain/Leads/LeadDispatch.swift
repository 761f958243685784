import Foundation

/// The task force office's dispatch of its industry groups (seed 003: "每双周调度各产业小组招商推进
/// 情况"; 考核 on "产业项目签约率、注册率"): for a period (two weeks by default, from the catalogue's
/// progress clock), each group's leads — those of the classes it follows — with what moved in the
/// period, what was signed and registered, and the leads nobody reported on within the clock.
public struct LeadDispatch: Sendable, Equatable {
    public struct Line: Sendable, Equatable {
        public var lead: Lead
        public var daysAtStage: Int
        /// No progress reported within the clock (the lead's progress clock is past due).
        public var stale: Bool
        /// Moved forward in the period.
        public var advanced: Bool
    }

    public struct Group: Sendable, Equatable {
        public var id: Int64
        public var name: String
        public var leaderSeats: [Int64]
        /// Every lead of the group's classes (the rates' denominators), active or not.
        public var total: Int
        public var active: Int
        public var advanced: Int
        public var signedInPeriod: Int
        public var signedAmountInPeriod: Money
        public var registeredInPeriod: Int
        public var stale: Int
        /// 签约率 (signed / all) and 注册率 (registered / signed) of the group's leads, as the funnel counts them.
        public var signingRate: LeadFunnel.Rate?
        public var registrationRate: LeadFunnel.Rate?
        /// Active leads, the stale first, then the longest at their stage.
        public var lines: [Line]
    }

    public var from: Day
    public var through: Day
    public var groups: [Group]

    /// `leads` are those the reader sees; a lead counts in every group that follows its class.
    /// `moves` are the leads' moves forward (day, stage moved into), oldest first.
    public init(groups: [WorkingGroup], leads: [Lead], moves: [Int64: [(on: Day, stage: String)]], catalog: LeadCatalog, through: Day, days: Int? = nil) {
        let length = max(1, days ?? catalog.clocks.progressEveryDays)
        from = through.adding(days: -(length - 1))
        self.through = through
        let period = from...through
        let registration = catalog.registrationStage
        self.groups = groups.filter { !$0.classIds.isEmpty }.map { group in
            let classes = Set(group.classIds)
            let own = leads.filter { $0.schemeClassId.map(classes.contains) == true }
            let funnel = LeadFunnel(own, catalog: catalog)
            var lines: [Line] = []
            var advanced = 0, registered = 0
            for lead in own {
                let inPeriod = (moves[lead.id] ?? []).filter { period.contains($0.on) }
                if !inPeriod.isEmpty { advanced += 1 }
                if inPeriod.contains(where: { $0.stage == registration }) { registered += 1 }
                guard lead.status == .active else { continue }
                lines.append(Line(lead: lead, daysAtStage: lead.stageSince.days(until: through),
                                  stale: LeadClock.progress(lead, catalog: catalog, today: through)?.state == .overdue, advanced: !inPeriod.isEmpty))
            }
            lines.sort { ($0.stale ? 0 : 1, -$0.daysAtStage, $0.lead.id) < ($1.stale ? 0 : 1, -$1.daysAtStage, $1.lead.id) }
            let signed = own.compactMap(\.signing).filter { period.contains($0.on) }
            return Group(id: group.id, name: group.name, leaderSeats: group.leaderSeats, total: own.count, active: lines.count, advanced: advanced,
                         signedInPeriod: signed.count, signedAmountInPeriod: signed.reduce(.zero) { $0 + $1.amount }, registeredInPeriod: registered,
                         stale: lines.filter(\.stale).count, signingRate: funnel.rates.first { $0.code == "signing" },
                         registrationRate: funnel.rates.first { $0.code == "registration" }, lines: lines)
        }
    }
}
