import Foundation
import GroundbreakDomain
import GroundbreakOffice
import GroundbreakStore
import HTTPTypes
import Hummingbird

/// 招商活动 and the month's rhythm: the activities of the units the reader reaches, each compared
/// unit's activities and signings, the units short of either, and the form that records one.
enum AttractionActivityPages {
    typealias T = WebText.Leads

    struct Reading: Sendable {
        var month: Month
        var activities: [AttractionActivity]
        var rhythm: AttractionRhythm
    }

    /// `month=2026-11`; this month when absent. A month not yet begun is refused.
    static func month(_ input: EndpointRequest) throws -> Month {
        let asked = FormData(pairs: input.queryItems)["month"]
        guard !asked.isEmpty else { return Month(input.today) }
        guard let month = Month.parse(asked), Day.plausibleYears.contains(month.year), month.firstDay <= input.today else {
            throw AppError.badQuery(ValidationFailure([FieldError("month", .dateInvalid)]))
        }
        return month
    }

    static func read(_ input: EndpointRequest) async throws -> Reading {
        let month = try month(input)
        guard let principal = input.principal else { throw AppError.notFound }
        let reach = Policy.leadReach(.viewLeads, of: principal, catalog: input.catalog)
        let activities = try await AttractionActivityRepository(database: input.services.database).activities(from: month.firstDay, through: month.lastDay)
            .filter { reach.sees(unit: $0.unit) }
        let units = AssessmentCalculator.comparedUnits(.regions, input.catalog, on: month.lastDay)
            .compactMap(\.regionOrZone).filter(reach.sees(unit:))
        // A unit's signings are counted whole, confidential leads included: a count names no lead, and the
        // 招商动态 sent to every unit counts them too.
        let leads = try await input.services.leads.leads(reach: LeadReach(everyUnit: true, everyConfidential: true))
        return Reading(month: month, activities: activities, rhythm: AttractionRhythm(month: month, units: units, activities: activities, leads: leads, reference: input.catalog))
    }

    static func page(_ input: EndpointRequest) async throws -> Response {
        try await render(input, errors: [], form: FormData(pairs: [("on", input.today.iso)]), status: .ok)
    }

    static func render(_ input: EndpointRequest, errors: [FieldError], form: FormData, status: HTTPResponse.Status) async throws -> Response {
        guard let principal = input.principal else { throw AppError.notFound }
        let manage = Policy.leadReach(.manageLeads, of: principal, catalog: input.catalog)
        return Responses.html(AttractionActivitiesPage(context: PageContext(input), reading: try await read(input), reference: input.catalog,
                                                       units: manage.isEmpty ? [] : LeadForms.units(manage, reference: input.catalog), errors: errors, form: form,
                                                       notice: input.queryItems.contains { $0.0 == "notice" } ? T.saved : nil).document, status: status)
    }

    static func create(_ input: EndpointRequest) async throws -> Response {
        let form = input.form ?? FormData(pairs: [])
        return try await FormSubmission.submit({
            let activity = try parse(unit: form["unit"], kind: form["kind"], on: form["on"], title: form["title"], leaderSeat: form["leaderSeat"],
                                     investorsMet: form["investorsMet"], leads: [], note: form["note"]).refusedWhole()
            _ = try await save(activity, input)
            return Responses.redirect(to: Route.leadActivities(month: Month(activity.on)).path(notice: "saved"))
        }, refused: { try await render(input, errors: $0.errors, form: form, status: $0.status) })
    }

    static func parse(unit: String, kind: String, on: String, title: String, leaderSeat: String, investorsMet: String, leads: [Int64],
                      note: String) -> Result<AttractionActivity, ValidationFailure> {
        var errors: [FieldError] = []
        let parsedUnit = OrgUnit.parse(unit)
        if parsedUnit == nil { errors.append(FieldError("unit", unit.isEmpty ? .required(field: "unit") : .unknownCode(field: "unit", code: String(unit.prefix(40))))) }
        let parsedKind = AttractionActivity.Kind(rawValue: kind)
        if parsedKind == nil { errors.append(FieldError("kind", kind.isEmpty ? .required(field: "kind") : .unknownCode(field: "kind", code: String(kind.prefix(20))))) }
        let day = Day.parse(on.trimmingCharacters(in: .whitespaces))
        if day == nil { errors.append(FieldError("on", on.isEmpty ? .required(field: "on") : .dateInvalid)) }
        var seat: Int64?
        if !leaderSeat.isEmpty {
            seat = Int64(leaderSeat)
            if seat == nil { errors.append(FieldError("leaderSeat", .unknownCode(field: "leaderSeat", code: String(leaderSeat.prefix(20))))) }
        }
        guard errors.isEmpty, let parsedUnit, let parsedKind, let day else { return .failure(ValidationFailure(errors)) }
        return .success(AttractionActivity(unit: parsedUnit, kind: parsedKind, on: day, title: title, leaderSeat: seat, investorsMet: investorsMet, leadIds: leads,
                                           note: note))
    }

    /// Keeps an activity of a unit the caller works leads for.
    static func save(_ activity: AttractionActivity, _ input: EndpointRequest) async throws -> AttractionActivity {
        guard let principal = input.principal else { throw AppError.notFound }
        guard Policy.leadReach(.manageLeads, of: principal, catalog: input.catalog).sees(unit: activity.unit) else {
            throw StoreError.invalid(ValidationFailure([FieldError("unit", .fixed(T.unitOutsideReach))]))
        }
        if let seat = activity.leaderSeat, !input.catalog.positions.contains(where: { $0.id == seat }) {
            throw StoreError.invalid(ValidationFailure([FieldError("leaderSeat", .unknownCode(field: "leaderSeat", code: String(seat)))]))
        }
        return try await AttractionActivityRepository(database: input.services.database).record(activity, reference: input.catalog, actor: input.actor,
                                                                                                today: input.today, now: input.now)
    }

    /// The month's rhythm as a workbook: each unit's activities and signings, those short marked.
    static func xlsx(_ input: EndpointRequest) async throws -> Response {
        let reading = try await read(input)
        let lines = reading.rhythm.lines
        let sheet = ListSheet(title: T.activitiesTitle, filterLine: WebText.Common.filterLine(T.rhythmHeading(reading.month.label), Format.dateTime(input.now)),
                              columns: [.init(T.unit, width: 14), .init(T.activityCount, width: 10, .integer), .init(T.signingCount, width: 10, .integer),
                                        .init(T.signedAmount, width: 14, .amount), .init(T.shortMark, width: 14)],
                              rows: lines.map { line in
                                  [.text(line.unit.name(input.catalog)), .integer(line.activities), .integer(line.signings), .wan(line.signedAmount),
                                   .text(line.isShort ? T.shortMark : "")]
                              })
        return try await Download.file(contentType: Download.xlsxType, name: T.rhythmFile(reading.month.iso), fallback: "lead-rhythm.xlsx") {
            try ListWorkbook.write(sheet, to: $0, created: input.now, countLine: T.rhythmCount(lines.count, reading.rhythm.short.count))
        }
    }

    static func apiList(_ input: EndpointRequest) async throws -> Response {
        try Responses.json(try await read(input).activities.map { AttractionActivityDTO($0, reference: input.catalog) })
    }

    static func apiRhythm(_ input: EndpointRequest) async throws -> Response {
        try Responses.json(AttractionRhythmDTO(try await read(input).rhythm, reference: input.catalog))
    }

    static func apiCreate(_ input: EndpointRequest) async throws -> Response {
        let body = try input.json(AttractionActivityRequest.self)
        let activity: AttractionActivity
        switch parse(unit: body.unit, kind: body.kind, on: body.on, title: body.title, leaderSeat: body.leaderSeat.map(String.init) ?? "",
                     investorsMet: body.investorsMet ?? "", leads: body.leadIds ?? [], note: body.note ?? "") {
        case .success(let parsed): activity = parsed
        case .failure(let failure): throw AppError.validation(failure)
        }
        return try Responses.json(AttractionActivityDTO(try await save(activity, input), reference: input.catalog), status: .created)
    }
}

/// A 招商活动 at the API.
struct AttractionActivityDTO: Codable, Sendable {
    var id: Int64
    var unit: String
    var unitName: String
    var kind: String
    var kindLabel: String
    var on: String
    var title: String
    @ExplicitNull var leaderSeat: Int64?
    var investorsMet: String
    var leadIds: [Int64]
    var note: String
    var recordedBy: String

    init(_ activity: AttractionActivity, reference: ReferenceCatalog) {
        id = activity.id
        unit = activity.unit.text
        unitName = activity.unit.name(reference)
        kind = activity.kind.rawValue
        kindLabel = activity.kind.label
        on = activity.on.iso
        title = activity.title
        leaderSeat = activity.leaderSeat
        investorsMet = activity.investorsMet
        leadIds = activity.leadIds
        note = activity.note
        recordedBy = activity.recordedBy
    }
}

/// The month's rhythm at the API: each unit's activities and signings, and whether it is short.
struct AttractionRhythmDTO: Codable, Sendable {
    struct Line: Codable, Sendable {
        var unit: String
        var unitName: String
        var activities: Int
        var signings: Int
        var signedYuan: Int64
        var short: Bool
    }

    var month: String
    var lines: [Line]

    init(_ rhythm: AttractionRhythm, reference: ReferenceCatalog) {
        month = rhythm.month.iso
        lines = rhythm.lines.map { Line(unit: $0.unit.text, unitName: $0.unit.name(reference), activities: $0.activities, signings: $0.signings,
                                        signedYuan: $0.signedAmount.yuan, short: $0.isShort) }
    }
}

/// `POST /api/v1/lead-activities`.
struct AttractionActivityRequest: Codable, Sendable {
    var unit: String
    var kind: String
    var on: String
    var title: String
    var leaderSeat: Int64?
    var investorsMet: String?
    var leadIds: [Int64]?
    var note: String?
}
