/// The problems pages' words, zh-CN: the feature's section of the Web catalogue.
extension WebText {
    enum Problems {
        static func listOfProject(_ name: some CustomStringConvertible) -> String { "问题清单：\(name)" }
        static let list = "问题清单"
        static func monthDay(_ month: some CustomStringConvertible, _ day: some CustomStringConvertible) -> String { "\(month)月\(day)日" }
        static func monthlyCycle(_ reportBy: some CustomStringConvertible, _ assignBy: some CustomStringConvertible, _ jointMeetingBy: some CustomStringConvertible) -> String { "每月 \(reportBy) 前报送问题清单，\(assignBy) 前分办，\(jointMeetingBy) 前提请联席会议研究需全市统筹的问题" }
        static func phaseUntil(_ phase: some CustomStringConvertible, _ day: some CustomStringConvertible) -> String { "当前阶段：\(phase)（截至 \(day)）" }
        static func phase(_ phase: some CustomStringConvertible) -> String { "当前阶段：\(phase)" }
        static func monthList(_ month: some CustomStringConvertible) -> String { "\(month)问题清单" }
        static func days(_ value: some CustomStringConvertible) -> String { "\(value) 天" }
        static let total = "问题总数"
        static let open = "未销号"
        static let overdue = "已逾期"
        static let escalated = "已提级"
        static let closedThisMonth = "本月销号"
        static let closeRate = "销号率"
        static let medianDaysToClose = "销号用时中位数"
        static let listHeading = "列表"
        static let escalateOverdue = "逾期问题按提级链条提级"
        static let raiseForEnterprise = "提出企业问题（万人助万企，无项目）"
        static let enterpriseName = "企业名称"
        static let region = "所在属地"
        static let category = "问题类别"
        static let description = "问题描述"
        static let raise = "提出问题"
        static let descriptionHint = "问题描述（需要谁、解决什么、何时前）"
        static let noneMatching = "没有符合条件的问题。"
        static let problem = "问题"
        static let categoryShort = "类别"
        static let level = "层级"
        static let owner = "责任单位"
        static let deadline = "时限"
        static let status = "状态"
        static let raised = "提出"
        static func escalationCount(_ escalations: some CustomStringConvertible) -> String { "（提级 \(escalations) 次）" }
        static let toAssign = "待分办"
        static let overdueByOwner = "逾期问题按责任单位"
        static let overdueCount = "逾期件数"
        static let escalatedNotice = "逾期问题已按提级链条提级。"
        static let savedNotice = "已保存。"
        static let enterpriseOutsideRegion = "只能为本辖区的企业提出问题"
        static func title(_ id: some CustomStringConvertible) -> String { "问题 #\(id)" }
        static let history = "办理过程"
        static func enterprise(_ enterpriseName: some CustomStringConvertible) -> String { "企业：\(enterpriseName)" }
        static let project = "项目"
        static func escalatedTimes(_ escalations: some CustomStringConvertible) -> String { "（已提级 \(escalations) 次）" }
        static let support = "配合单位"
        static let handlingDeadline = "办理时限"
        static let overdueMark = "（已逾期）"
        static let evidence = "佐证材料"
        static let actions = "操作"
        static let submit = "提交"
        static let ownerWhenAssigning = "责任单位（分办时）"
        static let deadlineHint = "办理时限（留空按层级工作日）"
        static let manageHeading = "分办与督办（项目中心）"
        static let assign = "分办 / 改派"
        static let escalate = "提级"
        static let suspend = "挂起"
        static let resume = "恢复办理"
        static let manageNote = "说明（挂起、提级须写明原因）"
        static let handleHeading = "办理（责任单位）"
        static let reply = "办理回复"
        static let resolve = "办结（附解决情况）"
        static let beyondPower = "无力解决，申请提级"
        static let handleNote = "进展、解决情况或原因"
        static let evidenceHint = "佐证材料（图片、PDF 或 Office 文件，可不传）"
        static let confirmHeading = "销号确认（提出人或项目中心）"
        static let closeOut = "确认解决，销号"
        static let reopen = "未解决，退回重办"
        static let reopenShort = "重新办理"
        static let confirmNote = "意见（退回须写明原因）"
        static func escalationStep(_ level: some CustomStringConvertible, _ owner: some CustomStringConvertible, _ deadline: some CustomStringConvertible) -> String { "\(level)：\(owner)，时限 \(deadline)" }
    }
}
