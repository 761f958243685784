import Foundation
import GroundbreakDomain
import GroundbreakOffice
import GroundbreakStore
import HTTPTypes
import Hummingbird
import NIOCore

/// The bulletins: the list with the form that generates a draft, one bulletin with the form that
/// edits, regenerates, issues or discards a draft, and the bulletin as a .docx.
enum BulletinPages {
    static func list(_ input: EndpointRequest) async throws -> Response {
        try await renderList(input, errors: [], form: FormData(pairs: []), status: .ok)
    }

    static func renderList(_ input: EndpointRequest, errors: [FieldError], form: FormData, status: HTTPResponse.Status) async throws -> Response {
        let writes = PageContext(input).may(.manageBulletins)
        let page = BulletinListPage(context: PageContext(input), bulletins: try await input.services.bulletins.bulletins(includingDrafts: writes),
                                    leaders: input.catalog.positions.filter { $0.duty == .sponsor },
                                    reportingMonth: ReportPages.reportingMonth(input.today), errors: errors, form: form)
        return Responses.html(page.document, status: status)
    }

    /// A new draft written from the month's figures.
    static func createDraft(_ input: EndpointRequest, kind: String?, month: String?, seat: String?) async throws -> Bulletin {
        switch BulletinDrafting.read(kind: kind, month: month, seat: seat, catalog: input.catalog, today: input.today) {
        case .failure(let failure): throw StoreError.invalid(failure)
        case .success(let (kind, month, seat)):
            let (title, sections) = try await BulletinDrafting.write(input, kind: kind, month: month, seat: seat)
            return try await input.services.bulletins.createDraft(kind: kind, month: month, title: title, seat: seat, sections: sections,
                                                                  actor: input.actor, now: input.now)
        }
    }

    /// The draft written again from today's figures (its text edits are replaced).
    static func regenerated(_ input: EndpointRequest, _ bulletin: Bulletin, version: Int) async throws -> Bulletin {
        let (title, sections) = try await BulletinDrafting.write(input, kind: bulletin.kind, month: bulletin.month, seat: bulletin.seat)
        return try await input.services.bulletins.update(id: bulletin.id, expectedVersion: version, actor: input.actor, now: input.now) { current in
            var fresh = current
            fresh.title = title
            fresh.sections = sections
            return .success(fresh)
        }
    }

    static func create(_ input: EndpointRequest) async throws -> Response {
        let form = input.form ?? FormData(pairs: [])
        return try await FormSubmission.submit({
            let draft = try await createDraft(input, kind: form["kind"], month: form["month"], seat: form["seat"])
            return Responses.redirect(to: Route.bulletin(draft.id).path)
        }, refused: { try await renderList(input, errors: $0.errors, form: form, status: $0.status) })
    }

    static func show(_ input: EndpointRequest) async throws -> Response {
        guard let bulletin = input.bulletin else { throw AppError.notFound }
        return render(input, bulletin, errors: [], status: .ok)
    }

    static func render(_ input: EndpointRequest, _ bulletin: Bulletin, errors: [FieldError], status: HTTPResponse.Status) -> Response {
        let page = BulletinShowPage(context: PageContext(input), bulletin: bulletin, rules: input.services.bulletinRules.kind(bulletin.kind), errors: errors,
                                    notice: input.queryItems.contains { $0.0 == "notice" } ? WebText.Bulletins.saved : nil)
        return Responses.html(page.document, status: status)
    }

    /// A draft's form: `title`, and per section `heading` and `paragraphs` (one per line), in order.
    static func save(_ input: EndpointRequest) async throws -> Response {
        let form = input.form ?? FormData(pairs: [])
        let headings = form.pairs.filter { $0.0 == "heading" }.map(\.1)
        let texts = form.pairs.filter { $0.0 == "paragraphs" }.map(\.1)
        let sections = zip(headings, texts).map { BulletinEdit.SectionText(heading: $0, paragraphs: $1.components(separatedBy: "\n")) }
        return try await change(input, form) { bulletin, version in
            try await input.services.bulletins.update(id: bulletin.id, expectedVersion: version, actor: input.actor, now: input.now) {
                BulletinEdit.apply(title: form["title"], sections: sections, to: $0)
            }
        }
    }

    static func regenerate(_ input: EndpointRequest) async throws -> Response {
        try await change(input, input.form ?? FormData(pairs: [])) { try await regenerated(input, $0, version: $1) }
    }

    static func issue(_ input: EndpointRequest) async throws -> Response {
        try await change(input, input.form ?? FormData(pairs: [])) { bulletin, version in
            try await input.services.bulletins.issue(id: bulletin.id, expectedVersion: version, rules: input.services.bulletinRules, actor: input.actor,
                                                     today: input.today, now: input.now)
        }
    }

    static func discard(_ input: EndpointRequest) async throws -> Response {
        guard let bulletin = input.bulletin else { throw AppError.notFound }
        let form = input.form ?? FormData(pairs: [])
        return try await FormSubmission.submit({
            try await input.services.bulletins.discard(id: bulletin.id, expectedVersion: try version(form), actor: input.actor, now: input.now)
            return Responses.redirect(to: Route.bulletins.path)
        }, refused: { refusal in render(input, try await input.services.bulletins.bulletin(id: bulletin.id) ?? bulletin, errors: refusal.errors, status: refusal.status) })
    }

    /// The version the form read: required, or the change is refused by name.
    static func version(_ form: FormData) throws -> Int {
        guard let version = Int(form["version"]) else { throw StoreError.invalid(ValidationFailure([FieldError("version", .required(field: "version"))])) }
        return version
    }

    static func change(_ input: EndpointRequest, _ form: FormData, _ apply: (Bulletin, Int) async throws -> Bulletin) async throws -> Response {
        guard let bulletin = input.bulletin else { throw AppError.notFound }
        return try await FormSubmission.submit({
            let saved = try await apply(bulletin, try version(form))
            return Responses.redirect(to: Route.bulletin(saved.id).path(notice: "saved"))
        }, refused: { refusal in render(input, try await input.services.bulletins.bulletin(id: bulletin.id) ?? bulletin, errors: refusal.errors, status: refusal.status) })
    }

    static func docx(_ input: EndpointRequest) async throws -> Response {
        guard let bulletin = input.bulletin else { throw AppError.notFound }
        let data = try BulletinDocument(bulletin: bulletin, rules: input.services.bulletinRules.kind(bulletin.kind)).document.data(created: input.now)
        let headers = Download.headers(contentType: Download.docxType, name: WebText.Bulletins.fileName(bulletin.title, bulletin.number),
                                       fallback: "bulletin-\(bulletin.id).docx")
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
}
