import Foundation

/// The articles a source has in flight (sent, not yet stored or failed), and when each is
/// overdue. A value type with no clock of its own: the runner passes `now`, tests pass dates.
///
/// Two rules keep delivery both lossless and cheap:
/// - at most `capacity` articles are in flight, so queues, memory and the cost of a re-send
///   stay bounded however large the input;
/// - an article is overdue only when it has taken several times longer than the pipeline's
///   measured throughput says it should (`inFlight / rate`), doubling per attempt, so a slow
///   pipeline is not flooded with copies of what it is still working on.
public struct DeliveryWindow: Sendable {
    public struct Flight: Sendable, Equatable {
        public var sentAt: Date
        public var attempts: Int
    }

    /// At most this many articles in flight.
    public var capacity: Int
    /// The shortest wait before a re-send, whatever the measured rate.
    public var minimumTimeout: TimeInterval
    /// The longest wait between re-sends of one article.
    public var maximumTimeout: TimeInterval
    /// How many times the expected time an article may take before it is overdue.
    public var slack: Double = 4
    /// The wait before a re-send while no throughput has been measured yet (a cold pipeline
    /// can take a while for its first article; re-sending the whole first window then would
    /// only add load).
    public var initialTimeout: TimeInterval = 60

    public private(set) var flights: [String: Flight] = [:]
    private var throughput = ThroughputEstimate()
    /// When the last article in flight settled (nil while some are in flight).
    private var idleSince: Date?

    public init(capacity: Int = 500, minimumTimeout: TimeInterval = 10, maximumTimeout: TimeInterval = 600,
                initialTimeout: TimeInterval = 60) {
        self.capacity = max(1, capacity)
        self.initialTimeout = initialTimeout
        self.minimumTimeout = minimumTimeout
        self.maximumTimeout = max(minimumTimeout, maximumTimeout)
    }

    public var inFlight: Int { flights.count }
    public var hasRoom: Bool { flights.count < capacity }

    /// Settlements per second over the recent past, nil before there are two.
    public var rate: Double? { throughput.rate }

    /// Records a send (first or again) of `id`.
    public mutating func sent(_ id: String, at now: Date) {
        // Time with nothing in flight (a crawler between polls) is not throughput: leave it
        // out, or an idle hour would make every later re-send wait for hours.
        if flights.isEmpty, let idleSince { throughput.skip(now.timeIntervalSince(idleSince)) }
        idleSince = nil
        let attempts = (flights[id]?.attempts ?? 0) + 1
        flights[id] = Flight(sentAt: now, attempts: attempts)
    }

    /// Records that `id` was stored or definitively failed. Returns false for an id not in
    /// flight (a duplicate acknowledgement).
    @discardableResult
    public mutating func settled(_ id: String, at now: Date) -> Bool {
        guard flights.removeValue(forKey: id) != nil else { return false }
        throughput.record(now)
        if flights.isEmpty { idleSince = now }
        return true
    }

    /// How long an article on its `attempts`-th send may take before it is sent again.
    public func timeout(attempts: Int) -> TimeInterval { timeout(attempts: attempts, rate: rate) }

    private func timeout(attempts: Int, rate: Double?) -> TimeInterval {
        var expected = max(minimumTimeout, initialTimeout)
        if let rate, rate > 0 {
            expected = max(minimumTimeout, slack * Double(max(1, flights.count)) / rate)
        }
        let backedOff = expected * pow(2, Double(max(0, attempts - 1)))
        return min(maximumTimeout, backedOff)
    }

    /// The ids to send again at `now`, oldest first.
    public func overdue(at now: Date) -> [String] {
        let rate = self.rate
        return flights.filter { now.timeIntervalSince($0.value.sentAt) >= timeout(attempts: $0.value.attempts, rate: rate) }
            .sorted { $0.value.sentAt < $1.value.sentAt }
            .map(\.key)
    }
}

/// Events per second over the last few hundred moments that had any (events settled in one
/// batch share a moment).
struct ThroughputEstimate: Sendable {
    private var moments: [(date: Date, count: Int)] = []
    static let span = 256

    /// Leaves `seconds` of idle time out of the measurement (moves what was measured forward).
    mutating func skip(_ seconds: TimeInterval) {
        guard seconds > 0 else { return }
        for i in moments.indices { moments[i].date += seconds }
    }

    mutating func record(_ date: Date) {
        if let last = moments.last, last.date == date {
            moments[moments.count - 1].count += 1
            return
        }
        moments.append((date, 1))
        if moments.count > Self.span { moments.removeFirst(moments.count - Self.span) }
    }

    var rate: Double? {
        guard moments.count >= 2, let first = moments.first, let last = moments.last else { return nil }
        let seconds = last.date.timeIntervalSince(first.date)
        let events = moments.dropFirst().reduce(0) { $0 + $1.count }
        return seconds > 0 ? Double(events) / seconds : nil
    }
}
