import Foundation
import NewswireFeeds
import NewswireWARC
import NewswireWire

/// Local inputs: saved pages go straight to the runner, local feeds and lists feed the
/// frontier, WARC files are replayed with no network.
extension Crawler {
    func startLocalInputs() {
        for input in localInputs {
            switch input {
            case .page(let path): handOnFile(path)
            case .document(let path): readDocument(path)
            case .warc(let path): startReplay(path)
            }
        }
    }

    /// A saved page is read again for every send, so only its origin waits in memory.
    func handOnFile(_ path: String) {
        let origin = URL(fileURLWithPath: path).absoluteString
        // One-shot runs have no delivery journal; the store remembers what they emitted.
        if settings.skipsFilesAlreadyEmitted, (try? store.state(of: origin)) == .fetched { return }
        ready.push(origin)
    }

    func readDocument(_ path: String) {
        let key = URL(fileURLWithPath: path).absoluteString
        do {
            let data = try decompressed(try Data(contentsOf: URL(fileURLWithPath: path)), url: key)
            subscriptions[key] = Subscription(url: URL(fileURLWithPath: path), kind: .unknown,
                                              schedule: PollSchedule(configuration: settings.poll, now: now()), polls: 1)
            _ = try discover(in: data, url: URL(fileURLWithPath: path), charset: nil, key: key, exchange: nil)
            // Read once: a local list is not polled again.
            subscriptions[key]?.kind = .page
        } catch {
            logger.error("cannot read \(path): \(error)")
            counters.add("fetch_poll_errors", labels: ["source": key])
        }
    }

    func startReplay(_ path: String) {
        replaysInFlight += 1
        Task { await self.replay(path) }
    }

    /// Emits every archived page response of a WARC file, in order, as the live crawl did.
    func replay(_ path: String) async {
        defer { replaysInFlight -= 1 }
        do {
            var reader = try WARCReader(path: path)
            var requests: [String: WARCRecord] = [:]
            while let record = try reader.next() {
                if record.type == .request, let id = record.recordID { requests[id] = record; continue }
                guard record.type == .response else { continue }
                var request: WARCRecord?
                for id in record.concurrentTo where request == nil { request = requests.removeValue(forKey: id) }
                try replayResponse(record, request: request)
                while ready.count >= settings.readyLimit { try await Task.sleep(for: .milliseconds(10)) }
            }
        } catch {
            logger.error("cannot replay \(path): \(error)")
            counters.add("fetch_poll_errors", labels: ["source": path])
        }
    }

    func replayResponse(_ record: WARCRecord, request: WARCRecord?) throws {
        let exchange = try HTTPExchange(response: record, request: request)
        guard (200..<300).contains(exchange.status), let url = URL(string: exchange.url),
              url.path != "/robots.txt" else { return }
        let kind = DocumentKind.detect(exchange.body)
        guard ![.feed, .jsonFeed, .opml, .sitemap, .sitemapIndex].contains(kind) else { return }
        let canonical = CanonicalURL.canonicalize(exchange.url)
        guard (try? store.state(of: canonical)) != .fetched else { return }
        let source = CrawlPage.source(ofRequest: exchange.requestHeaders)
        handOn(CrawlPage.page(from: exchange, source: source == CrawlPage.commandLine ? nil : source),
               requested: canonical, finalURL: url, status: exchange.status)
    }
}
