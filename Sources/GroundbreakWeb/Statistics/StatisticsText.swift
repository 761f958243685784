/// The statistics paragraph's page words, zh-CN.
extension WebText {
    enum Statistics {
        static let title = "统计段落"
        static let lead = "按单位年度重点项目清单（含导入台账的建设性质、年度计划投资和本单位分类口径）写出统计段落。“以上”含本数。同比与上一年度的清单比较；上一年度没有清单时不写同比。"
        static let noUnit = "您的账号按包保或秘书岗位看项目，不按单位看统计数字；请联系项目中心。"
        static let unitOutsideScope = "无权查看该单位的统计数字"
        static let unit = "单位"
        static let year = "年度"
        static let threshold = "起点（万元）"
        static let bands = "规模档（万元，逗号分隔）"
        static let bandsHint = "如 10000,50000 表示亿元以上、5亿元以上"
        static func badBands(_ max: Int) -> String { "规模档请写 1 到 \(max) 个以逗号分隔的万元金额" }
        static let scheme = "分类口径"
        static let noScheme = "不按口径分类"
        static let shape = "写法"
        static func shapeLabel(_ shape: String) -> String { shape == "among" ? "其中……同比（全市项目建设）" : "按投资规模、类别、建设进度看（区县台账）" }
        static let total = "写明总投资"
        static let named = "点名的最大项目数"
        static let withTotal = "写"
        static let withoutTotal = "不写"
        static func groupItem(_ dimension: String, _ name: String) -> String { "\(dimension)：\(name)" }
        static let write = "生成"
        static let viewSchemes = "查看分类口径"
        static let copy = "复制段落"
        static let copied = "已复制"
        static let docx = "下载 Word"
        static let figures = "段落所用数字"
        static let count = "项目数"
        static let previous = "上年清单"
        static let noPrevious = "无上年清单"
        static let totalInvestment = "总投资"
        static let noList = "该单位该年度还没有重点项目清单：导入写有建设性质或年度计划投资的台账后即有。"
        static let lists = "已有清单"
        static func listLine(_ year: Int, _ unit: String, _ threshold: String, _ title: String) -> String { "\(year)年 \(unit) \(threshold)" + (title.isEmpty ? "" : "（\(title)）") }
        static let progress = "推进情况表（Excel）"
        static let progressLead = "推进情况表（Excel）："
        static func grouping(_ key: String) -> String { key == "scheme" ? "按分类口径" : key == "band" ? "按投资规模" : "按属地" }
        static func progressFilter(_ threshold: String, _ scheme: String?, _ grouping: String) -> String {
            "\(threshold)清单项目，\(grouping)分组" + (scheme.map { "（口径：\($0)）" } ?? "")
        }
        static func documentTitle(_ unit: String, _ year: Int) -> String { "\(unit)\(year)年重点项目建设情况" }
    }

    enum StatisticsContract {
        static let summary = "统计段落：按单位年度重点项目清单写出的段落（如“2019年，二道区实施3000万元以上重点项目101个，总投资914亿元。按投资规模看，……”），及其所用数字"
        static let answer = "段落与数字"
        static let badQuery = "查询条件有误（单位、年度、起点、规模档、口径、写法）"
        static let forbidden = "无权查看该单位的统计数字（该单位有项目不在您的范围内；包保领导和项目秘书按岗位看项目）"
        static let unit = "单位：区划代码（如 220105）或名称（如 二道区）；省略时为本人单位或全市"
        static let year = "年度；省略时为该单位最近有清单的年度"
        static let threshold = "起点，万元（如 3000 即 3000万元以上）；省略时为该年度清单的起点"
        static let bands = "规模档，万元，逗号分隔（如 10000,50000）；省略时为亿元、10亿元、50亿元、100亿元"
        static let scheme = "分类口径编号（见 /api/v1/schemes）；省略时为该单位第一个口径；none 为不按口径分类"
        static let shape = "byDimension：按投资规模、类别、建设进度看（seed 004）；among：其中……同比（seed 002）"
        static let total = "是否写明总投资"
        static let named = "点名的最大项目个数（包括总投资X亿元的……等重大项目）"
        static let paragraph = "段落全文"
        static let previousCount = "上一年度清单的项目数；无上年清单时为 null"
        static let yuan = "元"
    }
}
