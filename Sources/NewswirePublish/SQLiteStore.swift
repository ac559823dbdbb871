import Dispatch
import Foundation
import NewswireWire

/// ``ArticleStore`` (synchronous GRDB) as a ``NewsStore``: each call runs on a dispatch queue,
/// so a slow disk or a busy reader pool never holds a thread of the Swift concurrency pool.
public struct SQLiteStore: NewsStore {
    public let store: ArticleStore
    private static let queue = DispatchQueue(label: "newswire.sqlite-store", attributes: .concurrent)

    public init(_ store: ArticleStore) { self.store = store }
    public init(path: String) throws { self.init(try ArticleStore(path: path)) }

    public var location: String { store.path }

    private func run<T: Sendable>(_ work: @escaping @Sendable (ArticleStore) throws -> T) async throws -> T {
        let store = store
        return try await withCheckedThrowingContinuation { continuation in
            Self.queue.async { continuation.resume(with: Result { try work(store) }) }
        }
    }

    public func store(batch: [(article: ArticleExtracted, body: Data)], clusterer: StoryClusterer) async throws
        -> [(StoreOutcome, storyId: String)] {
        try await run { try $0.store(batch: batch, clusterer: clusterer) }
    }

    public func story(id: String) async throws -> StoryUpdated? { try await run { try $0.story(id: id) } }
    public func count() async throws -> Int { try await run { try $0.count() } }
    public func isExported(id: String) async throws -> Bool? { try await run { try $0.isExported(id: id) } }
    public func markExported(_ ids: [String]) async throws { try await run { try $0.markExported(ids) } }
    public func unexported(limit: Int) async throws -> [(id: String, body: Data)] {
        try await run { try $0.unexported(limit: limit) }
    }
    public func articles(after cursor: PageCursor?, limit: Int) async throws -> Page<ArticleSummary> {
        try await run { try $0.articles(after: cursor, limit: limit) }
    }
    public func articleRecord(id: String) async throws -> (body: Data, storyId: String?)? {
        try await run { try $0.articleRecord(id: id) }
    }
    public func articleBodies(ids: [String]) async throws -> [String: Data] {
        try await run { try $0.articleBodies(ids: ids) }
    }
    public func search(_ text: String, after cursor: PageCursor?, limit: Int) async throws -> Page<SearchHit> {
        try await run { try $0.search(text, after: cursor, limit: limit) }
    }
    public func stories(after cursor: PageCursor?, limit: Int) async throws -> Page<StorySummary> {
        try await run { try $0.stories(after: cursor, limit: limit) }
    }
    public func storyDetail(id: String) async throws -> StoryDetail? { try await run { try $0.storyDetail(id: id) } }
    public func quotes(speaker: String?, after cursor: PageCursor?, limit: Int) async throws -> Page<StoredQuote> {
        try await run { try $0.quotes(speaker: speaker, after: cursor, limit: limit) }
    }
    public func entities(after cursor: PageCursor?, limit: Int) async throws -> Page<EntitySummary> {
        try await run { try $0.entities(after: cursor, limit: limit) }
    }
    public func entity(id: String) async throws -> EntityDetail? { try await run { try $0.entity(id: id) } }
    public func close() async {}
}
