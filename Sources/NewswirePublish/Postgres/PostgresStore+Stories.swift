import Foundation
import NewswireWire
import PostgresNIO

// Story assignment on PostgreSQL: the same index and rules as the SQLite store (StoryIndex
// decides which keys to post and look up, and how stories rank), each lookup one statement
// (LATERAL joins read every key's newest postings at once), so filing an article takes about
// six round trips whatever the size of the store.

extension PostgresStore {
    typealias Limits = StoryIndex.Limits

    /// Files an article into a story (an existing one or its own) and records it in the index.
    func file(_ article: ArticleExtracted, clusterer: StoryClusterer, on connection: PostgresConnection) async throws -> String {
        let id = article.article.id
        let features = StoryFeatures(article)
        let time = features.time(newestKnown: try await newestTime(on: connection))
        let own = try await weights(for: [features], on: connection)
        let hits = try await articlesSharingKeys(features, at: time, excluding: id, weights: own, on: connection)
        let candidates = try await candidateStories(hits, around: time, excluding: id, on: connection)
        let weights = try await self.weights(for: [features] + candidates.flatMap(\.members), on: connection)
        let storyId = clusterer.story(for: features, among: candidates, weights: weights) ?? StoryClusterer.newStoryId(forArticle: id)
        try await record(features, articleId: id, storyId: storyId, at: time, weights: weights, on: connection)
        return storyId
    }

    private func newestTime(on connection: PostgresConnection) async throws -> Double? {
        try await rows(on: connection, "SELECT max(time) AS newest FROM story_member").first?.get("newest", as: Double?.self)
    }

    /// Document frequencies of every feature of `features`, and the number of articles indexed.
    private func weights(for features: [StoryFeatures], on connection: PostgresConnection) async throws -> TermWeights {
        let documents = try await rows(on: connection, "SELECT documents FROM story_corpus").first?.get("documents", as: Int.self) ?? 0
        let terms = Array(Set(features.flatMap(\.counts.keys)))
        var frequency: [String: Int] = [:]
        for row in try await rows(on: connection, "SELECT term, documents FROM story_term WHERE term = ANY(\(terms))") {
            frequency[try row.get("term")] = try row.get("documents", as: Int.self)
        }
        return TermWeights(documents: documents, documentFrequency: frequency)
    }

    /// Articles within the window sharing the article's rarest features or a fingerprint band,
    /// each with the summed weight of what it shares.
    private func articlesSharingKeys(_ features: StoryFeatures, at time: Double, excluding articleId: String,
                                     weights: TermWeights, on connection: PostgresConnection) async throws -> [String: Double] {
        let keyed = StoryIndex.keyedLookups(features, weights: weights)
        guard !keyed.isEmpty else { return [:] }
        let weightOf = Dictionary(keyed.map { ($0.key, $0.weight) }, uniquingKeysWith: +)
        var hits: [String: Double] = [:]
        for row in try await rows(on: connection, """
            SELECT k.key, p.article_id FROM unnest(\(keyed.map(\.key))::text[]) AS k(key)
            CROSS JOIN LATERAL (
              SELECT article_id FROM story_posting
              WHERE key = k.key AND time BETWEEN \(time - Limits.window) AND \(time + Limits.window)
              ORDER BY time DESC LIMIT \(Limits.postingsPerKey)) p
            """) {
            let other: String = try row.get("article_id")
            guard other != articleId else { continue }
            hits[other, default: 0] += weightOf[try row.get("key", as: String.self)] ?? 0
        }
        return hits
    }

    /// The best-sharing stories with their most recent members around `time`.
    private func candidateStories(_ hits: [String: Double], around time: Double, excluding articleId: String,
                                  on connection: PostgresConnection) async throws -> [StoryCandidate] {
        guard !hits.isEmpty else { return [] }
        let members = try await rows(on: connection, "SELECT article_id, story_id FROM story_member WHERE article_id = ANY(\(Array(hits.keys)))")
            .map { (articleId: try $0.get("article_id", as: String.self), storyId: try $0.get("story_id", as: String.self)) }
        let storyIds = StoryIndex.rankStories(hits, members: members)
        guard !storyIds.isEmpty else { return [] }
        var recent: [String: [StoryFeatures]] = [:]
        for row in try await rows(on: connection, """
            SELECT s.story_id, m.time, m.fingerprint, m.counts FROM unnest(\(storyIds)::text[]) AS s(story_id)
            CROSS JOIN LATERAL (
              SELECT time, fingerprint, counts FROM story_member
              WHERE story_id = s.story_id AND time BETWEEN \(time - Limits.window) AND \(time + Limits.window)
                AND article_id <> \(articleId)
              ORDER BY time DESC LIMIT \(Limits.membersPerStory)) m
            """) {
            let memberTime: Double = try row.get("time")
            recent[try row.get("story_id"), default: []].append(
                StoryFeatures(counts: try StoryIndex.decode(try row.get("counts")), fingerprint: try row.get("fingerprint"),
                              published: memberTime, fetched: memberTime))
        }
        return storyIds.map { StoryCandidate(storyId: $0, members: recent[$0] ?? []) }
    }

    /// Adds an article, filed into `storyId`, to the index. `weights` are those it was compared with.
    private func record(_ features: StoryFeatures, articleId: String, storyId: String, at time: Double,
                        weights: TermWeights, on connection: PostgresConnection) async throws {
        try await connection.query("UPDATE story_corpus SET documents = documents + 1", logger: logger)
        try await connection.query("""
            INSERT INTO story_term (term, documents) SELECT unnest(\(Array(features.counts.keys))::text[]), 1
            ON CONFLICT (term) DO UPDATE SET documents = story_term.documents + 1
            """, logger: logger)
        try await connection.query("""
            INSERT INTO story_posting (key, article_id, time)
            SELECT unnest(\(StoryIndex.postedKeys(features, weights: weights))::text[]), \(articleId), \(time)
            """, logger: logger)
        try await connection.query("""
            INSERT INTO story_member (article_id, story_id, time, fingerprint, counts)
            VALUES (\(articleId), \(storyId), \(time), \(features.fingerprint), \(try StoryIndex.encode(features.counts)))
            ON CONFLICT (article_id) DO UPDATE SET story_id = excluded.story_id, time = excluded.time,
              fingerprint = excluded.fingerprint, counts = excluded.counts
            """, logger: logger)
    }
}
