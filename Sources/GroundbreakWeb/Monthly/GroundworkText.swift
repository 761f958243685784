/// The words of the targets page's front-of-the-chain section, zh-CN.
extension WebText {
    enum Groundwork {
        static let heading = "前期工作目标（谋划储备、集中开工、向上资金）"
        static func hint(_ day: some CustomStringConvertible) -> String {
            "储备数为截至\(day)在库未开工（不含终止）的项目；新开工数为本年1月1日至目标日（不晚于\(day)）实际开工的项目；向上资金为本年至\(day)下达数与上年同期相比。只统计您职责范围内的项目。市级目标未设定时取工作方案要求（数据文件，可编辑）。"
        }
        static let measure = "指标"
        static let asOf = "截至"
        static let target = "目标"
        static let done = "完成"
        static let verdict = "完成情况"
        static let setByCentre = "（设定）"
        static let fromData = "（工作方案）"
        static let lastYear = "（上年同期）"
        static let notSet = "未设定"
        static let met = "已完成"
        static let notMet = "未完成"
        static func countAndAmount(_ count: some CustomStringConvertible, _ amount: some CustomStringConvertible) -> String { "\(count)个 / \(amount)亿元" }
        static func count(_ count: some CustomStringConvertible) -> String { "\(count)个" }
        static func amount(_ amount: some CustomStringConvertible) -> String { "\(amount)亿元" }
        static let targetCount = "目标个数"
        static let targetAmount = "目标总投资（万元）"
        static let setHint = "留空两项即清除本单位该项目标"
        static let set = "设定"
        static let countInvalid = "目标个数须为不小于0的整数"
    }
}
