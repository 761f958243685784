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
                                    errors: errors, form: form, notice: input.queryItems.first { $0.0 == "notice" }.map { _ in WebText.Notifications.savedNotice })
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
            .h1(.text(WebText.Notifications.webhooksTitle)),
            Components.notice(notice),
            Components.errorSummary(errors),
            .p(.class("meta"), .text(WebText.Notifications.signatureHint)),
            createForm,
            hookTable,
            .h2(.text(WebText.Notifications.recentDeliveries)),
            deliveryTable
        )
        return Layout.document(title: WebText.Notifications.webhooks, context: context, nav: .admin, content: content)
    }

    var createForm: Node<HTML.BodyContext> {
        let messages = { (field: String) in errors.filter { $0.field == field }.map(\.message) }
        let events = [Components.Option("*", WebText.Notifications.allEvents)] + WebhookEventType.allCases.map { Components.Option($0.rawValue, $0.rawValue) }
        return .form(.method(.post), .action(esc(Route.adminWebhooks.path)), .class("card project-form"),
                     Layout.csrfField(context),
                     .input(.type(.hidden), .name("action"), .value("create")),
                     .h2(.text(WebText.Notifications.addWebhook)),
                     .div(.class("field-grid"),
                          Components.textField("url", label: WebText.Notifications.url, value: form["url"], errors: messages("url"), required: true, placeholder: "https://"),
                          Components.textField("secret", label: WebText.Notifications.secretHint, value: "", errors: messages("secret"), required: true),
                          Components.textField("description", label: WebText.Notifications.description, value: form["description"]),
                          Components.checkboxes("eventTypes", label: WebText.Notifications.events, options: events, selected: form.pairs.filter { $0.0 == "eventTypes" }.map(\.1),
                                                errors: messages("eventTypes"))),
                     .button(.type(.submit), .class("button"), .text(WebText.Notifications.save)))
    }

    var hookTable: Node<HTML.BodyContext> {
        guard !webhooks.isEmpty else { return .p(.class("empty"), .text(WebText.Notifications.noWebhooks)) }
        return .div(.class("table-wrap"), .table(.class("ledger"),
            .thead(.tr(.th(.text(WebText.Notifications.number)), .th(.text(WebText.Notifications.url)), .th(.text(WebText.Notifications.events)), .th(.text(WebText.Notifications.description)), .th(.text(WebText.Notifications.status)), .th(.text("")))),
            .tbody(.forEach(webhooks) { hook in
                .tr(.td(.text(String(hook.id))), .td(.text(hook.url)), .td(.text(hook.eventTypes.joined(separator: "、"))), .td(.text(hook.description)),
                    .td(.text(hook.active ? WebText.Notifications.activate : WebText.Notifications.deactivate)),
                    .td(.form(.method(.post), .action(esc(Route.adminWebhooks.path)), .class("inline-form"), Layout.csrfField(context),
                              .input(.type(.hidden), .name("id"), .value(String(hook.id))),
                              .input(.type(.hidden), .name("action"), .value(hook.active ? "deactivate" : "activate")),
                              .button(.type(.submit), .class("link-button"), .text(hook.active ? WebText.Notifications.deactivate : WebText.Notifications.activate)))))
            })))
    }

    var deliveryTable: Node<HTML.BodyContext> {
        guard !deliveries.isEmpty else { return .p(.class("empty"), .text(WebText.Notifications.noDeliveries)) }
        let status: [WebhookDelivery.Status: String] = [.pending: WebText.Notifications.pending, .delivered: WebText.Notifications.delivered, .failed: WebText.Notifications.failed]
        return .div(.class("table-wrap"), .table(.class("ledger"),
            .thead(.tr(.th(.text(WebText.Notifications.number)), .th(.text(WebText.Notifications.webhook)), .th(.text(WebText.Notifications.events)), .th(.text(WebText.Notifications.status)), .th(.class("num"), .text(WebText.Notifications.attempts)),
                       .th(.text(WebText.Notifications.lastResult)), .th(.text(WebText.Notifications.nextAttempt)))),
            .tbody(.forEach(deliveries) { delivery in
                .tr(.td(.text(String(delivery.id))), .td(.text(String(delivery.webhookId))), .td(.text(delivery.eventType)),
                    .td(.text(status[delivery.status] ?? delivery.status.rawValue)), .td(.class("num"), .text(String(delivery.attempts))),
                    .td(.text(delivery.lastStatusCode.map { "HTTP \($0)" } ?? delivery.lastError)),
                    .td(.text(delivery.status == .pending ? Format.dateTime(delivery.nextAttemptAt) : "—")))
            })))
    }
}
