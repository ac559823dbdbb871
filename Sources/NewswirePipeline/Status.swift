import Foundation

/// Reads the Prometheus files stages write (`WORKDIR/metrics/*.prom`) and the supervisor's
/// `run.json`, and turns them into the rows `newswire status` prints.
public enum PipelineStatus {
    /// One cumulative histogram bucket: how many observations were at most `upperBound`.
    public struct Bucket: Sendable, Equatable {
        public var upperBound: Double
        public var count: Double
        public init(upperBound: Double, count: Double) { self.upperBound = upperBound; self.count = count }
    }

    /// One replica's metrics file.
    public struct Sample: Sendable, Equatable {
        public var stage = "", replica = ""
        public var received = 0, emitted = 0, failed = 0
        public var buckets: [Bucket] = []
    }

    // MARK: Parsing

    /// Parses one replica's Prometheus text; nil when it names no stage.
    public static func parse(_ text: String) -> Sample? {
        var s = Sample()
        var buckets: [Bucket] = []
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            guard let (name, labels, value) = parseLine(Substring(line)) else { continue }
            if let stage = labels["stage"] { s.stage = stage }
            if let replica = labels["replica"] { s.replica = replica }
            switch name {
            case "newswire_messages_in_total": s.received = Int(value)
            case "newswire_messages_out_total": s.emitted = Int(value)
            case "newswire_messages_failed_total": s.failed = Int(value)
            case "newswire_processing_seconds_bucket":
                if let le = labels["le"], let bound = le == "+Inf" ? .infinity : Double(le) {
                    buckets.append(Bucket(upperBound: bound, count: value))
                }
            default: break
            }
        }
        s.buckets = buckets.sorted { $0.upperBound < $1.upperBound }
        return s.stage.isEmpty ? nil : s
    }

    /// `name{k="v",…} value` → its parts.
    static func parseLine(_ line: Substring) -> (String, [String: String], Double)? {
        guard let space = line.lastIndex(of: " "), let value = Double(line[line.index(after: space)...]) else { return nil }
        let head = line[..<space]
        guard let brace = head.firstIndex(of: "{") else { return (String(head), [:], value) }
        var labels: [String: String] = [:]
        for pair in head[head.index(after: brace)...].dropLast().split(separator: ",") {
            let kv = pair.split(separator: "=", maxSplits: 1)
            guard kv.count == 2 else { continue }
            labels[String(kv[0])] = String(kv[1].trimmingCharacters(in: CharacterSet(charactersIn: "\"")))
        }
        return (String(head[..<brace]), labels, value)
    }

    /// Every replica's metrics file in `directory`.
    public static func samples(in directory: URL) -> [Sample] {
        let files = (try? FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)) ?? []
        return files.filter { $0.pathExtension == "prom" }
            .compactMap { (try? String(contentsOf: $0, encoding: .utf8)).flatMap(parse) }
            .sorted { ($0.stage, $0.replica) < ($1.stage, $1.replica) }
    }

    // MARK: Figures

    /// The `q` quantile (0…1) estimated from cumulative buckets the way Prometheus's
    /// `histogram_quantile` does: linear within the bucket that holds the rank. Observations
    /// above the last finite bound are reported at that bound. Nil when there is none.
    public static func quantile(_ q: Double, of buckets: [Bucket]) -> Double? {
        guard let total = buckets.last?.count, total > 0 else { return nil }
        let rank = q * total
        guard let i = buckets.firstIndex(where: { $0.count >= rank }) else { return nil }
        let lowerBound = i == 0 ? 0 : buckets[i - 1].upperBound
        let lowerCount = i == 0 ? 0 : buckets[i - 1].count
        guard buckets[i].upperBound.isFinite else { return i == 0 ? nil : lowerBound }
        let inBucket = buckets[i].count - lowerCount
        guard inBucket > 0 else { return lowerBound }
        return lowerBound + (buckets[i].upperBound - lowerBound) * (rank - lowerCount) / inBucket
    }

    /// Adds histograms bucket by bucket (replicas of one stage share their bounds).
    public static func merge(_ histograms: [[Bucket]]) -> [Bucket] {
        var sums: [Double: Double] = [:]
        for h in histograms { for b in h { sums[b.upperBound, default: 0] += b.count } }
        return sums.map { Bucket(upperBound: $0.key, count: $0.value) }.sorted { $0.upperBound < $1.upperBound }
    }

    /// Messages waiting in each link: what its upstream stages emitted minus what its
    /// downstream stages received, never below 0. Counters restart from 0 with a replica,
    /// so after restarts this is an estimate.
    public static func queueDepths(pipeline: PipelineFile, samples: [Sample]) -> [(link: String, depth: Int)] {
        pipeline.links.keys.sorted().map { link in
            let up = Set(pipeline.stages.filter { $0.output == link }.map(\.name))
            let down = Set(pipeline.stages.filter { $0.input == link }.map(\.name))
            let emitted = samples.filter { up.contains($0.stage) }.reduce(0) { $0 + $1.emitted }
            let received = samples.filter { down.contains($0.stage) }.reduce(0) { $0 + $1.received }
            return (link, max(0, emitted - received))
        }
    }

    // MARK: Rows

    /// One line of `newswire status`: a stage (totals) or one of its replicas.
    public struct Row: Sendable, Equatable {
        public var name: String
        public var isReplica: Bool
        public var state: String?
        public var pid: Int32?
        public var restarts = 0
        public var received = 0, emitted = 0, failed = 0
        /// Messages received per second between the two samples; nil with one sample.
        public var rate: Double?
        public var p50: Double?, p99: Double?
    }

    /// Rows for each stage then its replicas, in pipeline order. `before` is an earlier sample
    /// of the same files (`interval` seconds earlier) for the rates; `report` is `run.json`.
    public static func rows(pipeline: PipelineFile, samples: [Sample], before: [Sample]? = nil,
                            interval: Double = 1, report: RunReport? = nil, running: Bool = true) -> [Row] {
        let earlier = Dictionary((before ?? []).map { ($0.replica, $0) }, uniquingKeysWith: { a, _ in a })
        var rows: [Row] = []
        for stage in pipeline.stages {
            let replicaNames = (0..<stage.replicas).map { "\(stage.name)-\($0)" }
            let extra = samples.filter { $0.stage == stage.name && !replicaNames.contains($0.replica) }.map(\.replica)
            let replicaRows = (replicaNames + extra).map { name in
                replicaRow(name, sample: samples.first { $0.replica == name }, earlier: before == nil ? nil : earlier[name],
                           interval: interval, report: report?.replicas.first { $0.name == name }, running: running)
            }
            let stageSamples = samples.filter { $0.stage == stage.name }
            rows.append(stageRow(stage.name, replicaRows: replicaRows, histograms: stageSamples.map(\.buckets)))
            rows += replicaRows
        }
        return rows
    }

    static func replicaRow(_ name: String, sample: Sample?, earlier: Sample?, interval: Double,
                           report: RunReport.Replica?, running: Bool) -> Row {
        var row = Row(name: name, isReplica: true, state: report?.state.rawValue, pid: report?.pid, restarts: report?.restarts ?? 0)
        if !running, let report { row.pid = nil; row.state = [.running, .restarting].contains(report.state) ? "lost" : report.state.rawValue }
        guard let sample else { return row }
        row.received = sample.received; row.emitted = sample.emitted; row.failed = sample.failed
        if let earlier, interval > 0 { row.rate = max(0, Double(sample.received - earlier.received)) / interval }
        row.p50 = quantile(0.5, of: sample.buckets)
        row.p99 = quantile(0.99, of: sample.buckets)
        return row
    }

    static func stageRow(_ name: String, replicaRows: [Row], histograms: [[Bucket]]) -> Row {
        var row = Row(name: name, isReplica: false)
        for r in replicaRows {
            row.received += r.received; row.emitted += r.emitted; row.failed += r.failed; row.restarts += r.restarts
            if let rate = r.rate { row.rate = (row.rate ?? 0) + rate }
        }
        let merged = merge(histograms)
        row.p50 = quantile(0.5, of: merged)
        row.p99 = quantile(0.99, of: merged)
        return row
    }

    // MARK: Text

    /// The table `newswire status` prints.
    public static func table(_ rows: [Row], links: [(link: String, depth: Int)]) -> String {
        var lines = [pad("stage / replica", 20) + pad("state", 11) + lpad("pid", 8) + lpad("restarts", 9)
                     + lpad("in", 9) + lpad("out", 9) + lpad("failed", 8) + lpad("rate/s", 9) + lpad("p50", 9) + lpad("p99", 9)]
        for r in rows {
            lines.append(pad(r.isReplica ? "  " + r.name : r.name, 20) + pad(r.state ?? "", 11)
                         + lpad(r.pid.map { "\($0)" } ?? "", 8) + lpad("\(r.restarts)", 9)
                         + lpad("\(r.received)", 9) + lpad("\(r.emitted)", 9) + lpad("\(r.failed)", 8)
                         + lpad(r.rate.map { String(format: "%.1f", $0) } ?? "-", 9)
                         + lpad(duration(r.p50), 9) + lpad(duration(r.p99), 9))
        }
        if !links.isEmpty {
            lines.append("queue depth per link: " + links.map { "\($0.link) \($0.depth)" }.joined(separator: ", "))
        }
        return lines.joined(separator: "\n")
    }

    static func duration(_ seconds: Double?) -> String {
        guard let seconds else { return "-" }
        if seconds < 1 { return String(format: "%.2fms", seconds * 1000) }
        return String(format: "%.2fs", seconds)
    }

    private static func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s + " " : s.padding(toLength: n, withPad: " ", startingAt: 0) }
    private static func lpad(_ s: String, _ n: Int) -> String { s.count >= n ? " " + s : String(repeating: " ", count: n - s.count) + s }

    // MARK: Liveness

    /// Whether a supervisor is running over `workdir` now, and a sentence saying so.
    public static func liveness(workdir: URL, displayedAs shown: String, pipeline: String, report: RunReport?) -> (running: Bool, text: String) {
        let lockURL = workdir.appendingPathComponent("run.lock")
        let held = RunLock.isHeld(at: lockURL)
        let pid = report?.supervisorPid ?? RunLock.holder(at: lockURL)?.pid
        if held, pid.map(processIsAlive) ?? true {
            let since = report.map { " since \(ISO8601DateFormatter().string(from: $0.startedAt))" } ?? ""
            return (true, "pipeline '\(pipeline)' is running (supervisor pid \(pid.map { "\($0)" } ?? "unknown")\(since), work directory \(shown))")
        }
        guard let report else {
            return (false, "pipeline '\(pipeline)' is NOT running (no supervisor holds \(shown)/run.lock, and it has no run.json); figures below, if any, are from an earlier run")
        }
        let ended = ISO8601DateFormatter().string(from: report.updatedAt)
        return (false, "pipeline '\(pipeline)' is NOT running (its last supervisor, pid \(report.supervisorPid), was last seen \(report.state.rawValue) at \(ended)); figures below are from that run")
    }
}
