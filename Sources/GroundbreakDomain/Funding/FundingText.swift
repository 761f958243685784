import Foundation

/// The funding feature's words, zh-CN.
public enum FundingText {
    public static func state(_ state: FundingState) -> String {
        switch state {
        case .planning: "谋划"
        case .applied: "已申报"
        case .reviewing: "审核中"
        case .selected: "已入选"
        case .rejected: "未入选"
        case .issued: "已下达"
        case .arrived: "已到位"
        case .spending: "支出中"
        }
    }

    public static func eventKind(_ kind: FundingEvent.Kind) -> String {
        switch kind {
        case .created: "录入"
        case .submitted: "申报"
        case .reviewing: "进入审核"
        case .selected: "入选"
        case .rejected: "未入选"
        case .issued: "下达"
        case .arrived: "到位"
        case .spent: "支出"
        case .note: "进展"
        }
    }

    /// The amount an event's money is called by in a refusal.
    static func amountName(_ kind: FundingEvent.Kind) -> String {
        switch kind {
        case .created: "申请金额"
        case .selected: "入选金额"
        case .issued: "下达金额"
        case .arrived: "到位金额"
        case .spent: "支出金额"
        default: "金额"
        }
    }

    static let noProjects = "请至少列入一个项目"
    static let projectTwice = "同一项目在一份申报中只能列一次"
    static let amountTooLarge = "金额超出可登记的范围"
    static func noProgrammes(_ channel: String) -> String { "\(channel)不分专项或投向，请留空" }

    static func notNow(_ kind: FundingEvent.Kind, _ state: FundingState) -> String {
        kind == .created ? "“录入”不能补记" : "申报处于“\(state.label)”，不能登记“\(kind.label)”"
    }

    static func before(_ day: Day) -> String { "日期不能早于 \(day.iso)" }

    public static let windowNotOfChannel = "所选批次不属于该申报渠道"
    public static let notRevisable = "申报已有审定结果（入选或未入选），不能再修改申报内容"
    public static func revised(projects: Int, asked: Money) -> String { "修改申报内容：项目 \(projects) 个，申请金额 \(asked.formatted(in: .wan, grouped: true)) 万元" }
    public static func evidenceRequired(_ item: String) -> String { "“\(item)”标为已满足时请填写依据（文号或材料名称）" }
    public static let closesBeforeOpens = "截止日期不能早于开始日期"
    public static let windowYear = "批次年度与开始日期的年度不一致"

    static func above(_ kind: FundingEvent.Kind, _ of: FundingEvent.Kind, _ ceiling: Money, recorded: Money) -> String {
        let already = recorded.yuan > 0 ? "（已登记\(recorded.formatted(in: .wan, decimals: 2))万元）" : ""
        return "\(amountName(kind))累计不能超过\(amountName(of))\(ceiling.formatted(in: .wan, decimals: 2))万元\(already)"
    }

    /// The sentence officials write (seed 002): `全市共发行专项债券项目145个，占全省比重32.9%，发行债券资金365.98亿元，
    /// 占全省比重58.9%，较上一年全年增加138亿元。`
    public static func sentence(scope: String, channel: FundingCatalog.Channel?, comparison: FundingComparison, share: ProvinceShare?) -> String {
        let word = channel?.issueWord ?? "下达"
        let name = channel?.name ?? "上级资金"
        let now = comparison.thisYear
        let yi = { (money: Money) in Decimals.text(Double(money.yuan) / Double(Money.yuanPerYi), places: 2) }
        var text = "\(scope)共\(word)\(name)项目\(now.issuedProjects)个"
        if let percent = share?.projects { text += "，占全省比重\(Decimals.percent(percent))" }
        text += "，\(word)资金\(yi(now.issued))亿元"
        if let percent = share?.amount { text += "，占全省比重\(Decimals.percent(percent))" }
        let base = comparison.isWholeYear ? "较上一年全年" : "较上年同期"
        let change = comparison.issuedChange
        if comparison.comparedWith.issued.yuan == 0 && now.issued.yuan == 0 { return text + "。" }
        if change.yuan == 0 { return text + "，与\(comparison.isWholeYear ? "上一年全年" : "上年同期")持平。" }
        return text + "，\(base)\(change.yuan > 0 ? "增加" : "减少")\(yi(Money(yuan: abs(change.yuan))))亿元。"
    }
}
