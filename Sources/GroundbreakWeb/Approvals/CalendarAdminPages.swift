import Foundation
import GroundbreakDomain
import GroundbreakStore
import HTTPTypes
import Hummingbird
import Plot

/// Administration of the working-day calendar and the approval catalogue.
enum CalendarAdminPages {
    static func calendar(_ input: EndpointRequest, errors: [FieldError] = [], form: FormData = FormData(pairs: []), notice: String? = nil,
                         status: HTTPResponse.Status = .ok) async throws -> Response {
        let years = try await CalendarRepository(database: input.services.database).years()
        return Responses.html(CalendarAdminPage(context: PageContext(input), years: years, errors: errors, form: form, notice: notice).document, status: status)
    }

    static func calendarPage(_ input: EndpointRequest) async throws -> Response {
        try await calendar(input, notice: input.queryItems.first { $0.0 == "notice" }.map { _ in WebText.Approvals.loaded })
    }

    static func importCalendar(_ input: EndpointRequest) async throws -> Response {
        let form = input.form ?? FormData(pairs: [])
        guard let year = Int(form["year"].trimmingCharacters(in: .whitespaces)) else {
            return try await calendar(input, errors: [FieldError("year", .required(field: "year"))], form: form, status: .unprocessableContent)
        }
        let source = TextNormalizer.collapsedLine(form["source"])
        guard !source.isEmpty else {
            return try await calendar(input, errors: [FieldError("source", .required(field: "calendarSource"))], form: form, status: .unprocessableContent)
        }
        return try await FormSubmission.submit({
            _ = try await CalendarRepository(database: input.services.database).importYear(year, csv: form["csv"], source: source, actor: input.actor, now: input.now)
            try await input.services.reloadApprovalData()
            return Responses.redirect(to: Route.calendarAdmin.path(notice: "loaded"))
        }, refused: { try await calendar(input, errors: $0.errors, form: form, status: $0.status) })
    }

    static func itemsPage(_ input: EndpointRequest) async throws -> Response {
        Responses.html(ApprovalItemsAdminPage(context: PageContext(input), items: input.services.approvalItems(), catalog: input.catalog, errors: [],
                                              notice: input.queryItems.first { $0.0 == "notice" }.map { _ in WebText.Approvals.saved }).document)
    }

    static func updateItem(_ input: EndpointRequest) async throws -> Response {
        let code = input.context.parameters.get("code") ?? ""
        let form = input.form ?? FormData(pairs: [])
        var errors: [FieldError] = []
        let limit = Int(form["limit"])
        if limit == nil { errors.append(FieldError("limit", .required(field: "limit"))) }
        let unit = LimitUnit(rawValue: form["unit"])
        if unit == nil { errors.append(FieldError("unit", .required(field: "limitUnit"))) }
        var promised: Int?
        if !form["promised"].isEmpty {
            promised = Int(form["promised"])
            if promised == nil { errors.append(FieldError("promised", .unknownCode(field: "promised", code: form["promised"]))) }
        }
        let countFrom = form["countFrom"].isEmpty ? nil : form["countFrom"]
        if let countFrom, !["nextDay", "sameDay"].contains(countFrom) {
            errors.append(FieldError("countFrom", .unknownCode(field: "countFrom", code: countFrom)))
        }
        var validTo: Day?
        if !form["validTo"].isEmpty {
            validTo = Day.parse(form["validTo"])
            if validTo == nil { errors.append(FieldError("validTo", .dateInvalid)) }
        }
        func refuse(_ errors: [FieldError]) -> Response {
            Responses.html(ApprovalItemsAdminPage(context: PageContext(input), items: input.services.approvalItems(), catalog: input.catalog,
                                                  errors: errors, notice: nil).document, status: .unprocessableContent)
        }
        guard errors.isEmpty, let limit, let unit else { return refuse(errors) }
        return try await FormSubmission.submit({
            _ = try await ApprovalCatalogRepository(database: input.services.database).update(
                code: code, statutoryLimit: limit, unit: unit, promisedLimit: promised, countsFromNextDay: countFrom.map { $0 == "nextDay" },
                validTo: validTo, actor: input.actor, now: input.now)
            try await input.services.reloadApprovalData()
            return Responses.redirect(to: Route.approvalItemsAdmin.path(notice: "saved"))
        }, refused: { refuse($0.errors) })
    }
}

struct CalendarAdminPage {
    var context: PageContext
    var years: [CalendarRepository.LoadedYear]
    var errors: [FieldError]
    var form: FormData
    var notice: String?

    var document: HTML {
        Layout.document(title: WebText.Approvals.calendar, context: context, nav: .admin, content: .group(
            .h1(.text(WebText.Approvals.calendarTitle)),
            Components.notice(notice),
            Components.errorSummary(errors),
            .div(.class("table-wrap"), .table(.class("ledger"),
                .thead(.tr(.th(.text(WebText.Approvals.year)), .th(.class("num"), .text(WebText.Approvals.holidays)), .th(.class("num"), .text(WebText.Approvals.workingDaysInYear)), .th(.text(WebText.Approvals.basis)), .th(.text(WebText.Approvals.loadedAt)))),
                .tbody(.forEach(years) { year in
                    .tr(.td(.text(String(year.year))), .td(.class("num"), .text(String(year.holidays))), .td(.class("num"), .text(String(year.workdays))),
                        .td(.class("name"), .text(year.source)), .td(.text(Format.dateTime(year.loadedAt))))
                }))),
            .p(.class("meta"), .text(WebText.Approvals.calendarHint)),
            .form(.method(.post), .action(esc(Route.calendarAdmin.path)), .class("card project-form"),
                Layout.csrfField(context),
                .h2(.text(WebText.Approvals.loadYear)),
                .div(.class("field-grid"),
                    Components.textField("year", label: WebText.Approvals.year, value: form["year"], required: true, placeholder: "2027"),
                    Components.textField("source", label: WebText.Approvals.basisHint, value: form["source"], required: true, wide: true),
                    Components.textArea("csv", label: WebText.Approvals.csvHint,
                                        value: form["csv"].isEmpty ? "date,kind,festival,statutory\n" : form["csv"])),
                .button(.type(.submit), .class("button"), .text(WebText.Approvals.loadReplacing)))
        ))
    }
}

struct ApprovalItemsAdminPage {
    var context: PageContext
    var items: [ApprovalItem]
    var catalog: ReferenceCatalog
    var errors: [FieldError]
    var notice: String?

    var document: HTML {
        Layout.document(title: WebText.Approvals.itemsTitle, context: context, nav: .admin, content: .group(
            .h1(.text(WebText.Approvals.itemsTitle)),
            Components.notice(notice),
            Components.errorSummary(errors),
            .p(.class("meta"), .text(WebText.Approvals.itemsHint)),
            .div(.class("table-wrap"), .table(.class("ledger"),
                .thead(.tr(.th(.text(WebText.Approvals.stage)), .th(.text(WebText.Approvals.item)), .th(.text(WebText.Approvals.departmentShort)), .th(.text(WebText.Approvals.appliesTo)), .th(.text(WebText.Approvals.basis)), .th(.text(WebText.Approvals.limit)))),
                .tbody(.forEach(items) { item in
                    .tr(.td(.text(ApprovalItem.stageName(item.stage))), .td(.text(item.name)),
                        .td(.text(catalog.department(item.departmentCode)?.shortName ?? item.departmentCode)),
                        .td(.text(item.appliesTo.map(\.label).sorted().joined(separator: "、"))),
                        .td(.class("name"), .text(item.basis)),
                        .td(.form(.method(.post), .action(esc(Route.approvalItem(item.code).path)), .class("inline-form"),
                                  Layout.csrfField(context),
                                  .input(.type(.text), .name("limit"), .value(String(item.statutoryLimit)), .attribute(named: "size", value: "3"), .attribute(named: "aria-label", value: WebText.Approvals.statutoryLimit)),
                                  Components.select("unit", options: LimitUnit.allCases.map { .init($0.rawValue, $0.label) }, selected: [item.unit.rawValue], blank: nil,
                                                    form: "i\(item.code)-"),
                                  .input(.type(.text), .name("promised"), .value(esc(item.promisedLimit.map(String.init) ?? "")), .placeholder(WebText.Approvals.promised),
                                         .attribute(named: "size", value: "3"), .attribute(named: "aria-label", value: WebText.Approvals.promisedLimit)),
                                  Components.select("countFrom", options: [.init("nextDay", WebText.Approvals.fromNextDay), .init("sameDay", WebText.Approvals.fromSameDay)],
                                                    selected: [item.countsFromNextDay ? "nextDay" : "sameDay"], blank: nil, form: "i\(item.code)-"),
                                  .input(.type(.date), .name("validTo"), .value(esc(item.validity.validTo?.iso ?? "")), .attribute(named: "aria-label", value: WebText.Approvals.validTo)),
                                  .button(.type(.submit), .class("button secondary"), .text(WebText.Approvals.save))))
                    )
                })))
        ))
    }
}
