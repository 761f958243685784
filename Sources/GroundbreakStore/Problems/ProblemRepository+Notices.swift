import Foundation
import GroundbreakDomain
import SQLKit

/// What a problem's events tell people: the inbox of the unit or person who must act next, and
/// the webhooks that subscribed. Written in the event's own transaction, so a message exists
/// exactly when the change does.
extension ProblemRepository {
    struct Payload: Encodable {
        struct Body: Encodable {
            var id: Int64
            var projectId: Int64?
            var categoryCode: String
            var description: String
            var level: String
            var status: String
            var owner: String?
            var deadline: String?
            var escalations: Int
            var version: Int
        }
        var event: String
        var at: String
        var problem: Body
    }

    static func payload(_ type: WebhookEventType, _ problem: Problem, now: Date) throws -> String {
        let body = Payload.Body(id: problem.id, projectId: problem.projectId, categoryCode: problem.categoryCode, description: problem.description,
                                level: problem.level.rawValue, status: problem.status.rawValue, owner: problem.owner.map { "\($0.kind.rawValue):\($0.code)" },
                                deadline: problem.deadline?.iso, escalations: problem.escalations, version: problem.version)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(Payload(event: type.rawValue, at: StoredTime.text(now), problem: body)), as: UTF8.self)
    }

    /// Writes what `ProblemNotices` decides an event sends, with the webhook delivery.
    static func announce(_ kind: ProblemEvent.Kind, _ problem: Problem, now: Date, db: any SQLDatabase) async throws {
        let type = WebhookEventType(kind)
        try await WebhookRepository.enqueue(type, payload: try payload(type, problem, now: now), now: now, db: db)
        guard let (notice, recipient) = ProblemNotices.after(kind, problem) else { return }
        try await NotificationRepository.send(notice, to: recipient, now: now, db: db)
    }

    /// Reminders before deadlines and alerts once they pass, each sent once per deadline; the
    /// scheduler runs this daily. Returns how many messages were new.
    public func sendReminders(settings: ProblemSettings, calendar: WorkingCalendar, today: Day, now: Date) async throws -> Int {
        let open = try await database.reader.raw("SELECT * FROM problems WHERE \(Self.clockRunning)").all().map(Self.problem)
        var sent = 0
        for (problem, kind) in ProblemReminders.due(open, lead: settings.reminderWorkingDays, calendar: calendar, today: today) {
            guard let owner = problem.owner, let deadline = problem.deadline else { continue }
            let notice = ProblemNotices.reminder(kind, problem, deadline: deadline)
            let type: WebhookEventType = kind == .dueSoon ? .problemDueSoon : .problemOverdue
            sent += try await NotificationRepository(database: database).sendOnce(notice, to: owner, webhook: type, payload: try Self.payload(type, problem, now: now), now: now)
        }
        return sent
    }
}
