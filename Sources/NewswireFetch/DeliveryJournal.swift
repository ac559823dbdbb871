import Foundation

/// What fetch has emitted and what publish has acknowledged as stored.
///
/// ZeroMQ's PUSH/PULL has no acknowledgement, so delivery is made reliable at the edges: an
/// article is pending until publish acknowledges its id, and pending articles are re-sent
/// after `retryAfter`. A value type: the runner owns it and decides when to persist.
public struct DeliveryJournal: Sendable {
    public struct Entry: Sendable {
        public var sentAt: Date
        public var attempts: Int
    }

    public private(set) var pending: [String: Entry] = [:]
    public private(set) var acknowledged: Set<String> = []
    public var retryAfter: TimeInterval
    public var maxAttempts: Int

    public init(retryAfter: TimeInterval = 30, maxAttempts: Int = 5) {
        self.retryAfter = retryAfter
        self.maxAttempts = maxAttempts
    }

    public mutating func sent(_ id: String, at date: Date = Date()) {
        guard !acknowledged.contains(id) else { return }
        let attempts = (pending[id]?.attempts ?? 0) + 1
        pending[id] = Entry(sentAt: date, attempts: attempts)
    }

    /// Returns true when the id was pending (a duplicate ack returns false).
    @discardableResult
    public mutating func acknowledge(_ id: String) -> Bool {
        acknowledged.insert(id)
        return pending.removeValue(forKey: id) != nil
    }

    /// Ids due for another attempt at `now`.
    public func due(at now: Date = Date()) -> [String] {
        pending.filter { now.timeIntervalSince($0.value.sentAt) >= retryAfter && $0.value.attempts < maxAttempts }
            .map(\.key).sorted()
    }

    /// Ids whose last attempt also went unacknowledged for `retryAfter`.
    public func exhausted(at now: Date = Date()) -> [String] {
        pending.filter { $0.value.attempts >= maxAttempts && now.timeIntervalSince($0.value.sentAt) >= retryAfter }
            .map(\.key).sorted()
    }

    /// True when nothing is left to wait for: every id acknowledged or exhausted.
    public func isSettled(at now: Date = Date()) -> Bool { exhausted(at: now).count == pending.count }
}
