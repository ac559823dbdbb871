import Foundation
import NewswireStageSDK
import NewswireWire

/// The crawler as a stage-SDK ``Source``: origins come from ``ReadyOrigins`` as pages are
/// fetched, and are loaded from the ``CrawlStore``'s cache (web pages, WARC replays) or the
/// disk (saved pages) — never from the web a second time.
public struct CrawlSource: Source {
    public let name = "fetch"
    let ready: ReadyOrigins
    let store: CrawlStore
    let fetcher: Fetcher
    /// One-shot mode: nothing is re-sent, so a page leaves the cache once written out.
    let forgetsWhenDelivered: Bool

    public init(ready: ReadyOrigins, store: CrawlStore, fetcher: Fetcher, forgetsWhenDelivered: Bool) {
        self.ready = ready; self.store = store; self.fetcher = fetcher; self.forgetsWhenDelivered = forgetsWhenDelivered
    }

    public mutating func nextOrigin() throws -> String? { ready.pop() }

    public var mayHaveMore: Bool { ready.mayHaveMore }

    public func load(_ origin: String) throws -> Message {
        if origin.hasPrefix("file://") { return try loadFile(origin) }
        if let message = try store.cachedMessage(origin: origin) { return message }
        throw CrawlError(url: origin, reason: try store.reason(for: origin) ?? "its page is no longer in \(store.path)")
    }

    func loadFile(_ origin: String) throws -> Message {
        guard case .file(let path) = try FetchTarget.parse(origin) else { throw FetchError.invalidURL(origin) }
        return try fetcher.readFile(path, source: CrawlPage.commandLine).message()
    }

    public func delivered(_ origin: String) throws {
        guard forgetsWhenDelivered else { return }
        if origin.hasPrefix("file://") {
            try store.recordOutcome(origin, state: .fetched, reason: "emitted")
        } else {
            try store.removeCached(origin: origin)
        }
    }

    public func id(for origin: String) -> String { ArticleID.forURL(origin) }
}

/// Why a URL was not fetched: the reason a dead letter carries.
public struct CrawlError: Error, Sendable, Equatable, CustomStringConvertible {
    public var url: String
    public var reason: String
    public var description: String { "\(url): \(reason)" }
}
