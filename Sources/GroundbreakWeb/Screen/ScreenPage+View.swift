import Foundation
import GroundbreakDomain
import Plot

/// The dispatch room's page: 1920×1080, dark, readable across the room and on a projector,
/// reloading itself every five minutes. Charts are SVG drawn here; no script.
struct ScreenPage {
    typealias T = WebText.Screen
    var figures: ScreenFigures
    var map: ScreenMap
    var measure: ScreenFigures.Measure
    /// Light colours for a projector in a bright room.
    var light: Bool
    var today: Day

    var document: HTML {
        HTML(
            .attribute(named: "lang", value: "zh-CN"),
            .head(
                .encoding(.utf8),
                .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
                .meta(.attribute(named: "http-equiv", value: "refresh"), .content("300")),
                .element(named: "title", text: T.title),
                .link(.rel(.stylesheet), .href(esc(Assets.versionedPath("app.css"))))
            ),
            .body(.class(light ? "screen light" : "screen"),
                .header(.class("screen-head"), .h1(.text(T.title)), .span(.class("screen-time"), .text(T.asOf(Format.dateTime(figures.asOf)))),
                        .a(.href(esc(Route.screen(measure: measure, light: !light).path)), .text(light ? T.darkTheme : T.lightTheme)),
                        .a(.href(esc(Route.home.path)), .text(T.back))),
                .main(.class("screen-grid"), kpis, .section(.class("screen-card"), .h2(.text(T.stages)), stageChart),
                      .section(.class("screen-card"), .h2(.text(T.starts(today.year))), startsChart),
                      .section(.class("screen-card screen-map"), .h2(.text(T.map)), measures, mapChart))
            )
        )
    }

    private func kpi(_ name: String, _ label: String, _ value: String, _ note: String, tone: String = "") -> Node<HTML.BodyContext> {
        .div(.class("screen-kpi " + tone), .attribute(named: "data-figure", value: name), .span(.class("kpi-label"), .text(label)), .span(.class("kpi-value"), .text(value)), .span(.class("kpi-note"), .text(note)))
    }

    private var kpis: Node<HTML.BodyContext> {
        let reading = figures.investmentReading
        let investment = reading?.actual.flatMap { Money(approximately: $0) }.map { Format.yi($0) + T.yiUnit } ?? "—"
        let investmentNote = reading.flatMap { reading in reading.target.map { _ in T.investmentNote(figures.readingUnit ?? "", reading.bulletin) } } ?? T.noTarget
        let behind = (reading?.gapPoints ?? 0) < 0
        let share = Format.share(figures.approvals.share)
        return .section(.class("screen-kpis"),
            kpi("projects", T.projects, Format.count(figures.projects), T.projectsNote(Format.yi(figures.investment))),
            kpi("investment", T.investment, investment, investmentNote, tone: behind ? "bad" : "ok"),
            kpi("problems", T.problems, Format.count(figures.problems.open), T.problemsNote(figures.problems.overdue, figures.problems.closedThisMonth),
                tone: figures.problems.overdue > 0 ? "bad" : ""),
            kpi("items", T.items, Format.count(figures.itemsOpen), T.itemsNote(figures.itemsOverdue), tone: figures.itemsOverdue > 0 ? "bad" : ""),
            kpi("approvals", T.approvals, share, T.approvalsNote(figures.approvals.withinPromise, figures.approvals.projectsWithPermit),
                tone: figures.approvals.meetsTarget ? "ok" : "bad"))
    }

    /// Horizontal bars, one per stage.
    private var stageChart: Node<HTML.BodyContext> {
        let width = 820, row = 44, label = 120
        let most = max(1, figures.byStage.map(\.count).max() ?? 1)
        var parts: [String] = []
        for (index, entry) in figures.byStage.enumerated() {
            let y = index * row
            let bar = entry.count == 0 ? 0 : max(3, entry.count * (width - label - 110) / most)
            parts.append("""
                <text x="\(label - 12)" y="\(y + 28)" text-anchor="end" class="screen-label">\(esc(entry.stage.label))</text>\
                <rect x="\(label)" y="\(y + 8)" width="\(bar)" height="\(row - 16)" rx="3" class="screen-bar stage-\(entry.stage.rawValue)"></rect>\
                <text x="\(label + bar + 10)" y="\(y + 28)" class="screen-value">\(entry.count)</text>
                """)
        }
        let height = figures.byStage.count * row
        return .raw("<svg class=\"screen-chart\" viewBox=\"0 0 \(width) \(height)\" role=\"img\" aria-label=\"\(esc(T.stages))\">\(parts.joined())</svg>")
    }

    /// Columns, one per month of the year so far.
    private var startsChart: Node<HTML.BodyContext> {
        let width = 820, height = 300, base = 250, column = 60
        let months = Array(figures.startsByMonth.prefix(today.month))
        let most = max(1, months.max() ?? 1)
        var parts: [String] = []
        for (index, count) in months.enumerated() {
            let x = 30 + index * (column + 6)
            let bar = count == 0 ? 0 : max(3, count * (base - 40) / most)
            parts.append("""
                <rect x="\(x)" y="\(base - bar)" width="\(column)" height="\(bar)" rx="3" class="screen-bar"></rect>\
                <text x="\(x + column / 2)" y="\(base - bar - 8)" text-anchor="middle" class="screen-value">\(count)</text>\
                <text x="\(x + column / 2)" y="\(base + 28)" text-anchor="middle" class="screen-label">\(esc(T.month(index + 1)))</text>
                """)
        }
        return .raw("<svg class=\"screen-chart\" viewBox=\"0 0 \(width) \(height)\" role=\"img\" aria-label=\"\(esc(T.starts(today.year)))\">\(parts.joined())</svg>")
    }

    private var measures: Node<HTML.BodyContext> {
        let names: [(ScreenFigures.Measure, String)] = [(.projects, T.measureProjects), (.investment, T.measureInvestment), (.overdue, T.measureOverdue)]
        return .div(.class("screen-measures"), .forEach(names) { choice, name in
            .a(.class(choice == measure ? "active" : ""), .href(esc(Route.screen(measure: choice, light: light).path)), .text(name))
        })
    }

    /// The districts and counties as tiles on the city's grid, each coloured by the chosen
    /// measure and linking to the ledger filtered to it.
    private var mapChart: Node<HTML.BodyContext> {
        let cell = 170, gap = 10
        let width = map.columns * (cell + gap), height = map.rows * (cell / 2 + gap) + 10
        var parts: [String] = []
        for figure in figures.regions {
            let (text, share) = figures.value(figure, measure)
            let x = figure.tile.column * (cell + gap), y = figure.tile.row * (cell / 2 + gap)
            let alpha = String(format: "%.2f", 0.15 + 0.85 * share)
            var query = ProjectQuery()
            query.regionCode = figure.region.code
            parts.append("""
                <a href="\(esc(Route.ledger(query).path))" data-projects="\(figure.projects)"><rect x="\(x)" y="\(y)" width="\(cell)" height="\(cell / 2)" rx="6" class="screen-tile \(measure == .overdue ? "tile-bad" : "tile-good")" fill-opacity="\(alpha)"></rect>\
                <text x="\(x + cell / 2)" y="\(y + 32)" text-anchor="middle" class="screen-tile-name">\(esc(figure.region.name))</text>\
                <text x="\(x + cell / 2)" y="\(y + 66)" text-anchor="middle" class="screen-tile-value">\(esc(text))</text></a>
                """)
        }
        return .raw("<svg class=\"screen-chart\" viewBox=\"0 0 \(width) \(height)\" role=\"img\" aria-label=\"\(esc(T.map))\">\(parts.joined())</svg>")
    }
}
