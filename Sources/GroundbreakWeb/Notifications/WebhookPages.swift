import Foundation
import GroundbreakDomain
import GroundbreakStore
import HTTPTypes
import Hummingbird
import Plot

/// 管理 → 推送接口: outbound webhooks (URL, events, signing secret) and the log of deliveries.
enum WebhookPages {
    static func page(_ input: EndpointRequest) async throws -> Response {
        try await render(input, errors: [], form: FormData(pairs: []), status: .ok)
    }

    static func render(_ input: EndpointRequest, errors: [FieldError], form: FormData, status: HTTPResponse.Status) async throws -> Response {
        let repository = WebhookRepository(database: input.services.database)
        let page = WebhookAdminPage(context: PageContext(input), webhooks: try await repository.webhooks(), deliveries: try await repository.deliveries(limit: 50),
                                    errors: errors, form: form, notice: input.queryItems.first { $0.0 == "notice" }.map { _ in "已保存。" })
        return Responses.html(page.document, status: status)
    }

    static func save(_ input: EndpointRequest) async throws -> Response {
        let form = input.form ?? FormData(pairs: [])
        let repository = WebhookRepository(database: input.services.database)
        switch form["action"] {
        case "activate", "deactivate":
            guard let id = Int64(form["id"]), try await repository.webhooks().contains(where: { $0.id == id }) else { throw AppError.notFound }
            try await repository.setActive(id: id, form["action"] == "activate", actor: input.actor, now: input.now)
        default:
            return try await FormSubmission.submit({
                let types = form.pairs.filter { $0.0 == "eventTypes" }.map(\.1)
                _ = try await repository.create(url: form["url"], secret: form["secret"], eventTypes: types, description: form["description"],
                                                actor: input.actor, now: input.now)
                return Responses.redirect(to: Route.adminWebhooks.path(notice: "saved"))
            }, refused: { try await render(input, errors: $0.errors, form: form, status: $0.status) })
        }
        return Responses.redirect(to: Route.adminWebhooks.path(notice: "saved"))
    }
}

struct WebhookAdminPage {
    var context: PageContext
    var webhooks: [Webhook]
    var deliveries: [WebhookDelivery]
    var errors: [FieldError]
    var form: FormData
    var notice: String?

    var document: HTML {
        let content: Node<HTML.BodyContext> = .group(
            .h1(.text("推送接口（Webhook）")),
            Components.notice(notice),
            Components.errorSummary(errors),
            .p(.class("meta"), .text("事件发生时，系统向接收地址 POST 一段 JSON；请求头 X-Groundbreak-Signature 为 t=时间戳,v1=HMAC-SHA256(密钥, \"时间戳.请求体\") 的十六进制值，接收方据此核验来源。未返回 2xx 时按 1 分钟、5 分钟、30 分钟、2 小时、12 小时重试，之后记为失败。")),
            createForm,
            hookTable,
            .h2(.text("最近的推送记录")),
            deliveryTable
        )
        return Layout.document(title: "推送接口", context: context, nav: .admin, content: content)
    }

    var createForm: Node<HTML.BodyContext> {
        let messages = { (field: String) in errors.filter { $0.field == field }.map(\.message) }
        let events = [Components.Option("*", "全部事件")] + WebhookEventType.allCases.map { Components.Option($0.rawValue, $0.rawValue) }
        return .form(.method(.post), .action(esc(Route.adminWebhooks.path)), .class("card project-form"),
                     Layout.csrfField(context),
                     .input(.type(.hidden), .name("action"), .value("create")),
                     .h2(.text("新增接收地址")),
                     .div(.class("field-grid"),
                          Components.textField("url", label: "接收地址", value: form["url"], errors: messages("url"), required: true, placeholder: "https://"),
                          Components.textField("secret", label: "签名密钥（至少 16 个字符）", value: "", errors: messages("secret"), required: true),
                          Components.textField("description", label: "说明", value: form["description"]),
                          Components.checkboxes("eventTypes", label: "事件", options: events, selected: form.pairs.filter { $0.0 == "eventTypes" }.map(\.1),
                                                errors: messages("eventTypes"))),
                     .button(.type(.submit), .class("button"), .text("保存")))
    }

    var hookTable: Node<HTML.BodyContext> {
        guard !webhooks.isEmpty else { return .p(.class("empty"), .text("尚未设置接收地址。")) }
        return .div(.class("table-wrap"), .table(.class("ledger"),
            .thead(.tr(.th(.text("编号")), .th(.text("接收地址")), .th(.text("事件")), .th(.text("说明")), .th(.text("状态")), .th(.text("")))),
            .tbody(.forEach(webhooks) { hook in
                .tr(.td(.text(String(hook.id))), .td(.text(hook.url)), .td(.text(hook.eventTypes.joined(separator: "、"))), .td(.text(hook.description)),
                    .td(.text(hook.active ? "启用" : "停用")),
                    .td(.form(.method(.post), .action(esc(Route.adminWebhooks.path)), .class("inline-form"), Layout.csrfField(context),
                              .input(.type(.hidden), .name("id"), .value(String(hook.id))),
                              .input(.type(.hidden), .name("action"), .value(hook.active ? "deactivate" : "activate")),
                              .button(.type(.submit), .class("link-button"), .text(hook.active ? "停用" : "启用")))))
            })))
    }

    var deliveryTable: Node<HTML.BodyContext> {
        guard !deliveries.isEmpty else { return .p(.class("empty"), .text("还没有推送。")) }
        let status: [WebhookDelivery.Status: String] = [.pending: "待发送", .delivered: "已送达", .failed: "失败"]
        return .div(.class("table-wrap"), .table(.class("ledger"),
            .thead(.tr(.th(.text("编号")), .th(.text("接口")), .th(.text("事件")), .th(.text("状态")), .th(.class("num"), .text("尝试次数")),
                       .th(.text("最近结果")), .th(.text("下次尝试")))),
            .tbody(.forEach(deliveries) { delivery in
                .tr(.td(.text(String(delivery.id))), .td(.text(String(delivery.webhookId))), .td(.text(delivery.eventType)),
                    .td(.text(status[delivery.status] ?? delivery.status.rawValue)), .td(.class("num"), .text(String(delivery.attempts))),
                    .td(.text(delivery.lastStatusCode.map { "HTTP \($0)" } ?? delivery.lastError)),
                    .td(.text(delivery.status == .pending ? Format.dateTime(delivery.nextAttemptAt) : "—")))
            })))
    }
}
