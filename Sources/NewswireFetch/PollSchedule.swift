import Foundation

/// How one poll of a feed went.
public enum PollResult: Sendable, Equatable {
    /// The feed had `count` items not seen before.
    case newItems(count: Int)
    /// Nothing new (including `304 Not Modified`).
    case unchanged
    /// The poll failed; `retryAfter` seconds if the server said (`Retry-After`).
    case failed(retryAfter: TimeInterval? = nil)
}

/// When to poll one feed next: often for feeds that publish often, rarely for quiet ones, and
/// less and less while a feed is failing. A value the crawler persists (Codable) per feed.
public struct PollSchedule: Sendable, Equatable, Codable {
    public struct Configuration: Sendable, Equatable, Codable {
        public var minInterval: TimeInterval
        public var maxInterval: TimeInterval
        public var initialInterval: TimeInterval
        /// Factor applied after a poll that found nothing new.
        public var growth: Double
        /// Each delay is spread by up to ± this fraction, so feeds polled together drift apart.
        public var jitter: Double
        /// Ceiling for the back-off after consecutive failures.
        public var maxFailureDelay: TimeInterval

        public init(minInterval: TimeInterval = 5 * 60, maxInterval: TimeInterval = 6 * 3600,
                    initialInterval: TimeInterval = 30 * 60, growth: Double = 1.5, jitter: Double = 0.1,
                    maxFailureDelay: TimeInterval = 24 * 3600) {
            self.minInterval = max(1, minInterval)
            self.maxInterval = max(self.minInterval, maxInterval)
            self.initialInterval = min(max(initialInterval, self.minInterval), self.maxInterval)
            self.growth = max(1, growth)
            self.jitter = min(max(0, jitter), 0.5)
            self.maxFailureDelay = max(self.maxInterval, maxFailureDelay)
        }
    }

    public let configuration: Configuration
    /// The current polling interval, always within [minInterval, maxInterval].
    public private(set) var interval: TimeInterval
    /// When the next poll is due.
    public private(set) var scheduledAt: Date
    public private(set) var consecutiveFailures = 0
    /// When a poll last found new items, to measure how often the feed publishes.
    public private(set) var lastNewItemsAt: Date?
    /// Smoothed seconds between new items, once two polls have found some.
    public private(set) var meanItemGap: TimeInterval?

    /// A feed first seen at `now`: poll it right away.
    public init(configuration: Configuration = Configuration(), now: Date) {
        self.configuration = configuration
        self.interval = configuration.initialInterval
        self.scheduledAt = now
    }

    /// When to poll next, never in the past.
    public func nextPoll(now: Date) -> Date { max(now, scheduledAt) }

    public func isDue(now: Date) -> Bool { now >= scheduledAt }

    /// Adapts the interval to what the poll at `now` found and schedules the next one.
    public mutating func record(_ result: PollResult, at now: Date, random: inout some RandomNumberGenerator) {
        switch result {
        case .newItems(let count) where count > 0:
            shrink(foundItems: count, at: now)
            scheduledAt = now + jittered(interval, random: &random)
        case .newItems, .unchanged:
            consecutiveFailures = 0
            interval = clamped(interval * configuration.growth)
            scheduledAt = now + jittered(interval, random: &random)
        case .failed(let retryAfter):
            consecutiveFailures += 1
            scheduledAt = now + max(jittered(failureDelay(), random: &random), retryAfter ?? 0)
        }
    }

    // MARK: - Rules

    /// Tracks the observed gap between new items; with no history yet, halves the interval.
    /// Finding items never lengthens the interval.
    private mutating func shrink(foundItems count: Int, at now: Date) {
        consecutiveFailures = 0
        if let last = lastNewItemsAt, now > last {
            let gap = now.timeIntervalSince(last) / Double(count)
            meanItemGap = meanItemGap.map { 0.5 * $0 + 0.5 * gap } ?? gap
        }
        lastNewItemsAt = now
        interval = clamped(meanItemGap.map { min($0, interval) } ?? interval / 2)
    }

    /// The regular interval doubled per consecutive failure, capped.
    private func failureDelay() -> TimeInterval {
        let exponent = Double(min(consecutiveFailures, 30))
        return min(configuration.maxFailureDelay, interval * pow(2, exponent))
    }

    private func clamped(_ seconds: TimeInterval) -> TimeInterval {
        min(max(seconds, configuration.minInterval), configuration.maxInterval)
    }

    private func jittered(_ seconds: TimeInterval, random: inout some RandomNumberGenerator) -> TimeInterval {
        guard configuration.jitter > 0 else { return seconds }
        return seconds * (1 + Double.random(in: -configuration.jitter...configuration.jitter, using: &random))
    }
}
