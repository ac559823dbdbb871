import ArgumentParser
import Foundation
import NewswireFetchTesting
import NewswireStageSDK

/// The server side of `Scripts/bench fetch`: generated news sites on one loopback port, told
/// apart by the Host header, so fetch and the reference client crawl the same pages.
struct ServeNews: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve-news",
        abstract: "Serve generated news sites on 127.0.0.1 until SIGINT/SIGTERM; prints `listening PORT`.",
        discussion: """
        Each virtual host hostK.bench (K = 1…hosts) serves /robots.txt (allow all), /feed.xml (RSS 2.0 \
        listing its pages as http://hostK.bench:PORT/articles/N.html) and its /articles/N.html (about \
        5 KB each); pages are spread round-robin over the hosts. /feeds.opml, on any host, lists every feed.
        """)

    @Option var hosts = 20
    @Option var pages = 2000
    @Option(help: "0: any free port.") var port = 0
    @Option(help: "Cut each host's feed into feeds of this many items (/feed.xml, /feed-2.xml, …), all in the OPML.")
    var itemsPerFeed: Int?

    func validate() throws {
        guard hosts >= 1, pages >= 0 else { throw ValidationError("need --hosts >= 1 and --pages >= 0") }
        if let itemsPerFeed, itemsPerFeed < 1 { throw ValidationError("--items-per-feed must be at least 1") }
    }

    func run() throws {
        let shutdown = ShutdownSignal.installed()
        let (hosts, pages, port, itemsPerFeed) = (hosts, pages, port, itemsPerFeed)
        try runBlocking {
            let server = try await LoopbackServer.start(port: port)
            let layout = NewsSiteLayout(hosts: hosts, pages: pages, port: server.port, itemsPerFeed: itemsPerFeed)
            await Self.publish(layout, on: server)
            Self.announce("listening \(server.port)")
            while !shutdown.isRequested { try? await Task.sleep(for: .milliseconds(100)) }
            let served = await server.requests.count
            await server.shutdown()
            FileHandle.standardError.write(Data("serve-news: served \(served) requests\n".utf8))
        }
    }

    /// Routes the shared OPML, then every host's robots.txt, feeds and articles.
    static func publish(_ layout: NewsSiteLayout, on server: LoopbackServer) async {
        await server.route("/feeds.opml", ok(NewsSiteContent.opml(layout: layout), type: "text/x-opml; charset=utf-8"))
        for k in 1...layout.hosts { await publishHost(k, layout, on: server) }
    }

    /// One host's site; each article is generated once, for its page and its feed item.
    static func publishHost(_ k: Int, _ layout: NewsSiteLayout, on server: LoopbackServer) async {
        let host = layout.hostName(k)
        await server.route("/robots.txt", host: host, ok(NewsSiteContent.robots, type: "text/plain"))
        let articles = Dictionary(uniqueKeysWithValues: layout.pages(onHost: k).map { ($0, NewsSiteContent.article($0, host: k)) })
        for (i, items) in layout.feedChunks(host: k).enumerated() {
            let feed = NewsSiteContent.rssFeed(layout: layout, host: k, items: items.compactMap { articles[$0] })
            await server.route(layout.feedPath(i), host: host, ok(feed, type: "application/rss+xml; charset=utf-8"))
        }
        for (n, article) in articles {
            await server.route(layout.articlePath(n), host: host,
                               .html(NewsSiteContent.articlePage(article, url: layout.articleURL(n))))
        }
    }

    static func ok(_ body: String, type: String) -> LoopbackRoute {
        .fixed(status: 200, headers: [("Content-Type", type)], body: Data(body.utf8))
    }

    /// One line on stdout, written unbuffered: the benchmark script waits for it through a pipe.
    static func announce(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }
}
