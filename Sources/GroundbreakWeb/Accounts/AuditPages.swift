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

    static let csvHeader = ["编号", "时间", "操作人", "所属单位", "来源地址", "请求编号", "对象", "对象编号", "操作", "原因", "修改前", "修改后"]

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
        ("create", "录入/新增"), ("update", "修改"), ("transition", "阶段变更"), ("sign-in", "登录"), ("sign-in-failed", "登录失败"),
        ("sign-in-locked", "锁定期间登录"), ("locked", "账号锁定"), ("sign-out", "退出"), ("sign-out-everywhere", "退出所有设备"),
        ("password-change", "修改密码"), ("password-reset", "重置密码"), ("lock", "管理员锁定"), ("unlock", "解除锁定"),
        ("issue", "签发令牌"), ("revoke", "撤销令牌"), ("token-use", "令牌使用"), ("token-rejected", "令牌被拒"), ("denied", "越权访问被拒"),
        ("bulk-load", "批量载入"),
    ]
    static let entities: [(String, String)] = [("project", "项目"), ("user", "用户"), ("auth", "登录"), ("api_token", "API 令牌"), ("route", "访问控制"), ("dataset", "数据集")]

    func link(page: Int) -> String {
        var pairs = form.pairs.filter { $0.0 != "page" }
        pairs.append(("page", String(page)))
        return Route.audit(FormData(pairs: pairs)).path
    }

    var document: HTML {
        let actionLabels = Dictionary(uniqueKeysWithValues: Self.actions)
        let entityLabels = Dictionary(uniqueKeysWithValues: Self.entities)
        return Layout.document(title: "审计日志", context: context, nav: .audit, content: .group(
            .div(.class("page-head"), .h1(.text("审计日志")),
                 .div(.class("actions"), .a(.class("button secondary"), .href(esc(Route.auditCSV(FormData(pairs: form.pairs.filter { $0.0 != "page" })).path)), .text("导出CSV")))),
            Components.errorSummary(errors, title: WebText.Errors.badQuery),
            .form(
                .method(.get), .action(esc(Route.audit(FormData(pairs: [])).path)), .class("filters"),
                .div(.class("filter-grid"),
                     filter("entity", "对象", Components.select("entity", options: Self.entities.map { .init($0.0, $0.1) }, selected: [form["entity"]], blank: "全部")),
                     filter("entityId", "对象编号", .input(.type(.text), .name("entityId"), .id("f-entityId"), .value(esc(form["entityId"])))),
                     filter("action", "操作", Components.select("action", options: Self.actions.map { .init($0.0, $0.1) }, selected: [form["action"]], blank: "全部")),
                     filter("actor", "操作人", .input(.type(.text), .name("actor"), .id("f-actor"), .value(esc(form["actor"])))),
                     filter("unit", "所属单位", .input(.type(.text), .name("unit"), .id("f-unit"), .value(esc(form["unit"])), .placeholder("department:CC-GXJ"))),
                     filter("from", "起始日期", .input(.type(.date), .name("from"), .id("f-from"), .value(esc(form["from"])))),
                     filter("to", "截止日期", .input(.type(.date), .name("to"), .id("f-to"), .value(esc(form["to"]))))),
                .div(.class("filter-actions"), .button(.type(.submit), .class("button"), .text("筛选")),
                     .span(.class("muted"), .text("共 \(Format.count(totalCount)) 条")))
            ),
            .div(.class("table-wrap"), .table(
                .class("ledger"),
                .thead(.tr(.th(.text("时间")), .th(.text("操作人")), .th(.text("所属单位")), .th(.text("来源")), .th(.text("对象")), .th(.text("操作")), .th(.text("说明")))),
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
