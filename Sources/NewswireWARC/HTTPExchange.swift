import Foundation

/// One HTTP exchange as fetch saw it: the body is after content decoding (the HTTP client
/// already removed gzip and chunking), which is why the writer rewrites those headers.
public struct HTTPExchange: Sendable, Equatable {
    public var url: String
    /// When the response arrived; archived to the microsecond.
    public var date: Date
    public var method: String
    public var requestHeaders: [(String, String)]
    public var status: Int
    public var reason: String
    public var responseHeaders: [(String, String)]
    public var body: Data
    /// The server's address, archived as WARC-IP-Address.
    public var ipAddress: String?

    public init(url: String, date: Date, method: String = "GET", requestHeaders: [(String, String)] = [],
                status: Int, reason: String = "", responseHeaders: [(String, String)] = [], body: Data,
                ipAddress: String? = nil) {
        self.url = url
        self.date = date
        self.method = method
        self.requestHeaders = requestHeaders
        self.status = status
        self.reason = reason
        self.responseHeaders = responseHeaders
        self.body = body
        self.ipAddress = ipAddress
    }

    public static func == (a: HTTPExchange, b: HTTPExchange) -> Bool {
        a.url == b.url && a.date == b.date && a.method == b.method && a.status == b.status
            && a.reason == b.reason && a.body == b.body && a.ipAddress == b.ipAddress
            && sameHeaders(a.requestHeaders, b.requestHeaders) && sameHeaders(a.responseHeaders, b.responseHeaders)
    }

    private static func sameHeaders(_ a: [(String, String)], _ b: [(String, String)]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
    }
}
