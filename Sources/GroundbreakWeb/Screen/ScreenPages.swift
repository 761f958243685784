import Foundation
import GroundbreakDomain
import GroundbreakStore
import Hummingbird

enum ScreenPages {
    static func screen(_ input: EndpointRequest) async throws -> Response {
        let measure = input.queryItems.first { $0.0 == "measure" }.flatMap { ScreenFigures.Measure(rawValue: $0.1) } ?? .projects
        let map = try ScreenMapFile.shipped()
        let figures = try await ScreenFigures.read(input, map: map)
        let light = input.queryItems.contains { $0 == ("theme", "light") }
        return Responses.html(ScreenPage(figures: figures, map: map, measure: measure, light: light, today: input.today).document)
    }
}
