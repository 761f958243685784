import Foundation
import GroundbreakDomain
import GroundbreakOffice
import GroundbreakStore
import HTTPTypes
import Hummingbird
import NIOCore
import Plot

/// The audit trail: filtered pages, CSV export and the JSON API.
enum AuditPages {
    static let filterKeys = ["entity", "entityId", "actor", "unit", "action", "from", "to"]

    /// Reads filters from a query string; bad dates are reported.
    static func query(from items: [(String, String)]) -> (AuditQuery, FormData, [FieldError]) {
        var query = AuditQuery()
        var errors: [FieldError] = []
        let form = FormData(pairs: items.filter { filterKeys.contains($0.0) || $0.0 == "page" })
        func text(_ key: String) -> String? {
            let value = form[key].trimmingCharacters(in: .whitespaces)
            return value.isEmpty ? nil : String(value.prefix(100))
        }
        query.entity = text("entity")
        query.entityId = text("entityId")
        query.actorName = text("actor")
        query.unit = text("unit")
        query.action = text("action")
        for key in ["from", "to"] {
            guard let raw = text(key) else { continue }
            if let day = Day.parse(raw) {
                if key == "from" { query.from = day } else { query.to = day }
            } else {
                errors.append(FieldError(key, .dateInvalid))
            }
        }
        if let raw = text("page") {
            // Bounded: the offset is page × page size, and an overflow would stop the server.
            if let page = Int(raw), (1...ProjectQuery.maxPage).contains(page) { query.page = page }
            else { errors.append(FieldError("page", .unknownCode(field: "page", code: raw))) }
        }
        return (query, form, errors)
    }

    static func page(_ input: EndpointRequest) async throws -> Response {
        let (query, form, errors) = query(from: input.queryItems)
        let result = try await input.services.audit.search(query)
        let page = AuditPage(context: PageContext(input), query: query, form: form, errors: errors, entries: result.entries,
                             totalCount: result.totalCount, catalog: input.catalog)
        return Responses.html(page.document, status: errors.isEmpty ? .ok : .badRequest)
    }

    static let csvHeader = [WebText.Accounts.number, WebText.Accounts.time, WebText.Accounts.actor, WebText.Accounts.unit, WebText.Accounts.sourceAddress, WebText.Accounts.requestId, WebText.Accounts.entity, WebText.Accounts.entityId, WebText.Accounts.action, WebText.Accounts.reason, WebText.Accounts.before, WebText.Accounts.after]

    static func csv(_ input: EndpointRequest) async throws -> Response {
        let (parsed, _, errors) = query(from: input.queryItems)
        guard errors.isEmpty else { throw AppError.badQuery(ValidationFailure(errors)) }
        let audit = input.services.audit
        var headers = HTTPFields()
        headers[.contentType] = "text/csv; charset=utf-8"
        headers[.contentDisposition] = "attachment; filename=\"audit.csv\""
        let body = ResponseBody { writer in
            try await writer.write(ByteBuffer(bytes: CSVDocument.byteOrderMark + CSVDocument.row(csvHeader)))
            var query = parsed
            query.perPage = 1000
            query.page = 1
            while true {
                let result = try await audit.search(query)
                var bytes: [UInt8] = []
                for entry in result.entries {
                    bytes += CSVDocument.row([
                        String(entry.id), Format.dateTime(entry.at), entry.actorName, entry.actorUnit, entry.sourceIP, entry.requestId,
                        entry.entity, entry.entityId, entry.action, entry.reason, entry.beforeJSON ?? "", entry.afterJSON ?? "",
                    ])
                }
                if !bytes.isEmpty { try await writer.write(ByteBuffer(bytes: bytes)) }
                if query.page * query.perPage >= result.totalCount { break }
                query.page += 1
            }
            try await writer.finish(nil)
        }
        return Response(status: .ok, headers: headers, body: body)
    }

    static func api(_ input: EndpointRequest) async throws -> Response {
        let (query, _, errors) = query(from: input.queryItems)
        guard errors.isEmpty else { throw AppError.badQuery(ValidationFailure(errors)) }
        let result = try await input.services.audit.search(query)
        return try Responses.json(AuditListDTO(entries: result.entries.map(AuditEntryDTO.init), page: query.page, perPage: query.perPage, totalCount: result.totalCount))
    }
}

struct AuditEntryDTO: Codable, Sendable {
    var id: Int64
    var at: Date
    @ExplicitNull var actorUserId: Int64?
    var actorName: String
    var actorUnit: String
    var sourceIP: String
    var requestId: String
    var entity: String
    var entityId: String
    var action: String
    var reason: String
    @ExplicitNull var before: String?
    @ExplicitNull var after: String?

    init(_ entry: AuditEntry) {
        id = entry.id
        at = entry.at
        actorUserId = entry.actorUserId
        actorName = entry.actorName
        actorUnit = entry.actorUnit
        sourceIP = entry.sourceIP
        requestId = entry.requestId
        entity = entry.entity
        entityId = entry.entityId
        action = entry.action
        reason = entry.reason
        before = entry.beforeJSON
        after = entry.afterJSON
    }
}

struct AuditListDTO: Codable, Sendable {
    var entries: [AuditEntryDTO]
    var page: Int
    var perPage: Int
    var totalCount: Int
}

struct AuditPage {
    var context: PageContext
    var query: AuditQuery
    var form: FormData
    var errors: [FieldError]
    var entries: [AuditEntry]
    var totalCount: Int
    var catalog: ReferenceCatalog

    static let actions: [(String, String)] = [
        ("create", WebText.Accounts.actionCreate), ("update", WebText.Accounts.actionUpdate), ("transition", WebText.Accounts.actionTransition), ("sign-in", WebText.Accounts.actionLogin), ("sign-in-failed", WebText.Accounts.actionLoginFailed),
        ("sign-in-locked", WebText.Accounts.actionLoginWhileLocked), ("locked", WebText.Accounts.actionLocked), ("sign-out", WebText.Accounts.actionLogout), ("sign-out-everywhere", WebText.Accounts.actionSignOutEverywhere),
        ("password-change", WebText.Accounts.changePassword), ("password-reset", WebText.Accounts.resetPassword), ("lock", WebText.Accounts.actionAdminLock), ("unlock", WebText.Accounts.unlock),
        ("issue", WebText.Accounts.issueToken), ("revoke", WebText.Accounts.actionRevokeToken), ("token-use", WebText.Accounts.actionTokenUsed), ("token-rejected", WebText.Accounts.actionTokenRefused), ("denied", WebText.Accounts.actionDenied),
        ("bulk-load", WebText.Accounts.actionBulkLoad),
    ]
    static let entities: [(String, String)] = [("project", WebText.Accounts.entityProject), ("user", WebText.Accounts.entityUser), ("auth", WebText.Accounts.actionLogin), ("api_token", WebText.Accounts.apiToken), ("route", WebText.Accounts.entityRoute), ("dataset", WebText.Accounts.entityDataset)]

    func link(page: Int) -> String {
        var pairs = form.pairs.filter { $0.0 != "page" }
        pairs.append(("page", String(page)))
        return Route.audit(FormData(pairs: pairs)).path
    }

    var document: HTML {
        let actionLabels = Dictionary(uniqueKeysWithValues: Self.actions)
        let entityLabels = Dictionary(uniqueKeysWithValues: Self.entities)
        return Layout.document(title: WebText.Accounts.audit, context: context, nav: .audit, content: .group(
            .div(.class("page-head"), .h1(.text(WebText.Accounts.audit)),
                 .div(.class("actions"), .a(.class("button secondary"), .href(esc(Route.auditCSV(FormData(pairs: form.pairs.filter { $0.0 != "page" })).path)), .text(WebText.Accounts.exportCSV)))),
            Components.errorSummary(errors, title: WebText.Errors.badQuery),
            .form(
                .method(.get), .action(esc(Route.audit(FormData(pairs: [])).path)), .class("filters"),
                .div(.class("filter-grid"),
                     filter("entity", WebText.Accounts.entity, Components.select("entity", options: Self.entities.map { .init($0.0, $0.1) }, selected: [form["entity"]], blank: WebText.Accounts.all)),
                     filter("entityId", WebText.Accounts.entityId, .input(.type(.text), .name("entityId"), .id("f-entityId"), .value(esc(form["entityId"])))),
                     filter("action", WebText.Accounts.action, Components.select("action", options: Self.actions.map { .init($0.0, $0.1) }, selected: [form["action"]], blank: WebText.Accounts.all)),
                     filter("actor", WebText.Accounts.actor, .input(.type(.text), .name("actor"), .id("f-actor"), .value(esc(form["actor"])))),
                     filter("unit", WebText.Accounts.unit, .input(.type(.text), .name("unit"), .id("f-unit"), .value(esc(form["unit"])), .placeholder("department:CC-GXJ"))),
                     filter("from", WebText.Accounts.from, .input(.type(.date), .name("from"), .id("f-from"), .value(esc(form["from"])))),
                     filter("to", WebText.Accounts.to, .input(.type(.date), .name("to"), .id("f-to"), .value(esc(form["to"]))))),
                .div(.class("filter-actions"), .button(.type(.submit), .class("button"), .text(WebText.Accounts.filter)),
                     .span(.class("muted"), .text(WebText.Accounts.totalCount(Format.count(totalCount)))))
            ),
            .div(.class("table-wrap"), .table(
                .class("ledger"),
                .thead(.tr(.th(.text(WebText.Accounts.time)), .th(.text(WebText.Accounts.actor)), .th(.text(WebText.Accounts.unit)), .th(.text(WebText.Accounts.source)), .th(.text(WebText.Accounts.entity)), .th(.text(WebText.Accounts.action)), .th(.text(WebText.Accounts.note)))),
                .tbody(.forEach(entries) { entry in
                    .tr(
                        .td(.text(Format.dateTime(entry.at))),
                        .td(.text(entry.actorName)),
                        .td(.attribute(named: "title", value: esc(entry.actorUnit)),
                            .text(OrgUnit.parse(entry.actorUnit).map { UnitNames.describe($0, catalog: catalog) } ?? entry.actorUnit)),
                        .td(.text(entry.sourceIP)),
                        .td(.text("\(entityLabels[entry.entity] ?? entry.entity) \(entry.entityId)")),
                        .td(.text(actionLabels[entry.action] ?? entry.action)),
                        .td(.class("name"), .text(entry.reason))
                    )
                })
            )),
            Components.pagination(page: query.page, pageCount: max(1, (totalCount + query.perPage - 1) / query.perPage), link: link)
        ))
    }

    private func filter<C: HTML.BodyContext>(_ name: String, _ label: String, _ control: Node<C>) -> Node<C> {
        .div(.class("filter"), .label(.for("f-" + name), .text(label)), control)
    }
}
