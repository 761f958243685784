/// The home pages' words, zh-CN.
extension WebText {
    enum Home {
        static let title = "工作台"
        static func greeting(_ name: some CustomStringConvertible, _ today: some CustomStringConvertible) -> String { "\(name)，今天是 \(today)。" }
        static let centre = "项目中心：本月调度"
        static let sponsor = "包保项目"
        static let portfolio = "四率与灯色"
        static let secretary = "我的项目"
        static let unit = "本单位"
        static let supervision = "督查督办"
        static let reader = "项目"
        static func reportsOwed(_ month: some CustomStringConvertible) -> String { "\(month)月报待报" }
        static func reportsMissing(_ month: some CustomStringConvertible) -> String { "\(month)月报逾期未报" }
        static let reportsToReview = "月报待审核"
        static let problemsToAssign = "问题待分办"
        static let problemsOverdue = "问题已逾期"
        static let problemsEscalated = "问题已提级"
        static let problemsRisenToLeaders = "提级待协调的问题"
        static let problemsOpen = "未销号的问题"
        static let problemsOurs = "本单位办理中的问题"
        static let problemsOursOverdue = "本单位逾期的问题"
        static let itemsOverdue = "督办事项已逾期"
        static let itemsOpen = "督办事项未办结"
        static let approvalsWaiting = "本部门待办审批"
        static let approvalsOverdue = "审批已超时"
        static let myProjects = "我的项目"
        static let projectsInView = "可查看的项目"
        static let callMeeting = "召开调度会"
        static func nextMeeting(_ title: some CustomStringConvertible, _ day: some CustomStringConvertible) -> String { "下次会议：\(title)（\(day)）" }
        static func fillMonth(_ month: some CustomStringConvertible) -> String { "填报\(month)月报" }
    }
}
