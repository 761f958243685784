import Foundation

/// A lead's clocks (from `lead_catalog.json`): answered within N working days of coming in,
/// assessed within M, and progress reported every K days while it is open.
public struct LeadClock: Sendable, Equatable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case respond, assess, progress

        public var label: String { LeadText.clock(self) }
    }

    public enum State: String, Sendable, Codable, CaseIterable {
        /// Done within its time.
        case met
        /// Still running, not yet due.
        case running
        /// Past due and not done (or done late: shown as late).
        case overdue
        case late
    }

    public var kind: Kind
    public var due: Day
    public var state: State

    /// Every clock of `lead` on `today`. The progress clock runs only for an active lead not yet at the last stage.
    public static func read(_ lead: Lead, catalog: LeadCatalog, calendar: WorkingCalendar, today: Day) -> [LeadClock] {
        func clock(_ kind: Kind, due: Day, doneOn: Day?) -> LeadClock {
            if let doneOn { return LeadClock(kind: kind, due: due, state: doneOn <= due ? .met : .late) }
            return LeadClock(kind: kind, due: due, state: today > due ? .overdue : .running)
        }
        var clocks = [
            clock(.respond, due: calendar.addingWorkingDays(catalog.clocks.respondWorkingDays, to: lead.createdOn).day, doneOn: lead.firstActionOn),
            clock(.assess, due: calendar.addingWorkingDays(catalog.clocks.assessWorkingDays, to: lead.createdOn).day, doneOn: lead.assessedOn),
        ]
        if let progress = progress(lead, catalog: catalog, today: today) { clocks.append(progress) }
        return clocks
    }

    /// The progress clock: it runs only for an active lead not yet at the last stage.
    public static func progress(_ lead: Lead, catalog: LeadCatalog, today: Day) -> LeadClock? {
        guard lead.status == .active && lead.stageCode != catalog.lastStage else { return nil }
        let due = lead.lastActivityOn.adding(days: catalog.clocks.progressEveryDays)
        return LeadClock(kind: .progress, due: due, state: today > due ? .overdue : .running)
    }

    /// The clocks past due on `today`.
    public static func overdue(_ lead: Lead, catalog: LeadCatalog, calendar: WorkingCalendar, today: Day) -> [LeadClock] {
        read(lead, catalog: catalog, calendar: calendar, today: today).filter { $0.state == .overdue }
    }
}
