/// The reference pages' words, zh-CN: the feature's section of the Web catalogue.
extension WebText {
    enum Reference {
        static let builtIn = "系统内置"
    }
}
