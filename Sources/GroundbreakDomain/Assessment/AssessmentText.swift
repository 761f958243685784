import Foundation

/// The assessment's words, zh-CN: item names, outcomes, and the sentence a bulletin prints for
/// the first and the last.
public enum AssessmentText {
    public static func measure(_ measure: AssessmentMeasure) -> String {
        switch measure {
        case .investmentSchedule: "完成投资序时进度"
        case .newStartRate: "新开工率"
        case .resumeRate: "续建项目复工率"
        case .admissionRate: "入统率"
        case .problemsOnTime: "问题按期解决率"
        case .reportsOnTime: "月报按时报送率"
        case .approvalsOnTime: "审批按时办结率"
        case .leadSigningRate: "招商项目签约率"
        case .signingMonths: "月月有签约"
        }
    }

    public static func outcome(_ outcome: AssessmentOutcome) -> String {
        switch outcome {
        case .exceeded: "超额完成"
        case .met: "完成"
        case .missed: "未完成"
        }
    }

    public static func honours(_ honours: HonoursEligibility) -> String {
        switch honours {
        case .priority: "优先评优"
        case .eligible: "具备评优资格"
        case .revoked: "取消评优资格"
        }
    }

    /// How an item scores, for the scheme's table: `≥100% 满分（≥110% 超额完成），否则不得分`, `50%得0分，80%得满分，之间按比例`.
    public static func scoring(_ scoring: AssessmentScoring) -> String {
        switch scoring.kind {
        case .tiered:
            let meet = number(scoring.meetAt ?? 100)
            let exceed = scoring.exceedAt.map { "（≥\(number($0))% 为超额完成，优先评优）" } ?? ""
            return "≥\(meet)% 得满分\(exceed)，否则不得分并取消评优资格"
        case .linear:
            return "\(number(scoring.zeroAt ?? 0))% 得 0 分，\(number(scoring.fullAt ?? 100))% 得满分，之间按比例"
        }
    }

    /// `96.5`, `100`, `87.25`: a score or threshold without trailing zeros.
    public static func number(_ value: Double) -> String {
        var text = Decimals.text(value, places: 2)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    /// A unit's investment as a bulletin puts it: `朝阳区完成投资12.3亿元，为年度目标的86.1%，超过时间进度3.2个百分点`.
    public static func investmentClause(_ row: AssessmentRow) -> String {
        let figures = row.figures
        let done = "\(row.name)完成投资\(StatisticsText.amount(figures.investment))"
        let plans = figures.targetFromPlans == true
        guard let completion = figures.completionPercent, let gap = figures.gapPoints else { return done + (plans ? "（项目未列年度计划）" : "（未下达年度投资目标）") }
        return done + "，为\(plans ? "年度计划投资" : "年度目标")的\(Decimals.percent(completion))，\(gap >= 0 ? "超过" : "落后")时间进度\(Decimals.text(abs(gap)))个百分点"
    }

    /// The sentence for the first and the last: `…，综合得分96.5分，位列全市第一；…，综合得分61分，排名末位。`
    /// Units sharing a place are named together (`并列`).
    public static func sentence(_ table: AssessmentTable, scope: String? = nil) -> String {
        let scope = scope ?? self.scope(table.unitSet)
        guard let best = table.rows.first?.rank, let worst = table.rows.last?.rank else { return "" }
        func part(_ rank: Int, alone: String, tied: String) -> String {
            let rows = table.rows.filter { $0.rank == rank }
            return rows.map { investmentClause($0) + "，综合得分\(number($0.score))分" }.joined(separator: "；") + "，" + (rows.count > 1 ? tied : alone)
        }
        var parts = [part(best, alone: "位列\(scope)第一", tied: "并列\(scope)第一")]
        if worst != best { parts.append(part(worst, alone: "排名末位", tied: "并列末位")) }
        return parts.joined(separator: "；") + "。"
    }

    /// Where the first stands first: `位列全市第一`, `位列市直部门第一`, `位列各工作组第一`.
    public static func scope(_ set: AssessmentUnitSet) -> String {
        switch set {
        case .regions: "全市"
        case .departments: "市直部门"
        case .groups: "各工作组"
        }
    }

    /// The units a set compares, as a filter line names them.
    public static func setName(_ set: AssessmentUnitSet) -> String {
        switch set {
        case .regions: "县（市）区、开发区"
        case .departments: "市直部门"
        case .groups: "专班工作组"
        }
    }

    /// A rank's change as the table prints it: `↑2` (up two places), `↓1`, `—` (unchanged or not ranked last month).
    public static func change(_ change: Int?) -> String {
        guard let change else { return "—" }
        return change > 0 ? "↑\(change)" : change < 0 ? "↓\(-change)" : "—"
    }
}
