import Foundation

/// Parses RSS, Atom and JSON Feed documents into ``Feed``.
public enum FeedParser {
    /// Parses a feed, recovering what it can from malformed XML.
    ///
    /// - Parameters:
    ///   - url: where the document came from; relative links are resolved against it.
    ///   - charset: the HTTP `Content-Type` charset, used only when the document declares none.
    /// - Throws: ``FeedError/htmlPage(feedLinks:)`` for a web page (with the feeds it advertises),
    ///   ``FeedError/notAFeed(reason:)`` for other documents, ``FeedError/empty`` and
    ///   ``FeedError/malformed(reason:)`` when nothing can be read.
    public static func parse(_ data: Data, url: URL?, charset: String? = nil) throws(FeedError) -> Feed {
        let text = try DecodedDocument.text(of: data, charset: charset)
        if text.drop(while: { $0.isWhitespace || $0 == "\u{FEFF}" }).hasPrefix("{") {
            return try JSONFeedReader.read(text, url: url)
        }
        try rejectKnownNonFeeds(DocumentKind.detect(text: text), text: text, url: url)
        let root = try XMLTree.parse(text, documentURL: url)
        if let feed = RSSReader.read(root) ?? AtomReader.read(root) { return feed }
        if root.name.lowercased() == "html" {
            throw .htmlPage(feedLinks: FeedDiscovery.feedLinks(inHTML: text, url: url))
        }
        throw .notAFeed(reason: "the root element is <\(root.name)>, not <rss>, <rdf:RDF> or <feed>")
    }

    /// The feeds an HTML page advertises in `<link rel="alternate">`, as absolute URLs.
    public static func discoverFeeds(inHTML data: Data, url: URL?) -> [String] {
        FeedDiscovery.feedLinks(inHTML: TextDecoding.decode([UInt8](data), httpCharset: nil), url: url)
    }

    /// Documents recognisable from their first bytes are rejected with what they are.
    private static func rejectKnownNonFeeds(_ kind: DocumentKind, text: String, url: URL?) throws(FeedError) {
        switch kind {
        case .html: throw .htmlPage(feedLinks: FeedDiscovery.feedLinks(inHTML: text, url: url))
        case .opml: throw .notAFeed(reason: "this is an OPML subscription list (read it with OPMLParser)")
        case .sitemap, .sitemapIndex: throw .notAFeed(reason: "this is a sitemap (read it with SitemapParser)")
        case .warc: throw .notAFeed(reason: "this is a WARC archive")
        case .feed, .jsonFeed, .unknown: return
        }
    }
}

/// The decoding step every parser shares.
enum DecodedDocument {
    /// The document as text; ``FeedError/empty`` when it has nothing but whitespace.
    static func text(of data: Data, charset: String?) throws(FeedError) -> String {
        let text = TextDecoding.decode([UInt8](data), httpCharset: charset)
        guard text.contains(where: { !$0.isWhitespace && $0 != "\u{FEFF}" && $0 != "\0" }) else { throw .empty }
        return text
    }
}
