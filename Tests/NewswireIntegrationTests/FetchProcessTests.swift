import Foundation
import NewswireFetchTesting
import NewswireWire
import Testing

/// The `newswire-fetch` executable against a real HTTP server on loopback.
@Suite(.serialized) struct FetchProcessTests {
    func feed(_ server: LoopbackServer, pages: [String]) -> Data {
        let items = pages.map { "<item><title>\($0)</title><link>\(server.url("/news/\($0).html").absoluteString)</link><pubDate>Tue, 1 Dec 2026 09:30:00 GMT</pubDate></item>" }
        return Data("<rss version=\"2.0\"><channel><title>Loopback &amp; News</title><link>/</link>\(items.joined())</channel></rss>".utf8)
    }

    /// Runs the executable off the concurrency pool, so the in-process server keeps answering.
    func fetch(_ args: [String]) async throws -> Harness.Output {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try Harness.run("newswire-fetch", args, timeout: 60) }) }.start()
        }
    }

    @Test func twoOneShotPassesWithOneStateFetchEachPageOnceAndRepollConditionally() async throws {
        let server = try await LoopbackServer.start()
        await server.route("/robots.txt", .status(404))
        await server.route("/feed.xml", .conditional(body: feed(server, pages: ["a", "b"]), etag: "\"v1\"", lastModified: nil,
                                                     contentType: "application/rss+xml"))
        for p in ["a", "b"] { await server.route("/news/\(p).html", .html("<html><body><p>Story \(p).</p></body></html>")) }
        let dir = try Harness.temporaryFolder()
        let args = ["--once", "--state", dir.appendingPathComponent("state.sqlite").path, "--host-delay", "0",
                    server.url("/feed.xml").absoluteString]
        let first = try await fetch(args)
        #expect(first.status == 0, "\(String(decoding: first.stderr, as: UTF8.self))")
        let lines = JSONLines.lines(in: first.stdout)
        #expect(lines.count == 2)
        let bodies = try lines.map { try JSONLines.message(from: $0).decode(ArticleFetched.self) }
        #expect(Set(bodies.map { URL(string: $0.url)!.lastPathComponent }) == ["a.html", "b.html"])

        let second = try await fetch(args)
        #expect(second.status == 0)
        #expect(JSONLines.lines(in: second.stdout).isEmpty)
        #expect(await server.requests(path: "/news/a.html").count == 1)
        #expect(await server.requests(path: "/feed.xml").last?.header("if-none-match") == "\"v1\"")
        await server.shutdown()
    }

    @Test func parseFeedPrintsWhatWasUnderstood() async throws {
        let server = try await LoopbackServer.start()
        await server.route("/feed.xml", .fixed(status: 200, headers: [("Content-Type", "application/rss+xml")],
                                               body: feed(server, pages: ["a"])))
        let result = try await fetch(["--parse-feed", server.url("/feed.xml").absoluteString])
        await server.shutdown()
        #expect(result.status == 0, "\(String(decoding: result.stderr, as: UTF8.self))")
        let object = try #require(try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any])
        #expect(object["format"] as? String == "rss-2.0")
        #expect(object["title"] as? String == "Loopback & News")
        let items = try #require(object["items"] as? [[String: Any]])
        #expect(items.first?["url"] as? String == server.url("/news/a.html").absoluteString)
        #expect(items.first?["published"] as? String == "2026-12-01T09:30:00Z")
    }

    @Test func anUnreachableFeedIsReportedAndTheRunStillEnds() async throws {
        let dir = try Harness.temporaryFolder()
        let result = try await fetch(["--once", "--state", dir.appendingPathComponent("s.sqlite").path,
                                      "http://no-such-host.invalid/feed.xml"])
        #expect(result.status == 0)
        #expect(String(decoding: result.stderr, as: UTF8.self).contains("no-such-host.invalid"))
    }

    /// SIGKILL in the middle of a crawl, then the same command again: every page comes out,
    /// and none is fetched again except at most the one in flight when the crawl died.
    @Test func aCrawlKilledMidwayResumesWithoutFetchingAgain() async throws {
        let server = try await LoopbackServer.start()
        let pages = (1...24).map { "p\($0)" }
        await server.route("/robots.txt", .status(404))
        await server.route("/feed.xml", .conditional(body: feed(server, pages: pages), etag: "\"v1\"", lastModified: nil,
                                                     contentType: "application/rss+xml"))
        for p in pages { await server.route("/news/\(p).html", .html("<html><body><p>Story \(p).</p></body></html>")) }
        let dir = try Harness.temporaryFolder()
        let args = ["--once", "--state", dir.appendingPathComponent("state.sqlite").path, "--host-delay", "0.15",
                    server.url("/feed.xml").absoluteString]
        let killed = try Harness.start("newswire-fetch", args, log: dir.appendingPathComponent("first.log"))
        try await Task.sleep(for: .seconds(1.5))
        kill(killed.processIdentifier, SIGKILL)
        killed.waitUntilExit()
        // start() sends stdout and stderr to one log; the JSON lines are those that parse.
        let firstLines = JSONLines.lines(in: try Data(contentsOf: dir.appendingPathComponent("first.log")))
            .compactMap { try? JSONLines.message(from: $0) }
        #expect(firstLines.count > 0 && firstLines.count < pages.count, "the kill came too early or too late: \(firstLines.count)")

        let second = try await fetch(args)
        #expect(second.status == 0)
        let secondLines = try JSONLines.lines(in: second.stdout).map { try JSONLines.message(from: $0) }
        let emitted = Set((firstLines + secondLines).map(\.header.id))
        #expect(emitted.count == pages.count, "\(emitted.count) of \(pages.count) pages came out")
        var refetched = 0
        for p in pages { refetched += max(0, await server.requests(path: "/news/\(p).html").count - 1) }
        #expect(refetched <= 1, "\(refetched) page(s) fetched twice")
        #expect(await server.requests(path: "/feed.xml").last?.header("if-none-match") == "\"v1\"")
        await server.shutdown()
    }
}
