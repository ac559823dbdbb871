/// Why a document could not be read as the kind of document asked for.
public enum FeedError: Error, Equatable, CustomStringConvertible {
    /// The document has no content at all.
    case empty
    /// The document is a web page; `feedLinks` are the feeds it advertises (absolute where possible).
    case htmlPage(feedLinks: [String])
    /// The document parsed, but nothing in it is RSS, Atom or JSON Feed.
    case notAFeed(reason: String)
    /// The document parsed, but it is not an OPML subscription list.
    case notOPML(reason: String)
    /// The document parsed, but it is neither a sitemap nor a sitemap index.
    case notASitemap(reason: String)
    /// The bytes are too broken for anything to be recovered.
    case malformed(reason: String)

    public var description: String {
        switch self {
        case .empty:
            "the document is empty; check that the fetch returned a body"
        case .htmlPage(let links) where links.isEmpty:
            "this is an HTML page, not a feed, and it advertises no feed; find the site's feed URL by hand"
        case .htmlPage(let links):
            "this is an HTML page, not a feed; it advertises the feed(s) \(links.joined(separator: ", ")); "
                + "fetch one of those instead"
        case .notAFeed(let reason):
            "not a feed: \(reason); expected RSS, Atom or JSON Feed"
        case .notOPML(let reason):
            "not an OPML subscription list: \(reason); expected an <opml> document with <outline xmlUrl=...>"
        case .notASitemap(let reason):
            "not a sitemap: \(reason); expected <urlset> or <sitemapindex> (decompress .gz sitemaps first)"
        case .malformed(let reason):
            "the document is too malformed to read: \(reason)"
        }
    }
}
