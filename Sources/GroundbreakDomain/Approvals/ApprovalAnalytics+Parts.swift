import Foundation

extension ApprovalAnalytics {
    /// One project's part of the figures on a day and at the end of the month before: what each
    /// of its items counts for its department on each of the two days, and its own time to permit.
    /// The figures of many projects are their parts added up, so a store may keep the parts and
    /// take again only those of the projects a write changed. A class of constants: a part kept
    /// is the same object from one computation to the next, so the department tables (`Tables`)
    /// know it unchanged without reading it, and copying one is one reference.
    public final class ProjectPart: Sendable, Identifiable, Equatable {
        /// What an item counts for its department on a day.
        enum Standing: UInt8, Sendable {
            case none, handled, overdue
        }

        struct Item: Sendable, Equatable {
            let departmentCode: String
            /// When handled: the working days it took (nil if it was never accepted) and whether
            /// that was within its limit. The same on both days.
            let workingDays: Int?
            let withinLimit: Bool
            let onDay: Standing
            let atPrevious: Standing
        }

        public let id: Int64
        /// The items that count for something on either day.
        let items: [Item]
        /// The departments of the items that count for nothing on either day: a department with
        /// items has a row in the table even when none has been handled.
        let idleDepartments: [String]
        public let figures: ProjectFigures?

        init(id: Int64, items: [Item], idleDepartments: [String], figures: ProjectFigures?) {
            self.id = id
            self.items = items
            self.idleDepartments = idleDepartments
            self.figures = figures
        }

        public static func == (left: ProjectPart, right: ProjectPart) -> Bool {
            left === right || (left.id == right.id && left.items == right.items && left.idleDepartments == right.idleDepartments
                && left.figures == right.figures)
        }
    }

    /// One project's part, from all of its items.
    public static func part(of projectId: Int64, _ own: [Entry], calendar: WorkingCalendar, asOf: Day, previous: Day) -> ProjectPart {
        var items: [ProjectPart.Item] = []
        var idle: Set<String> = []
        for entry in own {
            let done = decided(entry, calendar: calendar)
            let onDay = standing(entry, decided: done, calendar: calendar, on: asOf)
            let atPrevious = standing(entry, decided: done, calendar: calendar, on: previous)
            guard onDay != .none || atPrevious != .none else {
                idle.insert(entry.item.departmentCode)
                continue
            }
            items.append(ProjectPart.Item(departmentCode: entry.item.departmentCode, workingDays: done?.workingDays,
                                          withinLimit: done?.withinLimit ?? false, onDay: onDay, atPrevious: atPrevious))
        }
        return ProjectPart(id: projectId, items: items, idleDepartments: idle.sorted(), figures: figures(of: projectId, own, calendar: calendar))
    }

    /// Every project's part, in id order.
    public static func parts(_ entries: [Entry], calendar: WorkingCalendar, asOf: Day, previous: Day) -> [ProjectPart] {
        Dictionary(grouping: entries, by: \.approval.projectId)
            .map { projectId, own in part(of: projectId, own, calendar: calendar, asOf: asOf, previous: previous) }
            .sorted { $0.id < $1.id }
    }
}
