import Foundation
import GroundbreakDomain

/// An application at the API; amounts in yuan.
struct FundingApplicationDTO: Codable, Sendable {
    struct Part: Codable, Sendable {
        var projectId: Int64
        var askedYuan: Int64
    }

    var id: Int64
    var title: String
    var channel: String
    var channelName: String
    var programme: String
    @ExplicitNull var windowId: Int64?
    var unit: String
    var unitName: String
    var handlerName: String
    var state: String
    var stateSince: String
    var createdOn: String
    @ExplicitNull var submittedOn: String?
    var projects: [Part]
    var askedYuan: Int64
    @ExplicitNull var approvedYuan: Int64?
    var issuedYuan: Int64
    var arrivedYuan: Int64
    var spentYuan: Int64
    var version: Int

    init(_ application: FundingApplication, catalog: FundingCatalog, reference: ReferenceCatalog) {
        id = application.id
        title = application.title
        channel = application.channelCode
        channelName = catalog.channelName(application.channelCode)
        programme = application.programme
        windowId = application.windowId
        unit = application.unit.text
        unitName = application.unit.name(reference)
        handlerName = application.handlerName
        state = application.state.rawValue
        stateSince = application.stateSince.iso
        createdOn = application.createdOn.iso
        submittedOn = application.submittedOn?.iso
        projects = application.projects.map { Part(projectId: $0.projectId, askedYuan: $0.asked.yuan) }
        askedYuan = application.asked.yuan
        approvedYuan = application.approved?.yuan
        issuedYuan = application.issued.yuan
        arrivedYuan = application.arrived.yuan
        spentYuan = application.spent.yuan
        version = application.version
    }
}

/// One application with its projects' maturity, the checklist, the events and late spending.
struct FundingDetailDTO: Codable, Sendable {
    struct ProjectPart: Codable, Sendable {
        var projectId: Int64
        var name: String
        @ExplicitNull var code: String?
        var stage: String
        var maturity: String
        var maturityName: String
        var excluded: [String]
        var askedYuan: Int64
    }

    struct Line: Codable, Sendable {
        var item: String
        var name: String
        @ExplicitNull var computed: Bool?
        var shortProjects: [Int64]
        @ExplicitNull var answered: Bool?
        var evidence: String
        var met: Bool
    }

    struct Event: Codable, Sendable {
        var kind: String
        var on: String
        @ExplicitNull var amountYuan: Int64?
        var note: String
        var actorName: String
    }

    struct Late: Codable, Sendable {
        var dueOn: String
        var daysLate: Int
        var unspentYuan: Int64
    }

    var application: FundingApplicationDTO
    var projects: [ProjectPart]
    var checklist: [Line]
    var eligible: Bool
    @ExplicitNull var maturity: String?
    var events: [Event]
    @ExplicitNull var lateSpending: Late?
    var allowedEvents: [String]

    init(_ reading: FundingReading, catalog: FundingCatalog, reference: ReferenceCatalog) {
        let application = reading.application
        self.application = FundingApplicationDTO(application, catalog: catalog, reference: reference)
        projects = application.projects.map { applied in
            let project = reading.projects[applied.projectId]
            let read = reading.eligibility.projects.first { $0.projectId == applied.projectId }
            let level = catalog.maturity[read?.maturity ?? 0]
            return ProjectPart(projectId: applied.projectId, name: project?.fields.name ?? "", code: project?.fields.code?.value, stage: project?.effectiveStage.rawValue ?? "",
                               maturity: level.code, maturityName: level.name, excluded: read?.excluded ?? [], askedYuan: applied.asked.yuan)
        }
        checklist = reading.eligibility.lines.map { line in
            Line(item: line.item.code, name: line.item.name, computed: line.computed, shortProjects: line.shortProjects, answered: line.answer?.met,
                 evidence: line.answer?.evidence ?? "", met: line.met)
        }
        eligible = reading.eligibility.isEligible
        maturity = reading.eligibility.maturity.map { catalog.maturity[$0].code }
        events = application.events.map { Event(kind: $0.kind.rawValue, on: $0.on.iso, amountYuan: $0.amount?.yuan, note: $0.note, actorName: $0.actorName) }
        lateSpending = reading.late.map { Late(dueOn: $0.dueOn.iso, daysLate: $0.daysLate, unspentYuan: $0.unspent.yuan) }
        allowedEvents = FundingRules.allowed(in: application.state).map(\.rawValue)
    }
}

/// The figures at the API: every line of the page, in yuan.
struct FundingFiguresDTO: Codable, Sendable {
    struct Measures: Codable, Sendable {
        var appliedApplications: Int
        var appliedProjects: Int
        var askedYuan: Int64
        var wonProjects: Int
        var approvedYuan: Int64
        var issuedProjects: Int
        var issuedYuan: Int64
        var arrivedYuan: Int64
        var spentYuan: Int64

        init(_ m: FundingMeasures) {
            appliedApplications = m.appliedApplications
            appliedProjects = m.appliedProjects
            askedYuan = m.asked.yuan
            wonProjects = m.wonProjects
            approvedYuan = m.approved.yuan
            issuedProjects = m.issuedProjects
            issuedYuan = m.issued.yuan
            arrivedYuan = m.arrived.yuan
            spentYuan = m.spent.yuan
        }
    }

    struct Share: Codable, Sendable {
        var provinceProjects: Int
        var provinceYuan: Int64
        @ExplicitNull var projectsPercent: Double?
        @ExplicitNull var amountPercent: Double?
    }

    struct Line: Codable, Sendable {
        var key: String
        var name: String
        var thisYear: Measures
        var lastYearToDate: Measures
        var lastYear: Measures
        var comparedWithWholeYear: Bool
        @ExplicitNull var issuedGrowth: Double?
        var aboveLastYear: Bool
        @ExplicitNull var provinceShare: Share?
        @ExplicitNull var sentence: String?

        init(_ line: FundingFigures.Line) {
            let c = line.comparison
            key = line.key
            name = line.name
            thisYear = Measures(c.thisYear)
            lastYearToDate = Measures(c.lastYearToDate)
            lastYear = Measures(c.lastYear)
            comparedWithWholeYear = c.isWholeYear
            issuedGrowth = c.issuedGrowth
            aboveLastYear = c.aboveLastYear
            provinceShare = line.share.map { Share(provinceProjects: $0.province.projects, provinceYuan: $0.province.amount.yuan, projectsPercent: $0.projects, amountPercent: $0.amount) }
            sentence = line.sentence
        }
    }

    struct Late: Codable, Sendable {
        var applicationId: Int64
        var title: String
        var channel: String
        var unit: String
        var issuedYuan: Int64
        var spentYuan: Int64
        var unspentYuan: Int64
        var dueOn: String
        var daysLate: Int
    }

    var through: String
    var scope: String
    var total: Line
    var channels: [Line]
    var units: [Line]
    var lateSpending: [Late]

    init(_ figures: FundingFigures) {
        through = figures.through.iso
        scope = figures.scopeName
        total = Line(figures.total)
        channels = figures.channels.map(Line.init)
        units = figures.units.map(Line.init)
        lateSpending = figures.late.map { item in
            Late(applicationId: item.application.id, title: item.application.title, channel: item.application.channelCode, unit: item.application.unit.text,
                 issuedYuan: item.application.issued.yuan, spentYuan: item.application.spent.yuan, unspentYuan: item.late.unspent.yuan, dueOn: item.late.dueOn.iso,
                 daysLate: item.late.daysLate)
        }
    }
}

struct FundingWindowDTO: Codable, Sendable {
    var id: Int64
    var channel: String
    var name: String
    var year: Int
    var programme: String
    var opensOn: String
    var closesOn: String
    var department: String
    var note: String

    init(_ window: FundingWindow) {
        id = window.id
        channel = window.channelCode
        name = window.name
        year = window.year
        programme = window.programme
        opensOn = window.opensOn.iso
        closesOn = window.closesOn.iso
        department = window.departmentCode
        note = window.note
    }
}

struct ProvinceFundingDTO: Codable, Sendable {
    var year: Int
    var channel: String
    var projects: Int
    var amountYuan: Int64
    var note: String

    init(_ figure: ProvinceFunding) {
        year = figure.year
        channel = figure.channelCode
        projects = figure.projects
        amountYuan = figure.amount.yuan
        note = figure.note
    }
}

/// `POST /api/v1/funding/applications`.
struct FundingCreateRequest: Codable, Sendable {
    struct Part: Codable, Sendable {
        var projectId: Int64
        var askedYuan: Int64
    }

    var title: String
    var channel: String
    var programme: String?
    var windowId: Int64?
    var unit: String
    var handlerName: String?
    var createdOn: String?
    var projects: [Part]
}

/// `PATCH /api/v1/funding/applications/:id`: what it asks for, before it is decided (its channel,
/// unit and day stay).
struct FundingReviseRequest: Codable, Sendable {
    var version: Int
    var title: String
    var programme: String?
    var windowId: Int64?
    var handlerName: String?
    var projects: [FundingCreateRequest.Part]
}

/// `POST /api/v1/funding/applications/:id/events`.
struct FundingEventRequest: Codable, Sendable {
    var version: Int
    var kind: String
    var on: String
    var amountYuan: Int64?
    var note: String?
}

/// `POST /api/v1/funding/applications/:id/checklist`: `met` null takes an answer back.
struct FundingChecklistRequest: Codable, Sendable {
    struct Answer: Codable, Sendable {
        var item: String
        var met: Bool?
        var evidence: String?
    }

    var version: Int
    var answers: [Answer]
}

struct FundingWindowRequest: Codable, Sendable {
    var channel: String
    var name: String
    var programme: String?
    var opensOn: String
    var closesOn: String
    var department: String?
    var note: String?
}

struct ProvinceFundingRequest: Codable, Sendable {
    var year: Int
    var channel: String
    var projects: Int
    var amountYuan: Int64
    var note: String?
}
