import Foundation
import GroundbreakDomain

/// The cross-unit table's and assessment's page words, zh-CN.
extension WebText {
    enum Assessment {
        static let title = "考核排名"
        static let lead = "各县（市）区、开发区本年累计至所选月份的投资完成、开复工、新开工率、入统、问题和月报情况，按考核办法计分排名。投资完成与目标页同一口径（调度口径，已关账月份按期末快照）；序时进度按各单位目标的进度曲线。"
        static let month = "月份"
        static let show = "查看"
        static let unit = "单位"
        static let rank = "排名"
        static let change = "较上月"
        static let score = "综合得分"
        static let investment = "完成投资（万元）"
        static let target = "年度目标（万元）"
        static let completion = "完成率"
        static let timeProgress = "序时进度"
        static let gap = "超/落后序时（百分点）"
        static let underWay = "开复工项目"
        static let newStarts = "新开工项目"
        static let newStartRate = "新开工率"
        static let resumeRate = "复工率"
        static let admitted = "已入统/应入统"
        static let problems = "问题按期解决/到期"
        static let overdue = "逾期未解决问题"
        static let reports = "月报按时/应报"
        static let approvals = "审批按时/办结"
        static let red = "红灯项目"
        static let signed = "招商签约/线索"
        static let signingMonths = "有签约月份"
        /// `17/52`, or a dash for a unit that follows no lead.
        static func optionalRatio(_ part: Int?, _ whole: Int?) -> String { part.flatMap { p in whole.map { "\(p)/\($0)" } } ?? "—" }
        static let honours = "评优资格"
        static let noTarget = "未下达"
        static let none = "—"
        static let scheme = "考核办法"
        static let item = "考核项目"
        static let weight = "分值"
        static let scoring = "计分办法"
        static let basis = "口径"
        static let itemsHeading = "各单位分项得分"
        static let notScored = "不计分"
        static let sentenceHeading = "通报用语"
        static let plan = "年度计划投资（万元）"
        static let badSet = "排名范围只能是 regions（县（市）区、开发区）或 departments（市直部门）；专班工作组排名见专班页"
        static let setHeading = "排名范围"
        static let leadDepartments = "市直部门本年累计至所选月份的情况，按考核办法计分排名：投资完成、开复工、新开工率、入统和月报按各部门牵头的项目计，问题按其承办（责任单位）的问题计，审批按其办理的审批事项计。没有任何可考核事项的部门不列入。"
        static let leadGroups = "专班各工作组所跟踪项目本年累计至所选月份的情况，按考核办法计分排名：完成投资对照项目年度计划投资（与工作组页同一口径），序时进度按专班所在单位的进度曲线；问题、审批、月报按所跟踪项目计。工作组跟踪的项目按当前名单。"
        static func setName(_ set: AssessmentUnitSet) -> String { AssessmentText.setName(set) }
        static func scope(_ set: AssessmentUnitSet) -> String { AssessmentText.scope(set) }
        static func groupsTitle(_ taskForce: String) -> String { "\(taskForce)工作组考核排名" }
        static func groupsSet(_ taskForce: String) -> String { "\(taskForce)各工作组" }
        static let rankingLink = "工作组排名"
        static let serial = "序号"
        static func schemeLine(_ name: String, _ version: Int, _ from: String) -> String { "\(name)（第 \(version) 版，\(from) 起施行）" }
        static func frozenLine(_ at: String, _ by: String) -> String { "本月已关账：本表于 \(at) 由 \(by) 冻结，此后数据变动不改变本表。" }
        static let liveLine = "本月尚未关账：本表按当前数据计算，关账时冻结。"
        static let redLive = "红灯项目数为当前灯色（按现行红黄绿灯规则）。"
        static let redAbsent = "红灯项目数只在填报月份（上月）和关账冻结的表中给出：灯色没有按月留存。"
        static let scoreNote = "综合得分 = 各可考核项目得分之和 ÷ 其分值之和 × 100；单位没有应考核事项（如未下达投资目标、无计划新建项目、无到期问题）的项目不计分，不扣分。得分相同的单位并列，下一名次顺延。"
        static func filterText(_ month: String, _ set: String) -> String { "\(month)（本年累计），\(set)" }
        static func fileName(_ title: String, _ month: String) -> String { "\(title)-\(month).xlsx" }
        static func count(_ count: Int) -> String { "共 \(count) 个单位" }
        static func percent(_ value: Double?) -> String { value.map { Decimals.percent($0) } ?? none }
        static func points(_ value: Double?) -> String { value.map { Decimals.text($0, signed: true) } ?? none }
        static func ratio(_ part: Int, _ whole: Int) -> String { "\(part)/\(whole)" }
        static func badMonth(_ month: String) -> String { "\(month) 尚未开始，没有可考核的数字" }
    }

    enum AssessmentContract {
        static let summary = "考核排名：各县（市）区、开发区本年累计至所选月份的数字、分项得分、综合得分、排名与较上月变化，及通报用语"
        static let answer = "考核表"
        static let badQuery = "月份有误（YYYY-MM，且已开始）"
        static let forbidden = "无权查看考核排名（项目秘书、招商人员）"
        static let month = "月份 YYYY-MM；省略时为填报月份（上月）"
        static let unitSet = "排名范围：regions（县（市）区、开发区，省略时）或 departments（市直部门）"
        static let unitSetField = "排名范围：regions、departments 或 groups:专班编号"
        static let groupsSummary = "专班工作组考核排名：一个专班各工作组所跟踪项目本年累计至所选月份的数字、分项得分、综合得分、排名与较上月变化"
        static let targetIsPlans = "为 true 时 targetYuan 是所跟踪项目的年度计划投资之和（工作组），而非下达的目标"
        static let frozen = "关账冻结的时间与操作人；未关账时为 null"
        static let red = "红灯项目数；只在填报月份和冻结的表中给出，否则为 null"
        static let value = "分项的考核值（百分比）；单位没有应考核事项时为 null，不计分"
        static let rankChange = "较上月名次变化，正数为上升；每年1月或上月未排名时为 null"
        static let yuan = "元"
    }
}
