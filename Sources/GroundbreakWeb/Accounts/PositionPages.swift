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
                                 notice: input.queryItems.first { $0.0 == "notice" }.map { _ in WebText.Accounts.saved })
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
                                notice: input.queryItems.first { $0.0 == "notice" }.map { _ in WebText.Accounts.saved })
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
        Layout.document(title: WebText.Accounts.positions, context: context, nav: .admin, content: .group(
            .h1(.text(WebText.Accounts.positionsTitle)),
            .p(.class("meta"), .text(WebText.Accounts.positionsHint)),
            Components.notice(notice),
            Components.errorSummary(errors),
            .div(.class("table-wrap"), .table(.class("ledger"),
                .thead(.tr(.th(.text(WebText.Accounts.position)), .th(.text(WebText.Accounts.unitName)), .th(.text(WebText.Accounts.duty)), .th(.text(WebText.Accounts.holder)))),
                .tbody(.forEach(positions) { position in
                    .tr(.td(.a(.href(esc(Route.adminPosition(position.id).path)), .text(position.title))), .td(.text(position.unitName)),
                        .td(.text(position.duty.label)), .td(.text(position.holderName ?? WebText.Accounts.vacant)))
                }))),
            .form(.method(.post), .action(esc(Route.adminPositions.path)), .class("card project-form"),
                Layout.csrfField(context),
                .h2(.text(WebText.Accounts.newPosition)),
                .div(.class("field-grid"),
                    Components.textField("title", label: WebText.Accounts.positionTitle, value: form["title"], errors: messages("title"), required: true, placeholder: WebText.Accounts.positionTitleExample),
                    Components.textField("unitName", label: WebText.Accounts.unitName, value: form["unitName"], errors: messages("unitName"), required: true),
                    Components.selectField("duty", label: WebText.Accounts.duty, options: Position.Duty.allCases.map { .init($0.rawValue, $0.label) },
                                           selected: form["duty"], errors: messages("duty"), required: true),
                    Components.textField("holderName", label: WebText.Accounts.holderOptional, value: form["holderName"]),
                    Components.textField("holderPhone", label: WebText.Accounts.phone, value: form["holderPhone"]),
                    Components.textField("since", label: WebText.Accounts.sinceDefault, value: form["since"], errors: messages("since"), inputType: .date)),
                .button(.type(.submit), .class("button"), .text(WebText.Accounts.create)))
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
            .nav(.class("breadcrumb"), .a(.href(esc(Route.adminPositions.path)), .text(WebText.Accounts.positions)), .span(.text(" / \(position.title)"))),
            .h1(.text("\(position.title)（\(position.unitName)）")),
            Components.notice(notice),
            Components.errorSummary(errors),
            .p(.text(WebText.Accounts.dutyAndHolder(position.duty.label, position.holderName ?? WebText.Accounts.vacant))),
            .h2(.text(WebText.Accounts.tenures)),
            .div(.class("table-wrap"), .table(.class("ledger"),
                .thead(.tr(.th(.text(WebText.Accounts.holderName)), .th(.text(WebText.Accounts.phone)), .th(.text(WebText.Accounts.since)), .th(.text(WebText.Accounts.until)))),
                .tbody(.forEach(holdings) { holding in
                    .tr(.td(.text(holding.name)), .td(.text(holding.phone)), .td(.text(holding.from.iso)), .td(.text(holding.to?.iso ?? WebText.Accounts.present)))
                }))),
            .form(.method(.post), .action(esc(Route.reassignPosition(position.id).path)), .class("card project-form"),
                Layout.csrfField(context),
                .h2(.text(WebText.Accounts.reassign)),
                .div(.class("field-grid"),
                    Components.textField("holderName", label: WebText.Accounts.successor, value: form["holderName"], errors: messages("holderName"), required: true),
                    Components.textField("holderPhone", label: WebText.Accounts.phone, value: form["holderPhone"]),
                    Components.textField("since", label: WebText.Accounts.successionDate, value: form["since"], errors: messages("since"), required: true, inputType: .date)),
                .button(.type(.submit), .class("button"), .text(WebText.Accounts.record))),
            .h2(.text(WebText.Accounts.projectsOfPosition(projects.count))),
            .ul(.forEach(projects) { project in
                .li(.a(.href(esc(Route.project(project.id).path)), .text(project.name)), .span(.class("muted"), .text("　\(project.duty.label)")))
            })
        ))
    }

    func messages(_ field: String) -> [String] { errors.filter { $0.field == field }.map(\.message) }
}
