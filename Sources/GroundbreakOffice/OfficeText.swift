import Foundation

/// Every sentence the Office target says to a user, in one catalogue.
public enum OfficeText {
    public enum Read {
        static let empty = "文件为空"
        static func tooLarge(bytes: Int, limit: Int) -> String { "文件过大（\(megabytes(bytes))），上限为 \(megabytes(limit))" }
        static let notASpreadsheet = "无法识别的文件：请上传 .xlsx 工作簿或 .csv 表格"
        static let encryptedOrLegacy = "文件已加密或为旧版 .xls 格式：请在 Excel 中取消密码保护，并另存为 .xlsx 后再上传"
        static func damaged(_ part: String) -> String { "文件已损坏，无法读取（\(part)）：请在 Excel 中打开后重新保存" }
        static func zipBomb(_ part: String) -> String { "文件解压后体积异常（\(part)），已拒绝读取" }
        static func tooManyRows(_ limit: Int) -> String { "行数超过上限 \(limit) 行：请分批导入" }
        static func tooManyColumns(_ limit: Int) -> String { "列数超过上限 \(limit) 列：请只保留台账所需的列" }
        static func tooManyCells(_ limit: Int) -> String { "单元格数超过上限 \(limit) 个：请分批导入，或删去台账以外的内容" }
        static func tooManySharedStrings(_ limit: Int) -> String { "文本单元格超过上限 \(limit) 个" }
        static func cellTooLong(_ reference: String, _ limit: Int) -> String { "单元格 \(reference) 的内容超过 \(limit) 个字符" }
        static let noWorksheet = "工作簿中没有工作表"
        static let undecodableText = "无法识别文本编码：请将表格另存为 UTF-8 或 GB18030 编码的 CSV，或直接上传 .xlsx"

        static func megabytes(_ bytes: Int) -> String {
            String(format: "%.1f MB", Double(bytes) / 1_048_576)
        }
    }

    public enum Import {
        static func action(_ action: RowAction) -> String {
            switch action {
            case .create: "新增"
            case .update: "更新"
            case .unchanged: "无变化"
            case .skipped: "跳过"
            case .refused: "有错误"
            }
        }
        static let noHeader = "未找到表头：前 30 行中没有一行同时写有“项目名称”等列名。请检查工作表是否为项目台账"
        static func missingColumns(_ names: [String]) -> String { "缺少必需的列：\(names.joined(separator: "、"))" }
        static func missingForCreate(_ header: String) -> String { "新增项目需要“\(header)”列" }
        static let blankRow = "空行"
        static let subtotalRow = "合计或小计行"
        static func sectionRow(_ text: String) -> String { "分组标题行（\(text)）" }
        static let numberingRow = "列序号行"
        static let unnamedRow = "没有项目名称和代码的行"
        static func ignoredColumn(_ header: String, _ reason: String) -> String { "“\(header)”列不导入：\(reason)" }
        static func unknownColumn(_ column: String, _ header: String) -> String { "\(column) 列“\(header)”未能识别，不导入" }
        static func missingValueForCreate(_ header: String) -> String { "新增项目需要填写“\(header)”" }
        static func owed(_ labels: [String]) -> String { "待补充：\(labels.joined(separator: "、"))（导入后在项目页补充）" }
        static func newClass(_ name: String, _ scheme: String) -> String { "新类别“\(name)”将加入“\(scheme)”口径，待确认" }
        static func regionFromUnit(_ text: String, _ region: String) -> String { "“\(text)”未对应到属地，按文件所属单位记为\(region)，原文记入详细地址" }
        static func unknownNature(_ text: String, _ words: String) -> String { "建设性质“\(text)”无法识别，可写：\(words)" }
        static func natureDiffers(_ stated: String, _ implied: String, _ year: Int) -> String { "\(year)年建设性质写为“\(stated)”，按项目日期应为“\(implied)”：以文件为准，请核对" }
        static func statement(_ year: Int, _ parts: [String]) -> String { "列入\(year)年清单：" + parts.joined(separator: "，") }
        static func planned(_ amount: String) -> String { "年度计划投资\(amount)万元" }
        static func planAboveTotal(_ header: String) -> String { "“\(header)”大于项目总投资" }
        static let yearAssumed = "文件未写明年度，建设性质和年度计划投资按今年记入；如不是今年，请选择年度后重新预览"
        static func stated(_ count: Int, _ year: Int) -> String { "\(count) 个项目将列入\(year)年清单（建设性质、年度计划投资按文件记入）" }
        static func newClasses(_ scheme: String, _ names: [String]) -> String { "“\(scheme)”口径新增 \(names.count) 个类别，待项目中心确认或对应：\(names.joined(separator: "、"))" }
        static func owedRows(_ count: Int) -> String { "\(count) 个新增项目有待补充的字段（如投资类型、项目类别），导入后可在“待补充”清单中查看" }
        static func understood(_ parts: [String]) -> String { "从文件读出：" + parts.joined(separator: "，") }
        static func unitPart(_ name: String) -> String { "单位 \(name)" }
        static func yearPart(_ year: Int) -> String { "年度 \(year)" }
        static func thresholdPart(_ text: String) -> String { "\(text)以上" }
        static func schemePart(_ scheme: String, _ new: Int) -> String { new > 0 ? "类别按“\(scheme)”口径读（新类别 \(new) 个，待确认）" : "类别按“\(scheme)”口径读" }
        static func ambiguousName(_ count: Int) -> String { "同一属地有 \(count) 个同名项目，请填写投资项目统一代码以便区分" }
        static func duplicateRow(_ first: Int) -> String { "与第 \(first) 行是同一项目，请合并为一行" }
        static func codeTakenElsewhere(_ code: String) -> String { "项目代码 \(code) 已被另一个项目使用（不在您的管理范围内），请核对；如有疑问请联系项目中心" }
        static func stageNotChanged(_ current: String) -> String { "阶段变更请在项目页办理，导入不改变阶段（当前：\(current)）" }
        static let outsideEditScope = "该项目不在您可修改的范围内"
        static let outsideCreateScope = "该项目不在您可新增的范围内（属地或部门超出您的管辖）"
        static func uncachedFormula(_ formula: String) -> String { "单元格是公式（=\(formula)）但没有保存计算结果：请在 Excel 中打开并保存后再导入，或改为数值" }
        static func errorValue(_ code: String) -> String { "单元格是错误值 \(code)" }
        static func unknownValue(_ text: String) -> String { "“\(text)”不在参考数据中，请按系统中的名称填写" }
        static func badAmount(_ text: String) -> String { "“\(text)”不是有效金额" }
        static func badDate(_ text: String) -> String { "“\(text)”不是可识别的日期（可写 2024-03-15、2024年3月、2024.3）" }
        static func badMonth(_ text: String) -> String { "“\(text)”不是可识别的月份（可写 2026-10、2026年10月）" }
        static func unknownProject(_ text: String) -> String { "系统中没有代码或名称为“\(text)”的项目" }
        static let noProjectKey = "需要“投资项目统一代码”或“项目名称”以确定项目"
        static func badNumber(_ text: String) -> String { "“\(text)”不是有效数字" }
        static func badPercent(_ text: String) -> String { "“\(text)”不是 0 到 100 之间的百分数" }
        static func ambiguousProject(_ count: Int) -> String { "有 \(count) 个同名项目，请填写投资项目统一代码或所在属地以便区分" }
        static let dispatchRequired = "新的月报须填写当月完成投资（调度口径）"
        static let reportAccepted = "该月月报已审核通过，不能通过导入修改；如需更正请联系项目中心退回"
        static let correctionReasonRequired = "该月已关账，修改须在“更正原因”列写明原因"
        static func duplicateMonth(_ first: Int) -> String { "与第 \(first) 行是同一项目的同一月份，请合并为一行" }
        static func monthLabel(_ name: String, _ month: String) -> String { "\(name)（\(month)）" }
    }

    /// A unit's 签约项目台账 read into leads.
    /// What the unit lists that name projects (向上资金申报清单, 储备项目库) share.
    public enum ListImport {
        static func codeNotFound(_ code: String) -> String { "项目代码 \(code) 不在台账中，按名称对应" }
        static func ambiguousProject(_ count: Int) -> String { "该县区有 \(count) 个同名项目，请填写项目代码" }
        static let reserveCreated = "台账中没有该项目，作为谋划储备项目新建（类别待补充）"
        static let inFuture = "日期不能晚于今天"
    }

    public enum ReserveImport {
        static let unitRequired = "须填写所属县区（县（市）区或开发区）；您的账号不属于某一县区，不能代为确定"
        static let outsideReach = "项目不在您可以维护的县区（开发区）内"
        static let alreadyStarted = "项目已开工，不再进入储备库"
        static let noteTooLong = "谋划情况不能超过1000字"
        static func duplicateRow(_ first: Int) -> String { "与第 \(first) 行是同一项目" }
        static let cityByCentre = "调入市级储备库由项目中心办理；请将储备层级留空或填县区储备库"
        static func enteredDefault(_ day: String) -> String { "未填入库日期，按 \(day) 计" }
        static func required(_ header: String) -> String { "须填写\(header)" }
        static func unknown(_ text: String, _ words: String) -> String { "“\(text)”无法识别，可填：\(words)" }
        static let entered = "入库"
        static let promoted = "调入市级储备库"
        static let sourceChange = "生成来源"
        static let gradeChange = "等级"
        static let noteChange = "谋划情况"
        static let dayChange = "入库日期"
    }

    public enum FundingImport {
        static let askedRequired = "须填写申请金额（大于零）"
        static let channelRequired = "须填写申报渠道"
        static func unknownChannel(_ text: String) -> String { "申报渠道“\(text)”无法识别，可写专项债券、超长期特别国债、中央预算内、省预算内、平急两用、EOD、政策性金融工具、前期经费" }
        static let issuedAboveAsked = "下达金额大于申请金额"
        static let arrivedAboveIssued = "到位金额须有下达金额，且不大于下达金额"
        static func programmeRequired(_ words: String) -> String { "该渠道须填写专项（投向）：\(words)" }
        static func windowNotFound(_ text: String) -> String { "批次“\(text)”不在系统中，申报不归入批次" }
        static func duplicateRow(_ first: Int) -> String { "与第 \(first) 行是同一项目、同一渠道和批次" }
        static let alreadyApplied = "系统中已有该项目同一渠道、同一批次（或年度）的申报，不重复导入"
        static func submittedDefault(_ day: String) -> String { "未填申报日期，按 \(day) 计" }
        static func issuedDefault(_ day: String) -> String { "未填下达日期，按 \(day) 计（计入该日所在年度）" }
        static let issuedChange = "已下达"
        static let arrivedChange = "已到位"
        static let unitRequired = "须填写所属县区"
        static let outsideReach = "只能导入本单位（或所辖县区、开发区）的申报"
        static func title(_ year: Int, _ channel: String, _ name: String) -> String { "\(year)年\(channel)申报：\(name)" }
    }

    public enum SigningImport {
        static let investorRequired = "须填写投资方"
        static let signedOnRequired = "须填写签约时间"
        static let amountRequired = "须填写签约额（大于零）"
        static let signedInFuture = "签约时间晚于今天"
        static let unitRequired = "须填写责任单位（县（市）区或开发区）；您的账号不属于某一县区，不能代为确定"
        static let outsideReach = "责任单位不在您负责招商的范围内"
        static func duplicateLead(_ first: Int) -> String { "与第 \(first) 行是同一单位的同一项目，请合并为一行" }
        static func ambiguousLead(_ count: Int) -> String { "本单位有 \(count) 条同名、同投资方的线索，请在线索页逐条记录签约" }
        static func notActive(_ status: String) -> String { "该线索已\(status)，请先在线索页重新启动再记录签约" }
        static func signedBeforeCreated(_ day: String) -> String { "签约时间早于该线索的录入日期（\(day)）" }
        static func signingDiffers(_ stored: String) -> String { "该线索已记录签约（\(stored)），与台账不一致：请核对台账，或在线索页更正" }
        static let defaultCapital = "未填内外资，按内资计"
        static let defaultContract = "未填签约类型，按正式合同计"
        static func defaultKind(_ label: String) -> String { "未填企业性质，按“\(label)”计" }
        static func industryNotRead(_ text: String) -> String { "行业“\(text)”未能对应国民经济行业分类，该项未导入" }
        static func channelNotRead(_ text: String) -> String { "来源渠道“\(text)”不在渠道目录中，按“其他”计" }
        static let signed = "签约"
        static let progress = "进展"
        static func storedSigning(_ day: String, _ wan: String) -> String { "\(day)，\(wan)万元" }
    }

    /// The official documents' sentences: dates, numerals, the 会议纪要 and the 督办函.
    public enum Document {
        static let numeralDigits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
        static let numeralTen = "十"
        static func date(_ year: Int, _ month: Int, _ day: Int) -> String { "\(year)年\(month)月\(day)日" }
        static let listSeparator = "、"

        static let bulletinDraft = "（草稿）"
        static func bulletinDateLine(_ issuer: String, _ date: String) -> String { "\(issuer)　　　　\(date)" }
        static func distribution(_ units: String) -> String { "发：\(units)" }
        static let undated = "（未印发）"

        static func minutesTitle(_ kind: String) -> String { "\(kind)纪要" }
        static func minutesDocumentTitle(_ kind: String, _ number: String) -> String { "\(kind)纪要 \(number)" }
        static func at(_ place: String) -> String { "在\(place)" }
        static func chairedBy(_ chair: String) -> String { "，\(chair)主持召开" }
        static func minutesOpening(_ date: String, _ place: String, _ chair: String, _ title: String) -> String { "\(date)，\(place)\(chair)\(title)。现将会议议定事项纪要如下：" }
        static func decision(_ numeral: String, _ text: String) -> String { "\(numeral)、\(text)" }
        static func decisionOwner(_ owner: String, _ deadline: String) -> String { "（责任单位：\(owner)；完成时限：\(deadline)）" }
        static func attendees(_ names: String) -> String { "出席：\(names)" }

        static let letterHeading = "督 办 函"
        static func letterTitle(_ number: String) -> String { "督办函 \(number)" }
        static func source(_ label: String, _ note: String) -> String { "\(label)（\(note)）" }
        static func stillOpenLate(_ date: String, _ days: Int) -> String { "截至\(date)，该事项尚未办结，已逾期\(days)天。" }
        static func stillOpen(_ date: String) -> String { "截至\(date)，该事项尚未办结。" }
        static func newDeadline(_ date: String) -> String { "现将办理时限调整为\(date)，请于该日前办结。" }
        static func officeNote(_ note: String) -> String { "督办意见：\(note)" }
        static func addressee(_ owner: String) -> String { "\(owner)：" }
        static func facts(_ source: String, _ content: String, _ deadline: String, _ state: String) -> String {
            "根据\(source)，你单位承办“\(content)”事项，办理时限为\(deadline)。\(state)"
        }
        static func request(_ days: Int, _ issuer: String) -> String {
            "请你单位高度重视，明确责任人和完成时限，加快推进，于\(days)个工作日内将办理情况及下一步措施书面报送\(issuer)。逾期未报或推进不力的，将按规定予以通报。"
        }
    }

    /// Where in a file a problem is: `第 12 行 F 列（总投资）`.
    public enum Place {
        static func row(_ row: Int) -> String { "第 \(row) 行" }
        static func column(_ column: String) -> String { "\(column) 列" }
        static func header(_ header: String) -> String { "（\(header)）" }
        static func sentence(_ place: String, _ message: String) -> String { "\(place)：\(message)" }
    }

    /// The ledger workbook's sheet, column and group headers, and its totals line.
    public enum Progress {
        static let sheetName = "推进情况"
        static let serial = "序号"
        static let name = "项目名称"
        static let region = "所在属地"
        static let total = "总投资（万元）"
        static let plan = "年度计划投资（万元）"
        static func thisMonth(_ month: Int) -> String { "\(month)月完成（万元）" }
        static func cumulative(_ month: Int) -> String { month == 1 ? "1月累计完成（万元）" : "1—\(month)月累计完成（万元）" }
        static let percent = "完成年度计划（%）"
        static let progress = "形象进度"
        static let problems = "存在问题"
        static let problemSeparator = "；"
        static let subtotal = "小计"
        static func total(_ count: Int) -> String { "合计（\(count) 个项目）" }
        static func groupTitle(_ numeral: String, _ title: String, _ count: Int) -> String { "\(numeral)、\(title)（\(count)个）" }
        public static func title(_ unit: String, _ year: Int, _ month: Int) -> String { "\(unit)\(year)年重点项目推进情况表（" + (month == 1 ? "1月" : "1—\(month)月") + "）" }
        public static func unitLine(_ year: Int, _ month: Int, _ filter: String) -> String { "单位：万元；完成投资为调度口径；截至\(year)年\(month)月；\(filter)" }
        public static let belowBands = "其他"
        public static let noClass = "未分类"
    }

    public enum Ledger {
        static let sheetName = "项目台账"
        static func total(_ count: Int) -> String { "合计（\(count) 个项目）" }
        static let serial = "序号"
        static let name = "项目名称"
        static let code = "投资项目统一代码"
        static let owner = "项目单位"
        static let creditCode = "统一社会信用代码"
        static let region = "所在属地"
        static let zone = "所属开发区"
        static let category = "项目类别"
        static let section = "行业门类"
        static let division = "行业大类"
        static let investmentType = "投资类型"
        static let levels = "项目级别"
        static let content = "建设内容及规模"
        static let address = "详细地址"
        static let totalInvestmentWan = "总投资（万元）"
        static let stage = "阶段"
        static let plannedStart = "计划开工"
        static let plannedCompletion = "计划竣工"
        static let actualStart = "实际开工"
        static let actualCompletion = "实际竣工"
        static let leadDepartment = "牵头部门"
        static let sponsor = "包保领导"
        static let secretary = "项目秘书"
        static let flags = "提示"
        static let basicsGroup = "基本情况"
        static let constructionGroup = "建设内容"
        static let investmentGroup = "投资与进度"
        static let responsibilityGroup = "责任分工"
    }
}
