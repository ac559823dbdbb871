import Foundation

/// A sitemap (`<urlset>`: pages, with Google News details) or a sitemap index (`<sitemapindex>`:
/// more sitemaps to fetch).
public struct Sitemap: Sendable, Equatable {
    public var urls: [SitemapURL]
    /// For an index: the sitemaps it lists.
    public var sitemaps: [String]

    public init(urls: [SitemapURL], sitemaps: [String]) {
        self.urls = urls
        self.sitemaps = sitemaps
    }
}

/// One page listed in a sitemap.
public struct SitemapURL: Sendable, Equatable {
    public var loc: String
    public var lastModified: Date?
    /// `news:news/news:title`, present in news sitemaps.
    public var newsTitle: String?
    /// `news:news/news:publication_date`.
    public var newsPublished: Date?

    public init(loc: String, lastModified: Date? = nil, newsTitle: String? = nil, newsPublished: Date? = nil) {
        self.loc = loc
        self.lastModified = lastModified
        self.newsTitle = newsTitle
        self.newsPublished = newsPublished
    }
}

/// Parses XML sitemaps and sitemap indexes (gzip'd ones must be decompressed first).
public enum SitemapParser {
    /// - Throws: ``FeedError/notASitemap(reason:)`` when the document is something else.
    public static func parse(_ data: Data, url: URL?) throws(FeedError) -> Sitemap {
        let text = try DecodedDocument.text(of: data, charset: nil)
        let root = try XMLTree.parse(text, documentURL: url)
        let ns = root.namespace
        switch root.name {
        case "urlset":
            return Sitemap(urls: root.children("url", in: ns).compactMap { page($0, ns: ns) }, sitemaps: [])
        case "sitemapindex":
            let locations = root.children("sitemap", in: ns).compactMap { $0.resolve($0.childText("loc", in: ns)) }
            return Sitemap(urls: [], sitemaps: locations)
        default:
            throw .notASitemap(reason: root.name.lowercased() == "html" ? "this is an HTML page" : "the root element is <\(root.name)>")
        }
    }

    /// A `<url>` entry; nil without a `<loc>`.
    static func page(_ e: XMLElement, ns: String?) -> SitemapURL? {
        guard let loc = e.resolve(e.childText("loc", in: ns)) else { return nil }
        let news = e.child("news", in: Namespace.news)
        return SitemapURL(loc: loc,
                          lastModified: e.childText("lastmod", in: ns).flatMap(FeedDate.parse),
                          newsTitle: news?.childText("title", in: Namespace.news).map(PlainText.collapsingWhitespace),
                          newsPublished: news?.childText("publication_date", in: Namespace.news).flatMap(FeedDate.parse))
    }
}
