import Foundation
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
    /// `cache` is the shared one unless a page keeps its own (one entry per reader would crowd out
    /// the rankings).
    static func content(_ services: AppServices, key: String, in cache: RecentCache<String>? = nil,
                        _ content: () -> Node<HTML.BodyContext>) -> Node<HTML.BodyContext> {
        .raw(text(services, key: key, in: cache) { content().render() })
    }

    /// The same for figures with forms in them (a target's setting beside its reading): rendered
    /// once with a stand-in for the CSRF token, which each reader's own replaces when served.
    /// The stand-in is drawn afresh for each process, so no text a user wrote can hold it.
    static func content(_ services: AppServices, key: String, in cache: RecentCache<String>? = nil, forms context: PageContext,
                        _ content: (PageContext) -> Node<HTML.BodyContext>) -> Node<HTML.BodyContext> {
        let html = text(services, key: key, in: cache) { content(standIn(context)).render() }
        return withToken(html, context)
    }

    /// The same where `content` computes as well as renders, and readers asking at once after a
    /// change share one computation (`ValueCache`): the report board keeps no row between its
    /// readers' visits, only what they were shown.
    static func content(key: String, in cache: ValueCache<String>, forms context: PageContext,
                        _ content: @escaping @Sendable (PageContext) async throws -> Node<HTML.BodyContext>) async throws -> Node<HTML.BodyContext> {
        let standIn = standIn(context)
        return withToken(try await cache.value(for: key) { try await content(standIn).render() }, context)
    }

    private static func standIn(_ context: PageContext) -> PageContext {
        var standIn = context
        standIn.csrfToken = csrfStandIn
        return standIn
    }

    private static func withToken(_ html: String, _ context: PageContext) -> Node<HTML.BodyContext> {
        .raw(replacing(csrfStandIn, with: esc(context.csrfToken ?? ""), in: html))
    }

    static let csrfStandIn = "csrf-" + UUID().uuidString

    /// `text` with every `needle` replaced, searched byte by byte in its UTF-8. Foundation's
    /// `replacingOccurrences` went through `NSString` (a UTF-16 copy, a search by characters, the
    /// result decoded back): three quarters of a kept report board's request, 44 KB a page.
    static func replacing(_ needle: String, with replacement: String, in text: String) -> String {
        let needle = Array(needle.utf8)
        guard let first = needle.first else { return text }
        var text = text
        return text.withUTF8 { bytes -> String? in
            var out: [UInt8] = []
            var copied = 0, index = 0
            let last = bytes.count - needle.count
            while index <= last {
                if bytes[index] == first, needle.indices.allSatisfy({ bytes[index + $0] == needle[$0] }) {
                    if out.isEmpty { out.reserveCapacity(bytes.count + 256) }
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<index]))
                    out.append(contentsOf: replacement.utf8)
                    index += needle.count
                    copied = index
                } else {
                    index += 1
                }
            }
            guard copied > 0 else { return nil }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied...]))
            return String(decoding: out, as: UTF8.self)
        } ?? text
    }

    /// The same for a whole document (a page with no frame of the reader's own: the big screen).
    static func text(_ services: AppServices, key: String, in cache: RecentCache<String>? = nil, _ render: () -> String) -> String {
        let cache = cache ?? services.renderedFigures
        let key = FiguresLag.current?.key(for: key) ?? key
        if let html = cache.value(for: key) { return html }
        let html = render()
        cache.store(html, for: key)
        return html
    }
}
