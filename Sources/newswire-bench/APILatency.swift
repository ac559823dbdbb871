import ArgumentParser
import AsyncHTTPClient
import Foundation
import NIOCore
import Synchronization

/// `Scripts/bench publish`: the web API's latency under a steady loopback load. Requests are
/// sent at a fixed rate whatever the answers' speed (open loop), and each latency counts from
/// when its request was due, so a slow answer cannot hide the requests queued behind it.
/// The reference, in the same run and at the same rate, is the server's `/healthz`: the HTTP
/// stack alone, without the store.
struct APILatency: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "api-latency",
        abstract: "GET a mix of API routes at a fixed rate; prints {\"api\": {p50Ms, p99Ms, …}, \"healthz\": {…}}.")

    @Option(help: "The port `newswire serve` listens on (127.0.0.1).") var port: Int
    @Option(help: "Requests per second.") var rate = 300
    @Option(help: "Seconds of load for each of the two runs.") var seconds = 10

    func run() throws {
        let (port, rate, seconds) = (port, rate, seconds)
        try runBlocking {
            let client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup)
            do {
                let paths = try await Self.routeMix(client: client, port: port)
                let api = try await Self.load(paths, client: client, port: port, rate: rate, seconds: seconds)
                let healthz = try await Self.load(["/healthz"], client: client, port: port, rate: rate, seconds: seconds)
                emit(["rate": rate, "seconds": seconds, "routes": paths.count, "api": api, "healthz": healthz])
            } catch {
                try? await client.shutdown()
                throw error
            }
            try await client.shutdown()
        }
    }

    /// What readers ask for: story lists and pages, articles, entities, quotes, searches.
    static func routeMix(client: HTTPClient, port: Int) async throws -> [String] {
        let (status, body) = try await get("/api/stories?limit=50", client: client, port: port)
        guard status == 200, let json = try JSONSerialization.jsonObject(with: body) as? [String: Any],
              let items = json["items"] as? [[String: Any]] else {
            throw ValidationError("GET /api/stories answered \(status): is `newswire serve` running on port \(port)?")
        }
        let ids = items.compactMap { $0["id"] as? String }.prefix(20)
        guard !ids.isEmpty else { throw ValidationError("the store has no stories to ask for") }
        var paths = ["/api/stories", "/api/articles?limit=20", "/api/entities?limit=50", "/api/quotes?limit=20",
                     "/api/search?q=harbour+workers", "/api/search?q=council", "/"]
        for id in ids { paths += ["/api/stories/\(id)", "/stories/\(id)"] }
        return paths
    }

    static func load(_ paths: [String], client: HTTPClient, port: Int, rate: Int, seconds: Int) async throws -> [String: Any] {
        let total = rate * seconds
        let samples = Samples()
        let start = ContinuousClock.now
        let interval = Duration.seconds(1) / rate
        await withTaskGroup(of: Void.self) { group in
            for k in 0..<total {
                let due = start + interval * k
                try? await Task.sleep(until: due, clock: .continuous)
                let path = paths[k % paths.count]
                group.addTask {
                    let ok = (try? await get(path, client: client, port: port).status == 200) ?? false
                    let latency = (ContinuousClock.now - due).seconds * 1000
                    samples.add(ok ? latency : nil)
                }
            }
        }
        let elapsed = (ContinuousClock.now - start).seconds
        let (sorted, failures) = samples.read()
        func percentile(_ p: Double) -> Double { sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))] }
        return ["requests": total, "failures": failures, "achievedRate": Double(sorted.count) / elapsed,
                "p50Ms": percentile(0.5), "p99Ms": percentile(0.99), "maxMs": sorted.last ?? 0]
    }

    static func get(_ path: String, client: HTTPClient, port: Int) async throws -> (status: UInt, body: Data) {
        let response = try await client.execute(HTTPClientRequest(url: "http://127.0.0.1:\(port)\(path)"), timeout: .seconds(30))
        let body = try await response.body.collect(upTo: 16 << 20)
        return (response.status.code, Data(buffer: body))
    }
}

/// Latencies (ms) of the answered requests and the count of failed ones, from many tasks.
private final class Samples: Sendable {
    private let state = Mutex<(latencies: [Double], failures: Int)>(([], 0))
    func add(_ latency: Double?) {
        state.withLock { if let latency { $0.latencies.append(latency) } else { $0.failures += 1 } }
    }
    func read() -> (sorted: [Double], failures: Int) { state.withLock { ($0.latencies.sorted(), $0.failures) } }
}
