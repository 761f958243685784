import Foundation
import GroundbreakDomain

/// A sponsor's portfolio at the API.
struct PortfolioDTO: Codable, Sendable {
    struct Rate: Codable, Sendable {
        var code: String
        var name: String
        var formula: String
        var part: Double
        var whole: Double
        @ExplicitNull var percent: Double?

        init(_ rate: FourRate, catalog: FourRateCatalog) {
            let definition = catalog.rates.first { $0.code == rate.code }
            code = rate.code.rawValue
            name = definition?.name ?? rate.code.rawValue
            formula = definition?.formula ?? ""
            part = rate.part
            whole = rate.whole
            percent = rate.percent
        }
    }
    struct Line: Codable, Sendable {
        var projectId: Int64
        var name: String
        var stage: String
        var totalYuan: Int64
        @ExplicitNull var plannedYuan: Int64?
        @ExplicitNull var yearDispatchYuan: Int64?
        @ExplicitNull var colour: String?
        var reasons: [String]
    }

    var seat: Int64
    var seatName: String
    var rates: [Rate]
    var projects: [Line]
    var risenProblemIds: [Int64]

    init(_ reading: PortfolioPages.Reading, rateCatalog: FourRateCatalog) {
        seat = reading.seat.id
        seatName = reading.seat.display
        rates = reading.rates.map { Rate($0, catalog: rateCatalog) }
        projects = reading.projects.map { line in
            Line(projectId: line.project.id, name: line.project.fields.name, stage: line.project.stage.rawValue, totalYuan: line.project.fields.totalInvestment.yuan,
                 plannedYuan: reading.plans[line.project.id]?.yuan, yearDispatchYuan: reading.done[line.project.id]?.yuan, colour: line.warning?.colour.rawValue,
                 reasons: line.warning?.reasons.map(\.text) ?? [])
        }
        risenProblemIds = reading.risen.map(\.id)
    }
}
