import Foundation
import NewswireWire

/// What one site's robots.txt lets this crawler do (RFC 9309): the group for our product token
/// (several merged, or `*` when none names us), its crawl delay, and the sitemaps it lists.
public struct RobotsTxt: Sendable, Equatable {
    /// Only this much of a file is read (RFC 9309 §2.5 asks for at least 500 KiB).
    public static let maxParsedBytes = 500 * 1024
    /// The longest crawl delay honoured; larger values are typos or hostility.
    public static let maxCrawlDelay: TimeInterval = 60

    private let rules: [RobotsRule]
    /// Seconds between requests asked for by the selected group, if it says.
    public let crawlDelay: TimeInterval?
    /// `Sitemap:` URLs, in file order, whichever group they appear in.
    public let sitemaps: [URL]
    /// Set when the file was not used as rules (for example an HTML page served as robots.txt),
    /// saying why; everything is then allowed.
    public let ignoredReason: String?

    /// No rules: everything allowed (a 4xx robots.txt, RFC 9309 §2.3.1.3).
    public static let allowingAll = RobotsTxt(rules: [], crawlDelay: nil, sitemaps: [], ignoredReason: nil)
    /// Everything but /robots.txt disallowed (an unreachable robots.txt, RFC 9309 §2.3.1.4).
    public static let disallowingAll = RobotsTxt(
        rules: [RobotsRule(allows: false, pattern: RobotsPattern("/")!)],
        crawlDelay: nil, sitemaps: [], ignoredReason: nil)

    /// Parses a fetched robots.txt body for the crawler whose User-Agent is `userAgent` (its
    /// product token, e.g. `Newswire` from `Newswire/0.2 (+https://…)`, selects the group).
    public init(data: Data, userAgent: String) {
        let text = Self.decodedPrefix(of: data)
        if Self.looksLikeHTML(text) {
            self.init(rules: [], crawlDelay: nil, sitemaps: [],
                      ignoredReason: "robots.txt is an HTML page (a soft 404 or login page?); treated as no rules")
            return
        }
        let file = RobotsParser.parse(text, maxCrawlDelay: Self.maxCrawlDelay)
        let groups = Self.groups(in: file, for: RobotsParser.productToken(userAgent))
        self.init(rules: groups.flatMap(\.rules), crawlDelay: groups.compactMap(\.crawlDelay).max(),
                  sitemaps: file.sitemaps, ignoredReason: nil)
    }

    public init(_ text: String, userAgent: String) {
        self.init(data: Data(text.utf8), userAgent: userAgent)
    }

    private init(rules: [RobotsRule], crawlDelay: TimeInterval?, sitemaps: [URL], ignoredReason: String?) {
        self.rules = rules
        self.crawlDelay = crawlDelay
        self.sitemaps = sitemaps
        self.ignoredReason = ignoredReason
    }

    /// Whether this crawler may fetch `url` (its path and query; the host is the caller's business).
    public func isAllowed(_ url: URL) -> Bool {
        isAllowed(pathAndQuery: Self.pathAndQuery(of: url))
    }

    /// Whether this crawler may fetch `pathAndQuery` (`/news/a?id=3`): the longest matching rule
    /// decides, `Allow` wins a tie, no match allows. `/robots.txt` itself is always allowed.
    public func isAllowed(pathAndQuery: String) -> Bool {
        let normalised = CanonicalURL.normalizingPercentEncoding(pathAndQuery.isEmpty ? "/" : pathAndQuery)
        if normalised == "/robots.txt" { return true }
        let path = Array(normalised.utf8)
        var best: RobotsRule?
        for rule in rules where rule.pattern.matches(path) {
            if let current = best, !Self.rule(rule, beats: current) { continue }
            best = rule
        }
        return best?.allows ?? true
    }

    // MARK: - Rules

    private static func rule(_ candidate: RobotsRule, beats current: RobotsRule) -> Bool {
        if candidate.pattern.length != current.pattern.length {
            return candidate.pattern.length > current.pattern.length
        }
        return candidate.allows && !current.allows
    }

    /// Every group naming our token, merged; else every `*` group; else none (allow all).
    static func groups(in file: RobotsFile, for token: String) -> [RobotsGroup] {
        let named = file.groups.filter { !token.isEmpty && $0.agents.contains(token) }
        return named.isEmpty ? file.groups.filter { $0.agents.contains("*") } : named
    }

    private static func pathAndQuery(of url: URL) -> String {
        let path = url.path(percentEncoded: true)
        let query = url.query(percentEncoded: true).map { "?" + $0 } ?? ""
        return (path.isEmpty ? "/" : path) + query
    }

    /// The first `maxParsedBytes` as text, without a byte-order mark; when the limit cuts a line,
    /// that partial line is dropped rather than read as a shorter (broader) rule.
    static func decodedPrefix(of data: Data) -> String {
        var bytes = data.prefix(maxParsedBytes)
        if data.count > maxParsedBytes, let lastBreak = bytes.lastIndex(where: { $0 == 0x0A || $0 == 0x0D }) {
            bytes = bytes[..<lastBreak]
        }
        var text = String(decoding: bytes, as: UTF8.self)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        return text
    }

    /// Content sniffing: robots.txt lines never start with `<`, HTML pages do.
    static func looksLikeHTML(_ text: String) -> Bool {
        let head = text.prefix(1024).trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        guard head.hasPrefix("<") else { return false }
        return ["<!doctype html", "<html", "<head", "<body"].contains { head.contains($0) }
    }
}
