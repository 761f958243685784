import Foundation

/// The Domain target's string catalogue: every sentence a user reads that the rules produce.
/// One case per message; `zh` is the zh-CN text. An English catalogue adds `en` beside it.
public enum DomainText: Sendable, Equatable {
    // Labels
    case stage(Stage)
    case investmentType(InvestmentType)
    case projectLevel(ProjectLevel)
    case constructionNature(ConstructionNature)
    case severity(FlagRule.Severity)
    case field(String)
    case role(Role)

    // Input problems
    case required(field: String)
    case tooLong(field: String, max: Int)
    case projectCode(ProjectCode.ParseError)
    case projectCodeTaken(code: String, byProject: String)
    case creditCode(CreditCode.ParseError)
    case money(MoneyParseError)
    case dateInvalid
    case dateInFuture
    case completionBeforeStart
    case coordinateInvalid
    case coordinatesIncomplete
    case unknownCode(field: String, code: String)
    case regionRetired(code: String, replacement: String)
    case categoryNotLeaf(code: String)
    case positionWrongDuty(field: String)
    case leadAlsoSupport
    case actualStartTooEarlyForStage
    case actualCompletionTooEarlyForStage

    // Lifecycle
    case transitionNotAllowed(from: Stage, to: Stage)
    case reasonRequired(Stage)
    case actualStartRequired
    case actualCompletionRequired
    case ownerRequiredForApproval
    case stageNotCreatable(Stage)
    case amountNotPositive(field: String)
    case outsideScope
    case unknownField(String)

    public var zh: String {
        switch self {
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
        case .outsideScope:
            "该项目不在您的职责范围内（属地、部门或包保/秘书项目），不能这样录入或修改"
        case .field(let key):
            DomainText.fieldLabels[key] ?? key
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
            "项目代码 \(code) 已被项目「\(name)」使用，一个项目代码只能对应一个项目"
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
            case .tooLarge: "金额超出允许范围，请核对单位（万元）"
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

    /// Field names as the forms label them.
    static let fieldLabels: [String: String] = [
        "name": "项目名称",
        "code": "投资项目统一代码",
        "ownerName": "项目单位",
        "ownerCreditCode": "统一社会信用代码",
        "regionCode": "所在属地",
        "zoneCode": "所属开发区",
        "categoryCode": "项目类别",
        "industryDivision": "国民经济行业分类",
        "industrySection": "行业门类",
        "investmentType": "投资类型",
        "totalInvestment": "总投资",
        "constructionContent": "建设内容",
        "address": "建设地点",
        "longitude": "经度",
        "latitude": "纬度",
        "plannedStart": "计划开工日期",
        "plannedCompletion": "计划竣工日期",
        "actualStart": "实际开工日期",
        "actualCompletion": "实际竣工日期",
        "levels": "项目层级",
        "tags": "项目标签",
        "leadDepartmentCode": "牵头部门",
        "supportDepartmentCodes": "配合部门",
        "sponsorPositionId": "包保领导",
        "secretaryPositionId": "项目秘书",
        "stage": "项目阶段",
        "target": "目标阶段",
        "note": "说明",
        "sizeBand": "规模档",
        "scope": "职责范围",
        "username": "用户名",
        "displayName": "姓名",
        "roles": "角色",
        "unit": "所属单位",
        "positionId": "职务",
        "tokenName": "令牌名称",
        "version": "版本号",
    ]
}
