import Foundation

/// The reserve pages' words, zh-CN.
extension WebText {
    enum Reserve {
        static let title = "谋划储备"
        static let lead = "县（市）区、开发区和市级两级储备库：项目按五类生成来源谋划入库，按成熟程度分级，县区库中成熟的项目提升进入市级库；“龙头”“标志性”项目按项目标签认定。"
        static let target = "储备目标"
        static func bandLine(_ name: String, _ count: Int?) -> String { "\(name)（" + (count.map { "目标 \($0) 个" } ?? "未设定目标") + "）" }
        static let reserveCount = "在库未开工项目"
        static let reserveAmount = "在库项目总投资（万元）"
        static let designations = "龙头、标志性项目"
        static let designationLead = "各县（市）区、开发区“龙头”项目和市直部门“标志性”项目（在库未开工、带相应标签）不少于规定个数。"
        static let unit = "单位"
        static let designation = "类别"
        static let count = "个数"
        static let minimum = "不少于"
        static let met = "达标"
        static let unmet = "未达标"
        static let conversion = "储备转化"
        static let conversionLead = "按入库年度：入库项目中已开工的个数和比例。"
        static let enteredYear = "入库年度"
        static let entered = "入库项目"
        static let started = "已开工"
        static let rate = "转化率"
        static let entries = "储备项目"
        static let project = "项目名称"
        static let region = "属地"
        static let total = "总投资（万元）"
        static let level = "储备层级"
        static let source = "生成来源"
        static let grade = "等级"
        static let tags = "认定"
        static let note = "谋划情况"
        static let enteredOn = "入库日期"
        static let promotedOn = "提升日期"
        static let stage = "阶段"
        static let serial = "序号"
        static let filter = "筛选"
        static let all = "全部"
        static let allVisible = "可见的全部储备项目"
        static func listCount(_ count: Int) -> String { "共 \(count) 个储备项目" }
        static let fileName = "谋划储备项目.xlsx"
        static let designationsFile = "龙头标志性项目达标情况.xlsx"
        static let conversionFile = "储备转化情况.xlsx"
        static let metColumn = "是否达标"
        static func asOf(_ scope: String, _ day: String) -> String { "\(scope)；截至\(day)" }
        static func designationsCount(_ count: Int, _ met: Int) -> String { "共 \(count) 项，达标 \(met) 项" }
        static func conversionCount(_ entered: Int, _ started: Int) -> String { "累计入库 \(entered) 个，已开工 \(started) 个" }
        static let none = "—"
        static let projectTitle = "谋划储备"
        static let notEntered = "该项目尚未进入储备库。"
        static let enter = "入库"
        static let save = "保存"
        static let promote = "提升为市级储备"
        static let saved = "已保存"
        static let importTitle = "导入储备项目库"
        static let importLink = "导入储备项目库（Excel）"
        static let importHint = "各县（市）区、开发区在 Excel 中维护的储备项目库（项目名称、项目代码、所属县区、总投资、生成来源、等级、谋划情况、入库日期、储备层级、项目单位；金额单位按表头的万元或亿元）可以直接导入：先预览每一行，没有问题再整份写入。"
        static let importRules = "项目按项目代码对应台账，没有代码按所属县区内的项目名称对应，台账中没有的作为谋划储备项目新建（类别待补充）；生成来源可写政府主导、重点企业、科研院所、孵化平台、借助外脑；等级写A、B、C；已在库的项目按本表更新生成来源、等级、谋划情况和入库日期，相同的不变；已开工的项目不入库；储备层级填“市级”的由项目中心导入时调入市级储备库。"
        static let back = "返回项目"
    }

    enum ReserveContract {
        static let list = "谋划储备：调用者可见的在库项目（可按层级、单位、来源、等级、认定筛选），储备目标、龙头和标志性项目达标情况、按入库年度的转化"
        static let project = "一个项目的储备情况（未入库时 entry 为 null）"
        static let save = "项目入库（version 为 0）或修改来源、等级、谋划情况（按版本号）"
        static let promote = "把县区储备库的项目提升到市级储备库（按版本号；市大项目办、管理员）"
        static let answer = "储备情况"
        static let invalid = "内容有误（来源、等级、谋划情况、日期，或项目已开工）"
        static let conflict = "储备情况已被他人更新，请按最新版本号重试"
        static let importList = "导入储备项目库（请求体为 .xlsx 或 .csv 文件本身，fileName 为文件名；commit=true 时文件无误则整份写入，否则只预览）：项目按代码、再按县区内名称对应，没有的新建为谋划储备项目"
        static let importChanged = "预览之后储备库或台账有变化，整份未写入，请重新预览"
        static let forbidden = "无权查看或修改"
        static let badQuery = "筛选条件有误"
    }
}
