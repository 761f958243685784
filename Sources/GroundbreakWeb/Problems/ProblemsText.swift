/// The problems pages' words, zh-CN: the feature's section of the Web catalogue.
extension WebText {
    enum Problems {
        static func ownerFilter(_ owner: some CustomStringConvertible) -> String { "责任单位：\(owner)" }
        static func fileName(_ today: some CustomStringConvertible) -> String { "问题清单-\(today).xlsx" }
        static let serial = "序号"
        static let raisedOn = "提出日期"
        static func listed(_ count: some CustomStringConvertible) -> String { "符合条件的问题 \(count) 个" }
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
        static func numbered(_ id: some CustomStringConvertible) -> String { "问题编号 \(id)" }
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

    enum ProblemsContract {
        static let list = "问题清单：调用者可见的问题（所涉项目可见，或本单位为责任/配合单位），附当月问题清单周期和统计（销号率、销号用时中位数、逾期件数按责任单位）"
        static let listAnswer = "一页问题与统计"
        static let view = "open 未销号（默认）；overdue 已逾期；escalated 已提级；closedThisMonth 本月销号；all 全部"
        static let owner = "责任单位，如 department:CC-GXJ 或 region:220104"
        static let badQuery = "查询参数无效"
        static let get = "一个问题及其全部办理过程（提级链条在内）"
        static let getAnswer = "问题与办理过程"
        static let raise = "在项目上提出问题（状态为待分办）"
        static let raised = "已提出的问题"
        static let raiseInvalid = "缺少类别或描述"
        static let raiseForEnterprise = "提出企业问题（万人助万企，无项目）：项目中心可为任何属地提出，县区工作人员只能为本辖区提出"
        static let raiseForEnterpriseForbidden = "无权限，或属地不在本辖区"
        static let raiseForEnterpriseInvalid = "缺少企业名称、属地、类别或描述"
        static let manage = "项目中心分办（assign）、提级（escalate）、挂起（suspend）、恢复（resume）"
        static let manageForbidden = "仅项目中心可分办、提级、挂起"
        static let handle = "责任单位办理回复（reply）、办结（resolve，须写明解决情况）、无力解决申请提级（beyondPower）"
        static let handleForbidden = "仅责任单位或项目中心可办理"
        static let confirm = "提出人或项目中心确认销号（closeOut）或退回重办（reopen，须写明原因）"
        static let confirmForbidden = "仅问题提出人或项目中心可销号"
        static let handled = "办理后的问题与过程"
        static let conflict = "版本冲突：问题已被他人更新"
        static let eventInvalid = "当前状态不允许此操作，或缺少必需信息"
        static let upload = "上传问题的佐证材料（责任单位、项目中心）：请求体为文件本身（图片、PDF 或 docx/xlsx/pptx），name 为文件名"
        static let uploaded = "已上传"
        static let uploadForbidden = "仅责任单位或项目中心可上传"
        static let badFile = "不是可接受的文件类型或为空"
        static let fileName = "文件名"
        static let resolutionRate = "已销号 / 全部，0–1"
        static let category = "problem_rules.json 中的类别代码，如 LAND（用地）"
        static let version = "读到的问题版本"
        static let text = "回复、解决情况、原因或说明"
        static let assignOwner = "assign：责任单位，如 department:CC-GXJ"
        static let supportUnits = "assign：配合单位"
        static let deadline = "assign：办理时限，留空按层级的工作日数"
    }
}
