import Foundation

/// Reads RSS 0.9x, 2.0 and 1.0 (RDF). RSS 2.0 and 0.9x elements have no namespace, RSS 1.0's are
/// in its own; either way the channel's namespace is the one the core elements are matched in.
enum RSSReader {
    /// The feed, or nil when `root` is not an RSS root element.
    static func read(_ root: XMLElement) -> Feed? {
        guard let (format, core) = format(of: root) else { return nil }
        let channel = root.child("channel", in: core)
        let items = (channel?.children("item", in: core) ?? []) + root.children("item", in: core)
        return Feed(format: format,
                    title: channel?.child("title", in: core)?.htmlAsPlainText(),
                    link: channel.flatMap { $0.resolve($0.childText("link", in: core)) },
                    items: items.map { item($0, core: core) })
    }

    /// Format and core namespace: `<rss version>` or `<rdf:RDF>` with an RSS 1.0 or 0.90 channel.
    static func format(of root: XMLElement) -> (FeedFormat, String?)? {
        if root.name == "rss" {
            let version = root.attribute("version")?.trimmingCharacters(in: .whitespaces) ?? "2.0"
            return (version.hasPrefix("0.") ? .rss09 : .rss20, root.namespace)
        }
        guard root.name == "RDF" else { return nil }
        let channelNamespace = root.children.first { $0.name == "channel" || $0.name == "item" }?.namespace
        switch channelNamespace {
        case Namespace.rss10: return (.rss10, Namespace.rss10)
        case Namespace.rss090: return (.rss09, Namespace.rss090)
        default: return root.namespace == Namespace.rdf ? (.rss10, channelNamespace) : nil
        }
    }

    static func item(_ e: XMLElement, core: String?) -> FeedItem {
        let url = e.resolve(e.childText("link", in: core)) ?? permalinkGUID(e, core: core)
            ?? e.resolve(e.attribute("about", in: Namespace.rdf))
        let guid = e.childText("guid", in: core)
        return FeedItem(
            id: guid ?? e.attribute("about", in: Namespace.rdf) ?? url,
            url: url,
            title: (e.child("title", in: core) ?? e.child("title", in: Namespace.dc))?.htmlAsPlainText(),
            summary: summary(e, core: core),
            published: firstDate(e, [("pubDate", core), ("date", Namespace.dc), ("issued", Namespace.dcterms),
                                     ("created", Namespace.dcterms)]),
            updated: firstDate(e, [("modified", Namespace.dcterms), ("updated", Namespace.atom10)]),
            authors: authors(e, core: core))
    }

    /// `description`, else the full `content:encoded`, as plain text.
    static func summary(_ e: XMLElement, core: String?) -> String? {
        let candidates = [e.child("description", in: core), e.child("encoded", in: Namespace.content),
                          e.child("description", in: Namespace.dc)]
        return candidates.lazy.compactMap { $0?.htmlAsPlainText() }.first
    }

    /// A `<guid>` is the item's URL unless it says `isPermaLink="false"`; it must be an absolute
    /// http(s) URL, since many feeds leave the default on ids that are not URLs.
    static func permalinkGUID(_ e: XMLElement, core: String?) -> String? {
        guard let guid = e.child("guid", in: core), let value = guid.trimmedText,
              guid.attribute("isPermaLink")?.lowercased() != "false",
              let scheme = URL(string: value)?.scheme?.lowercased(), scheme == "http" || scheme == "https" else {
            return nil
        }
        return value
    }

    /// RSS `author` ("jo@example.com (Jo Bloggs)") and Dublin Core `creator`, each name once.
    static func authors(_ e: XMLElement, core: String?) -> [String] {
        let written = (e.children("author", in: core) + e.children("creator", in: Namespace.dc)).compactMap(\.trimmedText)
        return AuthorName.unique(written.map(AuthorName.fromMailbox))
    }

    static func firstDate(_ e: XMLElement, _ candidates: [(String, String?)]) -> Date? {
        candidates.lazy.compactMap { name, namespace in e.childText(name, in: namespace).flatMap(FeedDate.parse) }.first
    }
}

/// Author names as feeds write them.
enum AuthorName {
    /// The name in "jo@example.com (Jo Bloggs)" or "Jo Bloggs <jo@example.com>"; otherwise the text itself.
    static func fromMailbox(_ raw: String) -> String {
        let text = PlainText.collapsingWhitespace(raw)
        if let open = text.firstIndex(of: "("), text.hasSuffix(")") {
            let name = text[text.index(after: open)..<text.index(before: text.endIndex)]
            if !name.trimmingCharacters(in: .whitespaces).isEmpty { return name.trimmingCharacters(in: .whitespaces) }
        }
        if let open = text.firstIndex(of: "<"), text.hasSuffix(">") {
            let name = text[..<open].trimmingCharacters(in: CharacterSet(charactersIn: " \""))
            if !name.isEmpty { return name }
        }
        return text
    }

    /// Non-empty names, first occurrence kept.
    static func unique(_ names: [String]) -> [String] {
        var seen = Set<String>()
        return names.filter { !$0.isEmpty && seen.insert($0).inserted }
    }
}
