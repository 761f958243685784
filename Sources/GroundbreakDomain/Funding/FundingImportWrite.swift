import Foundation

/// One row of a 向上资金 application list, planned: the project it is for (found on the ledger,
/// or a reserve project to put there), the application, and the money the row says came.
public struct FundingImportWrite: Sendable {
    public typealias Target = RowProject

    /// Money the row says came, and the day.
    public struct Tranche: Sendable {
        public var on: Day
        public var amount: Money

        public init(on: Day, amount: Money) {
            self.on = on
            self.amount = amount
        }
    }

    public var target: Target
    /// The application as the row gives it; its one project's id is filled in when written.
    public var application: FundingApplication
    public var submittedOn: Day
    public var issued: Tranche?
    public var arrived: Tranche?
    public var row: Int

    public init(target: Target, application: FundingApplication, submittedOn: Day, issued: Tranche?, arrived: Tranche?, row: Int) {
        self.target = target
        self.application = application
        self.submittedOn = submittedOn
        self.issued = issued
        self.arrived = arrived
        self.row = row
    }

    /// The events that bring the application where the row says it is: submitted, and when money
    /// was issued, selected for it, issued and (when it came) arrived.
    public var events: [FundingEvent] {
        var events = [FundingEvent(applicationId: 0, kind: .submitted, on: submittedOn, actorName: "")]
        if let issued {
            events.append(FundingEvent(applicationId: 0, kind: .selected, on: issued.on, amount: issued.amount, actorName: ""))
            events.append(FundingEvent(applicationId: 0, kind: .issued, on: issued.on, amount: issued.amount, actorName: ""))
            if let arrived { events.append(FundingEvent(applicationId: 0, kind: .arrived, on: arrived.on, amount: arrived.amount, actorName: "")) }
        }
        return events
    }
}
