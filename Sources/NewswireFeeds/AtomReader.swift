import Foundation

/// Reads Atom 1.0 and its predecessor 0.3 (`issued`/`modified` dates, `mode="escaped"` content).
enum AtomReader {
    /// The feed, or nil when `root` is not an Atom `<feed>`.
    static func read(_ root: XMLElement) -> Feed? {
        guard root.name == "feed", [Namespace.atom10, Namespace.atom03, nil].contains(root.namespace) else { return nil }
        let ns = root.namespace
        let feedAuthors = authorNames(root, ns: ns)
        return Feed(format: ns == Namespace.atom03 ? .atom03 : .atom10,
                    title: textConstruct(root.child("title", in: ns)),
                    link: alternateLink(root.children("link", in: ns)),
                    items: root.children("entry", in: ns).map { entry($0, ns: ns, feedAuthors: feedAuthors) })
    }

    static func entry(_ e: XMLElement, ns: String?, feedAuthors: [String]) -> FeedItem {
        let url = alternateLink(e.children("link", in: ns))
        let ownAuthors = authorNames(e, ns: ns)
        let sourceAuthors = e.child("source", in: ns).map { authorNames($0, ns: ns) } ?? []
        return FeedItem(
            id: e.childText("id", in: ns) ?? url,
            url: url,
            title: textConstruct(e.child("title", in: ns)),
            summary: textConstruct(e.child("summary", in: ns)) ?? textConstruct(e.child("content", in: ns)),
            published: date(e, ["published", "issued", "created"], ns: ns),
            updated: date(e, ["updated", "modified"], ns: ns),
            // An entry without authors has its source's, else the feed's (RFC 4287 §4.2.1).
            authors: [ownAuthors, sourceAuthors, feedAuthors].first { !$0.isEmpty } ?? [])
    }

    /// Plain text of a text construct: `type` text, html or xhtml (1.0), or a MIME type with
    /// `mode` xml, escaped or base64 (0.3).
    static func textConstruct(_ e: XMLElement?) -> String? {
        guard let e else { return nil }
        let type = e.attribute("type")?.lowercased() ?? "text"
        let mode = e.attribute("mode")?.lowercased()
        let isHTML = type == "html" || type.hasSuffix("/html")
        let isXHTML = type == "xhtml" || type.hasSuffix("xhtml+xml")
        if mode == "base64" { return base64Text(e, isMarkup: isHTML || isXHTML) }
        if mode == "escaped" || (mode == nil && isHTML) { return e.htmlAsPlainText() }
        if isXHTML || !e.children.isEmpty { return e.htmlAsPlainText(escapingText: true) }
        let text = PlainText.collapsingWhitespace(e.text)
        return text.isEmpty ? nil : text
    }

    private static func base64Text(_ e: XMLElement, isMarkup: Bool) -> String? {
        guard let data = Data(base64Encoded: e.text.filter { !$0.isWhitespace }) else { return nil }
        let text = TextDecoding.lenientUTF8([UInt8](data))
        let plain = isMarkup ? PlainText.fromHTML(text) : PlainText.collapsingWhitespace(text)
        return plain.isEmpty ? nil : plain
    }

    /// The `alternate` link (rel absent means alternate), preferring an HTML page.
    static func alternateLink(_ links: [XMLElement]) -> String? {
        let alternates = links.filter { ($0.attribute("rel")?.lowercased() ?? "alternate") == "alternate" }
        func isHTML(_ l: XMLElement) -> Bool {
            let type = l.attribute("type")?.lowercased() ?? ""
            return type == "text/html" || type == "application/xhtml+xml"
        }
        let chosen = alternates.first(where: isHTML) ?? alternates.first { $0.attribute("type") == nil } ?? alternates.first
        return chosen.flatMap { $0.resolve($0.attribute("href")) }
    }

    /// `author/name` of each author (an author without a name is left out).
    static func authorNames(_ e: XMLElement, ns: String?) -> [String] {
        AuthorName.unique(e.children("author", in: ns).compactMap { $0.childText("name", in: ns) ?? $0.childText("email", in: ns) }
            .map(PlainText.collapsingWhitespace))
    }

    static func date(_ e: XMLElement, _ names: [String], ns: String?) -> Date? {
        names.lazy.compactMap { e.childText($0, in: ns).flatMap(FeedDate.parse) }.first
    }
}
