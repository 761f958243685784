import Foundation
import GroundbreakDomain
import GroundbreakStore
import Hummingbird
import Plot

enum ScreenPages {
    static func screen(_ input: EndpointRequest) async throws -> Response {
        let measure = input.queryItems.first { $0.0 == "measure" }.flatMap { ScreenFigures.Measure(rawValue: $0.1) } ?? .projects
        let map = input.services.screenMap
        let light = input.queryItems.contains { $0 == ("theme", "light") }
        // Read before the figures, as every figures key is. The page has no frame of the reader's
        // own, so all of it is rendered once per reader, day, figures and choice of view.
        let key = try await input.services.figuresKey("screen-page", ScreenFigures.reader(input), input.today.iso, measure.rawValue, light ? "light" : "dark")
        let figures = try await ScreenFigures.read(input)
        return Responses.html(rendered: RenderedFigures.text(input.services, key: key, in: input.services.renderedPerReader) {
            ScreenPage(figures: figures, map: map, measure: measure, light: light, today: input.today).document.render()
        })
    }
}
