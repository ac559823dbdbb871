import NewswirePublish
import NewswireWire

/// The store as the routes read it: any ``NewsStore`` (SQLite or PostgreSQL), with "not found"
/// turned into the API's 404.
struct StoreReader: Sendable {
    let store: any NewsStore

    func read<T: Sendable>(_ query: @Sendable (any NewsStore) async throws -> T) async throws -> T {
        try await query(store)
    }

    /// The result of `query`, or `.notFound` when it finds nothing.
    func require<T: Sendable>(_ what: String, id: String, _ query: @Sendable (any NewsStore) async throws -> T?) async throws -> T {
        guard let value = try await query(store) else { throw WebError.notFound(what: what, id: id) }
        return value
    }

    /// A story with its digest (summary, ranked entities, timeline), computed from the bodies of
    /// its articles (the newest `digestArticles` of them: a story page stays fast however big).
    func storyWithDigest(id: String) async throws -> (StoryDetail, StoryDigest) {
        let detail = try await require("story", id: id) { try await $0.storyDetail(id: id) }
        let ids = detail.articles.suffix(Self.digestArticles).map(\.id)
        let bodies = try await store.articleBodies(ids: ids)   // one query, not one per article
        let articles = ids.compactMap { id in bodies[id].flatMap { try? WireCoding.decoder.decode(ArticleExtracted.self, from: $0) } }
        return (detail, StoryDigest(articles: articles))
    }

    static let digestArticles = 40
}
