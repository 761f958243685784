import Foundation
import GroundbreakDomain
import GroundbreakOffice
import GroundbreakStore
import HTTPTypes
import Hummingbird
import NIOCore

/// 督办: the list (open first, overdue marked), opening an item, one item with its history and the
/// forms its reader's duty allows, and the 督办函.
enum SupervisionPages {
    static func reach(_ input: EndpointRequest) throws -> Set<OrgUnit>? {
        Policy.supervisionReach(of: try input.requirePrincipal(), catalog: input.catalog)
    }

    /// Which items a list shows: the open ones (default), the overdue ones, or all.
    enum ListView: String, Sendable {
        case open, overdue, all

        init(_ items: [(String, String)]) {
            let form = FormData(pairs: items)
            self = form["all"] == "true" ? .all : form["overdue"] == "true" ? .overdue : .open
        }

        var query: [(String, String)] {
            switch self {
            case .open: []
            case .overdue: [("overdue", "true")]
            case .all: [("all", "true")]
            }
        }
    }

    /// The items a list shows, for the page, the API and the home page alike.
    static func listed(_ input: EndpointRequest, view: ListView) async throws -> [SupervisedItem] {
        let items = try await input.services.supervision.items(owners: try reach(input), openOnly: view != .all)
        return view == .overdue ? items.filter { $0.isOverdue(on: input.today) } : items
    }

    static func list(_ input: EndpointRequest) async throws -> Response {
        try await renderList(input, errors: [], form: FormData(pairs: []), status: .ok)
    }

    static func renderList(_ input: EndpointRequest, errors: [FieldError], form: FormData, status: HTTPResponse.Status) async throws -> Response {
        let view = ListView(input.queryItems)
        let items = try await listed(input, view: view)
        let page = SupervisionListPage(context: PageContext(input), items: items, view: view, catalog: input.catalog, errors: errors, form: form)
        return Responses.html(page.document, status: status)
    }

    static func create(_ input: EndpointRequest) async throws -> Response {
        let form = input.form ?? FormData(pairs: [])
        return try await FormSubmission.submit({
            switch SupervisionInput.item(form.pairs, catalog: input.catalog, createdBy: input.actor.name, today: input.today) {
            case .failure(let failure): throw StoreError.invalid(failure)
            case .success(let item):
                let saved = try await input.services.supervision.create(item, actor: input.actor, today: input.today, now: input.now)
                return Responses.redirect(to: Route.supervisedItem(saved.id).path)
            }
        }, refused: { try await renderList(input, errors: $0.errors, form: form, status: $0.status) })
    }

    static func show(_ input: EndpointRequest) async throws -> Response {
        guard let item = input.supervisedItem else { throw AppError.notFound }
        return try await render(input, item, errors: [], status: .ok)
    }

    static func render(_ input: EndpointRequest, _ item: SupervisedItem, errors: [FieldError], status: HTTPResponse.Status) async throws -> Response {
        let may = Set([PolicyAction.superviseItems, .answerSupervision].filter {
            Policy.decideSupervision($0, item, for: input.principal, catalog: input.catalog) == .allow
        })
        let page = SupervisionShowPage(context: PageContext(input), item: item, events: try await input.services.supervision.events(itemId: item.id),
                                       catalog: input.catalog, may: may, errors: errors)
        return Responses.html(page.document, status: status)
    }

    static func event(_ input: EndpointRequest, deciding: Bool) async throws -> Response {
        guard let item = input.supervisedItem else { throw AppError.notFound }
        return try await FormSubmission.submit({
            switch SupervisionInput.event(input.form?.pairs ?? [], deciding: deciding) {
            case .failure(let failure): throw StoreError.invalid(failure)
            case .success(let (event, version)):
                _ = try await input.services.supervision.record(event, itemId: item.id, expectedVersion: version, actor: input.actor, today: input.today, now: input.now)
                return Responses.redirect(to: Route.supervisedItem(item.id).path)
            }
        }, refused: { refusal in
            let shown = refusal.currentVersion == nil ? item : try await input.services.supervision.item(id: item.id) ?? item
            return try await render(input, shown, errors: refusal.errors, status: refusal.status)
        })
    }

    /// The 督办函 as a Word document.
    static func letter(_ input: EndpointRequest) async throws -> Response {
        guard let item = input.supervisedItem else { throw AppError.notFound }
        let settings = input.services.supervisionSettings
        let facts = SupervisionLetterFacts(item: item, events: try await input.services.supervision.events(itemId: item.id), today: input.today)
        let serial = facts.urged ? try await input.services.supervision.letterSerial(itemId: item.id, year: facts.issuedOn.year) : nil
        let letter = SupervisionLetter(number: settings.number(serial: serial, year: facts.issuedOn.year), ownerName: item.owner.name(input.catalog), item: item,
                                       facts: facts, issuer: settings.issuer, replyWithinWorkingDays: settings.replyWithinWorkingDays)
        let data = try letter.document.data(created: input.now)
        var headers = HTTPFields()
        headers[.contentType] = Download.docxType
        headers[.contentDisposition] = "attachment; filename=\"letter-\(item.id).docx\"; filename*=UTF-8''\(Route.encode(WebText.Supervision.letterFileName(item.id)))"
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
}
