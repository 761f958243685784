import Foundation
import GroundbreakDomain
import GroundbreakStore
import HTTPTypes
import Hummingbird

/// Recording a leader's site visit, coordination meeting or instruction, from the portfolio page
/// or the API. The seat is the leader's own, or any for the centre (`Policy.decide(_:onPortfolio:)`).
enum SponsorActivityPages {
    typealias T = WebText.Portfolio

    /// The activity the fields describe, or every field that is wrong with it.
    static func activity(seat: Int64, projectId: String, kind kindText: String, on: String, summary: String) -> Result<SponsorActivity, ValidationFailure> {
        var errors: [FieldError] = []
        let project = Int64(projectId.trimmingCharacters(in: .whitespaces))
        if project == nil { errors.append(FieldError("projectId", .required(field: "projectId"))) }
        let kind = SponsorActivityKind(rawValue: kindText)
        if kind == nil { errors.append(FieldError("kind", kindText.isEmpty ? .required(field: "kind") : .unknownCode(field: "kind", code: kindText))) }
        let day = Day.parse(on.trimmingCharacters(in: .whitespaces))
        if day == nil { errors.append(FieldError("on", .dateInvalid)) }
        guard errors.isEmpty, let project, let kind, let day else { return .failure(ValidationFailure(errors)) }
        return .success(SponsorActivity(seatId: seat, projectId: project, kind: kind, on: day, summary: summary))
    }

    /// The sponsoring seat named, when the caller may record for it.
    static func seat(_ id: Int64?, _ input: EndpointRequest) throws -> Position {
        guard let id, let position = input.catalog.positions.first(where: { $0.id == id && $0.duty == .sponsor }) else {
            throw AppError.validation(ValidationFailure([FieldError("seat", .unknownCode(field: "seat", code: id.map(String.init) ?? ""))]))
        }
        guard Policy.decide(.recordSponsorActivity, onPortfolio: id, for: input.principal, catalog: input.catalog) == .allow else {
            throw AppError(.forbidden, kind: "forbidden", title: T.seatOutsideReach)
        }
        return position
    }

    static func create(_ input: EndpointRequest) async throws -> Response {
        let form = input.form ?? FormData(pairs: [])
        let position = try seat(Int64(form["seat"]), input)
        return try await FormSubmission.submit({
            switch activity(seat: position.id, projectId: form["projectId"], kind: form["kind"], on: form["on"], summary: form["summary"]) {
            case .failure(let failure): throw StoreError.invalid(failure)
            case .success(let activity):
                _ = try await SponsorActivityRepository(database: input.services.database).record(activity, actor: input.actor, today: input.today, now: input.now)
                return Responses.redirect(to: Route.portfolio(seat: position.id).path(notice: "recorded"))
            }
        }, refused: { try await PortfolioPages.render(input, seat: position, errors: $0.errors, form: form, status: $0.status) })
    }

    static func apiCreate(_ input: EndpointRequest) async throws -> Response {
        let body = try input.json(SponsorActivityRequest.self)
        let position = try seat(body.seat, input)
        switch activity(seat: position.id, projectId: String(body.projectId), kind: body.kind, on: body.on, summary: body.summary) {
        case .failure(let failure): throw AppError.validation(failure)
        case .success(let activity):
            let saved = try await SponsorActivityRepository(database: input.services.database).record(activity, actor: input.actor, today: input.today, now: input.now)
            let name = try await input.services.projects.project(id: saved.projectId)?.fields.name
            return try Responses.json(SponsorActivityDTO(saved, projectName: name), status: .created)
        }
    }
}
