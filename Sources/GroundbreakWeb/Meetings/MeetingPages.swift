import Foundation
import GroundbreakDomain
import GroundbreakOffice
import GroundbreakStore
import HTTPTypes
import Hummingbird
import NIOCore

/// Meetings: the list and calling one, one meeting with its agenda and minutes form, and the
/// minutes as a .docx.
enum MeetingPages {
    static func list(_ input: EndpointRequest) async throws -> Response {
        try await renderList(input, errors: [], form: FormData(pairs: []), status: .ok)
    }

    static func renderList(_ input: EndpointRequest, errors: [FieldError], form: FormData, status: HTTPResponse.Status) async throws -> Response {
        let page = MeetingListPage(context: PageContext(input), meetings: try await input.services.meetings.meetings(), settings: input.services.meetingSettings,
                                   candidates: try await candidates(input), catalog: input.catalog, errors: errors, form: form)
        return Responses.html(page.document, status: status)
    }

    /// The problems a meeting is most often called for: escalated or overdue, in the caller's reach.
    static func candidates(_ input: EndpointRequest) async throws -> [Problem] {
        guard PageContext(input).may(.runMeetings) else { return [] }
        var seen: Set<Int64> = []
        var found: [Problem] = []
        for view in [ProblemQuery.View.escalated, .overdue] {
            var query = ProblemQuery()
            query.view = view
            query.perPage = 100
            for problem in try await input.services.problems.list(query, reach: try ProblemPages.reach(input), today: input.today).problems where seen.insert(problem.id).inserted {
                found.append(problem)
            }
        }
        return found
    }

    static func create(_ input: EndpointRequest) async throws -> Response {
        let form = input.form ?? FormData(pairs: [])
        return try await FormSubmission.submit({
            var pairs = form.pairs.filter { $0.0 != "projectNames" }
            switch try await ProjectLookup.ids(named: form["projectNames"], field: "projectNames", input) {
            case .failure(let failure): throw StoreError.invalid(failure)
            case .success(let ids): pairs += ids.map { ("projects", String($0)) }
            }
            switch MeetingInput.meeting(pairs) {
            case .failure(let failure): throw StoreError.invalid(failure)
            case .success(let draft):
                let saved = try await input.services.meetings.create(draft, settings: input.services.meetingSettings, actor: input.actor, now: input.now)
                return Responses.redirect(to: Route.meeting(saved.id).path)
            }
        }, refused: { try await renderList(input, errors: $0.errors, form: form, status: $0.status) })
    }

    static func show(_ input: EndpointRequest) async throws -> Response {
        guard let meeting = input.meeting else { throw AppError.notFound }
        return try await render(input, meeting, errors: [], status: .ok)
    }

    static func render(_ input: EndpointRequest, _ meeting: Meeting, errors: [FieldError], status: HTTPResponse.Status) async throws -> Response {
        // What the caller may not read is listed by number only.
        let reading = try await MeetingReading.load(input, meeting)
        let page = MeetingShowPage(context: PageContext(input), meeting: reading.meeting, settings: input.services.meetingSettings, catalog: input.catalog,
                                   problems: reading.problems, items: reading.items, projects: reading.projects, errors: errors)
        return Responses.html(page.document, status: status)
    }

    static func minutes(_ input: EndpointRequest) async throws -> Response {
        guard let meeting = input.meeting else { throw AppError.notFound }
        let form = input.form ?? FormData(pairs: [])
        let rows = { (key: String) in form.pairs.filter { $0.0 == key }.map(\.1) }
        return try await FormSubmission.submit({
            switch MeetingInput.decisions(texts: rows("decisionText"), owners: rows("decisionOwner"), deadlines: rows("decisionDeadline"), catalog: input.catalog) {
            case .failure(let failure): throw StoreError.invalid(failure)
            case .success(let decisions):
                _ = try await input.services.meetings.issueMinutes(id: meeting.id, expectedVersion: Int(form["version"]) ?? 0, summary: form["summary"],
                                                                   decisions: decisions, settings: input.services.meetingSettings, actor: input.actor,
                                                                   today: input.today, now: input.now)
                return Responses.redirect(to: Route.meeting(meeting.id).path)
            }
        }, refused: { refusal in
            let shown = refusal.currentVersion == nil ? meeting : try await input.services.meetings.meeting(id: meeting.id) ?? meeting
            return try await render(input, shown, errors: refusal.errors, status: refusal.status)
        })
    }

    static func docx(_ input: EndpointRequest) async throws -> Response {
        guard let meeting = input.meeting else { throw AppError.notFound }
        let settings = input.services.meetingSettings
        let units = Set(meeting.decisions.compactMap(\.owner))
        let minutes = MeetingMinutes(meeting: meeting, kindName: settings.kind(meeting.kindCode)?.name ?? meeting.kindCode, number: settings.number(of: meeting),
                                     unitNames: Dictionary(uniqueKeysWithValues: units.map { ($0.key, $0.name(input.catalog)) }))
        let data = try minutes.document.data(created: input.now)
        var headers = HTTPFields()
        headers[.contentType] = Download.docxType
        headers[.contentDisposition] = "attachment; filename=\"minutes-\(meeting.id).docx\"; filename*=UTF-8''\(Route.encode(WebText.Meetings.minutesFileName(meeting.id)))"
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
}
