import Foundation

/// A subscription list: the feeds to poll, as exported by feed readers.
public struct OPML: Sendable, Equatable {
    public var title: String?
    /// Every feed in the file; nested folders are flattened into ``OPMLFeed/category``.
    public var outlines: [OPMLFeed]

    public init(title: String?, outlines: [OPMLFeed]) {
        self.title = title
        self.outlines = outlines
    }
}

/// One feed of a subscription list.
public struct OPMLFeed: Sendable, Equatable {
    public var title: String?
    public var xmlURL: String
    public var htmlURL: String?
    /// The titles of the folders it sits in, outermost first, joined with "/" (or the outline's
    /// own `category` attribute when it is not in a folder).
    public var category: String?

    public init(title: String?, xmlURL: String, htmlURL: String?, category: String?) {
        self.title = title
        self.xmlURL = xmlURL
        self.htmlURL = htmlURL
        self.category = category
    }
}

/// Parses OPML 1.0 and 2.0 subscription lists.
public enum OPMLParser {
    /// - Throws: ``FeedError/notOPML(reason:)`` when the document is something else.
    public static func parse(_ data: Data, url: URL?) throws(FeedError) -> OPML {
        let text = try DecodedDocument.text(of: data, charset: nil)
        let root = try XMLTree.parse(text, documentURL: url)
        guard root.name.lowercased() == "opml" else {
            throw .notOPML(reason: root.name.lowercased() == "html" ? "this is an HTML page" : "the root element is <\(root.name)>")
        }
        let head = root.children.first { $0.name == "head" }
        let body = root.children.first { $0.name == "body" }
        return OPML(title: head?.children.first { $0.name == "title" }?.trimmedText.map(PlainText.collapsingWhitespace),
                    outlines: feeds(in: body?.children ?? [], folders: []))
    }

    /// Feeds among `outlines` and their descendants; `folders` are the titles of the enclosing outlines.
    static func feeds(in outlines: [XMLElement], folders: [String]) -> [OPMLFeed] {
        outlines.filter { $0.name == "outline" }.flatMap { outline -> [OPMLFeed] in
            let own = feed(outline, folders: folders).map { [$0] } ?? []
            let innerFolders = title(outline).map { folders + [$0] } ?? folders
            return own + feeds(in: outline.children, folders: innerFolders)
        }
    }

    /// The outline as a feed when it has a feed URL (`xmlUrl`, or `url` on a `type="rss"` outline).
    static func feed(_ outline: XMLElement, folders: [String]) -> OPMLFeed? {
        let isRSS = outline.attribute("type")?.lowercased() == "rss"
        guard let xmlURL = outline.resolve(outline.attribute("xmlUrl") ?? (isRSS ? outline.attribute("url") : nil)) else {
            return nil
        }
        let category = folders.isEmpty ? outline.attribute("category").flatMap(nonBlank) : folders.joined(separator: "/")
        return OPMLFeed(title: title(outline), xmlURL: xmlURL, htmlURL: outline.resolve(outline.attribute("htmlUrl")),
                        category: category)
    }

    /// `text` (required by OPML) or `title`.
    static func title(_ outline: XMLElement) -> String? {
        (outline.attribute("text").flatMap(nonBlank)) ?? outline.attribute("title").flatMap(nonBlank)
    }

    private static func nonBlank(_ s: String) -> String? {
        let t = PlainText.collapsingWhitespace(s)
        return t.isEmpty ? nil : t
    }
}
