/// The lights' page words, zh-CN.
extension WebText {
    enum Warnings {
        static let title = "红黄绿灯预警"
        static let lead = "在建和待建项目（谋划储备至开工建设、暂缓）按现行规则亮灯：任一规则亮红即为红，否则任一亮黄即为黄，都未触发为绿。每盏灯都写明原因和阈值。"
        static func ruleLine(_ version: Int, _ from: String, _ author: String, _ reason: String) -> String { "现行规则：第\(version)版，\(from)起施行（\(author)：\(reason)）" }
        static let rules = "规则明细"
        static let region = "所在属地"
        static let red = "红"
        static let yellow = "黄"
        static let green = "绿"
        static let total = "总投资（万元）"
        static let all = "合计"
        static let colour = "灯"
        static let project = "项目"
        static let stage = "阶段"
        static let reasons = "原因"
        static let serial = "序号"
        static let filter = "筛选"
        static let allRegions = "全部属地"
        static let colourChoice = "颜色"
        static let redAndYellow = "红灯和黄灯"
        static let none = "没有符合条件的项目。"
        static func filterLine(_ colours: String, _ region: String?) -> String { "\(colours)灯" + (region.map { "，\($0)" } ?? "") }
        static func exportLine(_ filter: String, _ version: Int, _ time: String) -> String { "筛选条件：\(filter)；规则第\(version)版；导出时间：\(time)" }
        static func count(_ count: Int) -> String { "共 \(count) 个项目" }
        static func fileName(_ day: String) -> String { "红黄绿灯预警_\(day).xlsx" }
        static func ruleItem(_ code: String, _ basis: String) -> String { "\(code)：\(basis)" }
        static let rulesTitle = "预警规则"
        static let editRules = "查看或调整预警规则"
        static let versions = "历次版本"
        static let onlyShipped = "尚未调整：现行为系统初始规则（第1版）。"
        static let rule = "规则"
        static let basis = "依据与说明"
        static func yellowOf(_ code: String) -> String { "\(code) 黄灯阈值" }
        static func redOf(_ code: String) -> String { "\(code) 红灯阈值" }
        static let reason = "调整理由"
        static let saveHint = "保存后成为新版本，自今天起施行；阈值留空表示该颜色不亮。项目页和预警清单即按新版本亮灯，并写明所用版本。"
        static func saveVersion(_ version: Int) -> String { "保存为第\(version)版" }
    }

    enum WarningsContract {
        static let summary = "红黄绿灯预警：调用者范围内在建和待建项目按现行规则的颜色与原因，按属地计数"
        static let colour = "只列这些颜色（red,yellow,green，逗号分隔）；省略时为红和黄"
        static let region = "只列某属地（区划代码，含下级）"
        static let answer = "各颜色项目数、按属地计数、所列项目及原因"
        static let badQuery = "颜色、属地或分页参数有误"
        static let page = "第几页（从1起）"
        static let perPage = "每页项目数，1–500，默认100"
        static let listedCount = "筛选出的项目总数（projects 只含本页）"
        static let ruleVersion = "亮灯所用规则的版本"
        static let rules = "现行预警规则：每条规则的度量、黄灯和红灯阈值、适用的最低投资额与依据"
        static let rulesAnswer = "现行规则"
        static let saveRules = "调整预警规则（项目中心、管理员）：保存为新版本，自今天起施行"
        static let saved = "新版本"
        static let forbidden = "只有项目中心和管理员可以调整预警规则"
        static let conflict = "规则已被他人调整（version 已变），未保存"
        static let invalid = "阈值超出范围、黄灯不小于红灯、规则不存在或未写理由，未保存"
        static let minimum = "适用的最低总投资（元）；为空表示所有项目"
        static let versionRead = "读到的现行版本号"
        static let thresholds = "要调整的规则及其新阈值；未列出的规则保持不变"
        static let omitToClear = "省略表示该颜色不亮"
    }
}
