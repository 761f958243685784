/// The notifications pages' words, zh-CN: the feature's section of the Web catalogue.
extension WebText {
    enum Notifications {
        static let inbox = "消息"
        static let noUnread = "没有未读消息。"
        static func unreadCount(_ unread: some CustomStringConvertible) -> String { "未读 \(unread) 条。" }
        static let markAllRead = "全部标为已读"
        static let none = "还没有消息。"
        static let markRead = "标为已读"
        static let unreadMark = " 未读"
        static func remindersSent(_ sent: some CustomStringConvertible) -> String { "提醒 \(sent) 条" }
        static func lightsChanged(_ count: Int) -> String { "灯色变化 \(count) 个项目" }
        static let escalationJob = "定时任务：问题提级"
        static func escalatedCount(_ risen: some CustomStringConvertible) -> String { "提级 \(risen) 个" }
        static let webhookDeactivated = "接收地址已停用"
        static let savedNotice = "已保存。"
        static let webhooksTitle = "推送接口（Webhook）"
        static let recentDeliveries = "最近的推送记录"
        static let webhooks = "推送接口"
        static let allEvents = "全部事件"
        static let addWebhook = "新增接收地址"
        static let url = "接收地址"
        static let secretHint = "签名密钥（至少 16 个字符）"
        static let description = "说明"
        static let events = "事件"
        static let save = "保存"
        static let noWebhooks = "尚未设置接收地址。"
        static let number = "编号"
        static let status = "状态"
        static let activate = "启用"
        static let deactivate = "停用"
        static let noDeliveries = "还没有推送。"
        static let pending = "待发送"
        static let delivered = "已送达"
        static let failed = "失败"
        static let webhook = "接口"
        static let attempts = "尝试次数"
        static let lastResult = "最近结果"
        static let nextAttempt = "下次尝试"
        static func receiverAnswered(_ code: some CustomStringConvertible) -> String { "接收方返回 \(code)" }
        static func undeliverable(_ error: any Error) -> String { "无法送达：\(error)" }
        static func urgedCount(_ count: some CustomStringConvertible) -> String { "催办 \(count) 件" }
        static let urgeJob = "定时任务：逾期催办"
        static let signatureHint = "事件发生时，系统向接收地址 POST 一段 JSON；请求头 X-Groundbreak-Signature 为 t=时间戳,v1=HMAC-SHA256(密钥, \"时间戳.请求体\") 的十六进制值，接收方据此核验来源。未返回 2xx 时按 1 分钟、5 分钟、30 分钟、2 小时、12 小时重试，之后记为失败。"
    }

    enum NotificationsContract {
        static let list = "本人的站内消息：分办、提级、退回、临期提醒、逾期提醒、待确认销号"
        static let listAnswer = "未读数与消息（最新在前，至多 100 条）"
        static let unread = "true：只列未读"
        static let read = "标为已读：{\"id\": 消息编号}；省略 id 时全部标为已读"
        static let forbidden = "须先修改初始密码"
        static let invalid = "内容有误（含不可见的控制字符等），未作任何修改"
        static let missing = "消息不存在或不属于本人"
        static let link = "站内页面路径"
    }
}
