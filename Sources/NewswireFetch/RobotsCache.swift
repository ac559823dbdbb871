import Foundation

/// A site as robots.txt scopes it: scheme, host and port (RFC 9309 §2.3).
public struct Origin: Hashable, Sendable, Codable, CustomStringConvertible {
    public let scheme: String
    public let host: String
    public let port: Int

    /// Nil for URLs a crawler does not fetch (not http(s), or no host).
    public init?(_ url: URL) {
        guard let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = url.host?.lowercased(), !host.isEmpty else { return nil }
        self.scheme = scheme
        self.host = host
        self.port = url.port ?? (scheme == "https" ? 443 : 80)
    }

    private var isDefaultPort: Bool { port == (scheme == "https" ? 443 : 80) }

    /// Where this origin's rules live.
    public var robotsURL: URL {
        URL(string: "\(self)/robots.txt")!
    }

    public var description: String {
        let hostPart = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
        return isDefaultPort ? "\(scheme)://\(hostPart)" : "\(scheme)://\(hostPart):\(port)"
    }
}

/// How a robots.txt fetch ended, as the HTTP client saw it after following redirects.
public enum RobotsFetchOutcome: Sendable, Equatable {
    /// A final HTTP response; `maxAge` from `Cache-Control: max-age`, if present.
    case response(status: Int, body: Data, maxAge: TimeInterval? = nil)
    /// No response: DNS, connect, TLS, timeout, or more than five redirects.
    case unreachable(reason: String)
}

/// What the crawler may do with a URL right now.
public enum RobotsDecision: Sendable, Equatable {
    /// Go ahead; wait at least `crawlDelay` seconds between requests to the host if set.
    case allowed(crawlDelay: TimeInterval?)
    case disallowed(reason: String)
    /// Fetch this robots.txt first and report it with `RobotsCache.record(_:for:now:)`.
    case needsRobots(URL)
    /// Another caller is fetching this origin's robots.txt; ask again after it is recorded.
    case waiting
}

/// The knobs of robots.txt caching and failure handling.
public struct RobotsPolicy: Sendable, Equatable {
    /// Our User-Agent; its product token selects the robots.txt group.
    public var userAgent: String
    /// How long rules are trusted without a max-age (RFC 9309 §2.4: at most 24 h is the norm).
    public var defaultLifetime: TimeInterval = 24 * 3600
    /// Bounds on a server-sent max-age, so `max-age=0` does not mean a fetch per request.
    public var minLifetime: TimeInterval = 60
    public var maxLifetime: TimeInterval = 24 * 3600
    /// Retry delay after the first failure, doubling per consecutive failure up to `maxRetryDelay`.
    public var initialRetryDelay: TimeInterval = 60
    public var maxRetryDelay: TimeInterval = 24 * 3600
    /// A fetch not recorded within this time is presumed lost and handed out again.
    public var fetchTimeout: TimeInterval = 120

    public init(userAgent: String) { self.userAgent = userAgent }

    func retryDelay(afterFailures failures: Int) -> TimeInterval {
        min(maxRetryDelay, initialRetryDelay * pow(2, Double(min(max(failures - 1, 0), 40))))
    }

    func lifetime(maxAge: TimeInterval?) -> TimeInterval {
        guard let maxAge else { return defaultLifetime }
        return min(max(maxAge, minLifetime), maxLifetime)
    }
}

/// Per-origin robots.txt state as a value: unknown → fetching → known (until expiry) → fetching…
/// The crawler asks `decision(for:now:)`, fetches when told, and reports with `record`. No I/O,
/// no clock: `now` is always passed in.
public struct RobotsCache: Sendable {
    /// Rules in force for an origin, and why.
    struct Entry: Sendable, Equatable {
        var robots: RobotsTxt
        /// Non-nil while everything is disallowed because the file could not be read.
        var unreachableReason: String? = nil
        var expires: Date
        var consecutiveFailures: Int
    }

    enum State: Sendable, Equatable {
        /// A fetch was handed out at `since`; `stale` rules, if any, keep applying meanwhile.
        case fetching(since: Date, stale: Entry?)
        case known(Entry)
    }

    public let policy: RobotsPolicy
    private(set) var states: [Origin: State] = [:]

    public init(policy: RobotsPolicy) { self.policy = policy }

    /// Whether `url` may be fetched now; hands out one `.needsRobots` per origin and refresh.
    public mutating func decision(for url: URL, now: Date) -> RobotsDecision {
        guard let origin = Origin(url) else { return .disallowed(reason: "\(url) is not an http(s) URL") }
        switch states[origin] {
        case nil:
            return startFetch(origin, stale: nil, now: now)
        case .known(let entry) where now >= entry.expires:
            return startFetch(origin, stale: entry, now: now)
        case .known(let entry):
            return Self.decide(url, by: entry)
        case .fetching(let since, let stale) where now.timeIntervalSince(since) >= policy.fetchTimeout:
            return startFetch(origin, stale: stale, now: now)
        case .fetching(_, let stale?):
            return Self.decide(url, by: stale)
        case .fetching:
            return .waiting
        }
    }

    /// Records how the fetch of `origin`'s robots.txt ended (RFC 9309 §2.3.1).
    public mutating func record(_ outcome: RobotsFetchOutcome, for origin: Origin, now: Date) {
        let previous = previousEntry(origin)
        switch outcome {
        case .response(let status, let body, let maxAge) where (200..<300).contains(status):
            let robots = RobotsTxt(data: body, userAgent: policy.userAgent)
            states[origin] = .known(Entry(robots: robots, expires: now + policy.lifetime(maxAge: maxAge),
                                          consecutiveFailures: 0))
        case .response(let status, _, let maxAge) where Self.meansNoRules(status):
            states[origin] = .known(Entry(robots: .allowingAll, expires: now + policy.lifetime(maxAge: maxAge),
                                          consecutiveFailures: 0))
        case .response(let status, _, _):
            recordFailure("robots.txt answered HTTP \(status)", origin: origin, previous: previous, now: now)
        case .unreachable(let reason):
            recordFailure("robots.txt unreachable (\(reason))", origin: origin, previous: previous, now: now)
        }
    }

    /// Records an outcome by the robots.txt URL handed out in `.needsRobots`.
    public mutating func record(_ outcome: RobotsFetchOutcome, robotsURL: URL, now: Date) {
        guard let origin = Origin(robotsURL) else { return }
        record(outcome, for: origin, now: now)
    }

    // MARK: - Rules

    private mutating func startFetch(_ origin: Origin, stale: Entry?, now: Date) -> RobotsDecision {
        states[origin] = .fetching(since: now, stale: stale)
        return .needsRobots(origin.robotsURL)
    }

    /// 4xx (401 and 403 included, RFC 9309 §2.3.1.3) and unfollowed redirects mean "no robots.txt".
    /// 429 is the server asking us to slow down, so it is handled like a 5xx.
    static func meansNoRules(_ status: Int) -> Bool {
        ((300..<500).contains(status) && status != 429)
    }

    /// 5xx or no answer: disallow everything, unless earlier good rules are on hand (RFC 9309
    /// §2.3.1.4 lets a crawler keep a cached copy), and try again after a doubling delay.
    private mutating func recordFailure(_ reason: String, origin: Origin, previous: Entry?, now: Date) {
        let failures = (previous?.consecutiveFailures ?? 0) + 1
        let retryAt = now + policy.retryDelay(afterFailures: failures)
        if let previous, previous.unreachableReason == nil {
            states[origin] = .known(Entry(robots: previous.robots, expires: retryAt, consecutiveFailures: failures))
        } else {
            states[origin] = .known(Entry(robots: .disallowingAll, unreachableReason: reason,
                                          expires: retryAt, consecutiveFailures: failures))
        }
    }

    private func previousEntry(_ origin: Origin) -> Entry? {
        switch states[origin] {
        case .known(let entry)?: return entry
        case .fetching(_, let stale)?: return stale
        case nil: return nil
        }
    }

    private static func decide(_ url: URL, by entry: Entry) -> RobotsDecision {
        if entry.robots.isAllowed(url) { return .allowed(crawlDelay: entry.robots.crawlDelay) }
        if let reason = entry.unreachableReason {
            return .disallowed(reason: "\(reason); all paths disallowed until a retry at \(entry.expires)")
        }
        return .disallowed(reason: "robots.txt disallows \(url.path(percentEncoded: true)) for this crawler")
    }
}
