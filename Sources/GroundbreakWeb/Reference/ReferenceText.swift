/// The reference pages' words, zh-CN: the feature's section of the Web catalogue.
extension WebText {
    enum Reference {
        static let builtIn = "系统内置"
        static let contractSummary = "参考数据（属地、开发区、部门、类别、行业、规模档、标签、职务、提示规则）"
        static let contractAnswer = "全部参考数据"
    }
}
