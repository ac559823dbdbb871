import Foundation

/// Reads the Prometheus files stages write and sums them per stage.
public enum PipelineStatus {
    public struct Row: Sendable, Equatable {
        public var stage: String
        public var replicas = 0
        public var received = 0, emitted = 0, failed = 0
    }

    public static func read(metricsDirectory: URL) -> [Row] {
        let files = (try? FileManager.default.contentsOfDirectory(at: metricsDirectory, includingPropertiesForKeys: nil)) ?? []
        var rows: [String: Row] = [:]
        for f in files where f.pathExtension == "prom" {
            guard let text = try? String(contentsOf: f, encoding: .utf8) else { continue }
            var stage = ""
            var r = Row(stage: "")
            for line in text.split(separator: "\n") where !line.hasPrefix("#") {
                let parts = line.split(separator: " ")
                guard parts.count == 2, let v = Int(parts[1]) else { continue }
                if let s = line.range(of: "stage=\""), let e = line[s.upperBound...].firstIndex(of: "\"") {
                    stage = String(line[s.upperBound..<e])
                }
                if line.hasPrefix("newswire_messages_in_total") { r.received = v }
                if line.hasPrefix("newswire_messages_out_total") { r.emitted = v }
                if line.hasPrefix("newswire_messages_failed_total") { r.failed = v }
            }
            var total = rows[stage] ?? Row(stage: stage)
            total.replicas += 1
            total.received += r.received; total.emitted += r.emitted; total.failed += r.failed
            rows[stage] = total
        }
        return rows.values.sorted { $0.stage < $1.stage }
    }
}
