import Foundation

/// Every message in zh-CN: one case each, a feature's own messages in its own text type.
extension DomainText {
    public var zh: String {
        switch self {
        case .problem(let text): text.zh
        case .supervision(let text): text.zh
        case .webhook(let text): text.zh
        case .meeting(let text): text.zh
        case .scheme(let text): text.zh
        case .bulletin(let text): text.zh
        case .taskForce(let text): text.zh
        case .warning(let text): text.zh
        case .file(let text): text.zh
        case .stage(let stage):
            switch stage {
            case .reserve: "谋划储备"
            case .attraction: "项目招引"
            case .approval: "前期审批"
            case .construction: "开工建设"
            case .operation: "竣工投产"
            case .suspended: "暂缓"
            case .cancelled: "终止"
            }
        case .investmentType(let type):
            switch type {
            case .government: "政府投资"
            case .enterprise: "企业投资"
            case .foreign: "外商投资"
            case .mixed: "混合投资"
            case .pending: "待补充"
            }
        case .projectLevel(let level):
            switch level {
            case .provinceKey: "省重点项目"
            case .cityKey: "市重点项目"
            case .districtKey: "区重点项目"
            case .reserveCity: "市级储备库"
            case .reserveDistrict: "区级储备库"
            }
        case .constructionNature(let nature):
            switch nature {
            case .newStart: "新建"
            case .continuing: "续建"
            }
        case .severity(let severity):
            switch severity {
            case .red: "红色"
            case .yellow: "黄色"
            case .info: "提示"
            }
        case .role(let role):
            switch role {
            case .admin: "管理员"
            case .center: "项目中心"
            case .department: "部门"
            case .region: "属地"
            case .secretary: "项目秘书"
            case .attraction: "招商"
            case .sponsor: "包保领导"
            case .supervision: "督查"
            case .statistics: "统计"
            case .viewer: "只读"
            }
        case .unknownField(let key):
            "未知字段 \(key)（字段名区分大小写，请对照接口文档）"
        case .limitUnit(let unit):
            switch unit {
            case .workingDays: "个工作日"
            case .calendarDays: "日"
            case .immediate: "即时办结"
            }
        case .approvalProjectType(let type):
            switch type {
            case .government: "政府投资项目"
            case .enterpriseApproval: "企业投资核准类项目"
            case .enterpriseFiling: "企业投资备案类项目"
            case .smallLowRisk: "社会投资小型低风险项目"
            }
        case .approvalStatus(let status):
            switch status {
            case .notStarted: "未申报"
            case .applied: "已申报"
            case .accepted: "已受理"
            case .acceptedWithDeficiency: "容缺受理"
            case .byCommitment: "告知承诺"
            case .paused: "暂停计时"
            case .approved: "已批复"
            case .rejected: "不予许可"
            case .notNeeded: "无需办理"
            }
        case .approvalStage(let stage):
            switch stage {
            case 1: "立项用地规划许可"
            case 2: "工程建设许可"
            case 3: "施工许可"
            case 4: "竣工验收"
            default: "并联办理事项"
            }
        case .clockState(let state):
            switch state {
            case .notStarted: "未计时"
            case .running: "正常"
            case .dueSoon: "临近时限"
            case .overdue: "已超时"
            case .paused: "暂停计时"
            case .doneOnTime: "按时办结"
            case .doneLate: "超时办结"
            case .rejected: "不予许可"
            case .notNeeded: "无需办理"
            }
        case .approvalEvent(let kind):
            switch kind {
            case .apply: "申报"
            case .accept: "受理"
            case .acceptWithDeficiency: "容缺受理"
            case .supplementReceived: "补齐材料"
            case .acceptByCommitment: "告知承诺受理"
            case .pause: "暂停计时"
            case .resume: "恢复计时"
            case .approve: "批复"
            case .reject: "不予许可"
            case .notNeeded: "无需办理"
            case .correct: "更正日期"
            }
        case .approvalEventNotAllowed(let kind, let status):
            "事项当前为“\(status.label)”，不能“\(DomainText.approvalEvent(kind).zh)”"
        case .dateBeforeApplication:
            "受理日期不能早于申报日期"
        case .dateBeforeAcceptance:
            "日期不能早于受理日期"
        case .positionDuty(let duty):
            switch duty {
            case .sponsor: "包保领导"
            case .secretary: "项目秘书"
            case .staff: "工作人员"
            }
        case .reportStatus(let status):
            switch status {
            case .submitted: "已报送"
            case .returned: "已退回"
            case .accepted: "已审核"
            }
        case .reportState(let state):
            switch state {
            case .notRequired: "无需填报"
            case .due: "待填报"
            case .missing: "逾期未报"
            case .submitted: "已报送"
            case .submittedLate: "逾期报送"
            case .returned: "已退回"
            case .accepted: "已审核"
            }
        case .reportMonthInFuture:
            "不能填报尚未开始的月份"
        case .percentRange:
            "形象进度应在 0–100 之间"
        case .cumulativeAboveTotal(let cumulative, let total):
            "自开工累计 \(cumulative.formatted(in: .wan)) 万元，超过总投资 \(total.formatted(in: .wan)) 万元"
        case .reportJump(let previous, let ratio):
            "本月完成投资超过上月（\(previous.formatted(in: .wan)) 万元）的 \(String(format: "%g", ratio)) 倍，请说明原因"
        case .reportAlreadyAccepted:
            "该月报已审核通过；如需修改，请项目中心先退回"
        case .reportNotSubmitted:
            "只有已报送的月报可以审核或退回"
        case .planAboveTotal(let total):
            "年度计划投资超过项目总投资（\(total.formatted(in: .wan)) 万元）"
        case .newStartAlreadyStarted(let year):
            "项目已于 \(year) 年开工，本年度应为续建"
        case .fileTooLarge(let maxBytes):
            "文件超过 \(maxBytes / 1_048_576) MB 上限"
        case .notAnImage:
            "只接受 JPEG、PNG 或 WebP 格式的照片"
        case .monthNotEnded:
            "本月尚未结束，不能关账"
        case .monthAlreadyClosed:
            "该月已关账"
        case .monthNotClosed:
            "该月尚未关账"
        case .correctionReasonRequired:
            "该月已关账，修改须说明更正原因（更正记录与关账快照并存）"
        case .inclusionBeforeStart:
            "入库日期不能早于实际开工日期（未开工的项目不能入库）"
        case .firstReportBeforeAdmission:
            "首次报数月份不能早于入库月份"
        case .reportChangedMeanwhile(let version):
            "该月报已被他人更新（当前版本 \(version)），请刷新后重新填写"
        case .holderBeforeCurrent(let since):
            "接任日期须晚于现任者的任职日期（\(since.iso)）"
        case .dateBeforePause:
            "恢复日期须晚于暂停开始日期"
        case .calendarRow(let line, let problem):
            switch problem {
            case .notCSV: "不是有效的 CSV（应有表头 date,kind,festival,statutory）"
            case .empty: "没有任何日期行"
            case .badDate: "第\(line)行：日期格式不正确"
            case .wrongYear: "第\(line)行：日期不在所导入的年度"
            case .badKind: "第\(line)行：kind 应为 holiday（放假）或 workday（调休上班）"
            case .workdayOnWeekday: "第\(line)行：调休上班日应为周六或周日"
            case .duplicate: "第\(line)行：日期重复"
            }
        case .approvalItemPresent:
            "该项目已有此审批事项"
        case .promisedLimitTooLong:
            "承诺时限不能长于法定时限"
        case .projectNotFound(let text):
            "找不到项目“\(text)”（请填写项目名称或投资项目统一代码）"
        case .projectAmbiguous(let text):
            "有多个项目名为“\(text)”，请改填投资项目统一代码"
        case .outsideScope:
            "该项目不在您的职责范围内（属地、部门或包保/秘书项目），不能这样录入或修改"
        case .field(let key):
            FieldLabels.label(key)
        case .fixed(let text):
            text
        case .required(let field):
            "请填写\(DomainText.field(field).zh)"
        case .tooLong(let field, let max):
            "\(DomainText.field(field).zh)不能超过\(max)个字"
        case .projectCode(let error):
            switch error {
            case .empty: "请填写投资项目统一代码"
            case .wrongShape: "项目代码应为24位，格式如 2509-220104-89-01-544060"
            case .unknownPeriod: "项目代码前4位应为赋码年月(YYMM)或2015—2020年的年份"
            }
        case .projectCodeTaken(let code, let name):
            name.map { "项目代码 \(code) 已被项目「\($0)」使用，一个项目代码只能对应一个项目" }
                ?? "项目代码 \(code) 已被另一个项目使用，一个项目代码只能对应一个项目；如有疑问请联系项目中心"
        case .creditCode(let error):
            switch error {
            case .empty: "请填写统一社会信用代码"
            case .wrongLength: "统一社会信用代码应为18位"
            case .invalidCharacter: "统一社会信用代码含有不允许的字符（不使用I、O、Z、S、V）"
            case .checkDigitMismatch(let expected): "统一社会信用代码校验位不正确（按前17位应为 \(expected)），请核对"
            }
        case .money(let error):
            switch error {
            case .empty: "请填写金额"
            case .notANumber: "金额应为数字，如 12345.67"
            case .negative: "金额不能为负数"
            case .tooPrecise(let decimals): "金额最多保留\(decimals)位小数"
            case .tooLarge: "金额超出允许范围（最多100万亿元），请核对单位"
            }
        case .dateInvalid:
            "日期格式不正确，请按 2026-03-15 填写"
        case .dateInFuture:
            "实际日期不能晚于今天"
        case .completionBeforeStart:
            "竣工日期不能早于开工日期"
        case .coordinateInvalid:
            "坐标超出范围：经度应在73至136之间，纬度应在3至54之间"
        case .coordinatesIncomplete:
            "经度和纬度需同时填写"
        case .numberOutOfRange(let field, let min, let max):
            "\(DomainText.field(field).zh)应在\(min)至\(max)之间"
        case .staleVersion(let current):
            "这条记录已被他人更新（当前版本 \(current)），您填写的内容仍保留，请核对后重新提交"
        case .wrongType(let field):
            "\(DomainText.field(field).zh)的类型不正确（请对照接口文档）"
        case .nullValue(let field):
            "\(DomainText.field(field).zh)不能为 null"
        case .notWholeNumber(let field):
            "\(DomainText.field(field).zh)应为整数"
        case .controlCharacters(let field):
            "\(DomainText.field(field).zh)含有不可见的控制字符（如空字符），请删除后重新提交"
        case .unknownCode(let field, let code):
            "\(DomainText.field(field).zh)「\(code)」不在系统参考数据中"
        case .regionRetired(let code, let replacement):
            "区划代码 \(code) 已停用，请使用 \(replacement)"
        case .categoryNotLeaf(let code):
            "项目类别「\(code)」下还有细分类别，请选择具体类别"
        case .positionWrongDuty(let field):
            "所选职务不能担任\(DomainText.field(field).zh)"
        case .leadAlsoSupport:
            "牵头部门不能同时作为配合部门"
        case .actualStartTooEarlyForStage:
            "项目尚未开工建设，不能填写实际开工日期；请通过“开工建设”环节登记"
        case .actualCompletionTooEarlyForStage:
            "项目尚未竣工投产，不能填写实际竣工日期；请通过“竣工投产”环节登记"
        case .transitionNotAllowed(let from, let to):
            "项目处于“\(from.label)”阶段，不能转入“\(to.label)”"
        case .reasonRequired(let stage):
            "转入“\(stage.label)”须说明原因"
        case .actualStartRequired:
            "转入开工建设须填写实际开工日期（主体工程破土开槽或正式打桩日期）"
        case .actualCompletionRequired:
            "转入竣工投产须填写竣工日期"
        case .ownerRequiredForApproval:
            "转入前期审批须先填写项目单位"
        case .stageNotCreatable(let stage):
            "新录入的项目不能直接处于“\(stage.label)”阶段"
        case .amountNotPositive(let field):
            "\(DomainText.field(field).zh)须大于0"
        }
    }
}
