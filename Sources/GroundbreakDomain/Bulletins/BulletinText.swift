import Foundation

/// A refused bulletin edit or issue, zh-CN.
public enum BulletinEditText: Sendable, Equatable {
    case issuedIsFrozen
    case tooLong(max: Int)
    case sectionCount(Int)
    case headingRequired(Int)
    case tooManyParagraphs(max: Int)

    public var zh: String {
        switch self {
        case .issuedIsFrozen: "已印发的通报不能再改"
        case .tooLong(let max): "不能超过 \(max) 个字"
        case .sectionCount(let count): "通报有 \(count) 个部分，请逐一提交（表格随数据生成，不在此修改）"
        case .headingRequired(let index): "第 \(index) 部分的标题不能为空"
        case .tooManyParagraphs(let max): "每个部分最多 \(max) 段"
        }
    }
}

/// The bulletins' words, zh-CN: what a generated draft says before the centre edits it.
public enum BulletinText {
    public static func kind(_ kind: BulletinKind) -> String {
        switch kind {
        case .construction: "项目建设通报"
        case .supervision: "督查通报"
        case .sponsor: "包保专报"
        case .attraction: "招商动态"
        }
    }

    public static func status(_ status: BulletinStatus) -> String {
        switch status {
        case .draft: "草稿"
        case .issued: "已印发"
        }
    }

    /// 一 … 十.
    static let numerals = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]
    static func heading(_ index: Int, _ text: String) -> String { (index < numerals.count ? numerals[index] : String(index + 1)) + "、" + text }

    static func constructionTitle(_ month: Month) -> String { "关于\(month.year)年1—\(month.month)月全市重大项目建设推进情况的通报" }
    static func supervisionTitle(_ month: Month) -> String { "关于\(month.year)年\(month.month)月重大项目督办事项和问题办理情况的通报" }

    static let city = "全市"
    static let overall = "总体情况"
    static let byUnit = "各县（市）区、开发区推进情况"
    static let praised = "通报表扬"
    static let criticised = "通报批评"
    static let redList = "红灯项目"
    static let requirements = "下步工作要求"
    static let overdueItems = "逾期未办结的督办事项"
    static let overdueUnits = "逾期问题较多的单位"

    static func schedule(ahead: Int, behind: Int, units: Int) -> String {
        "纳入考核排名的\(units)个县（市）区、开发区中，\(ahead)个单位完成投资达到或超过序时进度，\(behind)个单位落后于序时进度。"
    }
    static func noTarget(_ count: Int) -> String { count > 0 ? "另有\(count)个单位未下达年度投资目标。" : "" }
    static let tableNote = "各单位数字为本年累计，完成投资为调度口径；红灯项目为生成本通报时的灯色。"
    static func praise(_ names: [String]) -> String {
        names.isEmpty ? "本期没有超额完成目标任务的单位。"
            : names.joined(separator: "、") + "完成投资超额完成序时进度目标，各项考核指标均达到要求，予以通报表扬，优先评优。"
    }
    static func criticise(_ clauses: [String]) -> String {
        clauses.isEmpty ? "本期没有未完成目标任务的单位。"
            : clauses.joined(separator: "；") + "。以上单位未完成目标任务，取消本期评优资格，请认真分析原因，制定赶超措施，确保按期完成全年目标。"
    }
    static func behindClause(_ name: String, _ points: Double) -> String { "\(name)落后时间进度\(Decimals.text(points))个百分点" }
    static func missedClause(_ name: String) -> String { "\(name)部分考核指标未完成" }
    static func redCount(_ count: Int, listed: Int, asOf: String) -> String {
        count == 0 ? "截至\(asOf)，全市没有红灯项目。"
            : "截至\(asOf)，全市红灯项目\(count)个" + (listed < count ? "，按总投资由大到小列出前\(listed)个" : "") + "。请属地和责任单位逐项制定整改措施，限期转灯。"
    }
    static func supervisionOverall(total: Int, overdue: Int, problems: Int, asOf: String) -> String {
        "截至\(asOf)，在办督办事项\(total)件，其中逾期未办结\(overdue)件；问题清单中逾期未解决的问题\(problems)个。"
    }
    static func overdueList(_ count: Int, listed: Int) -> String {
        count == 0 ? "本期没有逾期未办结的督办事项。"
            : "逾期未办结的督办事项\(count)件" + (listed < count ? "，按逾期天数由多到少列出前\(listed)件" : "") + "，请责任单位于收到本通报后抓紧办结并反馈。"
    }
    static func overdueUnitsLine(_ clauses: [String]) -> String {
        clauses.isEmpty ? "本期没有逾期未解决的问题。" : clauses.joined(separator: "、") + "逾期未解决的问题较多，请加快办理。"
    }
    static func unitProblems(_ name: String, _ count: Int) -> String { "\(name)（\(count)个）" }

    static let serial = "序号"
    static let unit = "单位"
    static let rank = "排名"
    static let change = "较上月"
    static let investment = "完成投资（万元）"
    static let completion = "完成率"
    static let gap = "超/落后序时进度（百分点）"
    static let underWay = "开复工项目"
    static let newStartRate = "新开工率"
    static let red = "红灯项目"
    static let score = "综合得分"
    static let project = "项目名称"
    static let region = "属地"
    static let reasons = "红灯原因"
    static let item = "督办事项"
    static let owner = "责任单位"
    static let deadline = "办理时限"
    static let daysLate = "逾期天数"
    static let overdueProblems = "逾期问题"
    static let none = "—"
    static let notGiven = "未下达"

    /// The 包保专报's words.
    /// The 招商动态's words.
    enum Attraction {
        static func title(_ year: Int, _ month: Int) -> String { "\(year)年\(month)月招商引资工作动态" }
        static func overview(_ month: String, _ leads: Int, _ signings: Int, _ total: String, _ domestic: String, _ foreign: String, _ registered: Int,
                             _ sited: Int) -> String {
            "\(month)，全市新增招商线索\(leads)条；新签约项目\(signings)个，签约金额\(total)（内资\(domestic)，外资\(foreign)）；新注册企业\(registered)户，新落位项目\(sited)个。"
        }
        /// `，同比增长30.0%` or `，同比下降4.2%`; nothing when last year had none.
        static func growth(_ value: Double?) -> String {
            value.map { "，同比\($0 < 0 ? "下降" : "增长")\(Decimals.percent(abs($0)))" } ?? ""
        }
        static func funds(_ domestic: String, _ domesticGrowth: Double?, _ foreign: String, _ foreignGrowth: Double?) -> String {
            "本年累计实际到位内资\(domestic)\(growth(domesticGrowth))；实际利用外资（折人民币）\(foreign)\(growth(foreignGrowth))。"
        }
        static let activitiesHeading = "招商活动"
        static func activitiesLine(_ count: Int) -> String { "本月各地共开展招商活动\(count)次。" }
        static let noActivities = "本月没有记录招商活动。"
        static let signingsHeading = "签约项目"
        static func signingsLine(_ count: Int) -> String { "本月新签约项目\(count)个，名单如下。" }
        static let noSignings = "本月没有新签约项目。"
        static let unitsHeading = "各地情况"
        static let allMet = "本月各县（市）区、开发区均开展了招商活动并有新签约项目。"
        static func shortLine(_ units: [String]) -> String { "本月没有招商活动或没有新签约项目的单位：" + units.joined(separator: "、") + "，请加快推进，确保每月都有新项目签约。" }
        static let day = "日期"
        static let kind = "活动类型"
        static let title = "活动名称"
        static let investor = "投资方"
        static let amount = "签约金额（万元）"
        static let contract = "协议类型"
        static let activities = "招商活动（次）"
        static let signingsColumn = "新签约项目（个）"
        static let domesticYTD = "本年到位内资（万元）"
    }

    enum Sponsor {
        static func title(_ year: Int, _ quarter: Int, _ leader: String) -> String { "关于\(year)年第\(quarter)季度\(leader)包保重大项目推进情况的专报" }
        static func allTitle(_ year: Int, _ quarter: Int) -> String { "关于\(year)年第\(quarter)季度市领导包保重大项目推进情况的专报" }
        static func overview(_ leader: String, _ asOf: String, _ count: Int, _ red: Int, _ yellow: Int, _ green: Int) -> String {
            "截至\(asOf)，\(leader)包保重大项目\(count)个，其中红灯项目\(red)个、黄灯项目\(yellow)个、绿灯项目\(green)个。"
        }
        static func allOverview(_ asOf: String, _ leaders: Int, _ projects: Int, _ red: Int) -> String {
            "截至\(asOf)，\(leaders)位市领导共包保重大项目\(projects)个，其中红灯项目\(red)个。"
        }
        static func rate(_ name: String, _ value: String) -> String { "\(name)\(value)" }
        static func rates(_ items: [String]) -> String { "“四率”情况：" + items.joined(separator: "，") + "。" }
        static let progress = "项目推进情况"
        static let flagged = "红灯、黄灯项目及原因"
        static let risen = "上升到市级协调的问题"
        static let byLeader = "各位市领导包保项目情况"
        /// `本季度现场办公3次、召开现场协调会1次、作出批示2件，涉及4个项目。`
        static func activities(_ counts: ActivityCounts) -> String { PortfolioText.counts(counts, span: "本季度") + "。" }
        static let activityColumn = "现场办公/协调会/批示"
        static func activityCell(_ counts: ActivityCounts) -> String { "\(counts.siteVisits)/\(counts.coordinations)/\(counts.instructions)" }
        static let noFlagged = "本季度没有红灯、黄灯项目。"
        static func flaggedLine(_ count: Int) -> String { "红灯、黄灯项目\(count)个，原因如下。" }
        static let noRisen = "本季度没有上升到市级协调的未办结问题。"
        static func risenLine(_ count: Int) -> String { "上升到市级协调的未办结问题\(count)个，请包保领导协调推动解决。" }
        static let stage = "阶段"
        static let planned = "年度计划（万元）"
        static let done = "本年完成（万元）"
        static let light = "灯色"
        static let problem = "问题"
        static let level = "层级"
        static let leader = "包保领导"
        static let projects = "项目数"
        static let yellow = "黄灯项目"
    }
}
