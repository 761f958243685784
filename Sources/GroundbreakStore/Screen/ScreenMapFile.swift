import Foundation
import GroundbreakDomain

/// Reads the shipped `screen_map.json`.
public enum ScreenMapFile {
    public static func shipped() throws -> ScreenMap {
        let text = try ReferenceDataLoader.bundledText("screen_map.json")
        let map: ScreenMap
        do {
            map = try JSONDecoder().decode(ScreenMap.self, from: Data(text.utf8))
        } catch {
            throw ReferenceDataLoader.BadReferenceFile(file: "screen_map.json", reason: "\(error)")
        }
        guard map.problems.isEmpty else { throw ReferenceDataLoader.BadReferenceFile(file: "screen_map.json", reason: map.problems.joined(separator: "; ")) }
        return map
    }
}
