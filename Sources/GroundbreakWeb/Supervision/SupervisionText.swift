/// The supervision pages' words, zh-CN: the feature's section of the Web catalogue.
extension WebText {
    enum Supervision {
        static let items = "督办事项"
        static func openSummary(_ items: some CustomStringConvertible, _ overdue: some CustomStringConvertible) -> String { "未办结 \(items) 件，其中逾期 \(overdue) 件。" }
        static func fileName(_ today: some CustomStringConvertible) -> String { "督办事项-\(today).xlsx" }
        static let serial = "序号"
        static let createdOn = "立项日期"
        static func overdueSummary(_ items: some CustomStringConvertible) -> String { "逾期未办结 \(items) 件。" }
        static let showOverdue = "只看逾期"
        static func allSummary(_ items: some CustomStringConvertible) -> String { "全部 \(items) 件。" }
        static let showAll = "查看全部（含已销号）"
        static let showOpen = "只看未办结"
        static let createHeading = "立项督办"
        static let content = "督办内容"
        static let owner = "责任单位"
        static let deadline = "办理时限"
        static let source = "来源"
        static let sourceNote = "来源说明（会议及文号、批示等）"
        static let create = "立项"
        static let none = "没有督办事项。"
        static let deadlineShort = "时限"
        static let status = "状态"
        static let urges = "催办"
        static let overdue = "已逾期"
        static let overdueMark = "（已逾期）"
        static let urgeCount = "催办次数"
        static func numbered(_ id: some CustomStringConvertible) -> String { "督办事项编号 \(id)" }
        static let downloadLetter = "下载督办函（.docx）"
        static let answerHeading = "反馈（责任单位）"
        static let feedback = "反馈进展"
        static let done = "报告办结"
        static let decideHeading = "督查（督查室）"
        static let urge = "催办并发督办函"
        static let close = "核销销号"
        static let reopen = "退回重办"
        static let history = "办理过程"
        static let actions = "操作"
        static let newDeadline = "新的办理时限（可不填）"
        static func deadlineMoved(_ day: String) -> String { "新时限 \(day)" }
        static let note = "说明"
        static let submit = "提交"
        static func letterFileName(_ id: some CustomStringConvertible) -> String { "督办函-\(id).docx" }
    }

    enum SupervisionContract {
        static let list = "督办事项：督查室、项目中心看全部，责任单位看本单位的；默认只列未办结（all=true 列全部）"
        static let listAnswer = "督办事项，未办结在前、时限早在前"
        static let all = "true：列出全部（含已办结）"
        static let overdue = "true：只列逾期未办结的"
        static let create = "立项督办（督查室、项目中心）"
        static let created = "立项后的事项与过程"
        static let createInvalid = "内容、责任单位或时限有误"
        static let get = "一个督办事项及其办理过程"
        static let getAnswer = "事项与过程"
        static let answer = "责任单位反馈进展（feedback）或报告办结（done，须写明结果）"
        static let answerForbidden = "仅责任单位"
        static let decide = "督查室核销（close）、退回重办（reopen，须写明原因）或对逾期事项催办并发督办函（urge）"
        static let decideForbidden = "仅督查室或项目中心"
        static let handled = "办理后的事项与过程"
        static let conflict = "版本冲突"
        static let eventInvalid = "当前状态不允许此操作，或缺少必需信息"
        static let urges = "催办（督办函）次数"
        static let owner = "department:代码 或 region:代码"
        static let problemId = "来源为问题清单时的问题编号"
    }
}
