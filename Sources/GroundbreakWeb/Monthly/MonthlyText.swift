/// The monthly pages' words, zh-CN: the feature's section of the Web catalogue.
extension WebText {
    enum Monthly {
        static func annualPlanOf(_ year: some CustomStringConvertible) -> String { "\(year)年度计划" }
        static func yearDispatchDone(_ yearDispatch: some CustomStringConvertible) -> String { "本年累计完成（调度口径）\(yearDispatch) 万元" }
        static let noAnnualPlan = "尚未填写本年度计划。"
        static let plannedInvestmentWan = "年度计划投资（万元）"
        static let nature = "建设性质"
        static let startsThisYear = "本年计划开工"
        static let completesThisYear = "本年计划竣工"
        static let inStartList = "列入开复工清单"
        static let yes = "是"
        static let no = "否"
        static let campaign = "集中开工/集中审批批次"
        static let campaignExample = "如：2027年春季集中开工"
        static let saveAnnualPlan = "保存年度计划"
        static let saved = "已保存"
        static let fourRatesNow = "四率（本单位项目，本年截至上月）"
        static let statsTitle = "入统管理"
        static func statsRule(_ statsThresholdWan: some CustomStringConvertible, _ admitWithinDays: some CustomStringConvertible) -> String { "计划总投资 \(statsThresholdWan) 万元及以上、主体工程实际开工的项目应入库；开工后 \(admitWithinDays) 日内未入库的标红。实际开工、入库、首次报数三个日期分别记录。" }
        static func startedNotAdmitted(_ waiting: some CustomStringConvertible) -> String { "已开工未入库（\(waiting)）" }
        static let project = "项目"
        static let region = "属地"
        static let actualStart = "实际开工"
        static let daysSinceStart = "已开工天数"
        static let recordAdmission = "登记入库"
        static func admittedThisMonth(_ admittedThisMonth: some CustomStringConvertible) -> String { "本月入库（\(admittedThisMonth)）" }
        static let admittedOn = "入库日期"
        static let firstReported = "首次报数"
        static let recordedBy = "登记人"
        static func quarterCandidates(_ quarterEnd: some CustomStringConvertible, _ quarterCandidates: some CustomStringConvertible) -> String { "本季度集中入统候选（截至 \(quarterEnd)，\(quarterCandidates)）" }
        static let quarterCandidatesHint = "已开工未入库的项目，以及计划在本季度内开工、尚未开工的项目。"
        static func startedOn(_ value: some CustomStringConvertible) -> String { "　已开工 \(value)" }
        static let firstReportedMonth = "首次报数月份"
        static let record = "登记"
        static func photos(_ photos: some CustomStringConvertible) -> String { "现场照片（\(photos)）" }
        static let month = "月份"
        static let photoHint = "照片（JPEG/PNG/WebP）"
        static let upload = "上传"
        static let gridEmpty = "没有填写任何项目，未作修改"
        static func gridPartlySaved(_ saved: some CustomStringConvertible) -> String { "已保存 \(saved) 个项目；以下标红的行未保存" }
        static let grid = "批量填报"
        static func gridOf(_ month: some CustomStringConvertible) -> String { "\(month)批量填报" }
        static func gridRefused(_ refused: some CustomStringConvertible) -> String { "\(refused) 个项目的数据有误（见标红的行），全部未保存。改正后再保存，或选择只保存无误的行。" }
        static let gridHint = "填写“本月（调度）”的行才会报送；空行不变。金额单位：万元。已审核的月报不能在此修改。"
        static let switchMonth = "切换"
        static let lastMonthDispatch = "上月（调度）"
        static let thisMonthDispatch = "本月（调度）"
        static let thisMonthStatistical = "本月（统计）"
        static let progressPercentShort = "进度%"
        static let progressText = "形象进度"
        static let jumpReason = "变动说明"
        static let status = "状态"
        static let correctionReasonHint = "更正原因（已关账月份必填）"
        static let correctionReason = "更正原因"
        static let saveAll = "保存全部"
        static let saveValidRows = "只保存无误的行"
        static let dispatchThisMonth = "本月调度口径"
        static let statisticalThisMonth = "本月统计口径"
        static let progressPercent = "形象进度百分比"
        static let notSent = "未报"
        static func projectTitle(_ name: some CustomStringConvertible) -> String { "月度填报：\(name)" }
        static let crumb = " / 月度填报"
        static func projectHint(_ dueDay: some CustomStringConvertible, _ totalInvestment: some CustomStringConvertible) -> String { "完成投资分调度口径和统计口径两列填报，互不相加；累计数由系统按月汇总，不需填写。每月\(dueDay)日前报送上月数据。总投资 \(totalInvestment) 万元。" }
        static func previousYear(_ year: some CustomStringConvertible) -> String { "‹ \(year)年" }
        static func yearLabel(_ year: some CustomStringConvertible) -> String { "\(year)年" }
        static func nextYear(_ year: some CustomStringConvertible) -> String { "\(year)年 ›" }
        static let yearDispatch = "本年累计（调度）"
        static let yearStatistical = "本年累计（统计）"
        static let sinceStartDispatch = "开工累计（调度）"
        static func comment(_ value: some CustomStringConvertible) -> String { "意见：\(value)" }
        static func reportMonth(_ month: some CustomStringConvertible) -> String { "填报 \(month)" }
        static func reviseMonth(_ month: some CustomStringConvertible, _ status: some CustomStringConvertible) -> String { "修改 \(month)（\(status)）" }
        static let reportingMonth = "填报月份"
        static let dispatchWan = "本月完成投资（调度口径，万元）"
        static let statisticalWan = "本月完成投资（统计口径，万元）"
        static let statisticalHint = "统计局认定后填写，可暂空"
        static let progressPercentLabel = "形象进度（%）"
        static let jobs = "在岗人数"
        static let progressTextLabel = "形象进度说明"
        static let jumpReasonHint = "变动说明（本月数较上月大幅增加时必填）"
        static let send = "报送"
        static let returnNeedsComment = "退回须写明意见"
        static let reviewComment = "审核意见"
        static let accept = "审核通过"
        static let sendBack = "退回"
        static let reports = "月度填报"
        static func reportsOf(_ month: some CustomStringConvertible) -> String { "\(month)月度填报" }
        static let targets = "目标与序时进度"
        static let mineOnly = "由我填报"
        static let applyFilter = "筛选"
        static func regionFilter(_ code: some CustomStringConvertible) -> String { "属地：\(code)" }
        static func boardFilter(_ month: some CustomStringConvertible, _ states: some CustomStringConvertible) -> String { "\(month)；填报状态：\(states)" }
        static func boardFileName(_ month: some CustomStringConvertible) -> String { "月度填报-\(month).xlsx" }
        static let serial = "序号"
        static func oneCurve(_ curve: some CustomStringConvertible, _ progress: some CustomStringConvertible) -> String {
            "本单位本年各指标统一按“\(curve)”计算时间进度（截至本月 \(progress)）；设定任一指标时所选曲线对本单位本年全部指标生效。"
        }
        static func targetsFilter(_ unit: some CustomStringConvertible, _ month: some CustomStringConvertible) -> String { "\(unit)；截至\(month)" }
        static func targetsFileName(_ unit: some CustomStringConvertible, _ month: some CustomStringConvertible) -> String { "目标与序时进度-\(unit)-\(month).xlsx" }
        static func urgeOwed(_ count: some CustomStringConvertible) -> String { "催报待报项目（\(count)）" }
        static let acceptTicked = "通过所选月报"
        static let tickToAccept = "选中"
        static func urged(_ count: some CustomStringConvertible) -> String { "已向 \(count) 个项目的填报责任人发出催报（今天已催过的不再重发）。" }
        static func urgedAudit(_ count: some CustomStringConvertible) -> String { "催报 \(count) 个待报项目" }
        static func acceptedMany(_ count: Int, _ left: Int) -> String {
            "已审核通过 \(count) 份月报" + (left > 0 ? "；\(left) 份未通过（已被修改或不再待审核，请逐份查看）。" : "。")
        }
        static func monthWithState(_ month: some CustomStringConvertible, _ state: some CustomStringConvertible) -> String { "\(month)（\(state)）" }
        static func listedCount(_ count: some CustomStringConvertible) -> String { "列出 \(count) 个项目" }
        static let allStates = "全部"
        static let owedStates = "待报（未报、退回、待填报）"
        static func dueSummary(_ due: some CustomStringConvertible, _ rows: some CustomStringConvertible) -> String { "截止日期 \(due)。应报 \(rows) 个项目：" }
        static func dispatchTotal(_ dispatch: some CustomStringConvertible) -> String { "。已报本月完成投资（调度口径）合计 \(dispatch) 万元。" }
        static let stage = "阶段"
        static let responsible = "填报责任"
        static let sentBy = "报送人 / 时间"
        static let closeMonth = "关账（冻结本月数字为期末快照）"
        static let closed = "已关账"
        static func closedBy(_ closedAt: some CustomStringConvertible, _ closedBy: some CustomStringConvertible) -> String { "：\(closedAt) 由 \(closedBy) 关账。下表为关账时的快照数字；此后的修改作为更正记录列在下方。" }
        static let dispatchChange = "调度口径：原 → 新"
        static let statisticalChange = "统计口径：原 → 新"
        static let reason = "原因"
        static let correctedBy = "更正人 / 时间"
        static let reopenReasonHint = "重新开账原因（必填）"
        static let reopenReason = "重新开账原因"
        static let reopen = "重新开账"
        static let wanSuffix = " 万元"
        static let countFormat = "%.0f 个"
        static let regions = "行政区"
        static let zones = "开发区"
        static let leadDepartments = "牵头部门"
        static func targetsOf(_ catalog: some CustomStringConvertible, _ month: some CustomStringConvertible) -> String { "\(catalog) \(month)目标与序时进度" }
        static let unit = "单位"
        static let asOfMonth = "截至月份"
        static let view = "查看"
        static func targetsHint(_ source: some CustomStringConvertible) -> String { "完成投资取月度填报调度口径；时间进度按目标所选曲线（均匀 m/12，或北方冬季停工曲线）。只统计您职责范围内的项目。\(source)" }
        static let indicator = "指标"
        static let annualTarget = "年度目标"
        static let timeProgress = "时间进度"
        static let done = "完成"
        static let bulletinMeasure = "通报口径"
        static let evenCurve = "均匀"
        static let northernCurve = "北方季节"
        static let set = "设定"
        static func planLine(_ wan: some CustomStringConvertible, _ nature: some CustomStringConvertible, _ startList: some CustomStringConvertible, _ campaign: some CustomStringConvertible) -> String { "年度计划投资 \(wan) 万元（\(nature)\(startList)\(campaign)）；" }
        static let inStartListNote = "，列入开复工清单"
        static func campaignNote(_ campaign: some CustomStringConvertible) -> String { "，\(campaign)" }
        static func shareOfPlan(_ percent: some CustomStringConvertible) -> String { "，为年度计划的 \(percent)%" }
        static func plannedStartOn(_ day: some CustomStringConvertible) -> String { "　计划开工 \(day)" }
        static func annualTargetIn(_ indicator: some CustomStringConvertible, _ unit: some CustomStringConvertible) -> String { "\(indicator) 年度目标（\(unit)）" }
        static let wanUnit = "万元"
        static let countUnit = "个"
        static let unitOutsideScope = "该单位的项目不全在您的职责范围内，不能查看其目标与序时进度"
        static let noUnitInScope = "您的职责范围内没有可以查看目标与序时进度的单位（目标按行政区、开发区或牵头部门设定）。"
    }

    enum MonthlyContract {
        static let projectReports = "项目的各月填报（含由系统汇总的本年累计和开工累计）"
        static let projectReportsAnswer = "各月填报"
        static let submit = "报送（或退回后重新报送）某月填报；已审核的月份不能修改"
        static let submitted = "已报送"
        static let board = "某月应报项目及其填报状态（待填报、逾期未报、已报送、逾期报送、已退回、已审核）"
        static let boardAnswer = "填报情况"
        static let boardMonth = "YYYY-MM，默认上月"
        static let boardRegion = "属地代码，含下级属地"
        static let page = "第几页（从1起）"
        static let perPage = "每页项目数，1–500，默认100"
        static let boardMine = "true：只列调用者须亲自填报的项目（其秘书职务或其属地）"
        static let boardStates = "只列这些填报状态的项目，多个用逗号分隔：missing, returned, due, submittedLate, submitted, accepted；counts 仍为全月各状态数"
        static let review = "项目中心审核通过或退回月报（退回须写明意见）"
        static let reviewed = "已审核或退回"
        static let inclusion = "入统：已开工未入库、本月入库、本季度集中入统候选"
        static let inclusionAnswer = "入统清单"
        static let recordInclusion = "登记（或更正）项目入库日期和首次报数月份（统计、项目中心）"
        static let recorded = "已登记"
        static let close = "项目中心关账：冻结该月已报数字为期末快照（仅限已结束的月份）"
        static let reopen = "管理员重新开账（须说明原因）"
        static let done = "完成"
        static let plans = "项目各年度计划"
        static let plansAnswer = "年度计划"
        static let savePlan = "填写或修改某年度计划（年度计划投资、建设性质、开复工清单、集中开工批次）"
        static let saved = "已保存"
        static let targets = "单位各指标的年度目标、时间进度、完成情况和通报口径"
        static let targetsAnswer = "目标与序时进度"
        static let targetUnit = "region:代码、zone:代码 或 department:代码；省略时为调用者可查看的第一个单位"
        static let setTarget = "项目中心设定单位某指标的年度目标和时间进度曲线"
        static let targetSet = "设定后的目标与序时进度"
        static let setGroundworkTarget = "项目中心设定单位某年度的前期工作目标（储备档次、新开工目标）：个数、总投资或两者；两者都省略则清除"
        static let groundworkMeasure = "reserve:档次代码（reserve_rules.json 的 bands）、starts:目标代码（campaigns.json 的 targets）或 funding:issued（只读，与上年同期比）"
        static let groundworkClear = "与 amountYuan 都省略时清除该目标（市级回到工作方案要求）"
        static let photos = "项目各月现场照片"
        static let photosAnswer = "照片"
        static let upload = "上传某月现场照片：请求体为图片本身（JPEG、PNG 或 WebP），月份和文件名在查询参数中"
        static let uploaded = "已上传"
        static let notPhoto = "不是图片"
        static let badPhoto = "不是可接受的照片，未作任何修改"
        static let badQuery = "查询参数有误"
        static let conflict = "版本冲突"
        static let invalid = "数据有误，未作任何修改"

        static let month = "YYYY-MM"
        static let dispatch = "本月完成投资，调度口径，元"
        static let statistical = "本月完成投资，统计口径，元；未认定时为 null"
        static let yearDispatch = "本年累计（调度口径），由各月汇总"
        static let sinceStartDispatch = "开工累计（调度口径）"
        static let versionForResubmit = "修改已报送月份时必填"
        static let correctionReason = "已关账月份必填"
        static let responsible = "填报责任：项目秘书职务或属地"
        static let closedAt = "关账时间；已关账月份各行数字取自关账快照"
        static let returnComment = "退回时必填"
        static let yuan = "元"
        static let versionForPlan = "修改已有年度计划时必填"
        static let timeProgress = "时间进度，%"
        static let gapPoints = "超过（正）或落后（负）的百分点"
        static let bulletin = "通报口径，如：为年度计划的X%，超过时间进度Y个百分点"
        static let unit = "region:代码、zone:代码 或 department:代码"
        static let value = "金额类为元，数量类为个数，比率类为百分数"
        static let photoURL = "照片地址（需登录且项目在职责范围内）"
    }
}
