import Foundation
import GroundbreakDomain
import GroundbreakStore
import HTTPTypes
import Hummingbird
import Plot

/// Seats (职务): 包保领导 and 项目秘书 seats that projects point at, and who holds each over time.
/// Projects name the seat, not the person, so handing a seat to someone else changes no project.
enum PositionPages {
    static func list(_ input: EndpointRequest) async throws -> Response {
        try await renderList(input, errors: [], form: FormData(pairs: []), status: .ok)
    }

    static func renderList(_ input: EndpointRequest, errors: [FieldError], form: FormData, status: HTTPResponse.Status) async throws -> Response {
        let page = PositionsPage(context: PageContext(input), positions: try await input.services.positions.all(), errors: errors, form: form,
                                 notice: input.queryItems.first { $0.0 == "notice" }.map { _ in "已保存" })
        return Responses.html(page.document, status: status)
    }

    static func create(_ input: EndpointRequest) async throws -> Response {
        let form = input.form ?? FormData(pairs: [])
        var errors: [FieldError] = []
        let duty = Position.Duty(rawValue: form["duty"])
        if duty == nil { errors.append(FieldError("duty", .required(field: "duty"))) }
        let since = form["since"].isEmpty ? input.today : Day.parse(form["since"])
        if since == nil { errors.append(FieldError("since", .dateInvalid)) }
        return try await FormSubmission.submit({
            guard errors.isEmpty, let duty, let since else { throw StoreError.invalid(ValidationFailure(errors)) }
            let id = try await input.services.positions.create(
                title: form["title"], unitName: form["unitName"], duty: duty, holder: (form["holderName"], form["holderPhone"]), since: since,
                actor: input.actor, now: input.now)
            try await input.services.reloadCatalog()
            return Responses.redirect(to: Route.adminPosition(id).path(notice: "saved"))
        }, refused: { try await renderList(input, errors: errors + $0.errors.filter { !errors.contains($0) }, form: form, status: $0.status) })
    }

    static func show(_ input: EndpointRequest) async throws -> Response {
        try await renderShow(input, errors: [], form: FormData(pairs: []), status: .ok)
    }

    static func renderShow(_ input: EndpointRequest, errors: [FieldError], form: FormData, status: HTTPResponse.Status) async throws -> Response {
        guard let position = input.position else { throw AppError.notFound }
        let positions = input.services.positions
        let page = PositionPage(context: PageContext(input), position: try await positions.position(id: position.id) ?? position,
                                holdings: try await positions.holdings(positionId: position.id),
                                projects: try await positions.projects(positionId: position.id), errors: errors, form: form,
                                notice: input.queryItems.first { $0.0 == "notice" }.map { _ in "已保存" })
        return Responses.html(page.document, status: status)
    }

    static func reassign(_ input: EndpointRequest) async throws -> Response {
        guard let position = input.position else { throw AppError.notFound }
        let form = input.form ?? FormData(pairs: [])
        guard let since = Day.parse(form["since"]) else {
            return try await renderShow(input, errors: [FieldError("since", form["since"].isEmpty ? .required(field: "since") : .dateInvalid)],
                                        form: form, status: .unprocessableContent)
        }
        return try await FormSubmission.submit({
            try await input.services.positions.reassign(positionId: position.id, to: (form["holderName"], form["holderPhone"]), from: since,
                                                        actor: input.actor, now: input.now)
            try await input.services.reloadCatalog()
            return Responses.redirect(to: Route.adminPosition(position.id).path(notice: "saved"))
        }, refused: { try await renderShow(input, errors: $0.errors, form: form, status: $0.status) })
    }
}

struct PositionsPage {
    var context: PageContext
    var positions: [Position]
    var errors: [FieldError]
    var form: FormData
    var notice: String?

    var document: HTML {
        Layout.document(title: "职务管理", context: context, nav: .admin, content: .group(
            .h1(.text("职务管理（包保领导、项目秘书）")),
            .p(.class("meta"), .text("项目挂在职务上而不是人身上：人员调整时在职务页登记接任，项目、历史和责任链保持不变。")),
            Components.notice(notice),
            Components.errorSummary(errors),
            .div(.class("table-wrap"), .table(.class("ledger"),
                .thead(.tr(.th(.text("职务")), .th(.text("所在单位")), .th(.text("职责")), .th(.text("现任")))),
                .tbody(.forEach(positions) { position in
                    .tr(.td(.a(.href(esc(Route.adminPosition(position.id).path)), .text(position.title))), .td(.text(position.unitName)),
                        .td(.text(position.duty.label)), .td(.text(position.holderName ?? "空缺")))
                }))),
            .form(.method(.post), .action(esc(Route.adminPositions.path)), .class("card project-form"),
                Layout.csrfField(context),
                .h2(.text("新增职务")),
                .div(.class("field-grid"),
                    Components.textField("title", label: "职务名称", value: form["title"], errors: messages("title"), required: true, placeholder: "如：副市长、市工信局项目秘书"),
                    Components.textField("unitName", label: "所在单位", value: form["unitName"], errors: messages("unitName"), required: true),
                    Components.selectField("duty", label: "职责", options: Position.Duty.allCases.map { .init($0.rawValue, $0.label) },
                                           selected: form["duty"], errors: messages("duty"), required: true),
                    Components.textField("holderName", label: "任职人（可空缺）", value: form["holderName"]),
                    Components.textField("holderPhone", label: "联系电话", value: form["holderPhone"]),
                    Components.textField("since", label: "任职日期（默认今天）", value: form["since"], errors: messages("since"), inputType: .date)),
                .button(.type(.submit), .class("button"), .text("新增")))
        ))
    }

    func messages(_ field: String) -> [String] { errors.filter { $0.field == field }.map(\.message) }
}

struct PositionPage {
    var context: PageContext
    var position: Position
    var holdings: [PositionRepository.Holding]
    var projects: [(id: Int64, name: String, duty: Position.Duty)]
    var errors: [FieldError]
    var form: FormData
    var notice: String?

    var document: HTML {
        Layout.document(title: position.title, context: context, nav: .admin, content: .group(
            .nav(.class("breadcrumb"), .a(.href(esc(Route.adminPositions.path)), .text("职务管理")), .span(.text(" / \(position.title)"))),
            .h1(.text("\(position.title)（\(position.unitName)）")),
            Components.notice(notice),
            Components.errorSummary(errors),
            .p(.text("职责：\(position.duty.label)；现任：\(position.holderName ?? "空缺")")),
            .h2(.text("任职记录")),
            .div(.class("table-wrap"), .table(.class("ledger"),
                .thead(.tr(.th(.text("任职人")), .th(.text("联系电话")), .th(.text("起")), .th(.text("止")))),
                .tbody(.forEach(holdings) { holding in
                    .tr(.td(.text(holding.name)), .td(.text(holding.phone)), .td(.text(holding.from.iso)), .td(.text(holding.to?.iso ?? "至今")))
                }))),
            .form(.method(.post), .action(esc(Route.reassignPosition(position.id).path)), .class("card project-form"),
                Layout.csrfField(context),
                .h2(.text("登记接任")),
                .div(.class("field-grid"),
                    Components.textField("holderName", label: "接任人", value: form["holderName"], errors: messages("holderName"), required: true),
                    Components.textField("holderPhone", label: "联系电话", value: form["holderPhone"]),
                    Components.textField("since", label: "接任日期", value: form["since"], errors: messages("since"), required: true, inputType: .date)),
                .button(.type(.submit), .class("button"), .text("登记"))),
            .h2(.text("挂在本职务上的项目（\(projects.count)）")),
            .ul(.forEach(projects) { project in
                .li(.a(.href(esc(Route.project(project.id).path)), .text(project.name)), .span(.class("muted"), .text("　\(project.duty.label)")))
            })
        ))
    }

    func messages(_ field: String) -> [String] { errors.filter { $0.field == field }.map(\.message) }
}
