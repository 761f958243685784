import Foundation

/// The paragraph officials write about a year's list, as a pure function of its figures:
/// "2019年，二道区实施3000万元以上重点项目101个，总投资914亿元。按投资规模看，亿元以上项目91个，…"
public enum StatisticsParagraph {
    public static func write(_ figures: StatisticsFigures, style: ParagraphStyle) -> String {
        let T = StatisticsText.self
        var opening = T.opening(year: figures.year, unit: figures.unitName, shape: style.shape,
                                threshold: T.band(figures.threshold), count: figures.count)
        if style.showTotal { opening += T.comma + T.total(T.amount(figures.total)) }
        let bandItems = figures.bands.map { band in
            T.bandItem(T.band(band.minimum), count: band.count) + (band.previousCount.map { T.comma + T.change(band.count - $0) } ?? "")
        }
        let groups = figures.groups.compactMap { group -> String? in
            let items = group.items.filter { $0.count > 0 }.map { T.classItem($0.name, count: $0.count) }
            return items.isEmpty ? nil : T.dimension(group.dimension) + items.joined(separator: T.comma)
        }
        var text: String
        switch style.shape {
        case .byDimension:
            let sections = (bandItems.isEmpty ? [] : [T.dimension(T.scaleDimension) + bandItems.joined(separator: T.comma)]) + groups
            text = opening + T.stop + (sections.isEmpty ? "" : sections.joined(separator: T.semicolon) + T.stop)
        case .among:
            text = opening + (bandItems.isEmpty ? "" : T.comma + T.among + bandItems.joined(separator: T.comma)) + T.stop
            if !groups.isEmpty { text += groups.joined(separator: T.semicolon) + T.stop }
        }
        let named = figures.largest.prefix(max(style.namedLargest, 0))
        if !named.isEmpty {
            text += T.largest(named.map { T.namedProject(T.amount($0.total), $0.name) })
        }
        return text
    }
}
