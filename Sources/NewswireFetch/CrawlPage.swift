import Foundation
import NewswireWARC
import NewswireWire

/// One rule, shared by the live crawl and a WARC replay, for turning an HTTP exchange into the
/// `article.fetched` message — which is why a replay emits byte-for-byte what the live run did.
public enum CrawlPage {
    /// The `source` of a page found in nothing but the command line (or a pipeline file).
    public static let commandLine = "command line"

    /// The page message for `exchange`; `source` is the feed or sitemap it was found in.
    public static func page(from exchange: HTTPExchange, source: String?) -> FetchedPage {
        let contentTypeField = field("content-type", in: exchange.responseHeaders)
        let body = ArticleFetched(
            id: ArticleID.forURL(exchange.url), url: exchange.url,
            fetchedAt: Timestamp.string(from: exchange.date), status: exchange.status,
            contentType: contentTypeField.map(mediaType), charset: contentTypeField.flatMap(Fetcher.charset(fromContentType:)),
            source: source ?? commandLine, etag: field("etag", in: exchange.responseHeaders),
            lastModified: field("last-modified", in: exchange.responseHeaders), byteCount: exchange.body.count)
        return FetchedPage(body: body, bytes: exchange.body)
    }

    /// Where a replayed page came from: the `Referer` the live crawl sent (its feed), if any.
    public static func source(ofRequest headers: [(String, String)]) -> String {
        field("referer", in: headers) ?? commandLine
    }

    /// The exchange fetch archives for a response: the date rounded as WARC writes it, so the
    /// live message and the replayed one carry the same `fetchedAt`.
    public static func exchange(for response: WebResponse, request: WebRequest, userAgent: String, at date: Date) -> HTTPExchange {
        let archivedDate = WARCDate.date(from: WARCDate.string(from: date)) ?? date
        return HTTPExchange(
            url: response.finalURL.absoluteString, date: archivedDate, method: "GET",
            requestHeaders: request.headerFields(userAgent: userAgent).map { ($0.name, $0.value) },
            status: response.status, reason: reasonPhrase(response.status),
            responseHeaders: response.headers.map { ($0.name, $0.value) }, body: response.body)
    }

    /// `text/html; charset=utf-8` → `text/html`.
    static func mediaType(_ value: String) -> String {
        String(value.split(separator: ";").first ?? "").trimmingCharacters(in: .whitespaces).lowercased()
    }

    static func field(_ name: String, in headers: [(String, String)]) -> String? {
        headers.first { $0.0.lowercased() == name }?.1
    }

    /// The `<link rel="canonical" href="…">` of a page, resolved against its URL: a second name
    /// under which the same article must not be fetched again.
    public static func canonicalLink(in html: Data, pageURL: URL) -> URL? {
        // Only the head matters; a cheap scan of the first 64 KiB, no parse.
        let text = String(decoding: html.prefix(65_536), as: UTF8.self)
        var searchFrom = text.startIndex
        while let link = text.range(of: "<link", options: .caseInsensitive, range: searchFrom..<text.endIndex) {
            guard let end = text.range(of: ">", range: link.upperBound..<text.endIndex) else { return nil }
            let tag = text[link.upperBound..<end.lowerBound]
            searchFrom = end.upperBound
            guard attribute("rel", in: tag)?.lowercased() == "canonical", let href = attribute("href", in: tag) else { continue }
            return CanonicalURL.resolve(href, against: pageURL)
        }
        return nil
    }

    private static func attribute(_ name: String, in tag: Substring) -> String? {
        guard let r = tag.range(of: name + "=", options: .caseInsensitive) else { return nil }
        var rest = tag[r.upperBound...]
        guard let quote = rest.first else { return nil }
        if quote == "\"" || quote == "'" {
            rest = rest.dropFirst()
            return rest.firstIndex(of: quote).map { String(rest[..<$0]) }
        }
        return String(rest.prefix { !$0.isWhitespace && $0 != "/" })
    }

    static func reasonPhrase(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 203: "Non-Authoritative Information"
        case 204: "No Content"
        case 206: "Partial Content"
        case 304: "Not Modified"
        case 400..<500: "Client Error"
        case 500..<600: "Server Error"
        default: ""
        }
    }
}
