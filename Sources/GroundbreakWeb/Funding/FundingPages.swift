import Foundation
import GroundbreakDomain
import GroundbreakOffice
import GroundbreakStore
import HTTPTypes
import Hummingbird

/// The applications a reader may see, filtered; one application with its checklist and money; a
/// new application, an event and the checklist's answers, by the pages' forms.
enum FundingPages {
    typealias T = WebText.Funding

    struct Listing: Sendable {
        var filter: FundingFilter
        var applications: [FundingApplication]
    }

    static func listing(_ input: EndpointRequest) async throws -> Listing {
        let filter: FundingFilter
        switch FundingFilter.parse(input.queryItems, catalog: input.services.fundingCatalog, reference: input.catalog) {
        case .success(let parsed): filter = parsed
        case .failure(let failure): throw AppError.badQuery(failure)
        }
        let all = try await input.services.funding.applications(reach: input.fundingReach(.viewFunding))
        return Listing(filter: filter, applications: all.filter { filter.matches($0, reference: input.catalog) })
    }

    static func list(_ input: EndpointRequest) async throws -> Response {
        let windows = try await input.services.fundingWindows.windows()
        return Responses.html(FundingListPage(context: PageContext(input), listing: try await listing(input), catalog: input.services.fundingCatalog,
                                              windows: Dictionary(windows.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first }), reference: input.catalog).document)
    }

    static func xlsx(_ input: EndpointRequest) async throws -> Response {
        let listing = try await listing(input)
        let catalog = input.services.fundingCatalog
        let windows = Dictionary(try await input.services.fundingWindows.windows().map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let sheet = ListSheet(title: T.title, filterLine: WebText.Common.filterLine(listing.filter.described(catalog, reference: input.catalog), Format.dateTime(input.now)),
                              columns: [.init(T.serial, width: 6, .integer), .init(T.applicationTitle, width: 34, .wrapped), .init(T.channel, width: 16),
                                        .init(T.programme, width: 16, .wrapped), .init(T.window, width: 22, .wrapped), .init(T.unit, width: 14),
                                        .init(T.projects, width: 8, .integer), .init(T.asked, width: 14, .amount), .init(T.approved, width: 14, .amount),
                                        .init(T.issued, width: 14, .amount), .init(T.arrived, width: 14, .amount), .init(T.spent, width: 14, .amount),
                                        .init(T.state, width: 8), .init(T.stateSince, width: 11), .init(T.handler, width: 10)],
                              rows: listing.applications.enumerated().map { index, application in
                                  [.integer(index + 1), .text(application.title), .text(catalog.channelName(application.channelCode)), .text(application.programme),
                                   .text(application.windowId.flatMap { windows[$0] } ?? ""), .text(application.unit.name(input.catalog)),
                                   .integer(application.projects.count), .wan(application.asked), .wan(application.approved), .wan(application.issued),
                                   .wan(application.arrived), .wan(application.spent), .text(application.state.label), .text(application.stateSince.iso),
                                   .text(application.handlerName)]
                              })
        return try await Download.file(contentType: Download.xlsxType, name: T.fileName, fallback: "funding.xlsx") {
            try ListWorkbook.write(sheet, to: $0, created: input.now, countLine: T.count(listing.applications.count))
        }
    }

    static func new(_ input: EndpointRequest) async throws -> Response {
        try await renderNew(input, errors: [], form: FormData(pairs: [("createdOn", input.today.iso)]), status: .ok)
    }

    static func renderNew(_ input: EndpointRequest, errors: [FieldError], form: FormData, status: HTTPResponse.Status) async throws -> Response {
        Responses.html(FundingNewPage(context: PageContext(input), catalog: input.services.fundingCatalog, reference: input.catalog,
                                      units: FundingForms.units(input.fundingReach(.manageFunding), reference: input.catalog),
                                      windows: try await input.services.fundingWindows.windows().filter { $0.closesOn.year >= input.today.year - 1 },
                                      errors: errors, form: form).document, status: status)
    }

    static func create(_ input: EndpointRequest) async throws -> Response {
        let form = input.form ?? FormData(pairs: [])
        return try await FormSubmission.submit({
            let saved = try await save(try await FundingInput.application(form, input: input), input)
            return Responses.redirect(to: Route.fundingApplication(saved.id).path(notice: "saved"))
        }, refused: { try await renderNew(input, errors: $0.errors, form: form, status: $0.status) })
    }

    /// Keeps a new application when the caller may apply for its unit and sees every project in it.
    static func save(_ draft: FundingApplication, _ input: EndpointRequest) async throws -> FundingApplication {
        try await checkReach(draft, input)
        return try await input.services.funding.create(draft, catalog: input.services.fundingCatalog, reference: input.catalog, actor: input.actor,
                                                       today: input.today, now: input.now)
    }

    /// Changes what an application asks for (projects the caller sees), under the version read.
    static func revise(_ draft: FundingApplication, version: Int, _ input: EndpointRequest) async throws -> FundingApplication {
        guard let current = input.fundingApplication else { throw AppError.notFound }
        var draft = draft
        draft.channelCode = current.channelCode
        draft.unit = current.unit
        try await checkReach(draft, input)
        return try await input.services.funding.revise(draft, applicationId: current.id, expectedVersion: version, catalog: input.services.fundingCatalog,
                                                       reference: input.catalog, actor: input.actor, today: input.today, now: input.now)
    }

    static func checkReach(_ draft: FundingApplication, _ input: EndpointRequest) async throws {
        let reach = input.fundingReach(.manageFunding)
        if !(reach.everyUnit || reach.units.contains(draft.unit)) {
            throw StoreError.invalid(ValidationFailure([FieldError("unit", .fixed(T.unitOutsideReach))]))
        }
        let visible = input.scope(.viewProjects)
        for applied in draft.projects {
            guard let project = try await input.services.projects.project(id: applied.projectId), visible.contains(project) else {
                throw StoreError.invalid(ValidationFailure([FieldError("projects", .unknownCode(field: "projects", code: String(applied.projectId)))]))
            }
        }
    }

    /// The form to change what an application asks for, filled with what it asks now.
    static func edit(_ input: EndpointRequest) async throws -> Response {
        guard let application = input.fundingApplication else { throw AppError.notFound }
        var pairs = [("title", application.title), ("programme", application.programme), ("window", application.windowId.map(String.init) ?? ""),
                     ("handlerName", application.handlerName), ("version", String(application.version))]
        for applied in application.projects {
            let project = try await input.services.projects.project(id: applied.projectId)
            pairs += [("project", project?.fields.code?.value ?? project?.fields.name ?? String(applied.projectId)), ("askedWan", applied.asked.exactWanText)]
        }
        return try await renderEdit(input, errors: [], form: FormData(pairs: pairs), status: .ok)
    }

    static func renderEdit(_ input: EndpointRequest, errors: [FieldError], form: FormData, status: HTTPResponse.Status) async throws -> Response {
        guard let application = input.fundingApplication else { throw AppError.notFound }
        var page = FundingNewPage(context: PageContext(input), catalog: input.services.fundingCatalog, reference: input.catalog, units: [],
                                  windows: try await input.services.fundingWindows.windows().filter { $0.channelCode == application.channelCode },
                                  errors: errors, form: form)
        page.editing = application
        return Responses.html(page.document, status: status)
    }

    static func update(_ input: EndpointRequest) async throws -> Response {
        guard let application = input.fundingApplication else { throw AppError.notFound }
        let form = input.form ?? FormData(pairs: [])
        return try await FormSubmission.submit({
            guard let version = Int(form["version"]) else { throw StoreError.invalid(ValidationFailure([FieldError("version", .required(field: "version"))])) }
            // The channel, unit and day are the application's, whatever the form says.
            let fixed = FormData(pairs: form.pairs.filter { !["channel", "unit", "createdOn"].contains($0.0) }
                                 + [("channel", application.channelCode), ("unit", application.unit.text), ("createdOn", application.createdOn.iso)])
            _ = try await revise(try await FundingInput.application(fixed, input: input), version: version, input)
            return Responses.redirect(to: Route.fundingApplication(application.id).path(notice: "saved"))
        }, refused: { try await renderEdit(input, errors: $0.errors, form: form, status: $0.status) })
    }

    static func show(_ input: EndpointRequest) async throws -> Response {
        try await renderShow(input, errors: [], form: FormData(pairs: []), status: .ok)
    }

    static func renderShow(_ input: EndpointRequest, errors: [FieldError], form: FormData, status: HTTPResponse.Status) async throws -> Response {
        guard let loaded = input.fundingApplication else { throw AppError.notFound }
        let application = try await input.services.funding.application(id: loaded.id) ?? loaded
        let windows = try await input.services.fundingWindows.windows()
        let page = FundingShowPage(context: PageContext(input), reading: try await FundingReading.read(application, input), catalog: input.services.fundingCatalog,
                                   window: application.windowId.flatMap { id in windows.first { $0.id == id } }, reference: input.catalog,
                                   visible: input.scope(.viewProjects),
                                   mayKeep: Policy.decide(.manageFunding, onFunding: application, for: input.principal, catalog: input.catalog,
                                                          channels: input.services.fundingCatalog) == .allow,
                                   errors: errors, form: form, today: input.today, notice: input.queryItems.contains { $0.0 == "notice" } ? T.saved : nil)
        return Responses.html(page.document, status: status)
    }

    static func record(_ input: EndpointRequest) async throws -> Response {
        guard let application = input.fundingApplication else { throw AppError.notFound }
        let form = input.form ?? FormData(pairs: [])
        return try await FormSubmission.submit({
            guard let version = Int(form["version"]) else { throw StoreError.invalid(ValidationFailure([FieldError("version", .required(field: "version"))])) }
            let amount = form["amountWan"].isEmpty ? nil : Money.parse(form["amountWan"], unit: .wan)
            let event = try FundingInput.event(kind: form["kind"], on: form["on"], amount: amount, note: form["note"])
            _ = try await input.services.funding.record(event, applicationId: application.id, expectedVersion: version, actor: input.actor, today: input.today,
                                                        now: input.now)
            return Responses.redirect(to: Route.fundingApplication(application.id).path(notice: "saved"))
        }, refused: { try await renderShow(input, errors: $0.errors, form: form, status: $0.status) })
    }

    static func answer(_ input: EndpointRequest) async throws -> Response {
        guard let application = input.fundingApplication else { throw AppError.notFound }
        let form = input.form ?? FormData(pairs: [])
        return try await FormSubmission.submit({
            guard let version = Int(form["version"]) else { throw StoreError.invalid(ValidationFailure([FieldError("version", .required(field: "version"))])) }
            let writes = FundingInput.answers(form, current: application, channel: input.services.fundingCatalog.channel(application.channelCode))
            if !writes.isEmpty {
                _ = try await input.services.funding.answer(writes, applicationId: application.id, expectedVersion: version, catalog: input.services.fundingCatalog,
                                                            actor: input.actor, now: input.now)
            }
            return Responses.redirect(to: Route.fundingApplication(application.id).path(notice: "saved"))
        }, refused: { try await renderShow(input, errors: $0.errors, form: form, status: $0.status) })
    }
}
