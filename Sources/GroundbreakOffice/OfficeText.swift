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
}
