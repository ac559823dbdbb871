import Foundation

extension Feed {
    /// The feed as `--parse-feed` prints it: keys `format`, `title`, `link`, `items` (each with
    /// `id`, `url`, `title`, `summary`, `published`, `updated`, `authors`), always present, `null`
    /// when absent, dates in ISO 8601 UTC ("2026-03-01T12:00:00Z"), keys sorted so output is stable.
    public func jsonData(pretty: Bool) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
            : [.sortedKeys, .withoutEscapingSlashes]
        // Encoding strings, dates as strings and arrays of them cannot fail.
        return (try? encoder.encode(FeedJSON(self))) ?? Data()
    }
}

private struct FeedJSON: Encodable {
    let feed: Feed
    init(_ feed: Feed) { self.feed = feed }

    enum Keys: String, CodingKey { case format, title, link, items }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(feed.format.rawValue, forKey: .format)
        try c.encode(feed.title, forKey: .title)
        try c.encode(feed.link, forKey: .link)
        try c.encode(feed.items.map(ItemJSON.init), forKey: .items)
    }
}

private struct ItemJSON: Encodable {
    let item: FeedItem
    init(_ item: FeedItem) { self.item = item }

    enum Keys: String, CodingKey { case id, url, title, summary, published, updated, authors }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(item.id, forKey: .id)
        try c.encode(item.url, forKey: .url)
        try c.encode(item.title, forKey: .title)
        try c.encode(item.summary, forKey: .summary)
        try c.encode(item.published.map(Self.iso8601), forKey: .published)
        try c.encode(item.updated.map(Self.iso8601), forKey: .updated)
        try c.encode(item.authors, forKey: .authors)
    }

    /// Whole seconds in UTC, e.g. "2026-03-01T12:00:00Z".
    static func iso8601(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(timeZone: TimeZone(identifier: "UTC")!))
    }
}
