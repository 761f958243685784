import Foundation
import GroundbreakDomain
import GroundbreakStore
import Logging
import ServiceLifecycle

/// Runs the timed jobs on exactly one server instance: each tick asks the database for the lease
/// (a row whose holder and expiry decide), and only the holder works. Daily jobs are claimed per
/// day in the database too, so a change of holder mid-day does not run them twice. Deliveries of
/// webhooks are due-time driven and run on every tick of the holder.
public struct Scheduler: Service {
    public struct Settings: Sendable {
        /// Seconds between ticks.
        public var interval: TimeInterval
        /// Seconds a lease lasts without renewal (a few ticks, so a stopped instance is replaced soon).
        public var lease: TimeInterval
        /// Beijing hour from which the day's jobs run (reminders at office hours, not at midnight).
        public var dailyHour: Int

        public init(interval: TimeInterval = 30, lease: TimeInterval = 120, dailyHour: Int = 8) {
            self.interval = interval
            self.lease = lease
            self.dailyHour = dailyHour
        }
    }

    public struct Tick: Sendable, Equatable {
        public var leader: Bool
        /// Daily jobs this tick ran.
        public var ran: [String]
        public var delivered: Int
        public var failedAttempts: Int
    }

    public static let leaseName = "scheduler"
    /// The daily record of the lights (the ledger says how recent it is).
    public static let lightsJob = "warnings.record"

    let services: AppServices
    let holder: String
    let settings: Settings
    let clock: any WallClock
    let sender: WebhookSender

    public init(services: AppServices, holder: String = Scheduler.defaultHolder(), settings: Settings = Settings(), clock: any WallClock = SystemWallClock(),
                sender: WebhookSender = WebhookSender()) {
        self.services = services
        self.holder = holder
        self.settings = settings
        self.clock = clock
        self.sender = sender
    }

    /// Host, process and a random part: unique per running instance, without spaces.
    public static func defaultHolder() -> String {
        "\(ProcessInfo.processInfo.hostName)-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))"
            .replacingOccurrences(of: " ", with: "_")
    }

    public func run() async throws {
        let logger = services.logger
        // A graceful shutdown cancels the loop (its sleep throws); the lease is then given up.
        try? await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    let tick = try await tick()
                    if !tick.ran.isEmpty || tick.delivered > 0 || tick.failedAttempts > 0 {
                        logger.info("scheduler tick", metadata: ["ran": "\(tick.ran)", "delivered": "\(tick.delivered)", "failed": "\(tick.failedAttempts)"])
                    }
                } catch {
                    logger.error("scheduler tick failed", metadata: ["error": "\(error)"])
                }
                try await Task.sleep(for: .seconds(settings.interval))
            }
        }
        try? await SchedulerRepository(database: services.database).release(Self.leaseName, holder: holder)
    }

    /// One round: take or renew the lease, run what is due, deliver webhooks.
    public func tick() async throws -> Tick {
        let now = clock.now()
        let repository = SchedulerRepository(database: services.database)
        guard try await repository.acquire(Self.leaseName, holder: holder, now: now, duration: settings.lease) else {
            return Tick(leader: false, ran: [], delivered: 0, failedAttempts: 0)
        }
        var ran: [String] = []
        let today = Day.inChina(now)
        let hour = Int(now.timeIntervalSince(today.startInChina) / 3600)
        if hour >= settings.dailyHour {
            for job in dailyJobs() where try await repository.claimRun(job: job.name, key: today.iso, holder: holder, now: now) {
                let detail: String
                let outcome: String
                do {
                    detail = try await job.work(today, now)
                    outcome = "ok"
                } catch {
                    detail = "\(error)"
                    outcome = "error"
                }
                try await repository.finishRun(job: job.name, key: today.iso, outcome: outcome, detail: detail, now: clock.now())
                ran.append(job.name)
            }
        }
        let (delivered, failed) = try await deliverWebhooks(now: now)
        return Tick(leader: true, ran: ran, delivered: delivered, failedAttempts: failed)
    }

    struct Job: Sendable {
        var name: String
        var work: @Sendable (Day, Date) async throws -> String
    }

    func dailyJobs() -> [Job] {
        let services = services
        let settings = services.problemSettings
        // Reminders first: an owner whose problem is overdue hears it before the problem rises to the next owner.
        var jobs = [Job(name: "problems.remind") { today, now in
            let sent = try await services.problems.sendReminders(settings: settings, calendar: services.workingCalendar(), today: today, now: now)
            return WebText.Notifications.remindersSent(sent)
        }]
        jobs.append(Job(name: "supervision.remind") { today, now in
            let sent = try await services.supervision.sendReminders(lead: services.supervisionSettings.reminderWorkingDays, calendar: services.workingCalendar(),
                                                                    today: today, now: now)
            return WebText.Notifications.remindersSent(sent)
        })
        jobs.append(Job(name: "reports.remind") { today, now in
            WebText.Notifications.remindersSent(try await ReportReminders.send(services, today: today, now: now))
        })
        if services.supervisionSettings.urgeWhenOverdue {
            jobs.append(Job(name: "supervision.urge") { today, now in
                WebText.Notifications.urgedCount(try await services.supervision.urgeOverdue(actor: .system(WebText.Notifications.urgeJob), today: today, now: now).count)
            })
        }
        if settings.escalateWhenOverdue {
            jobs.append(Job(name: "problems.escalate") { today, now in
                let risen = try await services.problems.escalateOverdue(settings: settings, calendar: services.workingCalendar(),
                                                                        actor: .system(WebText.Notifications.escalationJob), today: today, now: now)
                return WebText.Notifications.escalatedCount(risen.count)
            })
        }
        jobs.append(Job(name: "funding.lateSpending") { today, now in
            WebText.Notifications.remindersSent(try await FundingWarnings.send(services, today: today, now: now))
        })
        // The day's lights, kept when a colour changes (the project page shows the history).
        jobs.append(Job(name: Self.lightsJob) { today, now in
            let lit = try await WarningPages.lightEverything(services, today: today).lit
            return WebText.Notifications.lightsChanged(try await WarningRepository(database: services.database).record(lit.map(\.warning), today: today, now: now))
        })
        return jobs
    }

    func deliverWebhooks(now: Date) async throws -> (delivered: Int, failed: Int) {
        let webhooks = WebhookRepository(database: services.database)
        var delivered = 0, failed = 0
        for (delivery, webhook) in try await webhooks.due(now: now) {
            let answer: (statusCode: Int?, error: String) = webhook.active ? await sender.send(delivery, to: webhook, now: now) : (nil, WebText.Notifications.webhookDeactivated)
            try await webhooks.recordAttempt(id: delivery.id, statusCode: answer.statusCode, error: answer.error, now: clock.now())
            if answer.statusCode.map({ (200..<300).contains($0) }) == true { delivered += 1 } else { failed += 1 }
        }
        return (delivered, failed)
    }
}
