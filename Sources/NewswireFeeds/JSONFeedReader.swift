import Foundation

/// Reads JSON Feed 1.0 (`author`) and 1.1 (`authors`).
enum JSONFeedReader {
    static func read(_ text: String, url: URL?) throws(FeedError) -> Feed {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(text.utf8))
        } catch {
            throw .malformed(reason: "the document starts like JSON but is not valid JSON (\(error.localizedDescription))")
        }
        guard let feed = object as? [String: Any] else { throw .notAFeed(reason: "the JSON document is not an object") }
        guard let format = format(feed["version"] as? String) else {
            throw .notAFeed(reason: "the JSON object has no JSON Feed \"version\" (https://jsonfeed.org/version/1.1)")
        }
        let base = URLResolution.baseURL(feed["feed_url"] as? String, against: url)
        let feedAuthors = authors(feed)
        let items = (feed["items"] as? [Any] ?? []).compactMap { $0 as? [String: Any] }
        return Feed(format: format,
                    title: plain(feed["title"]),
                    link: URLResolution.resolve(feed["home_page_url"] as? String, against: base),
                    items: items.map { item($0, base: base, feedAuthors: feedAuthors) })
    }

    static func format(_ version: String?) -> FeedFormat? {
        guard let version, version.contains("jsonfeed.org/version/") else { return nil }
        return version.hasSuffix("/1") ? .jsonFeed10 : .jsonFeed11
    }

    static func item(_ item: [String: Any], base: URL?, feedAuthors: [String]) -> FeedItem {
        let url = URLResolution.resolve(item["url"] as? String ?? item["external_url"] as? String, against: base)
        let own = authors(item)
        return FeedItem(
            id: identifier(item["id"]) ?? url,
            url: url,
            title: plain(item["title"]),
            summary: plain(item["summary"]) ?? plain(item["content_text"]) ?? plain(item["content_html"]),
            published: (item["date_published"] as? String).flatMap(FeedDate.parse),
            updated: (item["date_modified"] as? String).flatMap(FeedDate.parse),
            authors: own.isEmpty ? feedAuthors : own)
    }

    /// `authors` (1.1) or `author` (1.0): names, or the URL when an author has no name.
    static func authors(_ object: [String: Any]) -> [String] {
        let list = object["authors"] as? [Any] ?? (object["author"].map { [$0] } ?? [])
        let names = list.compactMap { $0 as? [String: Any] }.compactMap { plain($0["name"]) ?? ($0["url"] as? String) }
        return AuthorName.unique(names)
    }

    /// JSON Feed ids are strings, but some feeds write numbers.
    static func identifier(_ value: Any?) -> String? {
        if let s = value as? String { return s.isEmpty ? nil : s }
        if let n = value as? NSNumber { return n.stringValue }
        return nil
    }

    /// Text fields as plain text: feeds put HTML entities even in the plain-text ones.
    static func plain(_ value: Any?) -> String? {
        guard let s = value as? String else { return nil }
        let text = PlainText.fromHTML(s)
        return text.isEmpty ? nil : text
    }
}
