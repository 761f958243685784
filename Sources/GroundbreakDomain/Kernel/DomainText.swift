import Foundation

/// The Domain target's string catalogue: every sentence a user reads that the rules produce.
/// One case per message; `zh` is the zh-CN text. An English catalogue adds `en` beside it.
public enum DomainText: Sendable, Equatable {
    // Labels
    case stage(Stage)
    case investmentType(InvestmentType)
    case projectLevel(ProjectLevel)
    case constructionNature(ConstructionNature)
    case severity(FlagRule.Severity)
    case field(String)
    /// A message already put into words (in the feature that refused, with its field labels).
    case fixed(String)
    case role(Role)
    case limitUnit(LimitUnit)
    case approvalProjectType(ApprovalProjectType)
    case approvalStatus(ApprovalStatus)
    case approvalStage(Int)
    case clockState(ApprovalClockReading.State)
    case approvalEvent(ApprovalEvent.Kind)
    case approvalEventNotAllowed(ApprovalEvent.Kind, ApprovalStatus)
    /// Problems have their own catalogue beside this one.
    case problem(ProblemText)
    case supervision(SupervisionText)
    case webhook(WebhookText)
    case meeting(MeetingText)
    case scheme(SchemeText)
    case warning(WarningEditText)
    case bulletin(BulletinEditText)
    case taskForce(TaskForceText)
    case file(FileText)
    case dateBeforeApplication
    case dateBeforeAcceptance
    case dateBeforePause
    case positionDuty(Position.Duty)
    case reportStatus(MonthlyReport.Status)
    case reportState(ReportState)
    case reportMonthInFuture
    case percentRange
    case cumulativeAboveTotal(cumulative: Money, total: Money)
    case reportJump(previous: Money, ratio: Double)
    case reportAlreadyAccepted
    case reportNotSubmitted
    case reportChangedMeanwhile(version: Int)
    case inclusionBeforeStart
    case monthNotEnded
    case fileTooLarge(maxBytes: Int)
    case notAnImage
    case planAboveTotal(total: Money)
    case newStartAlreadyStarted(year: Int)
    case monthAlreadyClosed
    case monthNotClosed
    case correctionReasonRequired
    case firstReportBeforeAdmission
    case holderBeforeCurrent(since: Day)
    case calendarRow(line: Int, problem: CalendarRowProblem)
    case promisedLimitTooLong
    case approvalItemPresent

    public enum CalendarRowProblem: Sendable, Equatable {
        case notCSV, empty, badDate, wrongYear, badKind, workdayOnWeekday, duplicate
    }

    // Input problems
    case required(field: String)
    case tooLong(field: String, max: Int)
    case projectCode(ProjectCode.ParseError)
    /// `byProject` is named only to a caller who may see that project.
    case projectCodeTaken(code: String, byProject: String?)
    case creditCode(CreditCode.ParseError)
    case money(MoneyParseError)
    case dateInvalid
    case dateInFuture
    case completionBeforeStart
    case coordinateInvalid
    case coordinatesIncomplete
    case unknownCode(field: String, code: String)
    case numberOutOfRange(field: String, min: String, max: String)
    case notWholeNumber(field: String)
    /// A JSON value of the wrong kind (text where a number belongs, an object where a list does).
    case wrongType(field: String)
    /// A form sent on a record someone else changed meanwhile.
    case staleVersion(current: Int)
    /// `null` where a value is required.
    case nullValue(field: String)
    case controlCharacters(field: String)
    case regionRetired(code: String, replacement: String)
    case categoryNotLeaf(code: String)
    case positionWrongDuty(field: String)
    case leadAlsoSupport
    case actualStartTooEarlyForStage
    case actualCompletionTooEarlyForStage

    // Lifecycle
    case transitionNotAllowed(from: Stage, to: Stage)
    case reasonRequired(Stage)
    case actualStartRequired
    case actualCompletionRequired
    case ownerRequiredForApproval
    case stageNotCreatable(Stage)
    case amountNotPositive(field: String)
    case outsideScope
    case projectNotFound(String)
    case projectAmbiguous(String)
    case unknownField(String)
}
