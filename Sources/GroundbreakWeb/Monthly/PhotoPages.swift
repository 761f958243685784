import Foundation
import GroundbreakDomain
import GroundbreakStore
import HTTPTypes
import Hummingbird
import NIOCore
import Plot

/// Site photos of a project's monthly report: uploaded from the reports tab or the API, kept in
/// the attachment store, served only to those who may see the project.
enum PhotoPages {
    static func upload(_ input: EndpointRequest) async throws -> Response {
        let project = try input.targetProject()
        let form = input.form ?? FormData(pairs: [])
        let month = Month.parse(form["month"]) ?? ReportPages.reportingMonth(input.today)
        let file = input.files.first { $0.field == "photo" }
        return try await FormSubmission.submit({
            _ = try await input.services.files.add(.sitePhoto(projectId: project.id, month: month), name: file?.filename ?? "", bytes: file?.bytes ?? [],
                                                   maxBytes: input.services.settings.maxUploadBytes, actor: input.actor, now: input.now)
            return Responses.redirect(to: Route.projectReports(project.id, year: month.year).path(notice: "saved"))
        }, refused: { try await ReportPages.render(input, project: project, errors: $0.errors, form: FormData(pairs: []), status: $0.status) })
    }

    struct PhotoDTO: Codable, Sendable {
        var id: Int64
        var month: String
        var name: String
        var contentType: String
        var size: Int
        var uploadedBy: String
        var uploadedAt: Date
        var url: String

        init(_ photo: StoredFile) {
            id = photo.id
            month = photo.month?.iso ?? ""
            name = photo.name
            contentType = photo.contentType
            size = photo.size
            uploadedBy = photo.uploadedBy
            uploadedAt = photo.uploadedAt
            url = Route.file(photo.id).path
        }
    }

    static func list(_ input: EndpointRequest) async throws -> Response {
        try Responses.json(try await input.services.files.photos(projectId: try input.targetProject().id).map(PhotoDTO.init))
    }

    /// The image itself as the body (`Content-Type: image/jpeg|png|webp`); `month` and `name` in the query.
    static func apiUpload(_ input: EndpointRequest) async throws -> Response {
        let project = try input.targetProject()
        let contentType = (input.request.headers[.contentType] ?? "").lowercased()
        guard ["image/jpeg", "image/png", "image/webp"].contains(where: contentType.hasPrefix) else {
            throw AppError(.unsupportedMediaType, kind: "unsupported-media-type", title: WebText.Errors.imageTypes)
        }
        let query = FormData(pairs: input.queryItems)
        guard let month = Month.parse(query["month"]) else { throw AppError.badQuery(ValidationFailure([FieldError("month", .dateInvalid)])) }
        do {
            let saved = try await input.services.files.add(.sitePhoto(projectId: project.id, month: month), name: query["name"],
                                                           bytes: input.body.map { Array($0.readableBytesView) } ?? [],
                                                           maxBytes: input.services.settings.maxUploadBytes, actor: input.actor, now: input.now)
            return try Responses.json(PhotoDTO(saved), status: .created)
        } catch StoreError.invalid(let failure) {
            throw AppError.validation(failure)
        }
    }

    /// Photos by month and the upload form, on the reports tab.
    static func section(_ context: PageContext, project: Project, photos: [StoredFile], defaultMonth: Month, canUpload: Bool,
                        errors: [FieldError]) -> Node<HTML.BodyContext> {
        let months = Dictionary(grouping: photos) { $0.month?.iso ?? "" }.sorted { $0.key > $1.key }
        return .section(.class("card"),
            .h2(.text(WebText.Monthly.photos(photos.count))),
            .forEach(months) { month, photos in
                .div(.class("photos"), .h3(.text(Month.parse(month)?.label ?? month)),
                     .forEach(photos) { photo in
                         .a(.href(esc(Route.file(photo.id).path)),
                            .img(.src(esc(Route.file(photo.id).path)), .alt(esc(photo.name)), .class("thumb"), .attribute(named: "loading", value: "lazy")))
                     })
            },
            .if(canUpload, .form(.method(.post), .action(esc(Route.reportPhotos(project.id).path)), .attribute(named: "enctype", value: "multipart/form-data"),
                                 .class("inline-form"),
                Layout.csrfField(context),
                Components.textField("month", label: WebText.Monthly.month, value: defaultMonth.iso, form: "photo-"),
                .div(.class("field" + (errors.contains { $0.field == "photo" } ? " has-error" : "")),
                     .label(.for("f-photo"), .text(WebText.Monthly.photoHint)),
                     .input(.type(.file), .name("photo"), .id("f-photo"), .attribute(named: "accept", value: "image/jpeg,image/png,image/webp")),
                     Components.errors(errors.filter { $0.field == "photo" }.map(\.message))),
                .button(.type(.submit), .class("button secondary"), .text(WebText.Monthly.upload))))
        )
    }
}
