import ArgumentParser
import AsyncHTTPClient
import Foundation

/// The reference for `Scripts/bench fetch`: the pages serve-news publishes, fetched with
/// AsyncHTTPClient alone (no feeds, robots, politeness or output), the rate fetch is held to.
struct HTTPGetRate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "http-get-rate",
        abstract: "GET every serve-news page with AsyncHTTPClient; prints {\"pages\", \"seconds\", \"pagesPerSecond\", …}.")

    @Option(help: "The port serve-news printed.") var port: Int
    @Option var hosts = 20
    @Option var pages = 2000
    @Option(help: "Requests in flight at once.") var concurrency = 32
    @Option(help: "Crawl every page this many times, each with a new client; the fastest round counts.") var rounds = 1

    func validate() throws {
        guard hosts >= 1, pages >= 1, concurrency >= 1, rounds >= 1 else {
            throw ValidationError("--hosts, --pages, --concurrency and --rounds must be positive")
        }
    }

    func run() throws {
        let layout = NewsSiteLayout(hosts: hosts, pages: pages, port: port)
        let (concurrency, rounds) = (concurrency, rounds)
        try runBlocking {
            var best: (tally: Tally, seconds: Double)?
            for _ in 0..<rounds {
                let round = try await Self.crawlOnce(layout, concurrency: concurrency)
                if let first = round.tally.firstFailure {
                    throw ValidationError("\(round.tally.failures) of \(layout.pages) pages failed; first: \(first)")
                }
                if best == nil || round.seconds < best!.seconds { best = round }
            }
            let (tally, seconds) = best!
            emit(["pages": tally.pages, "bytes": tally.bytes, "concurrency": concurrency, "rounds": rounds,
                  "seconds": seconds, "pagesPerSecond": Double(tally.pages) / seconds])
        }
    }

    /// One pass over every page with a fresh client, so connection set-up is paid as fetch pays it.
    static func crawlOnce(_ layout: NewsSiteLayout, concurrency: Int) async throws -> (tally: Tally, seconds: Double) {
        let client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup,
                                configuration: configuration(resolving: layout.hostNames))
        let start = ContinuousClock.now
        let tally = await getAll(layout.articleURLs, with: client, concurrency: concurrency)
        let seconds = (ContinuousClock.now - start).seconds
        try await client.shutdown()
        return (tally, seconds)
    }

    /// Every bench host name resolves to loopback, as `--resolve-all-to 127.0.0.1` does for fetch.
    static func configuration(resolving hostNames: [String]) -> HTTPClient.Configuration {
        var configuration = HTTPClient.Configuration(redirectConfiguration: .disallow)
        configuration.dnsOverride = Dictionary(uniqueKeysWithValues: hostNames.map { ($0, "127.0.0.1") })
        return configuration
    }

    struct Tally {
        var pages = 0, bytes = 0, failures = 0
        var firstFailure: String?
    }

    /// GETs `urls` in order with at most `concurrency` requests in flight.
    static func getAll(_ urls: [String], with client: HTTPClient, concurrency: Int) async -> Tally {
        await withTaskGroup(of: Result<Int, GetFailure>.self) { group in
            var pending = urls.makeIterator()
            for _ in 0..<concurrency {
                guard let url = pending.next() else { break }
                group.addTask { await get(url, with: client) }
            }
            var tally = Tally()
            while let result = await group.next() {
                switch result {
                case .success(let bytes): tally.pages += 1; tally.bytes += bytes
                case .failure(let failure): tally.failures += 1; tally.firstFailure = tally.firstFailure ?? failure.reason
                }
                if let url = pending.next() { group.addTask { await get(url, with: client) } }
            }
            return tally
        }
    }

    struct GetFailure: Error { let reason: String }

    /// The body's length when the page came back 200 and whole.
    static func get(_ url: String, with client: HTTPClient) async -> Result<Int, GetFailure> {
        do {
            let response = try await client.execute(HTTPClientRequest(url: url), timeout: .seconds(30))
            var bytes = 0
            for try await chunk in response.body { bytes += chunk.readableBytes }
            guard response.status.code == 200 else { return .failure(GetFailure(reason: "\(url): HTTP \(response.status.code)")) }
            return .success(bytes)
        } catch {
            return .failure(GetFailure(reason: "\(url): \(error)"))
        }
    }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
