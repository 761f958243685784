import GroundbreakDomain
import Plot

/// Horizontal bars of projects per band of working days to the construction permit, drawn as
/// SVG on the server. Only numbers and fixed labels go into the markup.
enum DurationChart {
    static let width = 560
    static let rowHeight = 26
    static let labelWidth = 70

    static func svg<C: HTML.BodyContext>(_ bands: [ApprovalAnalytics.Band]) -> Node<C> {
        let most = max(1, bands.map(\.count).max() ?? 1)
        let barSpace = width - labelWidth - 50
        let height = bands.count * rowHeight + 8
        var parts: [String] = []
        for (index, band) in bands.enumerated() {
            let y = index * rowHeight + 4
            let bar = band.count == 0 ? 0 : max(2, band.count * barSpace / most)
            parts.append("""
                <text x="\(labelWidth - 8)" y="\(y + 16)" text-anchor="end" class="chart-label">\(band.label)</text>\
                <rect x="\(labelWidth)" y="\(y + 3)" width="\(bar)" height="\(rowHeight - 8)" class="\(band.withinPromise ? "bar-ok" : "bar-late")"></rect>\
                <text x="\(labelWidth + bar + 6)" y="\(y + 16)" class="chart-value">\(band.count)</text>
                """)
        }
        return .raw("""
            <svg class="chart" viewBox="0 0 \(width) \(height)" width="\(width)" height="\(height)" role="img" \
            aria-label="\(esc(WebText.Approvals.durationChartTitle))">\(parts.joined())</svg>
            """)
    }
}
