/// The imports pages' words, zh-CN: the feature's section of the Web catalogue.
extension WebText {
    enum Imports {
        static func unchangedNotListed(_ count: Int) -> String { "另有 \(count) 行与系统中的项目完全一致，未逐行列出。" }
        static let title = "台账导入"
        static let yearIfUnnamed = "年度（文件未写明时）"
        static let owedTitle = "各单位待补充"
        static let owedLead = "导入时文件没有写明投资类型或项目类别的项目，导入照收并标记“待补充”，请各单位在项目页补充。"
        static let owedRegion = "所在属地"
        static let owedCount = "待补充项目数"
        static let yearFromFile = "按文件"
        static func yearOption(_ year: Int) -> String { "\(year)年" }
        static let history = "导入记录"
        static let kind = "导入内容"
        static let upload = "上传文件"
        static let formatHint = "支持 .xlsx 和 .csv（UTF-8 或 GB18030）。表头可以在标题行、单位行之下，可以有合并的分组表头；列名按常见写法识别（如“名称”“计划总投资”“建设地点”）；金额按表头或“单位：亿元”行换算为万元。先预览，确认无误后整批写入，任何一行有误都不会写入。"
        static let ledgerHint = "项目台账：项目按投资项目统一代码匹配，没有代码的按项目名称加所在属地匹配；留空的单元格不会清除系统中已有的值；阶段变更请在项目页办理。"
        static let monthlyHint = "月度数据：每行一个项目的一个月（列：投资项目统一代码或项目名称、月份、当月完成投资（调度口径）、统计口径、形象进度、形象进度（%）、用工人数、大幅波动说明），可以一次导入多个月；按月报填报的规则逐行检查，已审核通过的月报不能修改，已关账的月份须填写“更正原因”。"
        static let file = "文件"
        static let uploadAndPreview = "上传并预览"
        static let downloadTemplate = "下载现有台账（可作导入模板）"
        static let noHistory = "尚无导入记录。"
        static let time = "时间"
        static let content = "内容"
        static let importedBy = "导入人"
        static let created = "新增"
        static let updated = "更新"
        static let unchanged = "无变化"
        static let skipped = "跳过"
        static let rowsUnit = "条"
        static let projectsUnit = "个"
        static func previewSummary(_ create: some CustomStringConvertible, _ unit: some CustomStringConvertible, _ update: some CustomStringConvertible, _ unit3: some CustomStringConvertible, _ unchanged: some CustomStringConvertible, _ unit5: some CustomStringConvertible, _ skipped: some CustomStringConvertible, _ refused: some CustomStringConvertible) -> String { "新增 \(create) \(unit3)，更新 \(update) \(unit5)，无变化 \(unchanged) \(unit)，跳过 \(skipped) 行，有错误 \(refused) 行" }
        static func previewOf(_ kind: some CustomStringConvertible, _ fileName: some CustomStringConvertible) -> String { "\(kind)导入预览：\(fileName)" }
        static let preview = "导入预览"
        static func moreProblems(_ problems: some CustomStringConvertible) -> String { "……另有 \(problems) 处问题未列出" }
        static func fileHasProblems(_ problems: some CustomStringConvertible) -> String { "文件有 \(problems) 处问题，修改后重新上传；在此之前不会写入任何数据" }
        static func columnNotes(_ notes: some CustomStringConvertible) -> String { "列的识别情况（\(notes) 条）" }
        static let cancel = "取消"
        static let row = "行"
        static let action = "处理"
        static let project = "项目"
        static let note = "说明"
        static let changes = "修改："
        static let done = "导入完成。"
        static let chooseFile = "请选择要导入的 .xlsx 或 .csv 文件"
        static let previewMissing = "找不到预览过的文件，请重新上传"
        static let changedSincePreview = "预览之后数据已有变化，下面是按最新数据重新生成的预览，请核对后再确认导入。"
        static let changedDuringCommit = "导入时发现数据已被他人修改，未写入任何数据。请核对下面的最新预览后再确认。"
        static let nothingToImport = "文件中没有需要导入的内容"
        static func notImported(_ problems: some CustomStringConvertible) -> String { "导入未执行：文件有 \(problems) 处问题，未写入任何数据" }
        static let ledger = "项目台账"
        static let monthly = "月度数据"
        static let signingLedger = "签约项目台账"
        static let fundingList = "向上资金申报清单"
        static let reserveList = "储备项目库"
        static let allProjects = "全部项目"
        static func ledgerTitle(_ year: some CustomStringConvertible) -> String { "\(year)年重大项目台账" }
        static func ledgerSubtitle(_ today: some CustomStringConvertible, _ filter: some CustomStringConvertible) -> String { "单位：万元　　制表日期：\(today)　　范围：\(filter)" }
        static let unnamedFile = "未命名文件"
        static func confirm(_ count: some CustomStringConvertible, _ unit: some CustomStringConvertible) -> String { "确认导入（\(count) \(unit)，一次写入）" }
        static let monthlyRows = "条月报"
        static let projects = "个项目"
    }

    enum ImportsContract {
        static let projects = "导入项目台账：请求体为 .xlsx 或 .csv（UTF-8 或 GB18030）文件本身。默认只预览（不写入）；commit=true 时文件无误则整批写入，任何一处问题都不写入"
        static let monthly = "导入月度数据（每行一个项目的一个月：投资项目统一代码或项目名称、月份、调度口径、统计口径、形象进度等）：请求体为 .xlsx 或 .csv 文件本身。按月报填报规则逐行检查；默认只预览；commit=true 时文件无误则按月份顺序整批写入，任何一处问题都不写入"
        static let projectsChanged = "预览后项目已被他人修改，未写入"
        static let reportsChanged = "预览后月报已被他人修改，未写入"
        static let fileName = "原文件名，记入导入记录和审计日志"
        static let commit = "true：写入；省略或 false：只预览"
        static let preview = "预览：每一行将如何处理，以及按行列列出的全部问题"
        static let written = "已整批写入"
        static let forbidden = "无权导入"
        static let invalid = "文件有问题，未写入任何数据；errors 中 field 为单元格（如 F12）、行（row12）或 file"
        static let busy = "服务器正在读取其他上传的表格，请稍后重试"
        static let kind = "projects：项目台账；monthly：月度数据"
        static let year = "文件未写明年度时，建设性质和年度计划投资记入的年度（文件列名或标题行写明的年度优先）"
        static let badYear = "year 不是 2000 到 2100 之间的年份"
        static let yearSource = "年度从何处读出：header 列名（如“2019年计划投资”）、title 标题行、chosen 请求所选、assumed 未写明按今年"
        static let newClasses = "文件中该单位口径尚无的类别：写入时加入口径并标记待确认"
        static let owedRows = "新增项目中尚有待补充字段（如投资类型、项目类别）的行数"
        static let schemeName = "类别列按哪个单位口径读取（为空时按系统项目类别读取）"
        static let importId = "写入后的导入记录编号；预览时为 null"
        static let row = "Excel 行号（从 1 起）；文件整体问题为 null"
        static let column = "列字母，如 F"
        static let mediaTypes = ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "text/csv", "application/octet-stream"]
    }
}
