import Foundation
import GroundbreakDomain
import GroundbreakStore

/// What a bulletin's draft is written from, gathered once: the month's 考核排名 table and today's
/// red projects (项目建设通报), or today's overdue supervised items and problems (督查通报).
enum BulletinDrafting {
    /// `kind`, `month` and `seat` from a form or a body: the kind required, the month the reporting
    /// month when absent, and begun; a seat only for a 包保专报, and a sponsoring leader's.
    static func read(kind: String?, month: String?, seat: String?, catalog: ReferenceCatalog, today: Day) -> Result<(BulletinKind, Month, Int64?), ValidationFailure> {
        var errors: [FieldError] = []
        let kindText = (kind ?? "").trimmingCharacters(in: .whitespaces)
        let parsedKind = BulletinKind(rawValue: kindText)
        if kindText.isEmpty { errors.append(FieldError("kind", .required(field: "kind"))) }
        else if parsedKind == nil { errors.append(FieldError("kind", .unknownCode(field: "kind", code: kindText))) }
        var parsedMonth = ReportPages.reportingMonth(today)
        let monthText = (month ?? "").trimmingCharacters(in: .whitespaces)
        if !monthText.isEmpty {
            if let value = Month.parse(monthText), Day.plausibleYears.contains(value.year) {
                if value.firstDay > today { errors.append(FieldError("month", .fixed(WebText.Bulletins.badMonth(value.label)))) }
                parsedMonth = value
            } else {
                errors.append(FieldError("month", .dateInvalid))
            }
        }
        var parsedSeat: Int64?
        let seatText = (seat ?? "").trimmingCharacters(in: .whitespaces)
        if !seatText.isEmpty {
            if parsedKind != nil && parsedKind != .sponsor { errors.append(FieldError("seat", .fixed(WebText.Bulletins.seatOnlyForSponsor))) }
            else if let id = Int64(seatText), catalog.positions.contains(where: { $0.id == id && $0.duty == .sponsor }) { parsedSeat = id }
            else { errors.append(FieldError("seat", .unknownCode(field: "seat", code: seatText))) }
        }
        guard errors.isEmpty, let parsedKind else { return .failure(ValidationFailure(errors)) }
        return .success((parsedKind, parsedMonth, parsedSeat))
    }

    static func write(_ input: EndpointRequest, kind: BulletinKind, month: Month, seat: Int64?) async throws -> (title: String, sections: [BulletinSection]) {
        let rules = input.services.bulletinRules
        switch kind {
        case .sponsor:
            let seats = input.catalog.positions.filter { $0.duty == .sponsor && (seat == nil || $0.id == seat) }
            let quarter = Quarter(month)
            let portfolios = try await PortfolioPages.read(input, seats: seats, activitiesFrom: quarter.firstDay).map { reading in
                SponsorPortfolio(
                    leader: reading.seat.display,
                    lines: reading.projects.map { line in
                        SponsorPortfolio.Line(name: line.project.fields.name, unit: input.catalog.region(line.project.fields.regionCode)?.name ?? line.project.fields.regionCode,
                                              stage: line.project.stage.label, planned: reading.plans[line.project.id], done: reading.done[line.project.id],
                                              colour: line.warning?.colour, reasons: line.warning?.reasons.map(\.text).joined(separator: "；") ?? "")
                    },
                    rates: reading.rates,
                    risen: reading.risen.map { SponsorPortfolio.Risen(description: $0.description, level: $0.level.label, deadline: $0.deadline) },
                    activities: ActivityCounts(reading.activities.filter { quarter.contains($0.on) }))
            }
            let names = Dictionary(uniqueKeysWithValues: input.services.fourRates.rates.map { ($0.code, $0.name) })
            return BulletinWriter.sponsor(month: month, portfolios: portfolios, rateNames: names, asOf: input.today, rules: rules)
        case .construction:
            let table = try await AssessmentPages.table(input, month: month, set: .regions)
            let lit = try await WarningPages.light(input, scope: .everything).reddestFirst.filter { $0.warning.colour == .red }
            let red = lit.map { row in
                BulletinWriter.RedProject(name: row.project.fields.name, unit: input.catalog.region(row.project.fields.regionCode)?.name ?? row.project.fields.regionCode,
                                          total: row.project.fields.totalInvestment,
                                          reasons: row.warning.reasons.filter { $0.colour == .red }.map(\.text).joined(separator: "；"))
            }
            return BulletinWriter.construction(month: month, table: table, red: red, asOf: input.today, rules: rules)
        case .attraction:
            return BulletinWriter.attraction(month: month, figures: try await attractionMonth(input, month: month), rules: rules)
        case .supervision:
            let open = try await input.services.supervision.items(owners: nil, openOnly: true, limit: 100_000)
            let overdue = open.filter { $0.isOverdue(on: input.today) }.map { item in
                BulletinWriter.OverdueItem(content: item.content, owner: item.owner.name(input.catalog), deadline: item.deadline,
                                           daysLate: item.deadline.days(until: input.today))
            }
            let problems = try await input.services.problems.all(reach: .all).filter { $0.isOverdue(on: input.today) }
            let byOwner = Dictionary(grouping: problems.compactMap(\.owner), by: { $0 }).map { (unit: $0.key.name(input.catalog), count: $0.value.count) }
            return BulletinWriter.supervision(month: month, openItems: open.count, overdue: overdue, overdueProblems: byOwner, asOf: input.today, rules: rules)
        }
    }

    /// The month's 招商 for the city: every lead counted (a confidential one by number only: its name
    /// does not go into a document sent to every unit), registrations and sitings by the day a lead
    /// first passed the stage, the activities, each unit's line and the funds year to date.
    static func attractionMonth(_ input: EndpointRequest, month: Month) async throws -> AttractionMonth {
        let catalog = input.services.leadCatalog
        let leads = try await input.services.leads.leads(reach: LeadReach(everyUnit: true, everyConfidential: true))
        let moves = try await input.services.leads.advances()
        func passed(_ stage: Int?, _ lead: Lead) -> Day? {
            guard let stage else { return nil }
            return moves[lead.id]?.first { (catalog.index($0.stage) ?? -1) >= stage }?.on
        }
        let registration = catalog.registrationStage.flatMap(catalog.index)
        let siting = registration.map { $0 + 1 }.flatMap { $0 < catalog.stages.count ? $0 : nil }
        let inMonth = { (day: Day?) in day.map { Month($0) == month } ?? false }
        let activities = try await AttractionActivityRepository(database: input.services.database).activities(from: month.firstDay, through: month.lastDay)
        let units = AssessmentCalculator.comparedUnits(.regions, input.catalog, on: month.lastDay).compactMap(\.regionOrZone)
        let rhythm = AttractionRhythm(month: month, units: units, activities: activities, leads: leads, reference: input.catalog)
        let funds = try await LeadFundsRepository(database: input.services.database).funds(from: Month(year: month.year - 1, month: 1)!, through: month)
        typealias T = WebText.Bulletins
        return AttractionMonth(
            newLeads: leads.filter { Month($0.createdOn) == month }.count,
            registered: leads.filter { inMonth(passed(registration, $0)) }.count,
            sited: leads.filter { inMonth(passed(siting, $0)) }.count,
            signings: leads.compactMap { lead in
                guard let signing = lead.signing, Month(signing.on) == month else { return nil }
                return AttractionMonth.Signing(unit: lead.unit.name(input.catalog), title: lead.confidential ? T.confidentialLead : lead.title,
                                               investor: lead.confidential ? T.withheld : lead.investor.name, signing: signing)
            }.sorted { $0.signing.amount > $1.signing.amount },
            activities: activities.reversed().map { AttractionMonth.ActivityLine(day: $0.on, unit: $0.unit.name(input.catalog), kind: $0.kind.label, title: $0.title) },
            units: rhythm.lines.map { line in
                let member = line.unit.targetUnit.unitMembership(input.catalog)
                return AttractionMonth.UnitLine(unit: line.unit.name(input.catalog), activities: line.activities, signings: line.signings,
                                                signedAmount: line.signedAmount,
                                                domesticYearToDate: FundsFigures(funds.filter { member($0.unit) }, through: month).domestic)
            },
            funds: FundsFigures(funds, through: month))
    }
}
