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
        try await calendar(input, notice: input.queryItems.first { $0.0 == "notice" }.map { _ in "已载入" })
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
                                              notice: input.queryItems.first { $0.0 == "notice" }.map { _ in "已保存" }).document)
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
        Layout.document(title: "工作日历", context: context, nav: .admin, content: .group(
            .h1(.text("工作日历（国务院节假日安排）")),
            Components.notice(notice),
            Components.errorSummary(errors),
            .div(.class("table-wrap"), .table(.class("ledger"),
                .thead(.tr(.th(.text("年度")), .th(.class("num"), .text("放假日（工作日内）")), .th(.class("num"), .text("全年工作日")), .th(.text("依据")), .th(.text("载入时间")))),
                .tbody(.forEach(years) { year in
                    .tr(.td(.text(String(year.year))), .td(.class("num"), .text(String(year.holidays))), .td(.class("num"), .text(String(year.workdays))),
                        .td(.class("name"), .text(year.source)), .td(.text(Format.dateTime(year.loadedAt))))
                }))),
            .p(.class("meta"), .text("未载入的年度按周一至周五计算工作日，相关期限标注“暂估”。每年10—11月国务院办公厅公布下一年安排后，在此载入。")),
            .form(.method(.post), .action(esc(Route.calendarAdmin.path)), .class("card project-form"),
                Layout.csrfField(context),
                .h2(.text("载入年度安排")),
                .div(.class("field-grid"),
                    Components.textField("year", label: "年度", value: form["year"], required: true, placeholder: "2027"),
                    Components.textField("source", label: "依据（通知名称、文号）", value: form["source"], required: true, wide: true),
                    Components.textArea("csv", label: "安排（CSV：date,kind,festival,statutory；kind 为 holiday 放假 或 workday 调休上班）",
                                        value: form["csv"].isEmpty ? "date,kind,festival,statutory\n" : form["csv"])),
                .button(.type(.submit), .class("button"), .text("载入（替换该年度原有安排）")))
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
        Layout.document(title: "审批事项目录", context: context, nav: .admin, content: .group(
            .h1(.text("审批事项目录")),
            Components.notice(notice),
            Components.errorSummary(errors),
            .p(.class("meta"), .text("法定时限来自法律法规；承诺时限为本地承诺（短于法定时的以承诺为准）。标注待核实的时限请按本市办事指南核对后修改。")),
            .div(.class("table-wrap"), .table(.class("ledger"),
                .thead(.tr(.th(.text("阶段")), .th(.text("事项")), .th(.text("部门")), .th(.text("适用项目")), .th(.text("依据")), .th(.text("时限")))),
                .tbody(.forEach(items) { item in
                    .tr(.td(.text(ApprovalItem.stageName(item.stage))), .td(.text(item.name)),
                        .td(.text(catalog.department(item.departmentCode)?.shortName ?? item.departmentCode)),
                        .td(.text(item.appliesTo.map(\.label).sorted().joined(separator: "、"))),
                        .td(.class("name"), .text(item.basis)),
                        .td(.form(.method(.post), .action(esc(Route.approvalItem(item.code).path)), .class("inline-form"),
                                  Layout.csrfField(context),
                                  .input(.type(.text), .name("limit"), .value(String(item.statutoryLimit)), .attribute(named: "size", value: "3"), .attribute(named: "aria-label", value: "法定时限")),
                                  Components.select("unit", options: LimitUnit.allCases.map { .init($0.rawValue, $0.label) }, selected: [item.unit.rawValue], blank: nil,
                                                    form: "i\(item.code)-"),
                                  .input(.type(.text), .name("promised"), .value(esc(item.promisedLimit.map(String.init) ?? "")), .placeholder("承诺"),
                                         .attribute(named: "size", value: "3"), .attribute(named: "aria-label", value: "承诺时限")),
                                  Components.select("countFrom", options: [.init("nextDay", "受理次日起算"), .init("sameDay", "受理当日起算")],
                                                    selected: [item.countsFromNextDay ? "nextDay" : "sameDay"], blank: nil, form: "i\(item.code)-"),
                                  .input(.type(.date), .name("validTo"), .value(esc(item.validity.validTo?.iso ?? "")), .attribute(named: "aria-label", value: "停止适用日期")),
                                  .button(.type(.submit), .class("button secondary"), .text("保存"))))
                    )
                })))
        ))
    }
}
