/// The API document's own words, zh-CN: its title and description, and the refusals every
/// endpoint of a kind shares. Each feature's summaries live in its `XContractText.swift`.
extension WebText {
    enum Contract {
        static let title = "Groundbreak 重大项目全生命周期调度平台 API"
        static let description = "项目台账的 JSON 接口。金额以元（整数）表示，并附万元文本；日期为 YYYY-MM-DD（北京时间）。错误以 application/problem+json 返回，title 为中文说明，type 为机器可读类型。使用会话 Cookie 调用时，修改类请求须在 X-CSRF-Token 头中携带会话的 CSRF 令牌。 其他系统可使用管理员签发的 API 令牌：Authorization: Bearer gbt_…（无需 CSRF 令牌，权限与所属用户相同）。每个用户只能看到并修改其职责范围（属地、部门、包保或秘书项目）内的项目；范围外的项目按不存在处理（404）。本文档由服务器的接口声明和数据类型生成。"
        static let documentSummary = "本文档"
        static let documentAnswer = "OpenAPI 3.1 文档"
        static let bearer = "管理员签发的 API 令牌 gbt_…"
        static let problemTitle = "中文说明"
        static let currentVersion = "版本冲突时，记录的当前版本"

        static let unauthenticated = "未登录"
        static let forbiddenRead = "无权限或须先修改初始密码"
        static let forbiddenWrite = "无权限、CSRF 校验失败，或须先修改初始密码"
        static let forbiddenBeforePasswordChange = "无权限"
        static let badJSON = "请求体不是有效 JSON"
        static let bodyTooLarge = "请求体过大"
        static let notJSON = "Content-Type 不是 application/json"
        static let invalidBody = "内容有误，未作任何修改"
        static let fileTooLarge = "文件过大"
        static let wrongFileType = "文件类型不受支持"

        /// `:id` in a path, by the object it names.
        static func identifier(_ target: String) -> String { noun(target) + "编号" }
        static func missing(_ target: String) -> String { noun(target) + "不存在或不在可见范围内" }

        private static func noun(_ target: String) -> String {
            switch target {
            case "project": "项目"
            case "problem": "问题"
            case "report": "月报"
            case "approval": "审批事项"
            case "meeting": "会议"
            case "supervisedItem": "督办事项"
            case "notice": "消息"
            default: "对象"
            }
        }
    }
}
