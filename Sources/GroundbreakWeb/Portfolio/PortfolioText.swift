/// The sponsor's portfolio page words, zh-CN.
extension WebText {
    enum Portfolio {
        static let title = "包保项目"
        static let lead = "包保领导的全部项目：四率（公式见各项下方）、每个项目的灯色及原因、计划与本年完成投资、上升到市级的问题。"
        static let seat = "包保领导"
        static let show = "查看"
        static let noSeat = "您的账号没有包保领导岗位；项目中心可在此选择任一包保领导查看。"
        static let fourRates = "四率"
        static let none = "—"
        static let noProjects = "该包保领导名下没有项目。"
        static let lights = "灯色"
        static let project = "项目名称"
        static let region = "属地"
        static let stage = "阶段"
        static let total = "总投资（万元）"
        static let planned = "年度计划（万元）"
        static let done = "本年完成（万元）"
        static let reasons = "原因"
        static let risen = "上升到市级的问题"
        static let noRisen = "没有上升到市级的未办结问题。"
        static let problem = "问题"
        static let level = "层级"
        static let deadline = "办理时限"
        static let counts = "灯色统计"
        static let asOf = "本年完成投资截至上月（调度口径，已关账月份按期末快照）；灯色按现行红黄绿灯规则。"
        static func ratio(_ part: String, _ whole: String) -> String { "\(part) / \(whole)" }
        static func filterText(_ seat: String) -> String { "\(seat) 包保的项目" }
        static func fileName(_ seat: String) -> String { "包保项目-\(seat).xlsx" }
        static func count(_ count: Int) -> String { "共 \(count) 个项目" }
        static func colourCount(_ red: Int, _ yellow: Int, _ green: Int) -> String { "红灯 \(red) 个，黄灯 \(yellow) 个，绿灯 \(green) 个" }
        static let seatOutsideReach = "只能查看本人岗位的包保项目"
        static let activities = "现场办公、现场协调会与批示"
        static let noActivities = "今年还没有记录。"
        static let activityOn = "日期"
        static let activityKind = "类别"
        static let activitySummary = "内容（现场情况、协调事项或批示）"
        static let recordedBy = "记录人"
        static let recordActivity = "记录现场办公、协调会或批示"
        static let recorded = "已记录。"
        static func homeProjects(_ count: Int, _ colours: String) -> String { "包保项目 \(count) 个：\(colours)" }
        static func rateItem(_ name: String, _ value: String) -> String { "\(name) \(value)" }
        static func ratesLine(_ items: [String]) -> String { "四率：" + items.joined(separator: "，") }
    }

    enum PortfolioContract {
        static let summary = "包保领导的项目组合：四率（含公式）、各项目灯色及原因、计划与本年完成投资、上升到市级的问题，本年的现场办公、协调会与批示及本季度计数"
        static let answer = "包保项目"
        static let seat = "包保领导岗位编号；省略时为本人岗位。项目中心、管理员可查看任一岗位"
        static let badQuery = "岗位编号有误"
        static let forbidden = "只能查看本人岗位的包保项目"
        static let yuan = "元"
        static let recordSummary = "记录包保领导在其包保项目上的现场办公、现场协调会或批示"
        static let recorded = "已记录的活动"
        static let forbiddenRecord = "只能为本人岗位记录；项目中心、管理员可为任一包保领导记录"
        static let invalid = "项目不是该领导包保的、日期未到或无效、类别未知、内容为空或过长"
        static let activitySeat = "包保领导岗位编号"
        static let activitySummary = "现场情况、协调事项或批示内容，不超过2000字"
        static let rate = "四率之一：part / whole；投资完成率以元计，其余以项目数计；percent 在分母为 0 时为 null"
    }
}
