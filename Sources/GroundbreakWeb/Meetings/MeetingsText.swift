/// The meetings pages' words, zh-CN: the feature's section of the Web catalogue.
extension WebText {
    enum Meetings {
        static let unreadableProblem = "（该问题不在您的查看范围内）"
        static let unreadableItem = "（该督办事项不在您的查看范围内）"
        static let unreadableProject = "（该项目不在您的查看范围内）"
        static let meetings = "会议"
        static let none = "还没有会议。"
        static let date = "日期"
        static let name = "名称"
        static let agenda = "议题"
        static let decisions = "决定事项"
        static let minutes = "纪要"
        static func kindSerial(_ kindCode: some CustomStringConvertible, _ serial: some CustomStringConvertible) -> String { "\(kindCode) 第\(serial)次" }
        static let issued = "已印发"
        static let notIssued = "未印发"
        static let callHeading = "召开会议"
        static let carryOverHint = "上一次同类会议未解决的问题和未办结的督办事项会自动列入本次议题。"
        static let kind = "会议种类"
        static let title = "会议名称"
        static let place = "地点"
        static let chair = "主持"
        static let projectsHint = "汇报的项目（每行一个：项目名称或投资项目统一代码）"
        static let problemsHint = "列入议题的问题（已提级、已逾期的问题）"
        static let noCandidates = "目前没有已提级或逾期的问题；上次同类会议未解决的问题会自动列入。"
        static let tickAll = "全部勾选"
        static func candidateNote(_ owner: some CustomStringConvertible, _ deadline: some CustomStringConvertible, _ level: some CustomStringConvertible) -> String { "责任单位：\(owner)；时限：\(deadline)；\(level)" }
        static let problemLead = "问题："
        static let itemLead = "督办："
        static func attendeesLine(_ names: some CustomStringConvertible) -> String { "出席：\(names)" }
        static func minutesAfterMeeting(_ day: some CustomStringConvertible) -> String { "会议于 \(day) 召开后可在此印发纪要。" }
        static let addDecision = "增加一条决定事项"
        static let attendeesHint = "出席（每行一个职务或单位）"
        static let call = "召开"
        static func subtitle(_ kind: some CustomStringConvertible, _ meeting: some CustomStringConvertible, _ heldOn: some CustomStringConvertible, _ place: some CustomStringConvertible, _ chair: some CustomStringConvertible) -> String { "\(kind) \(meeting) · \(heldOn) · \(place) · 主持：\(chair)" }
        static let noAgenda = "没有议题。"
        static let minutesNotIssued = "纪要尚未印发。"
        static let carriedOver = "（上次会议遗留）"
        static func projectNumber(_ id: some CustomStringConvertible) -> String { "项目 #\(id)" }
        static let reports = " 汇报"
        static func problemNumber(_ id: some CustomStringConvertible) -> String { "问题 #\(id)" }
        static func itemNumber(_ id: some CustomStringConvertible) -> String { "督办 #\(id)" }
        static let minutesHeading = "会议纪要"
        static let downloadMinutes = "下载纪要（.docx）"
        static func itemReference(_ value: some CustomStringConvertible) -> String { " 督办 #\(value)" }
        static let issueMinutes = "印发纪要"
        static let decisionsHint = "写明责任单位和完成时限的决定事项，印发时自动列为督办事项。"
        static let summary = "会议情况"
        static func decisionNumber(_ index: some CustomStringConvertible) -> String { "决定事项 \(index)" }
        static let owner = "责任单位"
        static let noAction = "（无需办理）"
        static let deadline = "完成时限"
        static func minutesFileName(_ id: some CustomStringConvertible) -> String { "会议纪要-\(id).docx" }
        static func decisionOwner(_ owner: some CustomStringConvertible, _ deadline: some CustomStringConvertible) -> String { "责任单位：\(owner)；完成时限：\(deadline)" }
    }

    enum MeetingsContract {
        static let list = "会议（最近在前）"
        static let listAnswer = "会议"
        static let create = "召开会议（项目中心）：上一次同类会议未解决的问题、未办结的督办事项自动列入议题"
        static let created = "召开的会议"
        static let createInvalid = "种类、名称或日期有误"
        static let get = "一次会议：议题与纪要"
        static let meeting = "会议"
        static let minutes = "印发纪要（项目中心）：写明责任单位和完成时限的决定事项同时列为督办事项"
        static let minuted = "印发后的会议"
        static let conflict = "版本冲突"
        static let minutesInvalid = "纪要内容有误，或已印发"
        static let kindCode = "meeting_rules.json 中的会议种类"
        static let attendees = "每行一个"
        static let problems = "列入议题的问题编号"
        static let projects = "汇报的项目编号"
        static let owner = "责任单位：department:代码 或 region:代码"
    }
}
