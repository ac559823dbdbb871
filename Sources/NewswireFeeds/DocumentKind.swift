import Foundation

/// What a fetched document is, judged from its content (first bytes and root element), so the
/// fetcher can route it without trusting file names or Content-Type headers.
public enum DocumentKind: Sendable, Equatable {
    case feed, opml, sitemap, sitemapIndex, html, jsonFeed, warc, unknown

    public static func detect(_ data: Data) -> DocumentKind {
        detect(text: TextDecoding.decode([UInt8](data.prefix(8192)), httpCharset: nil))
    }

    static func detect(text: String) -> DocumentKind {
        let body = text.drop { $0 == "\u{FEFF}" || $0.isWhitespace }
        if body.hasPrefix("WARC/1.") { return .warc }
        if body.hasPrefix("{") { return body.contains("jsonfeed.org/version") ? .jsonFeed : .unknown }
        guard let root = rootElementName(body) else { return .unknown }
        switch root {
        case "rss", "rdf", "feed": return .feed
        case "opml": return .opml
        case "urlset": return .sitemap
        case "sitemapindex": return .sitemapIndex
        case "html", "head", "body", "!doctype html": return .html
        default: return .unknown
        }
    }

    /// Lower-cased local name of the first element, skipping the XML declaration, processing
    /// instructions and comments; `!doctype html` for an HTML doctype.
    static func rootElementName(_ text: Substring) -> String? {
        var rest = text
        while let open = rest.firstIndex(of: "<") {
            rest = rest[rest.index(after: open)...]
            if rest.hasPrefix("?") || rest.hasPrefix("!--") {
                let close = rest.hasPrefix("?") ? "?>" : "-->"
                guard let end = rest.range(of: close) else { return nil }
                rest = rest[end.upperBound...]
                continue
            }
            if rest.prefix(8).lowercased() == "!doctype" {
                let doctype = rest.prefix { $0 != ">" }.lowercased().split(separator: " ")
                if doctype.count > 1 && doctype[1].hasPrefix("html") { return "!doctype html" }
                rest = rest.drop { $0 != ">" }
                continue
            }
            let name = rest.prefix { !$0.isWhitespace && $0 != ">" && $0 != "/" }.lowercased()
            return name.split(separator: ":").last.map(String.init) ?? name
        }
        return nil
    }
}
