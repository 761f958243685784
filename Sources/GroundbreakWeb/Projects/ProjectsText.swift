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
        static func natureOfYear(_ year: some CustomStringConvertible) -> String { "建设性质（\(year)年）" }
        static let atLeast = "不低于"
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
}
