/// The projects pages' words, zh-CN: the feature's section of the Web catalogue.
extension WebText {
    enum Projects {
        static func csvFileName(_ today: some CustomStringConvertible) -> String { "项目台账-\(today).csv" }
        static func xlsxFileName(_ today: some CustomStringConvertible) -> String { "项目台账-\(today).xlsx" }
        static let name = "项目名称"
        static let codeShort = "项目代码"
        static let regionShort = "属地"
        static let totalInvestmentWan = "总投资（万元）"
        static let stage = "阶段"
        static let plannedStartShort = "计划开工"
        static let updatedAt = "更新时间"
        static let perPagePrefix = "每页 "
        static let perPageSuffix = " 条"
        static let zone = "开发区"
        static let category = "项目类别"
        static let industrySection = "行业门类"
        static let industryDivisionShort = "行业大类"
        static let sizeBand = "规模"
        static let levels = "项目层级"
        static let tags = "标签"
        static let leadDepartment = "牵头部门"
        static func natureOfYear(_ year: some CustomStringConvertible) -> String { "建设情况（\(year)年）" }
        static let schemeClass = "口径类别"
        static let listsAndClasses = "年度清单与分类口径"
        static func classIn(_ scheme: String) -> String { "“\(scheme)”口径" }
        static let unconfirmedMark = "（待确认）"
        static func yearList(_ year: Int, _ unit: String, _ band: String) -> String { "\(year)年\(unit)\(band)清单" }
        static func statement(_ nature: String?, _ plannedWan: String?, _ implied: String?) -> String {
            let parts = [nature.map { "建设性质：\($0)" }, plannedWan.map { "年度计划投资 \($0) 万元" }, implied.map { "按项目日期应为“\($0)”，请核对" }]
            return parts.compactMap { $0 }.joined(separator: "；")
        }
        static func owedFields(_ labels: [String]) -> String { "待补充：\(labels.joined(separator: "、"))。导入时文件没有写明，请编辑项目补充。" }
        static func lightHistory(_ count: Int) -> String { "灯色记录（\(count) 次变化，每日留存）" }
        static func lightChange(_ since: String, _ version: Int, _ explanation: String) -> String { "\(since) 起（规则第\(version)版）：\(explanation)" }
        static let owed = "待补充"
        static let owedOnly = "有待补充的字段"
        static func onList(_ year: Int, _ unit: String, _ band: String) -> String { "列入\(year)年\(unit)\(band)清单" }
        static func onListNumber(_ id: Int64) -> String { "列入清单 #\(id)" }
        static let atLeast = "不低于"
        static func filterPart(_ field: some CustomStringConvertible, _ value: some CustomStringConvertible) -> String { "\(field)：\(value)" }
        static func investmentAtLeast(_ wan: some CustomStringConvertible) -> String { "总投资不低于\(wan)万元" }
        static func investmentAtMost(_ wan: some CustomStringConvertible) -> String { "总投资不高于\(wan)万元" }
        static func keyword(_ text: some CustomStringConvertible) -> String { "关键字：\(text)" }
        static let atMost = "不高于"
        static let maximumInvestmentWan = "总投资上限（万元）"
        static func projectCount(_ figure: some CustomStringConvertible) -> String { "\(figure) 个" }
        static func investmentYi(_ investment: some CustomStringConvertible) -> String { "\(investment) 亿元" }
        static let serial = "序号"
        static let categoryShort = "类别"
        static func totalsLine(_ totals: some CustomStringConvertible, _ totalCount: some CustomStringConvertible) -> String { "\(totals)：\(totalCount) 个项目" }
        static func totalsInvestment(_ totalInvestment: some CustomStringConvertible) -> String { "折合 \(totalInvestment) 亿元" }
        static func editTitle(_ name: some CustomStringConvertible) -> String { "编辑：\(name)" }
        static let basics = "基本信息"
        static let code = "投资项目统一代码"
        static let codeHint = "24位，赋码前可暂不填写；全角数字和各种横线会自动规范"
        static let owner = "项目单位"
        static let ownerCreditCode = "统一社会信用代码"
        static let creditCodeHint = "18位"
        static let region = "所在属地"
        static let zoneOf = "所属开发区"
        static let noZone = "不属于开发区"
        static let industryDivision = "国民经济行业分类（大类）"
        static let investmentType = "投资类型"
        static let investmentAndConstruction = "投资与建设"
        static let investmentExample = "如 85000"
        static let investmentHint = "单位万元，最多4位小数"
        static let address = "建设地点"
        static let longitude = "经度"
        static let latitude = "纬度"
        static let constructionContent = "建设内容"
        static let dates = "进度日期"
        static let plannedStart = "计划开工日期"
        static let plannedCompletion = "计划竣工日期"
        static let actualStart = "实际开工日期"
        static let actualStartHint = "开工建设及以后阶段填写"
        static let actualCompletion = "实际竣工日期"
        static let actualCompletionHint = "竣工投产阶段填写"
        static let responsibilityAndTags = "责任体系与标识"
        static let supportDepartmentsHint = "配合部门（可多选）"
        static let sponsor = "包保领导"
        static let unassigned = "未明确"
        static let secretary = "项目秘书"
        static let currentStage = "当前阶段"
        static func positionNumber(_ id: some CustomStringConvertible) -> String { "职务 #\(id)" }
        static let create = "录入"
        static let update = "修改"
        static let transitionHeading = "阶段变更"
        static let noCode = "尚未赋码"
        static let approvals = "审批进度"
        static let reports = "月度填报"
        static let problems = "问题清单"
        static func approvalsOverdue(_ approvalsOverdue: some CustomStringConvertible) -> String { "\(approvalsOverdue) 个审批事项已超过办结时限" }
        static let approvalsBehind = "按目标开工日期倒排工期，前期审批已滞后"
        static let viewApprovals = "查看审批进度"
        static let industry = "国民经济行业分类"
        static let totalInvestment = "总投资"
        static func investmentWanAndYi(_ totalInvestment: some CustomStringConvertible, _ totalInvestment1: some CustomStringConvertible) -> String { "\(totalInvestment) 万元（\(totalInvestment1) 亿元）" }
        static let sizeBandLong = "规模档"
        static func natureThisYear(_ year: some CustomStringConvertible) -> String { "建设性质（\(year)年）" }
        static let coordinates = "坐标"
        static func eastNorth(_ value: some CustomStringConvertible, _ latitude: some CustomStringConvertible) -> String { "东经 \(value)，北纬 \(latitude)" }
        static let plannedCompletionShort = "计划竣工"
        static let actualStartShort = "实际开工"
        static let actualCompletionShort = "实际竣工"
        static let responsibility = "责任体系"
        static let supportDepartments = "配合部门"
        static func createdAndUpdated(_ createdAt: some CustomStringConvertible, _ updatedAt: some CustomStringConvertible) -> String { "录入于 \(createdAt)，最后更新 \(updatedAt)" }
        static func finalStage(_ stage: some CustomStringConvertible) -> String { "项目处于“\(stage)”，不再变更阶段。" }
        static let stageUnchanged = "阶段未变更"
        static let targetStage = "转入阶段"
        static let actualStartMeaning = "主体工程破土开槽或正式打桩的日期"
        static let completionDate = "竣工日期"
        static let transitionNote = "说明（暂缓、终止须填写原因）"
        static let confirmTransition = "确认变更"
        static let history = "操作记录"
        static func stageReason(_ stage: some CustomStringConvertible, _ note: some CustomStringConvertible) -> String { "\(stage)原因：\(note)" }
        static func codeWithFormat(_ code: some CustomStringConvertible, _ format: some CustomStringConvertible) -> String { "\(code)（\(format)）" }
        static let currentFormat = "现行格式"
        static let oldFormat = "旧格式"
    }

    enum ProjectsContract {
        static let list = "项目台账（筛选、排序、分页，附筛选结果合计）"
        static let listAnswer = "一页项目及合计"
        static let create = "录入项目"
        static let created = "已录入"
        static let get = "项目详情"
        static let project = "项目"
        static let update = "修改项目（须提交读取时的 version）"
        static let updated = "已修改"
        static let history = "阶段变更记录"
        static let historyAnswer = "按时间先后"
        static let transition = "变更阶段"
        static let transitioned = "已变更"
        static let badQuery = "查询参数有误"
        static let conflict = "版本冲突，未作修改"
        static let invalid = "内容不符合规则，未作修改"
        static let invalidTransition = "不允许的阶段变更或缺少必需信息"

        static let region = "属地代码，含下级属地（如 220100 为全市）"
        static let zone = "开发区代码，含其所辖开发区"
        static let stage = "阶段，多个用逗号分隔"
        static let category = "项目类别代码，一级类别含其二级类别"
        static let section = "GB/T 4754-2017 门类（A–T）"
        static let division = "GB/T 4754-2017 大类（两位数字）"
        static let sizeBand = "规模档代码（以上含本数），如 Y1 亿元以上"
        static let level = "项目层级"
        static let tag = "标签代码"
        static let leadDepartment = "牵头部门代码"
        static let minWan = "总投资下限（万元，含）"
        static let maxWan = "总投资上限（万元，含）"
        static let text = "关键字：项目名称、项目代码或项目单位"
        static let nature = "本年（或 year 所指年度）的建设情况，按统计口径：newStart 新开工（当年实际开工），continuing 续建（以前年度开工、当年未竣工前仍在建），underWay 开复工（新开工加续建），completed 竣工（当年实际竣工）；终止的项目和尚未开工的项目都不计"
        static let schemeClass = "单位分类口径中的类别编号（见 /api/v1/schemes）"
        static let owed = "true：只列有待补充字段（投资类型、项目类别）的项目"
        static let light = "只列每日留存的灯色为该色的项目（red、yellow、green）"
        static let yearList = "只列某年度重点项目清单上的项目（清单编号见统计段落页）"
        static let year = "建设性质所指年度，默认当年"
        static let sort = "排序"
        static let order = "asc 或 desc"
        static let page = "页码，从1开始"
        static let perPage = "每页条数，1–500，默认50"

        static let code = "投资项目统一代码（24位）"
        static let yuan = "总投资，单位：元"
        static let wan = "总投资，单位：万元，两位小数"
        static let version = "乐观并发版本号；修改时须原样提交"
        static let totalCount = "筛选结果的项目总数（不只本页）"
        static let totalInvestment = "筛选结果的总投资（元）"
        static let initialStage = "录入时的阶段，默认 reserve"
        static let mergePatch = "JSON merge-patch：省略的字段不变，null 清空"
    }
}
