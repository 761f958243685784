import Plot

/// The figures part of a page rendered once for every reader who asks under the same key: the
/// ranking's tables or a page of lights is the same for each of the officials who open it after
/// a change, and rendering it (hundreds of cells, each number formatted) cost more than serving
/// it. Only the frame around it — navigation, the reader's name, the form tokens — is rendered
/// per request.
enum RenderedFigures {
    /// `key` must name everything `content` shows: a figures or reach key (generation, reach,
    /// day) and the page's own query. Read the key before the figures, as every figures cache does.
    /// When the figures were answered from an older generation (`FiguresLag`), what is rendered
    /// is kept under the generations answered instead.
    static func content(_ services: AppServices, key: String, _ content: () -> Node<HTML.BodyContext>) -> Node<HTML.BodyContext> {
        let key = FiguresLag.current?.key(for: key) ?? key
        if let html = services.renderedFigures.value(for: key) { return .raw(html) }
        let html = content().render()
        services.renderedFigures.store(html, for: key)
        return .raw(html)
    }
}
