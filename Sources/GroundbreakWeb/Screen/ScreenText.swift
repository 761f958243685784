/// The big screen's words, zh-CN.
extension WebText {
    enum Screen {
        static let title = "重大项目调度大屏"
        static func asOf(_ time: some CustomStringConvertible) -> String { "截至 \(time)，每 5 分钟自动更新" }
        static let back = "返回工作台"
        static let lightTheme = "浅色（投影）"
        static let darkTheme = "深色"
        static let projects = "在库项目"
        static func projectsNote(_ yi: some CustomStringConvertible) -> String { "总投资 \(yi) 亿元" }
        static let investment = "本年完成投资"
        static func investmentNote(_ unit: some CustomStringConvertible, _ bulletin: some CustomStringConvertible) -> String { "\(unit)：\(bulletin)" }
        static let noTarget = "尚未设定年度目标"
        static let problems = "问题未销号"
        static func problemsNote(_ overdue: some CustomStringConvertible, _ closed: some CustomStringConvertible) -> String { "其中逾期 \(overdue) 个；本月销号 \(closed) 个" }
        static let items = "督办未办结"
        static func itemsNote(_ overdue: some CustomStringConvertible) -> String { "其中逾期 \(overdue) 件" }
        static let approvals = "审批承诺时限内办结"
        static func approvalsNote(_ within: some CustomStringConvertible, _ all: some CustomStringConvertible) -> String { "\(within) / \(all) 个项目取得施工许可" }
        static let stages = "项目阶段（个）"
        static func starts(_ year: some CustomStringConvertible) -> String { "\(year)年各月开工项目（个）" }
        static func month(_ month: some CustomStringConvertible) -> String { "\(month)月" }
        static let map = "各县（市）区（挂图作战）"
        static let measureProjects = "项目数"
        static let measureInvestment = "总投资（亿元）"
        static let measureOverdue = "逾期问题"
        static let yiUnit = "亿元"
    }
}
