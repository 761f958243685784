import Foundation
import GroundbreakDomain
import GroundbreakOffice
import GroundbreakStore
import HTTPTypes
import Hummingbird
import NIOCore

enum StatisticsPages {
    /// The figures and the paragraph, computed once for the page, the .docx and the API. The
    /// figures follow the query alone (the request has checked the reader may ask it): one
    /// computation per query, day and `FiguresGeneration`.
    static func compose(_ input: EndpointRequest, _ request: StatisticsRequest) async throws -> (StatisticsFigures, String) {
        let query = request.query
        let key = try await input.services.figuresKey(query.regionCode, String(query.year), String(query.threshold.yuan), query.bands.map { String($0.yuan) }.joined(separator: ","),
                                                      query.schemeId.map(String.init) ?? "-", input.today.iso)
        let figures = try await input.services.statistics.value(for: key) { try await input.services.yearLists.figures(query, catalog: input.catalog) }
        return (figures, StatisticsParagraph.write(figures, style: query.style))
    }

    static func page(_ input: EndpointRequest) async throws -> Response {
        // Read before the request's lists and schemes and the figures, as every figures key is;
        // the request's own query (as resolved) completes it below.
        let generation = try await input.services.figuresKey("statistics-page", input.scope(.viewProjects).key, input.today.iso)
        guard let request = try await StatisticsRequest.read(input, strict: false) else {
            return Responses.html(StatisticsPage(context: PageContext(input), request: nil, figures: nil, paragraph: "", catalog: input.catalog).document)
        }
        let (figures, paragraph) = try await compose(input, request)
        let page = StatisticsPage(context: PageContext(input), request: request, figures: figures, paragraph: paragraph, catalog: input.catalog)
        let key = generation + "|" + Route.query(request.items)
        return Responses.html(page.document(content: RenderedFigures.content(input.services, key: key) { page.content }))
    }

    static func api(_ input: EndpointRequest) async throws -> Response {
        guard let request = try await StatisticsRequest.read(input, strict: true) else {
            throw AppError(.forbidden, kind: "forbidden", title: WebText.Statistics.unitOutsideScope)
        }
        let (figures, paragraph) = try await compose(input, request)
        return try Responses.json(StatisticsDTO(figures, paragraph: paragraph, regionCode: request.query.regionCode))
    }

    static func docx(_ input: EndpointRequest) async throws -> Response {
        guard let request = try await StatisticsRequest.read(input, strict: true) else {
            throw AppError(.forbidden, kind: "forbidden", title: WebText.Statistics.unitOutsideScope)
        }
        let (figures, paragraph) = try await compose(input, request)
        let title = WebText.Statistics.documentTitle(figures.unitName, figures.year)
        let data = try StatisticsDocument(title: title, paragraph: paragraph).document.data(created: input.now)
        let headers = Download.headers(contentType: Download.docxType, name: title + ".docx", fallback: "statistics-\(figures.year).docx")
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
}
