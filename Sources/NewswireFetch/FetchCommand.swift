import ArgumentParser
import Foundation
import NewswireFeeds
import NewswireStageSDK

/// `newswire-fetch`: the crawler on the stage SDK's source role. The executable is this
/// command's `main()`.
public struct FetchCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "newswire-fetch",
        abstract: "Follow feeds, sitemaps, OPML lists, pages, files, folders and WARC files; emit article.fetched messages.",
        discussion: """
        A SOURCE is a feed (RSS, Atom, JSON Feed), an OPML list, a sitemap, a page URL, a saved page, a folder or a \
        WARC file, by path or URL; its kind is read from its content. By default feeds are polled forever, each on \
        an interval that follows how often it changes. --until-done polls every source once and exits when every \
        article is stored or has failed; --once does the same pass without sockets and writes JSON Lines on \
        standard output. The --state file (SQLite) remembers feeds, validators, every URL fetched and the delivery \
        journal, so a restart fetches nothing twice.
        """)

    @OptionGroup public var options: SourceOptions

    @Argument(help: "Feeds, OPML lists, sitemaps, pages, files, folders or WARC files (paths or URLs).")
    public var sources: [String] = []

    @Flag(help: "Poll every source once, then exit when every article is stored or failed.")
    public var untilDone = false

    @Option(help: "Print what Newswire understands of one feed (file or URL) as JSON, and exit.")
    public var parseFeed: String?

    @Option(help: "Write every HTTP request and response to WARC files in this folder.")
    public var warcOut: String?

    @Option(help: "Start a new WARC file after this many bytes.")
    public var warcMaxBytes = 1 << 30

    @Option(help: "A page about this crawler, named in the User-Agent so site owners can reach you.")
    public var userAgentContact = "https://github.com/newswire/newswire"

    @Option(help: "Seconds between two requests to one host (robots.txt Crawl-delay can lengthen it).")
    public var hostDelay: Double = 1

    @Option(help: "Requests in flight to one host.")
    public var hostConcurrency = 1

    @Option(help: "Requests in flight in all.")
    public var concurrency = 32

    @Option(help: "Shortest and longest interval between two polls of a feed, in seconds.")
    public var minPoll: Double = 300
    @Option(help: "")
    public var maxPoll: Double = 6 * 3600

    @Option(help: "Pages and feeds larger than this many bytes are refused (checked while downloading).")
    public var maxBytes = 50 << 20

    @Option(help: "Seconds for one whole request, redirects and body included.")
    public var timeout: Double = 60

    @Option(help: "HOST=ADDRESS: connect to ADDRESS for HOST (repeatable), like curl's --resolve.")
    public var resolve: [String] = []

    public init() {}

    public func validate() throws {
        if parseFeed == nil && sources.isEmpty { throw ValidationError("give at least one SOURCE (or --parse-feed FILE|URL)") }
        for r in resolve where !r.contains("=") { throw ValidationError("--resolve takes HOST=ADDRESS, not '\(r)'") }
        if hostDelay < 0 || hostConcurrency < 1 || concurrency < 1 { throw ValidationError("politeness limits must be positive") }
    }

    public func run() throws {
        StageOptions.bootstrapLogging()
        if let parseFeed { return try FeedInspection.print(parseFeed, settings: webSettings) }
        let store = try CrawlStore(path: options.journalPath)
        let counters = Counters(stage: "fetch", replica: options.replica)
        let http = HTTPWebClient(settings: webSettings)
        let archive = try warcOut.map { try CrawlArchive(directory: $0, maxFileBytes: warcMaxBytes) }
        let crawler = try Crawler(inputs: sources, settings: crawlSettings, store: store,
                                  client: RetryingWebClient(base: http), archive: archive, counters: counters)
        let crawl = Task.detached { await crawler.run() }
        defer {
            crawl.cancel()
            // The runner's thread waits here, never the concurrency pool.
            _ = try? waitFor { await crawl.value; try await http.shutdown() }
        }
        var limits = Fetcher.Limits()
        limits.maxBytes = maxBytes
        var source = CrawlSource(ready: crawler.ready, store: store, fetcher: Fetcher(limits: limits), forgetsWhenDelivered: options.once)
        try options.run(&source, counters: counters)
    }

    var webSettings: WebClientSettings {
        var overrides: [String: String] = [:]
        for r in resolve {
            let parts = r.split(separator: "=", maxSplits: 1).map(String.init)
            overrides[parts[0]] = parts[1]
        }
        return WebClientSettings(
            userAgent: WebClientSettings.userAgent(contact: userAgentContact), connectTimeout: .seconds(min(10, timeout)),
            readTimeout: .seconds(min(30, timeout)), totalTimeout: .seconds(timeout), maxBodyBytes: maxBytes,
            hostOverrides: overrides)
    }

    var crawlSettings: CrawlSettings {
        var s = CrawlSettings(userAgent: webSettings.userAgent)
        s.mode = (options.once || untilDone) ? .singlePass : .continuous
        s.politeness = PolitenessLimits(minimumDelay: hostDelay, perHostConcurrency: hostConcurrency, globalConcurrency: concurrency)
        s.poll = PollSchedule.Configuration(minInterval: minPoll, maxInterval: max(minPoll, maxPoll))
        s.readyLimit = max(2 * options.window, 64)
        s.skipsFilesAlreadyEmitted = options.once
        return s
    }
}

/// `--parse-feed`: one feed, fetched or read, printed as Newswire understands it.
enum FeedInspection {
    static func print(_ location: String, settings: WebClientSettings) throws {
        let (data, url, charset) = try read(location, settings: settings)
        let feed: Feed
        do { feed = try FeedParser.parse(data, url: url, charset: charset) } catch {
            throw ValidationError("\(location): \(error)")
        }
        var out = feed.jsonData(pretty: true)
        out.append(10)
        FileHandle.standardOutput.write(out)
    }

    static func read(_ location: String, settings: WebClientSettings) throws -> (Data, URL, String?) {
        guard location.hasPrefix("http://") || location.hasPrefix("https://") else {
            let url = URL(fileURLWithPath: try CrawlInputs.localPath(location))
            do { return (try Data(contentsOf: url), url, nil) } catch {
                throw ValidationError("cannot read \(url.path): \(error.localizedDescription)")
            }
        }
        guard let url = URL(string: location) else { throw ValidationError("'\(location)' is not a valid URL") }
        let response = try waitFor {
            let client = HTTPWebClient(settings: settings)
            do {
                let r = try await RetryingWebClient(base: client).get(WebRequest(url: url))
                try await client.shutdown()
                return r
            } catch {
                try? await client.shutdown()
                throw error
            }
        }
        guard (200..<300).contains(response.status) else { throw ValidationError("\(location) answered HTTP \(response.status)") }
        return (response.body, response.finalURL, response.charset)
    }
}
