import Foundation

/// A finished GET: the final hop's status, headers and decoded body, plus the redirect chain that led there.
public struct WebResponse: Sendable {
    /// The URL the caller asked for.
    public var requestedURL: URL
    /// The URL that produced this response, after redirects.
    public var finalURL: URL
    public var status: Int
    /// Headers of the final hop, in the order received (names as sent by the server).
    public var headers: [(name: String, value: String)]
    /// The body after content decoding (gzip/deflate), never larger than the client's `maxBodyBytes`.
    public var body: Data
    /// Every URL that answered with a redirect, in order; empty when the first hop answered.
    public var redirects: [URL]
    public var etag: String?
    public var lastModified: String?
    /// The media type without parameters, lower-cased: `text/html`.
    public var contentType: String?
    /// The `charset` parameter of Content-Type, lower-cased: `iso-8859-1`.
    public var charset: String?
    /// How long the server asked us to wait (Retry-After), already converted from an HTTP date if needed.
    public var retryAfter: Duration?

    public init(
        requestedURL: URL, finalURL: URL, status: Int, headers: [(name: String, value: String)], body: Data,
        redirects: [URL] = [], etag: String? = nil, lastModified: String? = nil,
        contentType: String? = nil, charset: String? = nil, retryAfter: Duration? = nil
    ) {
        self.requestedURL = requestedURL
        self.finalURL = finalURL
        self.status = status
        self.headers = headers
        self.body = body
        self.redirects = redirects
        self.etag = etag
        self.lastModified = lastModified
        self.contentType = contentType
        self.charset = charset
        self.retryAfter = retryAfter
    }

    /// 304: the copy fetch already has is current, and `body` is empty.
    public var isNotModified: Bool { status == 304 }

    /// 2xx or 304: a page (or confirmation of one) rather than a refusal.
    public var isSuccess: Bool { (200..<300).contains(status) || isNotModified }

    /// The first value of a header, matched case-insensitively.
    public func header(_ name: String) -> String? {
        headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }
}

/// Reading the parts of a Content-Type value.
enum ContentType {
    /// `Text/HTML; charset=UTF-8` → `text/html`.
    static func mediaType(of value: String) -> String? {
        let type = value.split(separator: ";", maxSplits: 1).first.map(trimmed) ?? ""
        return type.isEmpty ? nil : type.lowercased()
    }

    /// `text/html; charset="ISO-8859-1"` → `iso-8859-1`.
    static func charset(of value: String) -> String? {
        for parameter in value.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1).map(trimmed)
            guard pair.count == 2, pair[0].lowercased() == "charset" else { continue }
            let charset = pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\"'")).lowercased()
            return charset.isEmpty ? nil : charset
        }
        return nil
    }

    private static func trimmed(_ part: Substring) -> String {
        part.trimmingCharacters(in: .whitespaces)
    }
}
