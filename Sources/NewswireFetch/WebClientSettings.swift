import Foundation

/// Limits and identity for `HTTPWebClient`; every limit exists so one bad site cannot stall or flood fetch.
public struct WebClientSettings: Sendable, Equatable {
    /// Sent on every request so site operators can see who we are and how to reach us.
    public var userAgent: String
    /// Time allowed to open the TCP connection (AsyncHTTPClient retries refused connects within it).
    public var connectTimeout: Duration
    /// Longest silence allowed while waiting for the response head or the next body bytes.
    public var readTimeout: Duration
    /// Limit for the whole GET: every redirect hop and the full body.
    public var totalTimeout: Duration
    /// Largest decoded body accepted; bigger responses are cut off and refused.
    public var maxBodyBytes: Int
    /// Redirect hops followed before giving up.
    public var maxRedirects: Int
    /// Host name → address to connect to instead of resolving it (the Host header keeps the name):
    /// lets tests and benchmarks serve many virtual hosts from one loopback server.
    public var hostOverrides: [String: String]

    public init(
        userAgent: String = WebClientSettings.userAgent(contact: "https://example.invalid/newswire"),
        connectTimeout: Duration = .seconds(10),
        readTimeout: Duration = .seconds(20),
        totalTimeout: Duration = .seconds(60),
        maxBodyBytes: Int = 50 << 20,
        maxRedirects: Int = 5,
        hostOverrides: [String: String] = [:]
    ) {
        self.userAgent = userAgent
        self.connectTimeout = connectTimeout
        self.readTimeout = readTimeout
        self.totalTimeout = totalTimeout
        self.maxBodyBytes = maxBodyBytes
        self.maxRedirects = maxRedirects
        self.hostOverrides = hostOverrides
    }

    /// `Newswire/0.2 (+https://…)`: the crawler convention of naming a contact page in the User-Agent.
    public static func userAgent(contact: String, version: String = "0.2") -> String {
        "Newswire/\(version) (+\(contact))"
    }
}
