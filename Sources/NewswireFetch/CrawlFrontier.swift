import Foundation
import NewswireWire

/// Which URLs of a host are fetched first.
public enum CrawlPriority: Int, Sendable, Comparable, CaseIterable {
    /// Links just found in a feed: news is worth most when fresh.
    case newItem = 0
    case normal = 1

    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
}

/// What `CrawlFrontier.enqueue` did with a URL.
public enum EnqueueResult: Sendable, Equatable {
    case queued
    /// Its canonical form is queued or was handed out already.
    case alreadyQueued
    /// The caller's fetch history has it.
    case alreadyFetched
    /// Not an http(s) URL with a host.
    case notCrawlable
}

/// The URLs waiting to be fetched, as a value: one FIFO per host and priority, de-duplicated by
/// canonical URL, handed out only when `HostPoliteness` allows. Among hosts that may start, the
/// one served least recently goes first, so a host with thousands of URLs cannot starve a host
/// with one. Every pick is O(log hosts); nothing scans all URLs.
public struct CrawlFrontier: Sendable {
    /// Whether a canonical URL was fetched before (backed by the crawler's store).
    public typealias FetchHistory = @Sendable (_ canonicalURL: String) -> Bool

    struct HostQueue: Sendable {
        var queues = Array(repeating: FIFOQueue<URL>(), count: CrawlPriority.allCases.count)
        /// Order of arrival, the last tie-breaker, so picks are deterministic.
        let arrival: UInt64
        var lastServed: UInt64 = 0
        /// Bumped whenever the host is rescheduled; schedule entries of older versions are void.
        var version: UInt64 = 0
        /// Waiting for one of its own requests to be released (per-host limit reached).
        var parked = false

        var isEmpty: Bool { queues.allSatisfy(\.isEmpty) }
        var bestPriority: Int { queues.firstIndex { !$0.isEmpty } ?? queues.count }

        mutating func popNext() -> URL? {
            for index in queues.indices where !queues[index].isEmpty { return queues[index].popFirst() }
            return nil
        }
    }

    /// A host whose spacing or back-off runs until `readyAt`.
    struct WaitingSlot: Comparable, Sendable {
        let readyAt: Date, arrival: UInt64, host: String, version: UInt64
        static func < (a: Self, b: Self) -> Bool { (a.readyAt, a.arrival) < (b.readyAt, b.arrival) }
    }

    /// A host that may start now: best priority first, then least recently served.
    struct ReadySlot: Comparable, Sendable {
        let priority: Int, lastServed: UInt64, arrival: UInt64, host: String, version: UInt64
        static func < (a: Self, b: Self) -> Bool {
            (a.priority, a.lastServed, a.arrival) < (b.priority, b.lastServed, b.arrival)
        }
    }

    public private(set) var politeness: HostPoliteness
    private let isFetched: FetchHistory
    private var hosts: [String: HostQueue] = [:]
    private var waiting = MinHeap<WaitingSlot>()
    private var ready = MinHeap<ReadySlot>()
    private var seen: Set<String> = []
    private var arrivals: UInt64 = 0
    private var picks: UInt64 = 0
    /// URLs queued and not yet handed out.
    public private(set) var count = 0

    public init(politeness: HostPoliteness = HostPoliteness(), isFetched: @escaping FetchHistory = { _ in false }) {
        self.politeness = politeness
        self.isFetched = isFetched
    }

    /// Queues `url` unless its canonical form is queued, was handed out, or was fetched before.
    @discardableResult
    public mutating func enqueue(_ url: URL, priority: CrawlPriority = .normal) -> EnqueueResult {
        guard let host = Self.host(of: url) else { return .notCrawlable }
        let key = CanonicalURL.canonicalize(url.absoluteString)
        guard !seen.contains(key) else { return .alreadyQueued }
        guard !isFetched(key) else { return .alreadyFetched }
        seen.insert(key)
        add(url, priority: priority, host: host)
        return .queued
    }

    /// Puts back a URL that was handed out but could not start yet (its host's robots.txt is
    /// still to be fetched): it is still the same URL, so no duplicate check applies.
    public mutating func requeue(_ url: URL, priority: CrawlPriority = .normal) {
        guard let host = Self.host(of: url) else { return }
        add(url, priority: priority, host: host)
    }

    /// The next URL politeness allows to start at `now`, with the token to `release` when its
    /// request ends; nil when every queued host must wait.
    public mutating func next(now: Date) -> (url: URL, token: PolitenessToken)? {
        defer { dropStaleTops() }
        promoteReadyHosts(now: now)
        while politeness.inFlightCount < politeness.limits.globalConcurrency, let slot = ready.popMin() {
            guard isCurrent(slot.host, slot.version) else { continue }
            switch politeness.tryAcquire(host: slot.host, now: now) {
            case .granted(let token): return (take(from: slot.host), token)
            case .wait: schedule(slot.host)
            case .atLimit(.host): hosts[slot.host]?.parked = true
            case .atLimit(.global): ready.push(slot); return nil
            }
        }
        return nil
    }

    /// When `next` may next hand out a URL: `now` if one is ready, else the earliest date a waiting
    /// host comes free; nil when only a `release` (or an `enqueue`) can change anything.
    public func nextReadyDate(now: Date) -> Date? {
        guard politeness.inFlightCount < politeness.limits.globalConcurrency else { return nil }
        if ready.min != nil { return now }
        return waiting.min.map { max(now, $0.readyAt) }
    }

    /// The request behind `token` ended; its host may be picked again.
    public mutating func release(_ token: PolitenessToken, now: Date) {
        politeness.release(token, now: now)
        if hosts[token.host]?.parked == true {
            hosts[token.host]?.parked = false
            schedule(token.host)
        }
        dropStaleTops()
    }

    /// Holds `host` back until `until` (after a 429 or 503).
    public mutating func backOff(host: String, until: Date) {
        let key = HostPoliteness.key(host)
        politeness.backOff(host: key, until: until)
        rescheduleIfWaiting(key)
    }

    /// Applies a robots.txt Crawl-delay to `host`.
    public mutating func setCrawlDelay(_ seconds: TimeInterval?, for host: String) {
        let key = HostPoliteness.key(host)
        politeness.setCrawlDelay(seconds, for: key)
        rescheduleIfWaiting(key)
    }

    // MARK: - Rules

    /// Mutates the host's queue in place (through the dictionary's subscript): copying it out
    /// and back would copy every URL a busy host has queued, on every call.
    private mutating func add(_ url: URL, priority: CrawlPriority, host: String) {
        if hosts[host] == nil { hosts[host] = newHostQueue() }
        let wasEmpty = hosts[host]!.isEmpty
        let improvesPriority = priority.rawValue < hosts[host]!.bestPriority
        hosts[host]!.queues[priority.rawValue].append(url)
        count += 1
        if !hosts[host]!.parked && (wasEmpty || improvesPriority) { schedule(host) }
        dropStaleTops()
    }

    private mutating func newHostQueue() -> HostQueue {
        arrivals += 1
        return HostQueue(arrival: arrivals)
    }

    /// Puts `host` on the schedule at the date spacing allows; voids its earlier entries.
    private mutating func schedule(_ host: String) {
        guard hosts[host]?.isEmpty == false else { return }
        hosts[host]!.version += 1
        let queue = hosts[host]!
        waiting.push(WaitingSlot(readyAt: politeness.earliestStart(for: host), arrival: queue.arrival,
                                 host: host, version: queue.version))
    }

    private mutating func rescheduleIfWaiting(_ host: String) {
        guard let queue = hosts[host], !queue.parked, !queue.isEmpty else { return }
        schedule(host)
        dropStaleTops()
    }

    private mutating func promoteReadyHosts(now: Date) {
        while let slot = waiting.min, slot.readyAt <= now {
            waiting.popMin()
            guard let queue = hosts[slot.host], queue.version == slot.version, !queue.isEmpty else { continue }
            ready.push(ReadySlot(priority: queue.bestPriority, lastServed: queue.lastServed,
                                 arrival: queue.arrival, host: slot.host, version: slot.version))
        }
    }

    /// Only called for a slot that passed `isCurrent`, so the host exists and has a URL.
    private mutating func take(from host: String) -> URL {
        picks += 1
        let url = hosts[host]!.popNext()!
        hosts[host]!.lastServed = picks
        count -= 1
        schedule(host)
        return url
    }

    private func isCurrent(_ host: String, _ version: UInt64) -> Bool {
        guard let queue = hosts[host] else { return false }
        return queue.version == version && !queue.isEmpty && !queue.parked
    }

    /// Keeps both heap tops valid, so `nextReadyDate` can read them without mutating.
    private mutating func dropStaleTops() {
        while let slot = waiting.min, !isCurrent(slot.host, slot.version) { waiting.popMin() }
        while let slot = ready.min, !isCurrent(slot.host, slot.version) { ready.popMin() }
    }

    private static func host(of url: URL) -> String? {
        guard let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = url.host, !host.isEmpty else { return nil }
        return HostPoliteness.key(host)
    }
}
