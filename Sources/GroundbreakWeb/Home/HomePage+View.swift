import GroundbreakDomain
import Plot

extension HomePage {
    /// The page around `sections` (the same for every request of the reader under the same
    /// figures; see `RenderedFigures`).
    func document(sections: Node<HTML.BodyContext>) -> HTML {
        Layout.document(title: WebText.Home.title, context: context, nav: .home, content: .group(
            .h1(.text(WebText.Home.title)),
            .p(.class("muted"), .text(greeting)),
            sections
        ))
    }

    var sectionsContent: Node<HTML.BodyContext> {
        .forEach(sections) { section in
            .section(.class("card home-section"),
                .h2(.text(section.title)),
                .div(.class("tiles"), .forEach(section.tiles) { tile in
                    .a(.class("tile tone-\(tile.shownTone.rawValue)"), .href(esc(tile.route.path)), .attribute(named: "data-count", value: String(tile.count)),
                       .span(.class("tile-count"), .text(Format.count(tile.count))), .span(.class("tile-label"), .text(tile.label)))
                }),
                .if(!section.lines.isEmpty, .ul(.class("home-lines"), .forEach(section.lines) { line in .li(.a(.href(esc(line.1.path)), .text(line.0))) })),
                .if(!section.actions.isEmpty, .div(.class("actions"), .forEach(section.actions) { action in
                    .a(.class("button secondary"), .href(esc(action.1.path)), .text(action.0))
                }))
            )
        }
    }
}
