import Foundation

/// Proof that a request to `host` was allowed to start; hand it back with `release`.
public struct PolitenessToken: Hashable, Sendable {
    public let host: String
    let serial: UInt64
}

/// Which concurrency limit stopped a request.
public enum ConcurrencyLimit: Sendable, Equatable {
    case host, global
}

/// How hard the crawler may press on sites.
public struct PolitenessLimits: Sendable, Equatable {
    /// Seconds between request starts to one host; a larger robots.txt Crawl-delay wins.
    public var minimumDelay: TimeInterval
    public var perHostConcurrency: Int
    public var globalConcurrency: Int

    public init(minimumDelay: TimeInterval = 1, perHostConcurrency: Int = 1, globalConcurrency: Int = 32) {
        self.minimumDelay = max(0, minimumDelay)
        self.perHostConcurrency = max(1, perHostConcurrency)
        self.globalConcurrency = max(1, globalConcurrency)
    }
}

/// Per-host request spacing and concurrency limits as a value: a deterministic scheduler that
/// decides, given `now`, whether a request may start. It neither sleeps nor reads a clock.
/// Fairness between hosts is the caller's ordering (see `CrawlFrontier`); this type only
/// guarantees that no host is hit harder than the limits allow.
public struct HostPoliteness: Sendable {
    /// The answer to "may a request to this host start now?".
    public enum Acquire: Sendable, Equatable {
        case granted(PolitenessToken)
        /// The host's delay or back-off is running: ask again at this date.
        case wait(until: Date)
        /// Too many requests in flight; ask again after a `release`.
        case atLimit(ConcurrencyLimit)
    }

    struct HostState: Sendable {
        var lastStart: Date?
        var inFlight: Set<UInt64> = []
        var backOffUntil: Date?
    }

    public let limits: PolitenessLimits
    private var hosts: [String: HostState] = [:]
    private var crawlDelays: [String: TimeInterval] = [:]
    private var nextSerial: UInt64 = 0
    /// Requests started and not yet released, across all hosts.
    public private(set) var inFlightCount = 0

    public init(limits: PolitenessLimits = PolitenessLimits()) { self.limits = limits }

    /// The spacing applied to `host`: the configured delay or its robots.txt Crawl-delay.
    public func delay(for host: String) -> TimeInterval {
        max(limits.minimumDelay, crawlDelays[Self.key(host)] ?? 0)
    }

    /// Records the robots.txt Crawl-delay for `host` (nil to forget it).
    public mutating func setCrawlDelay(_ seconds: TimeInterval?, for host: String) {
        crawlDelays[Self.key(host)] = seconds
    }

    /// The earliest date spacing and back-off allow a start, ignoring concurrency; `distantPast`
    /// for a host nothing holds back.
    public func earliestStart(for host: String) -> Date {
        let key = Self.key(host)
        guard let state = hosts[key] else { return .distantPast }
        let spaced = state.lastStart.map { $0 + delay(for: key) } ?? .distantPast
        return max(spaced, state.backOffUntil ?? .distantPast)
    }

    /// When a request to `host` may start at the earliest, never before `now`.
    public func nextStart(for host: String, now: Date) -> Date {
        max(now, earliestStart(for: host))
    }

    public func inFlightCount(for host: String) -> Int {
        hosts[Self.key(host)]?.inFlight.count ?? 0
    }

    /// Starts a request to `host` if spacing, back-off and both concurrency limits allow.
    public mutating func tryAcquire(host: String, now: Date) -> Acquire {
        let key = Self.key(host)
        let earliest = earliestStart(for: key)
        if earliest > now { return .wait(until: earliest) }
        if inFlightCount(for: key) >= limits.perHostConcurrency { return .atLimit(.host) }
        if inFlightCount >= limits.globalConcurrency { return .atLimit(.global) }
        return grant(key, now: now)
    }

    /// Ends the request `token` stood for. Releasing twice is harmless.
    public mutating func release(_ token: PolitenessToken, now: Date) {
        guard hosts[token.host]?.inFlight.remove(token.serial) != nil else { return }
        inFlightCount -= 1
        forgetIfIdle(token.host, now: now)
    }

    /// Holds `host` back until `until` (a 429 or 503, or its Retry-After). Never shortens a
    /// back-off already in force.
    public mutating func backOff(host: String, until: Date) {
        let key = Self.key(host)
        var state = hosts[key] ?? HostState()
        state.backOffUntil = max(state.backOffUntil ?? .distantPast, until)
        hosts[key] = state
    }

    // MARK: - Rules

    private mutating func grant(_ key: String, now: Date) -> Acquire {
        nextSerial += 1
        var state = hosts[key] ?? HostState()
        state.lastStart = now
        state.inFlight.insert(nextSerial)
        hosts[key] = state
        inFlightCount += 1
        return .granted(PolitenessToken(host: key, serial: nextSerial))
    }

    /// A host with nothing in flight whose delay and back-off have passed is indistinguishable
    /// from one never seen: drop it so memory follows the active hosts, not all hosts ever seen.
    private mutating func forgetIfIdle(_ key: String, now: Date) {
        guard let state = hosts[key], state.inFlight.isEmpty, earliestStart(for: key) <= now else { return }
        hosts[key] = nil
    }

    static func key(_ host: String) -> String { host.lowercased() }
}
