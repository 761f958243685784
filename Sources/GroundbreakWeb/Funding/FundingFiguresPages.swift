import Foundation
import GroundbreakDomain
import GroundbreakOffice
import GroundbreakStore
import HTTPTypes
import Hummingbird

/// The funding figures, computed once here for the page, the xlsx and the API: this year
/// against last year per channel and per unit, the province's share, the sentence officials
/// write, and the applications whose issued money is spent late.
struct FundingFigures: Sendable {
    struct Line: Sendable {
        var key: String
        var name: String
        var comparison: FundingComparison
        var share: ProvinceShare?
        var sentence: String?
    }

    var through: Day
    var scopeName: String
    var total: Line
    var channels: [Line]
    var units: [Line]
    var late: [(application: FundingApplication, late: LateSpending)]

    init(applications: [FundingApplication], reach: FundingReach, province: [ProvinceFunding], catalog: FundingCatalog, reference: ReferenceCatalog, through: Day,
         today: Day) {
        self.through = through
        scopeName = reach.everyUnit ? WebText.Funding.wholeCity : WebText.Funding.reachScope
        let share = { (code: String, comparison: FundingComparison) -> ProvinceShare? in
            province.first { $0.channelCode == code }.map { ProvinceShare(city: comparison.thisYear, province: $0) }
        }
        let totalComparison = FundingComparison(applications, through: through)
        total = Line(key: "total", name: WebText.Funding.totals, comparison: totalComparison, share: nil,
                     sentence: FundingText.sentence(scope: scopeName, channel: nil, comparison: totalComparison, share: nil))
        let scopeName = self.scopeName
        channels = catalog.channels.map { channel in
            let comparison = FundingComparison(applications.filter { $0.channelCode == channel.code }, through: through)
            let provinceShare = reach.everyUnit ? share(channel.code, comparison) : nil
            return Line(key: channel.code, name: channel.name, comparison: comparison, share: provinceShare,
                        sentence: FundingText.sentence(scope: scopeName, channel: channel, comparison: comparison, share: provinceShare))
        }
        var units = AssessmentCalculator.comparedUnits(.regions, reference, on: through).compactMap(\.regionOrZone).filter(reach.sees(unit:))
        units += Set(applications.map(\.unit).filter { $0.kind == .department }).sorted { $0.code < $1.code }
        self.units = units.map { unit in
            Line(key: unit.text, name: unit.name(reference), comparison: FundingComparison(applications.filter { FundingForms.inside($0.unit, unit, reference) },
                                                                                            through: through))
        }
        // Applications of the city itself (or of a unit no line holds) get a line of their own, so the lines add up to the total.
        let rest = applications.filter { application in !units.contains { FundingForms.inside(application.unit, $0, reference) } }
        if !rest.isEmpty {
            self.units.append(Line(key: "other", name: WebText.Funding.otherUnits, comparison: FundingComparison(rest, through: through)))
        }
        late = applications.compactMap { application in
            guard let months = catalog.channel(application.channelCode)?.spendWithinMonths, let late = LateSpending.watch(application, months: months, today: today) else {
                return nil
            }
            return (application, late)
        }.sorted { $0.late.daysLate > $1.late.daysLate }
    }
}

enum FundingFiguresPages {
    typealias T = WebText.Funding

    /// `through=` (a day no later than today); today when absent.
    static func figures(_ input: EndpointRequest) async throws -> FundingFigures {
        let text = input.queryItems.first { $0.0 == "through" }?.1 ?? ""
        var through = input.today
        if !text.isEmpty {
            guard let day = Day.parse(text), day <= input.today else {
                throw AppError.badQuery(ValidationFailure([FieldError("through", Day.parse(text) == nil ? .dateInvalid : .dateInFuture)]))
            }
            through = day
        }
        let reach = input.fundingReach(.viewFunding)
        return FundingFigures(applications: try await input.services.funding.applications(reach: reach), reach: reach,
                              province: try await input.services.fundingWindows.province(year: through.year), catalog: input.services.fundingCatalog,
                              reference: input.catalog, through: through, today: input.today)
    }

    static func page(_ input: EndpointRequest) async throws -> Response {
        try await render(input, errors: [], form: FormData(pairs: []), status: .ok)
    }

    static func render(_ input: EndpointRequest, errors: [FieldError], form: FormData, status: HTTPResponse.Status) async throws -> Response {
        Responses.html(FundingFiguresPage(context: PageContext(input), figures: try await figures(input), catalog: input.services.fundingCatalog,
                                          reference: input.catalog, errors: errors, form: form).document, status: status)
    }

    static func xlsx(_ input: EndpointRequest) async throws -> Response {
        let figures = try await figures(input)
        let lines = [figures.total] + figures.channels + figures.units
        let percent = { (value: Double?) in value.map { Decimals.percent($0) } ?? T.none }
        let sheet = ListSheet(title: T.figuresTitle, filterLine: WebText.Common.filterLine("\(figures.scopeName)，\(T.figuresHeading(figures.through.iso))", Format.dateTime(input.now)),
                              columns: [.init(T.group, width: 8), .init(T.channel, width: 22, .wrapped), .init(T.appliedCount, width: 10, .integer),
                                        .init(T.asked, width: 14, .amount), .init(T.wonCount, width: 10, .integer), .init(T.approved, width: 14, .amount),
                                        .init(T.issuedCount, width: 10, .integer), .init(T.issued, width: 14, .amount), .init(T.arrived, width: 14, .amount),
                                        .init(T.spent, width: 14, .amount), .init(T.lastYearProjects, width: 12, .integer), .init(T.lastYearToDate, width: 14, .amount),
                                        .init(T.lastYearWhole, width: 14, .amount), .init(T.growth, width: 10), .init(T.provinceShare, width: 16),
                                        .init(T.sentences, width: 60, .wrapped)],
                              rows: lines.map { line in
                                  let c = line.comparison, now = c.thisYear
                                  let group = line.key == "total" ? T.totals : figures.channels.contains { $0.key == line.key } ? T.byChannel : T.byUnit
                                  return [.text(group), .text(line.name), .integer(now.appliedProjects), .wan(now.asked), .integer(now.wonProjects), .wan(now.approved),
                                          .integer(now.issuedProjects), .wan(now.issued), .wan(now.arrived), .wan(now.spent), .integer(c.comparedWith.issuedProjects),
                                          .wan(c.lastYearToDate.issued), .wan(c.lastYear.issued), .text(percent(c.issuedGrowth)),
                                          .text(line.share.map { "\(percent($0.projects)) / \(percent($0.amount))" } ?? ""), .text(line.sentence ?? "")]
                              })
        return try await Download.file(contentType: Download.xlsxType, name: T.figuresFile(figures.through.iso), fallback: "funding-figures.xlsx") {
            try ListWorkbook.write(sheet, to: $0, created: input.now, countLine: T.unitCount(lines.count))
        }
    }

    static func api(_ input: EndpointRequest) async throws -> Response {
        try Responses.json(FundingFiguresDTO(try await figures(input)))
    }

    /// The province's figure from the page's form (`amountWan` in 万元).
    static func setProvince(_ input: EndpointRequest) async throws -> Response {
        let form = input.form ?? FormData(pairs: [])
        return try await FormSubmission.submit({
            let amount: Money
            switch Money.parse(form["amountWan"], unit: .wan) {
            case .success(let money): amount = money
            case .failure(let error): throw StoreError.invalid(ValidationFailure([FieldError("amount", .money(error))]))
            }
            try await saveProvince(year: form["year"], channel: form["channel"], projects: form["projects"], amount: amount, note: form["note"], input)
            return Responses.redirect(to: Route.fundingFigures().path(notice: "saved"))
        }, refused: { try await render(input, errors: $0.errors, form: form, status: $0.status) })
    }

    static func apiProvince(_ input: EndpointRequest) async throws -> Response {
        let body = try input.json(ProvinceFundingRequest.self)
        let figure = try await saveProvince(year: String(body.year), channel: body.channel, projects: String(body.projects), amount: Money(yuan: body.amountYuan),
                                            note: body.note ?? "", input)
        return try Responses.json(ProvinceFundingDTO(figure))
    }

    @discardableResult
    static func saveProvince(year: String, channel: String, projects: String, amount: Money, note: String, _ input: EndpointRequest) async throws -> ProvinceFunding {
        var errors: [FieldError] = []
        let parsedYear = Int(year.trimmingCharacters(in: .whitespaces)), parsedProjects = Int(projects.trimmingCharacters(in: .whitespaces))
        if parsedYear == nil { errors.append(FieldError("year", year.isEmpty ? .required(field: "year") : .notWholeNumber(field: "year"))) }
        if parsedProjects == nil { errors.append(FieldError("projects", projects.isEmpty ? .required(field: "projects") : .notWholeNumber(field: "projects"))) }
        guard errors.isEmpty, let parsedYear, let parsedProjects else { throw StoreError.invalid(ValidationFailure(errors)) }
        let figure = ProvinceFunding(year: parsedYear, channelCode: channel, projects: parsedProjects, amount: amount, note: note)
        try await input.services.fundingWindows.setProvince(figure, catalog: input.services.fundingCatalog, actor: input.actor, now: input.now)
        return figure
    }
}
