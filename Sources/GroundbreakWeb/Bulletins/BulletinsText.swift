/// The bulletins' page words, zh-CN.
extension WebText {
    enum Bulletins {
        static let title = "通报"
        static let lead = "项目建设通报、督查通报和包保专报：按所选月份的数字（考核排名、红灯项目、逾期督办事项和问题）生成草稿，修改文字后印发。印发时按类型和年度编号（〔2026〕第N期）并冻结，此后数据变动不改变已印发的通报。"
        static let drafts = "草稿"
        static let issued = "已印发"
        static let none = "还没有通报。"
        static let noDrafts = "没有草稿。"
        static let newBulletin = "生成通报草稿"
        static let kind = "类型"
        static let month = "月份"
        static let create = "生成草稿"
        static let seat = "包保领导（仅包保专报）"
        static let allLeaders = "全部包保领导"
        static let seatOnlyForSponsor = "只有包保专报可以指定包保领导"
        static let confidentialLead = "（保密项目）"
        static let withheld = "—"
        static let number = "期号"
        static let bulletinTitle = "标题"
        static let status = "状态"
        static let issuedOn = "印发日期"
        static let createdBy = "起草"
        static let edit = "修改文字"
        static let sectionHeading = "部分标题"
        static let paragraphs = "正文（每段一行）"
        static let save = "保存"
        static let regenerate = "按当前数据重新生成"
        static let regenerateNote = "重新生成会用当前数据替换全部文字和表格，已修改的文字不保留。"
        static let issue = "印发"
        static let issueNote = "印发后编号并冻结，不能再修改或删除。"
        static let discard = "删除草稿"
        static let docx = "下载 Word"
        static let back = "返回通报列表"
        static func issuedLine(_ number: String, _ on: String, _ by: String) -> String { "\(number)，\(on) 由 \(by) 印发；已冻结。" }
        static func draftLine(_ by: String, _ at: String) -> String { "草稿，\(by) 于 \(at) 生成；数字为生成时的数字。" }
        static func monthLine(_ kind: String, _ month: String) -> String { "\(kind)（\(month)）" }
        static func fileName(_ title: String, _ number: String) -> String { number.isEmpty ? "\(title).docx" : "\(title)\(number).docx" }
        static let saved = "已保存"
        static func badMonth(_ month: String) -> String { "\(month) 尚未开始，不能生成通报" }
    }

    enum BulletinsContract {
        static let list = "通报列表：已印发的通报；起草人（项目中心、督查室、管理员）另见草稿"
        static let listAnswer = "通报（不含正文）"
        static let create = "按所选月份的数字生成通报草稿（construction 项目建设通报：考核排名、表扬与批评、红灯项目；supervision 督查通报：逾期督办事项和问题）"
        static let show = "一期通报：标题、各部分正文和表格、状态、期号"
        static let edit = "修改草稿的标题和各部分的标题、正文（表格随数据生成，不在此修改）"
        static let issue = "印发草稿：按类型和年度编号并冻结"
        static let regenerate = "按当前数据重新生成草稿的全部文字和表格"
        static let discard = "删除草稿（已印发的通报不能删除）"
        static let answer = "通报"
        static let created = "已生成的草稿"
        static let invalid = "内容有误（类型、月份、标题、各部分），或通报已印发"
        static let conflict = "通报已被他人修改，请按最新版本号重试"
        static let forbidden = "无权起草、修改或印发通报（项目中心、督查室、管理员）"
        static let readForbidden = "无权查看通报"
        static let kind = "construction（项目建设通报）、supervision（督查通报）或 sponsor（包保专报）"
        static let seat = "包保专报的包保领导岗位编号；省略时为全部包保领导的专报。其他类型不得指定"
        static let month = "数字所属月份 YYYY-MM；省略时为填报月份（上月）"
        static let sections = "与草稿的部分一一对应，按顺序"
        static let number = "期号（如 〔2026〕第3期）；草稿为空"
        static let discarded = "已删除"
    }
}
