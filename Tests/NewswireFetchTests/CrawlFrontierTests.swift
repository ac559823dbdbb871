import Foundation
import Testing
@testable import NewswireFetch
import NewswireWire

private func frontier(delay: TimeInterval = 0, perHost: Int = 1, global: Int = 100,
                      fetched: @escaping CrawlFrontier.FetchHistory = { _ in false }) -> CrawlFrontier {
    CrawlFrontier(politeness: HostPoliteness(limits: PolitenessLimits(
        minimumDelay: delay, perHostConcurrency: perHost, globalConcurrency: global)), isFetched: fetched)
}

/// Takes everything available at `now`, releasing each request at once.
private func drain(_ f: inout CrawlFrontier, now: Date) -> [String] {
    var out: [String] = []
    while let (u, token) = f.next(now: now) {
        out.append(u.absoluteString)
        f.release(token, now: now)
    }
    return out
}

@Suite struct CrawlFrontierTests {
    @Test func deduplicatesByCanonicalURL() {
        var f = frontier()
        #expect(f.enqueue(url("https://news.example/a?utm_source=rss")) == .queued)
        #expect(f.enqueue(url("https://NEWS.example:443/a/#comments")) == .alreadyQueued)
        #expect(f.enqueue(url("https://news.example/b")) == .queued)
        #expect(f.count == 2)
        _ = drain(&f, now: t0)
        #expect(f.enqueue(url("https://news.example/a")) == .alreadyQueued)
        #expect(f.count == 0)
    }

    @Test func skipsWhatTheFetchHistoryHas() {
        let done: Set<String> = ["https://news.example/old"]
        var f = frontier(fetched: { done.contains($0) })
        #expect(f.enqueue(url("https://news.example/old/?fbclid=abc")) == .alreadyFetched)
        #expect(f.enqueue(url("https://news.example/new")) == .queued)
    }

    @Test func refusesURLsItCannotCrawl() {
        var f = frontier()
        #expect(f.enqueue(url("mailto:desk@news.example")) == .notCrawlable)
        #expect(f.enqueue(url("ftp://news.example/file")) == .notCrawlable)
        #expect(f.count == 0)
    }

    @Test func newFeedItemsComeFirstThenFIFO() {
        var f = frontier()
        f.enqueue(url("https://n.example/old1"))
        f.enqueue(url("https://n.example/old2"))
        f.enqueue(url("https://n.example/new1"), priority: .newItem)
        f.enqueue(url("https://n.example/new2"), priority: .newItem)
        #expect(drain(&f, now: t0) == ["https://n.example/new1", "https://n.example/new2",
                                       "https://n.example/old1", "https://n.example/old2"])
    }

    @Test func holdsTheHostDelay() throws {
        var f = frontier(delay: 10)
        f.enqueue(url("https://a.example/1"))
        f.enqueue(url("https://a.example/2"))
        let pick = f.next(now: t0)
        let (_, token) = try #require(pick)
        f.release(token, now: t0 + 1)
        #expect(f.next(now: t0 + 5) == nil)
        #expect(f.nextReadyDate(now: t0 + 5) == t0 + 10)
        #expect(f.next(now: t0 + 10)?.url.absoluteString == "https://a.example/2")
    }

    @Test func waitsForAReleaseAtThePerHostLimit() throws {
        var f = frontier(perHost: 1)
        f.enqueue(url("https://a.example/1"))
        f.enqueue(url("https://a.example/2"))
        let pick = f.next(now: t0)
        let (_, token) = try #require(pick)
        #expect(f.next(now: t0 + 100) == nil)
        #expect(f.nextReadyDate(now: t0 + 100) == nil)
        f.release(token, now: t0 + 100)
        #expect(f.nextReadyDate(now: t0 + 100) == t0 + 100)
        #expect(f.next(now: t0 + 100)?.url.absoluteString == "https://a.example/2")
    }

    @Test func waitsForAReleaseAtTheGlobalLimit() throws {
        var f = frontier(global: 2)
        for host in ["a", "b", "c"] { f.enqueue(url("https://\(host).example/x")) }
        let picks = [f.next(now: t0), f.next(now: t0)]
        let first = try #require(picks[0])
        #expect(picks[1] != nil)
        #expect(f.next(now: t0) == nil)
        #expect(f.nextReadyDate(now: t0) == nil)
        f.release(first.token, now: t0 + 1)
        #expect(f.next(now: t0 + 1)?.url.host == "c.example")
    }

    @Test func aBigHostDoesNotStarveASmallOne() {
        var f = frontier()
        for i in 0..<1000 { f.enqueue(url("https://big.example/\(i)")) }
        _ = f.next(now: t0).map { f.release($0.token, now: t0) }
        f.enqueue(url("https://small.example/only"))
        let order = drain(&f, now: t0)
        #expect(order.firstIndex(of: "https://small.example/only")! <= 1)
        #expect(order.count == 1000)
    }

    @Test func readyHostsAreServedRoundRobin() {
        var f = frontier()
        for i in 0..<3 { for host in ["a", "b", "c"] { f.enqueue(url("https://\(host).example/\(i)")) } }
        let hosts = drain(&f, now: t0).map { URL(string: $0)!.host! }
        #expect(hosts == Array(repeating: ["a.example", "b.example", "c.example"], count: 3).flatMap { $0 })
    }

    @Test func backOffHoldsOneHostOnly() {
        var f = frontier()
        f.enqueue(url("https://busy.example/1"))
        f.enqueue(url("https://calm.example/1"))
        f.backOff(host: "Busy.Example", until: t0 + 60)
        #expect(drain(&f, now: t0) == ["https://calm.example/1"])
        #expect(f.nextReadyDate(now: t0) == t0 + 60)
        #expect(drain(&f, now: t0 + 60) == ["https://busy.example/1"])
    }

    @Test func crawlDelayFromRobotsIsApplied() throws {
        var f = frontier(delay: 1)
        f.setCrawlDelay(30, for: "slow.example")
        f.enqueue(url("https://slow.example/1"))
        f.enqueue(url("https://slow.example/2"))
        let pick = f.next(now: t0)
        let (_, token) = try #require(pick)
        f.release(token, now: t0)
        #expect(f.nextReadyDate(now: t0) == t0 + 30)
    }

    /// A simulated crawl on a virtual clock: every request takes 2.5 s, longer than the delay. No host ever sees two
    /// starts closer than its delay or more requests in flight than allowed, and all URLs go out.
    @Test func simulatedCrawlKeepsEveryLimit() throws {
        let delay: TimeInterval = 1, perHost = 2, global = 5
        var f = frontier(delay: delay, perHost: perHost, global: global)
        for i in 0..<40 { f.enqueue(url("https://h\(i % 2).example/\(i)")) }
        var now = t0
        var inFlight: [(end: Date, token: PolitenessToken)] = []
        var starts: [String: [Date]] = [:]
        while f.count > 0 || !inFlight.isEmpty {
            while let (u, token) = f.next(now: now) {
                starts[u.host!, default: []].append(now)
                inFlight.append((now + 2.5, token))
                #expect(inFlight.count <= global)
                #expect(inFlight.filter { $0.token.host == token.host }.count <= perHost)
            }
            let nextEnd = inFlight.map(\.end).min()
            now = [nextEnd, f.nextReadyDate(now: now)].compactMap { $0 }.min()!
            for done in inFlight where done.end <= now { f.release(done.token, now: now) }
            inFlight.removeAll { $0.end <= now }
        }
        #expect(starts.values.map(\.count).reduce(0, +) == 40)
        for times in starts.values {
            for (a, b) in zip(times, times.dropFirst()) { #expect(b.timeIntervalSince(a) >= delay) }
        }
    }

    @Test func handlesAHundredThousandURLsOnAThousandHosts() {
        var f = frontier(global: 1_000_000)
        for i in 0..<100_000 { f.enqueue(url("https://h\(i % 1000).example/story/\(i)")) }
        #expect(f.count == 100_000)
        var perHost: [String: Int] = [:]
        var taken = 0
        while let (u, token) = f.next(now: t0) {
            taken += 1
            if taken <= 1000 { perHost[u.host!, default: 0] += 1 }
            f.release(token, now: t0)
        }
        #expect(taken == 100_000)
        #expect(perHost.count == 1000)
        #expect(f.count == 0)
    }
}
