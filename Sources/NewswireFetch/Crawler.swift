import Foundation
import Logging
import NewswireFeeds
import NewswireStageSDK
import NewswireWARC
import NewswireWire
import Zlib

/// How a crawl runs.
public struct CrawlSettings: Sendable {
    public enum Mode: Sendable, Equatable {
        /// Poll every source once, fetch what is new, then finish (`--once`, `--until-done`).
        case singlePass
        /// Poll feeds and sitemaps forever, each on its own adapting schedule.
        case continuous
    }
    public var mode: Mode = .continuous
    public var politeness = PolitenessLimits()
    public var poll = PollSchedule.Configuration()
    /// At most this many fetched pages wait for the runner before fetching pauses.
    public var readyLimit = 1000
    public var userAgent: String
    /// Largest sitemap or feed accepted after gunzip, in bytes.
    public var maxDocumentBytes = 50 << 20
    /// One-shot runs have no delivery journal: saved pages already emitted are skipped.
    public var skipsFilesAlreadyEmitted = false
    public init(userAgent: String) { self.userAgent = userAgent }
}

/// The crawler: polls feeds, sitemaps and OPML lists on their schedules, fetches the pages
/// they name under robots.txt and per-host politeness, replays WARC files, and hands every
/// fetched page to the source runner through ``ReadyOrigins`` — persisting each step in the
/// ``CrawlStore`` so a restart re-fetches nothing.
///
/// Socket-free and clock-injectable: tests drive it with a loopback server or a scripted
/// ``WebClient``.
public actor Crawler {
    public nonisolated let ready = ReadyOrigins()
    let settings: CrawlSettings
    let store: CrawlStore
    let client: any WebClient
    let archive: CrawlArchive?
    let counters: Counters
    let logger: Logger
    let now: @Sendable () -> Date

    var frontier: CrawlFrontier
    var robots: RobotsCache
    var subscriptions: [String: Subscription] = [:]
    var localInputs: [LocalInput] = []
    var fetchesInFlight = 0
    var pollsInFlight = 0
    var replaysInFlight = 0
    var random = SystemRandomNumberGenerator()
    var lastPrune = Date.distantPast

    /// A URL polled on a schedule: a feed, a sitemap, an OPML list, or an input of unknown kind.
    struct Subscription {
        enum Kind: Equatable { case unknown, feed, sitemap, opml, page, broken }
        var url: URL
        var kind: Kind = .unknown
        var schedule: PollSchedule
        var polling = false
        var polls = 0
        var pollable: Bool { kind != .page && kind != .broken }
    }

    enum LocalInput { case page(String), document(String), warc(String) }

    public init(inputs: [String], settings: CrawlSettings, store: CrawlStore, client: any WebClient,
                archive: CrawlArchive? = nil, counters: Counters, logger: Logger = Logger(label: "newswire.fetch"),
                now: @escaping @Sendable () -> Date = { Date() }) throws(FetchError) {
        self.settings = settings
        self.store = store
        self.client = client
        self.archive = archive
        self.counters = counters
        self.logger = logger
        self.now = now
        frontier = CrawlFrontier(politeness: HostPoliteness(limits: settings.politeness)) { url in
            guard let state = try? store.state(of: url) else { return false }
            return state != .queued
        }
        robots = RobotsCache(policy: RobotsPolicy(userAgent: "Newswire"))
        for input in try CrawlInputs.classify(inputs) {
            switch input {
            case .web(let url): subscriptions[url.absoluteString] = Subscription(url: url, schedule: PollSchedule(configuration: settings.poll, now: now()))
            case .page(let path): localInputs.append(.page(path))
            case .document(let path): localInputs.append(.document(path))
            case .warc(let path): localInputs.append(.warc(path))
            }
        }
    }

    // MARK: The loop

    /// Crawls until done (single pass) or cancelled; then marks ``ready`` finished.
    public func run() async {
        resumeEarlierRun()
        startLocalInputs()
        while !Task.isCancelled {
            launchDuePolls()
            launchFetches()
            pruneNowAndThen()
            publishGauges()
            if isFinished { break }
            try? await Task.sleep(for: .milliseconds(15))
        }
        while fetchesInFlight + pollsInFlight + replaysInFlight > 0 { try? await Task.sleep(for: .milliseconds(15)) }
        try? archive?.close()
        ready.finish()
    }

    var isFinished: Bool {
        guard fetchesInFlight == 0, pollsInFlight == 0, replaysInFlight == 0, frontier.count == 0 else { return false }
        let unpolled = subscriptions.values.contains { $0.pollable && ($0.polls == 0 || $0.polling) }
        if unpolled { return false }
        return settings.mode == .singlePass || !subscriptions.values.contains { $0.pollable }
    }

    /// Pages fetched but never handed on, and URLs found but never fetched, by a run that died.
    func resumeEarlierRun() {
        let unhanded = (try? store.unhandedOrigins()) ?? []
        if !unhanded.isEmpty { logger.notice("handing on \(unhanded.count) page(s) fetched by the last run") }
        ready.push(contentsOf: unhanded)
        let queued = (try? store.queued()) ?? []
        for entry in queued {
            guard let url = URL(string: entry.url) else { continue }
            _ = frontier.enqueue(url, priority: CrawlPriority(rawValue: entry.priority) ?? .normal)
        }
        if !queued.isEmpty { logger.notice("resuming \(queued.count) URL(s) found by the last run") }
    }

    func publishGauges() {
        counters.setGauge("fetch_queued_urls", Double(frontier.count))
        counters.setGauge("fetch_ready_pages", Double(ready.count))
        counters.setGauge("fetch_in_flight", Double(fetchesInFlight))
        let nextPoll = subscriptions.values.filter(\.pollable).map { $0.schedule.nextPoll(now: now()) }.min()
        counters.setGauge("fetch_next_poll_seconds", nextPoll.map { max(0, $0.timeIntervalSince(now())) } ?? -1)
    }

    func pruneNowAndThen() {
        guard now().timeIntervalSince(lastPrune) > 5 else { return }
        lastPrune = now()
        _ = try? store.pruneSettled()
    }

    // MARK: Polling feeds, sitemaps and lists

    func launchDuePolls() {
        let t = now()
        for (key, sub) in subscriptions where sub.pollable && !sub.polling {
            let due = sub.polls == 0 || (settings.mode == .continuous && sub.schedule.isDue(now: t))
            guard due else { continue }
            subscriptions[key]?.polling = true
            pollsInFlight += 1
            Task { await self.poll(key) }
        }
    }

    func poll(_ key: String) async {
        defer { pollsInFlight -= 1; subscriptions[key]?.polling = false; subscriptions[key]?.polls += 1 }
        guard let sub = subscriptions[key] else { return }
        var record = (try? store.feed(key)) ?? CrawlStore.FeedRecord(url: key, polls: 0, newItems: 0)
        let request = WebRequest(url: sub.url, etag: record.etag, lastModified: record.lastModified,
                                 accept: "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.5, */*;q=0.1")
        counters.add("fetch_polls", labels: ["source": key])
        let result: PollResult
        do {
            let (response, exchange) = try await get(request)
            record.lastStatus = response.status
            result = try handlePoll(response, exchange: exchange, key: key, record: &record)
        } catch {
            logger.warning("cannot poll \(key): \(error)")
            counters.add("fetch_poll_errors", labels: ["source": key])
            result = .failed(retryAfter: nil)
        }
        var schedule = subscriptions[key]?.schedule ?? sub.schedule
        schedule.record(result, at: now(), random: &random)
        subscriptions[key]?.schedule = schedule
        record.schedule = schedule
        record.polls += 1
        if case .newItems(let n) = result { record.newItems += n }
        try? store.save(record)
    }

    /// What one poll's response means for its subscription.
    func handlePoll(_ response: WebResponse, exchange: HTTPExchange, key: String,
                    record: inout CrawlStore.FeedRecord) throws -> PollResult {
        if response.isNotModified { return .unchanged }
        guard (200..<300).contains(response.status) else {
            logger.warning("\(key) answered HTTP \(response.status)")
            return .failed(retryAfter: response.retryAfter.map { TimeInterval($0.components.seconds) })
        }
        record.etag = response.etag
        record.lastModified = response.lastModified
        let body = try decompressed(response.body, url: key)
        let found = try discover(in: body, url: response.finalURL, charset: response.charset, key: key, exchange: exchange)
        return found > 0 ? .newItems(count: found) : .unchanged
    }

    /// Reads a document of any kind fetch follows; returns how many new URLs it gave.
    func discover(in body: Data, url: URL, charset: String?, key: String, exchange: HTTPExchange?) throws -> Int {
        switch DocumentKind.detect(body) {
        case .feed, .jsonFeed:
            subscriptions[key]?.kind = .feed
            let feed = try FeedParser.parse(body, url: url, charset: charset)
            return found(feed.items.compactMap(\.url), source: key)
        case .sitemap:
            subscriptions[key]?.kind = .sitemap
            return found(try SitemapParser.parse(body, url: url).urls.map(\.loc), source: key)
        case .sitemapIndex:
            subscriptions[key]?.kind = .sitemap
            return subscribe(try SitemapParser.parse(body, url: url).sitemaps)
        case .opml:
            subscriptions[key]?.kind = .opml
            return subscribe(try OPMLParser.parse(body, url: url).outlines.map(\.xmlURL))
        case .html:
            return try handleHTMLInput(body, url: url, key: key, exchange: exchange)
        case .warc, .unknown:
            subscriptions[key]?.kind = .broken
            throw FetchError.transport(url: key, reason: "neither a feed, a sitemap, an OPML list nor an HTML page")
        }
    }

    /// An HTML answer to a poll: on first sight an input URL that is a page is fetched as one;
    /// a feed that turned into HTML is an error that names the feeds the page advertises.
    func handleHTMLInput(_ body: Data, url: URL, key: String, exchange: HTTPExchange?) throws -> Int {
        guard subscriptions[key]?.kind == .unknown, let exchange else {
            let advertised = FeedParser.discoverFeeds(inHTML: body, url: url)
            throw FetchError.transport(url: key, reason: "is an HTML page, not a feed"
                + (advertised.isEmpty ? "" : "; it names these feeds: \(advertised.joined(separator: ", "))"))
        }
        subscriptions[key]?.kind = .page
        let canonical = CanonicalURL.canonicalize(key)
        guard (try? store.state(of: canonical)) != .fetched else { return 0 }
        handOn(CrawlPage.page(from: exchange, source: nil), requested: canonical, finalURL: url, status: exchange.status)
        return 1
    }

    func decompressed(_ body: Data, url: String) throws -> Data {
        guard Gzip.isGzip(body) else { return body }
        do { return try Gzip.decompress(body, limit: settings.maxDocumentBytes) } catch {
            throw FetchError.transport(url: url, reason: "cannot gunzip: \(error)")
        }
    }

    /// Queues the URLs a feed or sitemap lists that were never seen; returns how many.
    func found(_ links: [String], source: String) -> Int {
        let canonical = links.map(CanonicalURL.canonicalize).filter { $0.hasPrefix("http://") || $0.hasPrefix("https://") }
        let fresh = (try? store.queue(canonical, source: source, priority: CrawlPriority.newItem.rawValue)) ?? []
        for link in fresh { if let url = URL(string: link) { _ = frontier.enqueue(url, priority: .newItem) } }
        counters.add("fetch_items", labels: ["source": source, "kind": "new"], fresh.count)
        counters.add("fetch_items", labels: ["source": source, "kind": "seen"], canonical.count - fresh.count)
        return fresh.count
    }

    /// Adds the feeds an OPML list or a sitemap index names; returns how many were new.
    func subscribe(_ links: [String]) -> Int {
        var added = 0
        for link in links {
            guard let url = URL(string: link), url.host != nil, subscriptions[link] == nil else { continue }
            subscriptions[link] = Subscription(url: url, schedule: PollSchedule(configuration: settings.poll, now: now()))
            added += 1
        }
        return added
    }

    // MARK: Fetching pages

    func launchFetches() {
        while ready.count < settings.readyLimit, let (url, token) = frontier.next(now: now()) {
            switch robots.decision(for: url, now: now()) {
            case .allowed(let crawlDelay):
                if let crawlDelay { frontier.setCrawlDelay(crawlDelay, for: token.host) }
                startFetch(url, token: token)
            case .disallowed(let reason):
                refuseByRobots(url, reason: reason)
                frontier.release(token, now: now())
            case .needsRobots(let robotsURL):
                frontier.requeue(url, priority: .newItem)
                startRobotsFetch(robotsURL, token: token)
            case .waiting:
                frontier.requeue(url, priority: .normal)
                frontier.release(token, now: now())
                return
            }
        }
    }

    func refuseByRobots(_ url: URL, reason: String) {
        let canonical = CanonicalURL.canonicalize(url.absoluteString)
        logger.notice("robots.txt disallows \(url.absoluteString): \(reason)")
        counters.add("fetch_robots_refusals", labels: ["host": url.host ?? "?"])
        try? store.recordOutcome(canonical, state: .disallowed, reason: "disallowed by robots.txt (\(reason))")
        ready.push(canonical)  // dead-lettered with its reason by the runner
    }

    func startRobotsFetch(_ robotsURL: URL, token: PolitenessToken) {
        fetchesInFlight += 1
        Task {
            let outcome: RobotsFetchOutcome
            do {
                let (response, _) = try await get(WebRequest(url: robotsURL, accept: "text/plain"))
                outcome = .response(status: response.status, body: response.body, maxAge: nil)
            } catch {
                outcome = .unreachable(reason: "\(error)")
            }
            self.recordRobots(outcome, robotsURL: robotsURL, token: token)
        }
    }

    func recordRobots(_ outcome: RobotsFetchOutcome, robotsURL: URL, token: PolitenessToken) {
        robots.record(outcome, robotsURL: robotsURL, now: now())
        frontier.release(token, now: now())
        fetchesInFlight -= 1
        launchFetches()
    }

    func startFetch(_ url: URL, token: PolitenessToken) {
        fetchesInFlight += 1
        let canonical = CanonicalURL.canonicalize(url.absoluteString)
        let source = try? store.source(of: canonical)
        Task {
            let request = WebRequest(url: url, referer: source)
            let outcome: Result<(WebResponse, HTTPExchange), any Error>
            do { outcome = .success(try await get(request)) } catch { outcome = .failure(error) }
            self.finishFetch(canonical, source: source, outcome: outcome, token: token)
        }
    }

    func finishFetch(_ canonical: String, source: String?, outcome: Result<(WebResponse, HTTPExchange), any Error>,
                     token: PolitenessToken) {
        // A finished request frees its slot at once, not at the loop's next turn.
        defer { fetchesInFlight -= 1; frontier.release(token, now: now()); launchFetches() }
        switch outcome {
        case .failure(let error):
            fail(canonical, status: nil, reason: "\(error)")
        case .success(let (response, exchange)):
            if response.status == 429 || response.status == 503, let wait = response.retryAfter {
                frontier.backOff(host: token.host, until: now().addingTimeInterval(TimeInterval(wait.components.seconds)))
            }
            guard (200..<300).contains(response.status) else {
                fail(canonical, status: response.status, reason: "HTTP \(response.status)")
                return
            }
            if let kind = Optional(DocumentKind.detect(response.body)), [.feed, .jsonFeed, .opml, .sitemap, .sitemapIndex].contains(kind) {
                fail(canonical, status: response.status, reason: "is a feed or sitemap, not an article page")
                return
            }
            handOn(CrawlPage.page(from: exchange, source: source), requested: canonical, finalURL: response.finalURL,
                   status: response.status)
        }
    }

    /// A page fetched: recorded with its other names, cached, and queued for the runner.
    func handOn(_ page: FetchedPage, requested canonical: String, finalURL: URL, status: Int) {
        var aliases = [CanonicalURL.canonicalize(finalURL.absoluteString)]
        if let link = CrawlPage.canonicalLink(in: page.bytes, pageURL: finalURL) {
            aliases.append(CanonicalURL.canonicalize(link.absoluteString))
        }
        aliases = Array(Set(aliases.filter { $0 != canonical }))
        do {
            try store.recordFetched(canonical, aliases: aliases, origin: canonical, message: try page.message(), httpStatus: status)
            ready.push(canonical)
        } catch {
            logger.error("cannot record \(canonical) in \(store.path): \(error)")
        }
    }

    /// A page that cannot be fetched: recorded, then dead-lettered by the runner with the reason.
    func fail(_ canonical: String, status: Int?, reason: String) {
        logger.warning("cannot fetch \(canonical): \(reason)")
        counters.add("fetch_page_errors", labels: ["host": URL(string: canonical)?.host ?? "?"])
        try? store.recordOutcome(canonical, state: .failed, httpStatus: status, reason: reason)
        ready.push(canonical)
    }

    /// One GET through the client, counted per host and archived.
    func get(_ request: WebRequest) async throws -> (WebResponse, HTTPExchange) {
        let host = request.url.host ?? "?"
        let response: WebResponse
        do { response = try await client.get(request) } catch {
            counters.add("fetch_responses", labels: ["host": host, "class": "error"])
            throw error
        }
        counters.add("fetch_responses", labels: ["host": host, "class": Self.statusClass(response.status)])
        counters.add("fetch_bytes", labels: ["host": host], response.body.count)
        let exchange = CrawlPage.exchange(for: response, request: request, userAgent: settings.userAgent, at: now())
        do { try archive?.write(exchange) } catch { logger.error("cannot write to the WARC archive: \(error)") }
        return (response, exchange)
    }

    static func statusClass(_ status: Int) -> String { status == 304 ? "304" : "\(status / 100)xx" }
}
