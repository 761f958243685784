/// The supervision pages' words, zh-CN: the feature's section of the Web catalogue.
extension WebText {
    enum Supervision {
        static let items = "督办事项"
        static func openSummary(_ items: some CustomStringConvertible, _ overdue: some CustomStringConvertible) -> String { "未办结 \(items) 件，其中逾期 \(overdue) 件。" }
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
        static func title(_ id: some CustomStringConvertible) -> String { "督办事项 #\(id)" }
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
        static let note = "说明"
        static let submit = "提交"
        static func letterFileName(_ id: some CustomStringConvertible) -> String { "督办函-\(id).docx" }
    }
}
