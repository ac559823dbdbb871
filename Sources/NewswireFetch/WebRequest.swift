import Foundation

/// One page to GET, with the validators fetch kept from the last visit so the server can answer 304.
public struct WebRequest: Sendable, Equatable {
    public var url: URL
    /// Sent as `If-None-Match` when present.
    public var etag: String?
    /// Sent as `If-Modified-Since` when present.
    public var lastModified: String?
    /// Sent as `Accept` when present; otherwise a browser-like HTML preference is sent.
    public var accept: String?
    /// Sent as `Referer`: the feed or sitemap the URL was found in, so the archive says where
    /// each page came from (and a replay can say it too).
    public var referer: String?

    public init(url: URL, etag: String? = nil, lastModified: String? = nil, accept: String? = nil, referer: String? = nil) {
        self.url = url
        self.etag = etag
        self.lastModified = lastModified
        self.accept = accept
        self.referer = referer
    }

    /// The header fields sent for this request, in order: one list for the wire and the archive.
    public func headerFields(userAgent: String) -> [(name: String, value: String)] {
        var fields: [(name: String, value: String)] = [
            ("User-Agent", userAgent),
            ("Accept", accept ?? "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8"),
            ("Accept-Encoding", "gzip, deflate"),
        ]
        if let etag { fields.append(("If-None-Match", etag)) }
        if let lastModified { fields.append(("If-Modified-Since", lastModified)) }
        if let referer { fields.append(("Referer", referer)) }
        return fields
    }
}
