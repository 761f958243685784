import Foundation
import GroundbreakDomain
import GroundbreakOffice
import GroundbreakStore
import HTTPTypes
import Hummingbird

/// 到位资金: recorded on a lead month by month, and each unit's year to date against last year.
enum LeadFundsPages {
    typealias T = WebText.Leads

    struct UnitLine: Sendable {
        var unit: OrgUnit
        var figures: FundsFigures
    }

    /// `month=`; this month when absent.
    static func table(_ input: EndpointRequest) async throws -> (month: Month, lines: [UnitLine]) {
        let month = try AttractionActivityPages.month(input)
        guard let principal = input.principal else { throw AppError.notFound }
        let reach = Policy.leadReach(.viewLeads, of: principal, catalog: input.catalog)
        let funds = try await LeadFundsRepository(database: input.services.database).funds(from: Month(year: month.year - 1, month: 1)!, through: month)
        let units = AssessmentCalculator.comparedUnits(.regions, input.catalog, on: month.lastDay).compactMap(\.regionOrZone).filter(reach.sees(unit:))
        return (month, units.map { unit in
            let member = unit.targetUnit.unitMembership(input.catalog)
            return UnitLine(unit: unit, figures: FundsFigures(funds.filter { member($0.unit) }, through: month))
        })
    }

    static func page(_ input: EndpointRequest) async throws -> Response {
        let (month, lines) = try await table(input)
        return Responses.html(LeadFundsPage(context: PageContext(input), month: month, lines: lines, reference: input.catalog).document)
    }

    static func xlsx(_ input: EndpointRequest) async throws -> Response {
        let (month, lines) = try await table(input)
        let growth = { (value: Double?) in value.map { Decimals.percent($0) } ?? T.none }
        let sheet = ListSheet(title: T.fundsTitle, filterLine: WebText.Common.filterLine(T.fundsHeading(month.label), Format.dateTime(input.now)),
                              columns: [.init(T.unit, width: 14), .init(T.domestic, width: 14, .amount), .init(T.lastYearDomestic, width: 14, .amount),
                                        .init(T.domesticGrowth, width: 10), .init(T.foreign, width: 16, .amount), .init(T.lastYearForeign, width: 14, .amount),
                                        .init(T.foreignGrowth, width: 10)],
                              rows: lines.map { line in
                                  let f = line.figures
                                  return [.text(line.unit.name(input.catalog)), .wan(f.domestic), .wan(f.lastYearDomestic), .text(growth(f.domesticGrowth)),
                                          .wan(f.foreign), .wan(f.lastYearForeign), .text(growth(f.foreignGrowth))]
                              })
        return try await Download.file(contentType: Download.xlsxType, name: T.fundsFile(month.iso), fallback: "lead-funds.xlsx") {
            try ListWorkbook.write(sheet, to: $0, created: input.now, countLine: WebText.Assessment.count(lines.count))
        }
    }

    static func api(_ input: EndpointRequest) async throws -> Response {
        let (month, lines) = try await table(input)
        return try Responses.json(LeadFundsDTO(month: month.iso, lines: lines.map { line in
            let f = line.figures
            return LeadFundsDTO.Line(unit: line.unit.text, unitName: line.unit.name(input.catalog), domesticYuan: f.domestic.yuan, lastYearDomesticYuan: f.lastYearDomestic.yuan,
                                     domesticGrowth: f.domesticGrowth, foreignYuan: f.foreign.yuan, lastYearForeignYuan: f.lastYearForeign.yuan,
                                     foreignGrowth: f.foreignGrowth)
        }))
    }

    /// Funds from the lead page's form: 万元 in the currency, the rate (1 for 内资).
    static func create(_ input: EndpointRequest) async throws -> Response {
        guard let lead = input.lead else { throw AppError.notFound }
        let form = input.form ?? FormData(pairs: [])
        return try await FormSubmission.submit({
            var errors: [FieldError] = []
            var original: Int64 = 0
            switch Money.parse(form["amountWan"], unit: .wan) {
            case .success(let money): original = money.yuan
            case .failure(let error): errors.append(FieldError("amount", .money(error)))
            }
            guard errors.isEmpty else { throw StoreError.invalid(ValidationFailure(errors)) }
            let funds = try parse(lead, month: form["month"], capital: form["capital"], currency: form["currency"].isEmpty ? "CNY" : form["currency"], original: original,
                                  rate: form["rate"].isEmpty ? "1" : form["rate"], note: form["note"]).refusedWhole()
            _ = try await LeadFundsRepository(database: input.services.database).record(funds, actor: input.actor, today: input.today, now: input.now)
            return Responses.redirect(to: Route.lead(lead.id).path(notice: "saved"))
        }, refused: { try await LeadPages.renderShow(input, errors: $0.errors, form: form, status: $0.status) })
    }

    static func apiCreate(_ input: EndpointRequest) async throws -> Response {
        guard let lead = input.lead else { throw AppError.notFound }
        let body = try input.json(LeadFundsRequest.self)
        let funds: ArrivedFunds
        switch parse(lead, month: body.month, capital: body.capital, currency: body.currency ?? "CNY", original: body.amount, rate: String(body.rate ?? 1), note: body.note ?? "") {
        case .success(let parsed): funds = parsed
        case .failure(let failure): throw AppError.validation(failure)
        }
        let saved = try await LeadFundsRepository(database: input.services.database).record(funds, actor: input.actor, today: input.today, now: input.now)
        return try Responses.json(LeadDetailDTO.Funds(saved), status: .created)
    }

    static func parse(_ lead: Lead, month: String, capital: String, currency: String, original: Int64, rate: String, note: String) -> Result<ArrivedFunds, ValidationFailure> {
        var errors: [FieldError] = []
        let parsedMonth = Month.parse(month)
        if parsedMonth == nil { errors.append(FieldError("month", month.isEmpty ? .required(field: "month") : .dateInvalid)) }
        let parsedCapital = LeadSigning.Capital(rawValue: capital)
        if parsedCapital == nil { errors.append(FieldError("capital", capital.isEmpty ? .required(field: "capital") : .unknownCode(field: "capital", code: String(capital.prefix(20))))) }
        let parsedRate = Double(rate.trimmingCharacters(in: .whitespaces))
        if parsedRate == nil { errors.append(FieldError("rate", .amountNotPositive(field: "rate"))) }
        guard errors.isEmpty, let parsedMonth, let parsedCapital, let parsedRate else { return .failure(ValidationFailure(errors)) }
        return .success(ArrivedFunds(leadId: lead.id, unit: lead.unit, month: parsedMonth, capital: parsedCapital, currency: currency.uppercased(), original: original,
                                     rate: parsedRate, note: note))
    }
}

/// Each unit's funds year to date at the API.
struct LeadFundsDTO: Codable, Sendable {
    struct Line: Codable, Sendable {
        var unit: String
        var unitName: String
        var domesticYuan: Int64
        var lastYearDomesticYuan: Int64
        @ExplicitNull var domesticGrowth: Double?
        var foreignYuan: Int64
        var lastYearForeignYuan: Int64
        @ExplicitNull var foreignGrowth: Double?
    }

    var month: String
    var lines: [Line]
}

/// `POST /api/v1/leads/:id/funds`: `amount` in the currency's units (yuan for CNY), `rate` yuan per unit.
struct LeadFundsRequest: Codable, Sendable {
    var month: String
    var capital: String
    var currency: String?
    var amount: Int64
    var rate: Double?
    var note: String?
}
