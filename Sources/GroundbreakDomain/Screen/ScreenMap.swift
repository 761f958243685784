/// The dispatch room's schematic map (挂图作战): where each district or county sits on a small
/// grid, north up. A diagram, not geography; the city keeps it in `screen_map.json`.
public struct ScreenMap: Sendable, Codable, Equatable {
    public struct Tile: Sendable, Codable, Equatable {
        public var region: String
        public var column: Int
        public var row: Int
    }

    public var note: String
    public var columns: Int
    public var rows: Int
    public var tiles: [Tile]

    /// Every tile on the grid, each region once.
    public var problems: [String] {
        var seen: Set<String> = []
        return tiles.compactMap { tile in
            if !(0..<columns).contains(tile.column) || !(0..<rows).contains(tile.row) { return "\(tile.region): off the grid" }
            return seen.insert(tile.region).inserted ? nil : "\(tile.region): twice"
        }
    }
}
