/// The kernel pages' words, zh-CN: the feature's section of the Web catalogue.
extension WebText {
    enum Server {
        static let anonymous = "匿名"
        static let badMultipart = "上传内容格式不正确（multipart/form-data）"
        static func missingSecret(_ name: some CustomStringConvertible) -> String { "生产模式缺少必需的密钥配置：\(name)。请通过环境变量或 .env 文件设置后再启动，系统不会使用默认值。" }
        static func badTrustedProxy(_ text: some CustomStringConvertible) -> String { "GROUNDBREAK_TRUSTED_PROXIES 中的「\(text)」不是 IP 地址或 IPv4 网段（如 10.0.0.0/8）" }
        static let replicaNeedsPostgres = "GROUNDBREAK_DATABASE_READ_URL（只读副本）只用于 PostgreSQL：GROUNDBREAK_DATABASE_URL 是 SQLite 时不能配置"
        static let badReadMaxLag = "GROUNDBREAK_DATABASE_READ_MAX_LAG 应在 0–3600 秒之间"
        static func badFiguresMaxLag(_ limit: Int64) -> String { "GROUNDBREAK_FIGURES_MAX_LAG 应在 0–\(limit) 秒之间" }
        static let secretKeySetting = "GROUNDBREAK_SECRET_KEY（至少32个字符）"
    }
}
