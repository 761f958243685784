import Foundation
import GroundbreakDomain
import GroundbreakStore
import HTTPTypes
import Hummingbird
import Plot

/// The batches channels open: listed for every reader, opened by the centre.
enum FundingWindowPages {
    typealias T = WebText.Funding

    static func page(_ input: EndpointRequest) async throws -> Response {
        try await render(input, errors: [], form: FormData(pairs: []), status: .ok)
    }

    static func render(_ input: EndpointRequest, errors: [FieldError], form: FormData, status: HTTPResponse.Status) async throws -> Response {
        let applications = try await input.services.funding.applications(reach: input.fundingReach(.viewFunding))
        let counts = Dictionary(grouping: applications.compactMap(\.windowId), by: { $0 }).mapValues(\.count)
        return Responses.html(FundingWindowsPage(context: PageContext(input), windows: try await input.services.fundingWindows.windows(), counts: counts,
                                                 catalog: input.services.fundingCatalog, reference: input.catalog, today: input.today, errors: errors,
                                                 form: form).document, status: status)
    }

    static func create(_ input: EndpointRequest) async throws -> Response {
        let form = input.form ?? FormData(pairs: [])
        return try await FormSubmission.submit({
            _ = try await save(channel: form["channel"], name: form["name"], programme: form["programme"], opensOn: form["opensOn"], closesOn: form["closesOn"],
                               department: form["department"], note: form["note"], input)
            return Responses.redirect(to: Route.fundingWindows.path(notice: "saved"))
        }, refused: { try await render(input, errors: $0.errors, form: form, status: $0.status) })
    }

    static func api(_ input: EndpointRequest) async throws -> Response {
        try Responses.json(try await input.services.fundingWindows.windows().map(FundingWindowDTO.init))
    }

    static func apiCreate(_ input: EndpointRequest) async throws -> Response {
        let body = try input.json(FundingWindowRequest.self)
        let window = try await save(channel: body.channel, name: body.name, programme: body.programme ?? "", opensOn: body.opensOn, closesOn: body.closesOn,
                                    department: body.department ?? "", note: body.note ?? "", input)
        return try Responses.json(FundingWindowDTO(window), status: .created)
    }

    /// The year is the opening day's.
    static func save(channel: String, name: String, programme: String, opensOn: String, closesOn: String, department: String, note: String,
                     _ input: EndpointRequest) async throws -> FundingWindow {
        var errors: [FieldError] = []
        let opens = Day.parse(opensOn), closes = Day.parse(closesOn)
        if opens == nil { errors.append(FieldError("opensOn", opensOn.isEmpty ? .required(field: "opensOn") : .dateInvalid)) }
        if closes == nil { errors.append(FieldError("closesOn", closesOn.isEmpty ? .required(field: "closesOn") : .dateInvalid)) }
        guard errors.isEmpty, let opens, let closes else { throw StoreError.invalid(ValidationFailure(errors)) }
        return try await input.services.fundingWindows.create(FundingWindow(channelCode: channel, name: name, year: opens.year, programme: programme, opensOn: opens,
                                                                            closesOn: closes, departmentCode: department, note: note),
                                                              catalog: input.services.fundingCatalog, reference: input.catalog, actor: input.actor, now: input.now)
    }
}

/// The batches, and the form that opens one.
struct FundingWindowsPage {
    var context: PageContext
    var windows: [FundingWindow]
    var counts: [Int64: Int]
    var catalog: FundingCatalog
    var reference: ReferenceCatalog
    var today: Day
    var errors: [FieldError]
    var form: FormData

    typealias T = WebText.Funding

    var document: HTML {
        let messages = { (field: String) in errors.filter { $0.field == field }.map(\.message) }
        let programmes = catalog.channels.flatMap { channel in channel.programmes.map { Components.Option($0, $0, group: channel.name) } }
        return Layout.document(title: T.windowsTitle, context: context, nav: .funding, content: .group(
            .p(.class("no-print"), .a(.href(esc(Route.funding().path)), .text(T.title))),
            .h1(.text(T.windowsTitle)),
            .p(.class("meta"), .text(T.windowsLead)),
            Components.errorSummary(errors),
            windows.isEmpty ? .p(.class("muted"), .text(T.noWindows)) : .div(.class("table-wrap"), .table(.class("ledger"),
                .thead(.tr(.th(.text(T.windowName)), .th(.text(T.channel)), .th(.text(T.programme)), .th(.text(T.opensOn)), .th(.text(T.closesOn)),
                           .th(.text(T.department)), .th(.class("num"), .text(T.applications)))),
                .tbody(.forEach(windows) { window in
                    .tr(.td(.class("name"), .text(window.name), .if(window.isOpen(on: today), .span(.class("badge"), .text(T.openNow)))),
                        .td(.text(catalog.channelName(window.channelCode))), .td(.text(window.programme)), .td(.text(window.opensOn.iso)),
                        .td(.text(window.closesOn.iso)), .td(.text(reference.department(window.departmentCode)?.shortName ?? window.departmentCode)),
                        .td(.class("num"), .text(String(counts[window.id] ?? 0))))
                }))),
            .if(context.may(.organiseFunding), .form(.method(.post), .action(esc(Route.createFundingWindow.path)), .class("card project-form no-print"),
                Layout.csrfField(context),
                .h3(.text(T.newWindow)),
                .div(.class("field-grid"),
                     Components.selectField("channel", label: T.channel, options: catalog.channels.map { .init($0.code, $0.name) }, selected: form["channel"],
                                            errors: messages("channel"), required: true),
                     Components.textField("name", label: T.windowName, value: form["name"], errors: messages("name"), required: true, wide: true),
                     Components.selectField("programme", label: T.programme, options: programmes, selected: form["programme"], errors: messages("programme")),
                     Components.textField("opensOn", label: T.opensOn, value: form["opensOn"], errors: messages("opensOn") + messages("year"), required: true, inputType: .date),
                     Components.textField("closesOn", label: T.closesOn, value: form["closesOn"], errors: messages("closesOn"), required: true, inputType: .date),
                     Components.selectField("department", label: T.department, options: reference.departments.map { .init($0.code, $0.shortName) },
                                            selected: form["department"], errors: messages("department"), blank: WebText.Common.choose),
                     Components.textField("note", label: T.note, value: form["note"], errors: messages("note"), wide: true)),
                .button(.type(.submit), .class("button"), .text(T.saveWindow))))
        ))
    }
}
