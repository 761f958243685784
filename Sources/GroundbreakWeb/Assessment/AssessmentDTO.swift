import Foundation
import GroundbreakDomain

/// The month's cross-unit table at the API: the scheme, each unit's figures, item scores, score,
/// rank and change, and the bulletin's sentence for the first and the last.
struct AssessmentDTO: Codable, Sendable {
    struct Item: Codable, Sendable {
        var code: String
        var measure: String
        var label: String
        var weight: Double
        var scoring: String
        var basis: String
    }
    struct Frozen: Codable, Sendable {
        var at: String
        var by: String
    }
    struct Figures: Codable, Sendable {
        var investmentYuan: Int64
        @ExplicitNull var targetYuan: Int64?
        @ExplicitNull var completionPercent: Double?
        var timeProgressPercent: Double
        @ExplicitNull var gapPoints: Double?
        var underWay: Int
        var newStarts: Int
        @ExplicitNull var newStartRate: Double?
        @ExplicitNull var resumeRate: Double?
        var admissionEligible: Int
        var admitted: Int
        var problemsDue: Int
        var problemsOnTime: Int
        var problemsOverdue: Int
        var reportsOwed: Int
        var reportsOnTime: Int
        var approvalsDecided: Int
        var approvalsOnTime: Int
        @ExplicitNull var red: Int?
        var targetIsPlans: Bool
        @ExplicitNull var leads: Int?
        @ExplicitNull var leadsSigned: Int?
        @ExplicitNull var monthsWithSigning: Int?
        @ExplicitNull var monthsElapsed: Int?
    }
    struct Score: Codable, Sendable {
        var code: String
        @ExplicitNull var value: Double?
        @ExplicitNull var points: Double?
        @ExplicitNull var outcome: String?
    }
    struct Row: Codable, Sendable {
        var unit: String
        var name: String
        var rank: Int
        @ExplicitNull var rankChange: Int?
        var score: Double
        var honours: String
        var figures: Figures
        var items: [Score]
    }

    var month: String
    var unitSet: String
    var title: String
    var schemeVersion: Int
    var schemeName: String
    var items: [Item]
    @ExplicitNull var frozen: Frozen?
    var sentence: String
    var rows: [Row]

    init(_ listing: AssessmentListing) {
        let table = listing.table
        month = table.month.iso
        unitSet = table.unitSet.key
        title = listing.title
        schemeVersion = table.scheme.version
        schemeName = table.scheme.name
        items = table.scheme.items.map {
            Item(code: $0.code, measure: $0.measure.rawValue, label: AssessmentText.measure($0.measure), weight: $0.weight,
                 scoring: AssessmentText.scoring($0.scoring), basis: $0.basis)
        }
        frozen = table.frozen.map { Frozen(at: ISO8601DateFormatter().string(from: $0.at), by: $0.by) }
        sentence = listing.sentence
        rows = table.rows.map { row in
            let f = row.figures
            return Row(unit: row.unit.text, name: row.name, rank: row.rank, rankChange: row.rankChange, score: row.score, honours: row.honours.rawValue,
                       figures: Figures(investmentYuan: f.investment.yuan, targetYuan: f.target?.yuan, completionPercent: f.completionPercent,
                                        timeProgressPercent: f.timeProgressPercent, gapPoints: f.gapPoints, underWay: f.underWay, newStarts: f.newStarts,
                                        newStartRate: f.newStartRate, resumeRate: f.resumeRate, admissionEligible: f.admissionEligible, admitted: f.admitted,
                                        problemsDue: f.problemsDue, problemsOnTime: f.problemsOnTime, problemsOverdue: f.problemsOverdue,
                                        reportsOwed: f.reportsOwed, reportsOnTime: f.reportsOnTime,
                                        approvalsDecided: f.approvalsDecided, approvalsOnTime: f.approvalsOnTime, red: f.red,
                                        targetIsPlans: f.targetFromPlans ?? false, leads: f.leads, leadsSigned: f.leadsSigned,
                                        monthsWithSigning: f.monthsWithSigning, monthsElapsed: f.monthsElapsed),
                       items: row.items.map { Score(code: $0.code, value: $0.value, points: $0.points, outcome: $0.outcome?.rawValue) })
        }
    }
}
