import Foundation
import NewswireFetch
import NewswireFetchTesting
import NewswireStageSDK
import NewswireWARC
import NewswireWire
import Testing

/// The crawler against a real HTTP server on loopback: feeds, robots.txt, politeness,
/// conditional polls, durable state and WARC replay, asserted on what the server received.
@Suite(.serialized) struct CrawlerTests {
    static let hosts = ["news.test", "wire.test"]

    func rss(_ server: LoopbackServer, host: String, pages: [String]) -> Data {
        let items = pages.map { p in
            "<item><title>\(p)</title><link>\(server.url("/articles/\(p).html", host: host).absoluteString)?utm_source=rss</link></item>"
        }.joined()
        return Data("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>\(host)</title>\(items)</channel></rss>".utf8)
    }

    func page(_ title: String) -> LoopbackRoute {
        .html("<html><head><title>\(title)</title></head><body><article><p>\(title): the council said 214 were detained.</p></article></body></html>")
    }

    /// Serves a feed on each host, its pages, and a robots.txt that forbids /private/.
    func newsServer() async throws -> LoopbackServer {
        let server = try await LoopbackServer.start()
        for host in Self.hosts {
            await server.route("/robots.txt", host: host, .fixed(status: 200, headers: [("Content-Type", "text/plain")],
                                                                 body: Data("User-agent: *\nDisallow: /private/\n".utf8)))
            await server.route("/feed.xml", host: host, .conditional(
                body: rss(server, host: host, pages: ["a", "b", "c"]) + Data("<!-- \(host) -->".utf8),
                etag: "\"\(host)-v1\"", lastModified: nil, contentType: "application/rss+xml"))
            for p in ["a", "b", "c"] { await server.route("/articles/\(p).html", host: host, page("\(host) \(p)")) }
        }
        return server
    }

    struct Run { var messages: [Message]; var failures: [String: String] }

    func crawl(_ inputs: [String], state: URL, server: LoopbackServer, hostDelay: Double = 0,
               warc: String? = nil) async throws -> Run {
        var web = WebClientSettings(userAgent: WebClientSettings.userAgent(contact: "https://newswire.test/contact"),
                                    connectTimeout: .seconds(5), readTimeout: .seconds(5), totalTimeout: .seconds(10))
        for host in Self.hosts { web.hostOverrides[host] = "127.0.0.1" }
        let http = HTTPWebClient(settings: web)
        let store = try CrawlStore(path: state.path)
        var settings = CrawlSettings(userAgent: web.userAgent)
        settings.mode = .singlePass
        settings.politeness = PolitenessLimits(minimumDelay: hostDelay, perHostConcurrency: 1, globalConcurrency: 8)
        let archive = try warc.map { try CrawlArchive(directory: $0, maxFileBytes: 1 << 20) }
        let crawler = try Crawler(inputs: inputs, settings: settings, store: store, client: http, archive: archive,
                                  counters: Counters(stage: "fetch", replica: "test"))
        await crawler.run()
        try await http.shutdown()
        var source = CrawlSource(ready: crawler.ready, store: store, fetcher: Fetcher(), forgetsWhenDelivered: true)
        var run = Run(messages: [], failures: [:])
        while let origin = try source.nextOrigin() {
            do { run.messages.append(try source.load(origin)); try source.delivered(origin) } catch { run.failures[origin] = "\(error)" }
        }
        return run
    }

    func temporary() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("newswire-crawl-\(UUID())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test func feedsArePolledPagesFetchedOnceAndASecondPassUsesConditionalRequests() async throws {
        let server = try await newsServer()
        let dir = try temporary()
        let feeds = Self.hosts.map { server.url("/feed.xml", host: $0).absoluteString }
        let first = try await crawl(feeds, state: dir.appendingPathComponent("state.sqlite"), server: server)
        #expect(first.messages.count == 6)
        let bodies = try first.messages.map { try $0.decode(ArticleFetched.self) }
        // Tracking parameters are not part of a page's identity; the feed is its source.
        #expect(bodies.allSatisfy { !$0.url.contains("utm_") && $0.source?.hasSuffix("/feed.xml") == true })
        #expect(bodies.allSatisfy { $0.contentType == "text/html" && $0.charset == "utf-8" })
        // robots.txt first on each host, each page once, with the User-Agent naming the contact.
        for host in Self.hosts {
            let requests = await server.requests.filter { $0.host?.hasPrefix(host) == true }
            let pages = requests.filter { $0.path.hasPrefix("/articles/") }
            #expect(requests.first { $0.path != "/feed.xml" }?.path == "/robots.txt")
            #expect(pages.count == 3)
            #expect(pages.allSatisfy { $0.header("user-agent")?.contains("https://newswire.test/contact") == true })
            #expect(pages.allSatisfy { $0.header("referer")?.hasSuffix("/feed.xml") == true })
        }

        let second = try await crawl(feeds, state: dir.appendingPathComponent("state.sqlite"), server: server)
        #expect(second.messages.isEmpty)
        let polls = await server.requests(path: "/feed.xml", host: "news.test")
        #expect(polls.count == 2)
        #expect(polls.last?.header("if-none-match") == "\"news.test-v1\"")
        #expect(await server.requests(path: "/articles/a.html", host: "news.test").count == 1)
        await server.shutdown()
    }

    @Test func robotsTxtIsHonouredAndARefusedPageIsAFailureWithItsReason() async throws {
        let server = try await newsServer()
        let dir = try temporary()
        let secret = server.url("/private/plans.html", host: "news.test").absoluteString
        await server.route("/private/plans.html", host: "news.test", page("secret"))
        await server.route("/list.xml", host: "news.test", .fixed(status: 200, headers: [("Content-Type", "application/xml")],
            body: Data("""
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>\(secret)</loc></url>\
            <url><loc>\(server.url("/articles/a.html", host: "news.test").absoluteString)</loc></url></urlset>
            """.utf8)))
        let run = try await crawl([server.url("/list.xml", host: "news.test").absoluteString],
                                  state: dir.appendingPathComponent("state.sqlite"), server: server)
        #expect(run.messages.count == 1)
        #expect(await server.requests(path: "/private/plans.html", host: "news.test").isEmpty)
        #expect(run.failures[secret]?.contains("robots.txt") == true)
        await server.shutdown()
    }

    @Test func theDelayBetweenTwoRequestsToOneHostHolds() async throws {
        let server = try await newsServer()
        let dir = try temporary()
        _ = try await crawl([server.url("/feed.xml", host: "news.test").absoluteString],
                            state: dir.appendingPathComponent("state.sqlite"), server: server, hostDelay: 0.5)
        let starts = await server.requests.filter { $0.host?.hasPrefix("news.test") == true && $0.path != "/feed.xml" }
            .map(\.receivedAt)
        #expect(starts.count == 4)  // robots.txt and three pages
        // Arrival times are taken by the server when its handler runs, which a busy machine can
        // delay for one request and not the next: allow that much, never a missing delay.
        for (a, b) in zip(starts, starts.dropFirst()) { #expect(b - a >= .milliseconds(350)) }
        await server.shutdown()
    }

    @Test func aRecordedCrawlReplaysToTheSameMessagesWithoutTheNetwork() async throws {
        let server = try await newsServer()
        let dir = try temporary()
        let warc = dir.appendingPathComponent("warc").path
        let feeds = Self.hosts.map { server.url("/feed.xml", host: $0).absoluteString }
        let live = try await crawl(feeds, state: dir.appendingPathComponent("live.sqlite"), server: server, warc: warc)
        await server.shutdown()
        let files = try WARC.files(in: warc)
        #expect(!files.isEmpty)

        let replayed = try await crawl([warc], state: dir.appendingPathComponent("replay.sqlite"), server: server)
        func key(_ m: Message) -> String { m.header.id }
        let liveByID = Dictionary(uniqueKeysWithValues: live.messages.map { (key($0), $0) })
        #expect(replayed.messages.count == live.messages.count)
        for m in replayed.messages {
            let original = try #require(liveByID[key(m)])
            #expect(m.body == original.body, "article.fetched body differs for \(key(m))")
            #expect(m.raw == original.raw)
        }
    }

    @Test func aFeedThatIsReallyHTMLIsReportedAndOtherSourcesGoOn() async throws {
        let server = try await newsServer()
        let dir = try temporary()
        await server.route("/broken.xml", host: "wire.test", .fixed(status: 200, headers: [("Content-Type", "text/html")],
            body: Data("<html><head><link rel=\"alternate\" type=\"application/rss+xml\" href=\"/feed.xml\"></head></html>".utf8)))
        await server.route("/missing.xml", host: "wire.test", .status(404))
        let inputs = [server.url("/broken.xml", host: "wire.test"), server.url("/missing.xml", host: "wire.test"),
                      server.url("/feed.xml", host: "news.test"), URL(string: "http://no-such-host.invalid/feed.xml")!]
        let run = try await crawl(inputs.map(\.absoluteString), state: dir.appendingPathComponent("state.sqlite"), server: server)
        // broken.xml is an HTML page given as an input: fetched as a page; the rest go on.
        #expect(run.messages.count == 4)
        await server.shutdown()
    }
}
