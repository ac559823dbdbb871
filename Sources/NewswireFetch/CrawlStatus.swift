import Foundation

/// What `newswire status` shows of a crawl: the busiest hosts (from fetch's metrics files) and
/// the feeds polled next (from its state file).
public enum CrawlStatus {
    /// Responses per host, summed over `newswire_fetch_responses_total` in Prometheus text.
    public static func responsesByHost(prometheusTexts: [String]) -> [(host: String, responses: Int, errors: Int)] {
        var totals: [String: (Int, Int)] = [:]
        for text in prometheusTexts {
            for line in text.split(separator: "\n") where line.hasPrefix("newswire_fetch_responses_total{") {
                guard let host = label("host", in: line), let value = line.split(separator: " ").last.flatMap({ Int($0) }) else { continue }
                let failed = label("class", in: line).map { $0 == "error" || $0.hasPrefix("4") || $0.hasPrefix("5") } ?? false
                var t = totals[host] ?? (0, 0)
                t.0 += value
                if failed { t.1 += value }
                totals[host] = t
            }
        }
        return totals.map { ($0.key, $0.value.0, $0.value.1) }.sorted { ($1.responses, $0.host) < ($0.responses, $1.host) }
    }

    static func label(_ name: String, in line: Substring) -> String? {
        guard let r = line.range(of: name + "=\"") else { return nil }
        let rest = line[r.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }

    /// The status text: up to `limit` busiest hosts and the next polls, soonest first.
    public static func text(metricsTexts: [String], statePaths: [String], now: Date = Date(), limit: Int = 5) -> String? {
        let hosts = responsesByHost(prometheusTexts: metricsTexts).prefix(limit)
        let feeds = statePaths.flatMap { (try? CrawlStore(path: $0).feeds()) ?? [] }
            .compactMap { f in f.schedule.map { (f.url, $0.nextPoll(now: now), f.lastStatus) } }
            .sorted { $0.1 < $1.1 }.prefix(limit)
        guard !hosts.isEmpty || !feeds.isEmpty else { return nil }
        var out = ""
        if !hosts.isEmpty {
            out += "busiest hosts (responses, of which errors):\n"
            for h in hosts { out += "  \(h.host)  \(h.responses)  (\(h.errors))\n" }
        }
        if !feeds.isEmpty {
            out += "next polls:\n"
            for (url, at, status) in feeds {
                let wait = max(0, Int(at.timeIntervalSince(now)))
                out += "  in \(wait / 60)m\(wait % 60)s  \(url)  (last answer \(status.map(String.init) ?? "none"))\n"
            }
        }
        return out
    }
}
