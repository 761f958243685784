/// The uikit pages' words, zh-CN: the feature's section of the Web catalogue.
extension WebText {
    enum Common {
        static let choose = "请选择"
        static let departments = "部门"
        static let regionsAndZones = "县（市）区、开发区"
        static let previousPage = "上一页"
        static let nextPage = "下一页"
        static let pagination = "分页"
        static let other = "其他"
        static let cityDepartments = "市直部门及单位"
        static let regions = "县（市）区"
        static let backToLedger = "返回项目台账"
        static func rowCount(_ count: some CustomStringConvertible) -> String { "共 \(count) 条" }
        static let exportXLSX = "导出 Excel"
        static let print = "打印"
        static let everything = "全部"
        static func filterNamed(_ filter: some CustomStringConvertible) -> String { "筛选条件：\(filter)" }
        static func filterLine(_ filter: some CustomStringConvertible, _ at: some CustomStringConvertible) -> String { "筛选条件：\(filter)；导出时间：\(at)" }
        static let filterSeparator = "；"
    }
}
