import Foundation

/// The syndication format a feed was written in, kept so callers can report what sources publish.
public enum FeedFormat: String, Codable, Sendable {
    case rss20 = "rss-2.0"
    case rss09 = "rss-0.9x"
    case rss10 = "rss-1.0"
    case atom10 = "atom-1.0"
    case atom03 = "atom-0.3"
    case jsonFeed10 = "json-feed-1.0"
    case jsonFeed11 = "json-feed-1.1"
}

/// A feed reduced to what the pipeline needs: where its articles are and when they appeared.
/// Every format maps onto this one shape, so later stages never look at the format.
public struct Feed: Sendable, Equatable {
    public var format: FeedFormat
    /// Plain text (markup removed, entities decoded).
    public var title: String?
    /// The site's home page, absolute when it could be resolved.
    public var link: String?
    public var items: [FeedItem]

    public init(format: FeedFormat, title: String?, link: String?, items: [FeedItem]) {
        self.format = format
        self.title = title
        self.link = link
        self.items = items
    }
}

/// One entry of a feed. Text fields are plain text; URLs are absolute when they could be resolved.
public struct FeedItem: Sendable, Equatable {
    /// A stable identity for de-duplication: guid, atom:id or JSON id, else the URL.
    public var id: String?
    public var url: String?
    public var title: String?
    public var summary: String?
    public var published: Date?
    public var updated: Date?
    public var authors: [String]

    public init(id: String? = nil, url: String? = nil, title: String? = nil, summary: String? = nil,
                published: Date? = nil, updated: Date? = nil, authors: [String] = []) {
        self.id = id
        self.url = url
        self.title = title
        self.summary = summary
        self.published = published
        self.updated = updated
        self.authors = authors
    }
}
