/// The classification schemes' page words, zh-CN.
extension WebText {
    enum Schemes {
        static let title = "分类口径"
        static let lead = "各单位自己的项目分类（如二道区“1+2+6”六大领域、绿园区“7+3”产业组）。台账导入时，类别列按文件所属单位的同名口径读取；口径中没有的类别会自动加入并标记“待确认”，请确认或对应到系统项目类别。"
        static let none = "还没有分类口径：导入写有本单位类别的台账，或在下方新建。"
        static let unconfirmed = "待确认"
        static let name = "类别名称"
        static let shortName = "简称（统计段落用）"
        static let category = "对应系统类别"
        static let noCategory = "未对应"
        static let synonyms = "同义词（每行一个）"
        static let projects = "项目数"
        static let confirmed = "已确认"
        static let save = "保存"
        static let confirm = "确认"
        static let addClass = "增加类别"
        static let newScheme = "新建口径"
        static let region = "单位"
        static let schemeName = "口径名称"
        static let create = "新建"
        static let edit = "修改"
        static func heading(_ region: String, _ name: String) -> String { "\(region)：\(name)" }
        static func ledgerOf(_ name: String) -> String { "查看“\(name)”的项目" }
    }

    enum SchemesContract {
        static let list = "分类口径列表：各单位的口径及其类别、对应的系统类别、同义词、是否待确认、项目数"
        static let region = "只列某单位（区划代码）的口径"
        static let schemes = "口径列表"
        static let create = "新建一个单位的分类口径（项目中心、管理员）"
        static let created = "已新建"
        static let addClass = "给口径增加类别（项目中心、管理员）"
        static let classCreated = "已增加"
        static let editClass = "修改类别：改名、简称、对应系统类别、同义词，或确认导入加入的类别（项目中心、管理员）"
        static let classSaved = "已保存"
        static let forbidden = "只有项目中心和管理员可以修改分类口径"
        static let conflict = "口径已被他人修改（version 已变），未保存"
        static let invalid = "名称为空或重复、对应的系统类别不存在等，未保存"
        static let version = "口径的版本号；修改类别时须带上读到的版本"
        static let shortName = "统计段落中使用的简称（如“现代农业”）；为空时用类别名称"
        static let categoryCode = "对应的系统项目类别代码；为空表示未对应"
        static let confirmed = "false：导入时自动加入、待项目中心确认"
        static let projects = "属于该类别的项目数"
    }
}
