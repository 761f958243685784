import Foundation
import GroundbreakDomain
import GroundbreakStore
import HTTPTypes
import Hummingbird
import Plot

/// The signed-in user's messages: what was assigned to their unit, what is due or late, what
/// waits for their confirmation.
enum InboxPages {
    /// Where a message's `link` leads: `problem:12` → the problem's page.
    static func path(_ link: String) -> String? {
        let parts = link.split(separator: ":", maxSplits: 1)
        guard parts.count == 2, let id = Int64(parts[1]), id > 0 else { return nil }
        switch parts[0] {
        case "problem": return Route.problem(id).path
        case "project": return Route.project(id).path
        case "supervision": return Route.supervisedItem(id).path
        case "reports": return Route.projectReports(id, year: nil).path
        case "funding": return Route.fundingApplication(id).path
        default: return nil
        }
    }

    static func page(_ input: EndpointRequest) async throws -> Response {
        let principal = try input.requirePrincipal()
        let messages = try await input.services.notifications.inbox(userId: principal.userId)
        return Responses.html(InboxPage(context: PageContext(input), messages: messages).document)
    }

    static func markRead(_ input: EndpointRequest) async throws -> Response {
        let principal = try input.requirePrincipal()
        let id = Int64(input.form?["id"] ?? "")
        guard try await input.services.notifications.markRead(userId: principal.userId, id: id, now: input.now) else { throw AppError.notFound }
        return Responses.redirect(to: Route.notifications.path)
    }

    struct MessageDTO: Codable, Sendable {
        var id: Int64
        var kind: String
        var title: String
        var body: String
        @ExplicitNull var link: String?
        var createdAt: Date
        @ExplicitNull var readAt: Date?
    }

    struct InboxDTO: Codable, Sendable {
        var unreadCount: Int
        var messages: [MessageDTO]
    }

    static func inbox(_ input: EndpointRequest) async throws -> InboxDTO {
        let principal = try input.requirePrincipal()
        let unreadOnly = input.queryItems.first { $0.0 == "unread" }?.1 == "true"
        let messages = try await input.services.notifications.inbox(userId: principal.userId, unreadOnly: unreadOnly)
        return InboxDTO(unreadCount: try await input.services.notifications.unreadCount(userId: principal.userId),
                        messages: messages.map { MessageDTO(id: $0.id, kind: $0.kind, title: $0.title, body: $0.body, link: path($0.link),
                                                            createdAt: $0.createdAt, readAt: $0.readAt) })
    }

    static func apiList(_ input: EndpointRequest) async throws -> Response {
        try Responses.json(try await inbox(input))
    }

    struct ReadBody: Decodable, Sendable {
        var id: Int64?
    }

    static func apiMarkRead(_ input: EndpointRequest) async throws -> Response {
        let principal = try input.requirePrincipal()
        let body = try input.json(ReadBody.self)
        // Someone else's message is as unknown as a missing one.
        guard try await input.services.notifications.markRead(userId: principal.userId, id: body.id, now: input.now) else { throw AppError.notFound }
        return try Responses.json(try await inbox(input))
    }
}

struct InboxPage {
    var context: PageContext
    var messages: [InboxMessage]

    var document: HTML {
        let unread = messages.filter { $0.readAt == nil }.count
        let content: Node<HTML.BodyContext> = .group(
            .h1(.text(WebText.Notifications.inbox)),
            .p(.class("meta"), .text(unread == 0 ? WebText.Notifications.noUnread : WebText.Notifications.unreadCount(unread))),
            unread == 0 ? .empty : .form(.method(.post), .action(esc(Route.markNotificationsRead.path)), .class("inline-form"),
                                        Layout.csrfField(context), .button(.type(.submit), .class("button secondary"), .text(WebText.Notifications.markAllRead))),
            messages.isEmpty ? .p(.class("empty"), .text(WebText.Notifications.none)) : .ul(.class("timeline"), .forEach(messages) { item(for: $0) })
        )
        return Layout.document(title: WebText.Notifications.inbox, context: context, nav: .inbox, content: content)
    }

    func item(for message: InboxMessage) -> Node<HTML.ListContext> {
        let title: Node<HTML.BodyContext> = InboxPages.path(message.link).map { .a(.href(esc($0)), .text(message.title)) } ?? .text(message.title)
        let read: Node<HTML.BodyContext> = message.readAt == nil
            ? .form(.method(.post), .action(esc(Route.markNotificationsRead.path)), .class("inline-form"), Layout.csrfField(context),
                    .input(.type(.hidden), .name("id"), .value(String(message.id))), .button(.type(.submit), .class("link-button"), .text(WebText.Notifications.markRead)))
            : .empty
        return .li(.span(.class("when"), .text(Format.dateTime(message.createdAt) + (message.readAt == nil ? WebText.Notifications.unreadMark : ""))), .text(" "),
                   .strong(title), .text(" " + message.body), read)
    }
}
