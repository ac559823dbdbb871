import Foundation
import Synchronization

/// Per-stage counters, safe to read from any thread, exposed in Prometheus text format.
public final class Counters: Sendable {
    private struct State {
        var received = 0, emitted = 0, failed = 0
        var latencyBuckets = [Int](repeating: 0, count: Counters.bucketBounds.count + 1)
        var latencySum = 0.0
        var gauges: [String: Double] = [:]
        var labeled: [String: [String: Int]] = [:]
    }
    private let state = Mutex(State())
    public let stage: String
    public let replica: String

    /// Upper bounds of the latency histogram, in seconds.
    static let bucketBounds: [Double] = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5]

    public init(stage: String, replica: String) {
        self.stage = stage
        self.replica = replica
    }

    public func recordReceived() { state.withLock { $0.received += 1 } }
    public func recordEmitted(_ n: Int = 1) { state.withLock { $0.emitted += n } }
    public func recordFailed() { state.withLock { $0.failed += 1 } }
    public func recordLatency(seconds: Double) {
        let i = Counters.bucketBounds.firstIndex { seconds <= $0 } ?? Counters.bucketBounds.count
        state.withLock { $0.latencyBuckets[i] += 1; $0.latencySum += seconds }
    }

    /// Sets a gauge written with the counters as `newswire_NAME`, e.g. fetch's `pending`.
    public func setGauge(_ name: String, _ value: Double) { state.withLock { $0.gauges[name] = value } }
    /// Adds to a counter with labels of its own, e.g. fetch's per-host responses:
    /// `add("fetch_responses", labels: ["host": "example.com", "class": "2xx"])`.
    public func add(_ name: String, labels: [String: String], _ n: Int = 1) {
        let key = labels.sorted { $0.key < $1.key }.map { "\($0.key)=\"\(Counters.escape($0.value))\"" }.joined(separator: ",")
        state.withLock { $0.labeled[name, default: [:]][key, default: 0] += n }
    }
    /// The labeled counter `name`, by its label set (`host="a",class="2xx"`).
    public func labeled(_ name: String) -> [String: Int] { state.withLock { $0.labeled[name] ?? [:] } }

    static func escape(_ value: String) -> String {
        value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n")
    }

    public var received: Int { state.withLock { $0.received } }
    public var emitted: Int { state.withLock { $0.emitted } }
    public var failed: Int { state.withLock { $0.failed } }

    /// The counters in Prometheus text exposition format.
    public func prometheusText() -> String {
        let s = state.withLock { $0 }
        let labels = "stage=\"\(stage)\",replica=\"\(replica)\""
        var out = """
        # HELP newswire_messages_in_total Messages received.
        # TYPE newswire_messages_in_total counter
        newswire_messages_in_total{\(labels)} \(s.received)
        # HELP newswire_messages_out_total Messages emitted.
        # TYPE newswire_messages_out_total counter
        newswire_messages_out_total{\(labels)} \(s.emitted)
        # HELP newswire_messages_failed_total Messages sent to the dead letters.
        # TYPE newswire_messages_failed_total counter
        newswire_messages_failed_total{\(labels)} \(s.failed)
        # HELP newswire_processing_seconds Time to process one message.
        # TYPE newswire_processing_seconds histogram

        """
        var cumulative = 0
        for (i, bound) in Counters.bucketBounds.enumerated() {
            cumulative += s.latencyBuckets[i]
            out += "newswire_processing_seconds_bucket{\(labels),le=\"\(bound)\"} \(cumulative)\n"
        }
        cumulative += s.latencyBuckets[Counters.bucketBounds.count]
        out += "newswire_processing_seconds_bucket{\(labels),le=\"+Inf\"} \(cumulative)\n"
        out += "newswire_processing_seconds_sum{\(labels)} \(s.latencySum)\n"
        out += "newswire_processing_seconds_count{\(labels)} \(cumulative)\n"
        for (name, value) in s.gauges.sorted(by: { $0.key < $1.key }) {
            out += "# TYPE newswire_\(name) gauge\nnewswire_\(name){\(labels)} \(value)\n"
        }
        for (name, series) in s.labeled.sorted(by: { $0.key < $1.key }) {
            out += "# TYPE newswire_\(name)_total counter\n"
            for (key, value) in series.sorted(by: { $0.key < $1.key }) {
                out += "newswire_\(name)_total{\(labels),\(key)} \(value)\n"
            }
        }
        return out
    }

    public var summary: String {
        "\(stage)[\(replica)]: in \(received), out \(emitted), failed \(failed)"
    }
}

/// Writes counters to a file at most once a second (and whenever forced), replacing it
/// atomically, so `newswire status` always reads a whole, recent file.
struct MetricsFile {
    let path: String?
    private var lastWrite = Date.distantPast

    init(path: String?) { self.path = path }

    mutating func write(_ counters: Counters, force: Bool = false) {
        guard let path else { return }
        let now = Date()
        guard force || now.timeIntervalSince(lastWrite) >= 1 else { return }
        lastWrite = now
        try? counters.prometheusText().write(toFile: path, atomically: true, encoding: .utf8)
    }
}
