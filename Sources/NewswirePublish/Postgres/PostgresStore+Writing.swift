import Foundation
import NewswireWire
import PostgresNIO

// The write side: idempotent upserts by article id, story assignment through the story index,
// the export bookkeeping. Child rows travel as one JSON array per table (jsonb_to_recordset),
// so an article costs a handful of round trips however many entities it names.

extension PostgresStore {
    public func store(batch: [(article: ArticleExtracted, body: Data)], clusterer: StoryClusterer) async throws
        -> [(StoreOutcome, storyId: String)] {
        guard !batch.isEmpty else { return [] }
        return try await transaction { connection in
            try await connection.query("SELECT pg_advisory_xact_lock(\(Self.clusteringLock))", logger: logger)
            var results: [(StoreOutcome, storyId: String)] = []
            for item in batch {
                results.append(try await store(item.article, body: item.body, clusterer: clusterer, on: connection))
            }
            return results
        }
    }

    private func store(_ article: ArticleExtracted, body: Data, clusterer: StoryClusterer,
                       on connection: PostgresConnection) async throws -> (StoreOutcome, storyId: String) {
        let a = article.article
        let existing = try await rows(on: connection, "SELECT body, story_id, exported FROM article WHERE id = \(a.id)").first
        if let existing, try existing.get("body", as: Data.self) == body {
            return (.unchanged, try existing.get("story_id", as: String?.self) ?? "")
        }
        let storyId: String
        if let filed = try existing?.get("story_id", as: String?.self) {
            storyId = filed
        } else {
            storyId = try await file(article, clusterer: clusterer, on: connection)
        }
        let now = Timestamp.string(from: Date())
        try await connection.query("""
            INSERT INTO story (id, title, updated_at) VALUES (\(storyId), \(a.title ?? a.url), \(now))
            ON CONFLICT (id) DO UPDATE SET updated_at = excluded.updated_at
            """, logger: logger)
        try await connection.query("DELETE FROM article WHERE id = \(a.id)", logger: logger)
        let exported = try existing?.get("exported", as: Bool.self) ?? false
        try await connection.query("""
            INSERT INTO article (id, url, canonical_url, title, byline, published_at, site_name, language, text,
              content_hash, fingerprint, tone, story_id, stored_at, body, exported, search)
            VALUES (\(a.id), \(a.url), \(a.canonicalUrl), \(a.title), \(a.byline), \(a.publishedAt), \(a.siteName),
              \(a.language), \(a.text), \(a.contentHash), \(a.fingerprint), \(article.tone), \(storyId), \(now), \(body),
              \(exported), setweight(to_tsvector('simple', coalesce(\(a.title)::text, '')), 'A') || to_tsvector('simple', \(a.text)))
            """, logger: logger)
        try await insertChildren(of: article, on: connection)
        return (existing == nil ? .inserted : .updated, storyId)
    }

    /// Entities, quotations and amounts, one statement per table.
    private func insertChildren(of article: ArticleExtracted, on connection: PostgresConnection) async throws {
        let id = article.article.id
        if !article.entities.isEmpty {
            let rows = try article.entities.map { e in
                EntityRow(name: e.name, key: e.name.lowercased(), type: e.type.rawValue, mentions: e.mentions.count,
                          roles: String(decoding: try WireCoding.encoder.encode(e.roles), as: UTF8.self))
            }
            try await connection.query("""
                INSERT INTO entity (article_id, name, key, type, mentions, roles)
                SELECT \(id), name, key, type, mentions, roles
                FROM jsonb_to_recordset(\(try json(rows))::jsonb) AS x(name text, key text, type text, mentions integer, roles text)
                """, logger: logger)
        }
        if !article.quotes.isEmpty {
            let rows = article.quotes.map { QuoteRow(speaker: $0.speaker, verb: $0.verb, kind: $0.kind.rawValue, text: $0.text) }
            try await connection.query("""
                INSERT INTO quote (article_id, speaker, verb, kind, text)
                SELECT \(id), r->>'speaker', r->>'verb', r->>'kind', r->>'text'
                FROM jsonb_array_elements(\(try json(rows))::jsonb) WITH ORDINALITY AS x(r, n) ORDER BY n
                """, logger: logger)
        }
        if !article.amounts.isEmpty {
            let rows = article.amounts.map {
                AmountRow(text: $0.text, value: $0.value, unit: $0.unit, object: $0.object, approximate: $0.approximate, source: $0.source)
            }
            try await connection.query("""
                INSERT INTO amount (article_id, text, value, unit, object, approximate, source)
                SELECT \(id), r->>'text', (r->>'value')::double precision, r->>'unit', r->>'object',
                  (r->>'approximate')::boolean, r->>'source'
                FROM jsonb_array_elements(\(try json(rows))::jsonb) WITH ORDINALITY AS x(r, n) ORDER BY n
                """, logger: logger)
        }
    }

    private func json<T: Encodable>(_ rows: [T]) throws -> String {
        String(decoding: try JSONEncoder().encode(rows), as: UTF8.self)
    }

    // MARK: Export bookkeeping

    public func isExported(id: String) async throws -> Bool? {
        try await rows("SELECT exported FROM article WHERE id = \(id)").first?.get("exported", as: Bool.self)
    }

    public func markExported(_ ids: [String]) async throws {
        guard !ids.isEmpty else { return }
        try await mapped { _ = try await client.query("UPDATE article SET exported = true WHERE id = ANY(\(ids))", logger: logger) }
    }

    public func unexported(limit: Int) async throws -> [(id: String, body: Data)] {
        try await rows("SELECT id, body FROM article WHERE NOT exported ORDER BY position LIMIT \(limit)").map {
            (try $0.get("id", as: String.self), try $0.get("body", as: Data.self))
        }
    }

    /// The rows of a query inside a transaction, by column name.
    func rows(on connection: PostgresConnection, _ query: PostgresQuery) async throws -> [PostgresRandomAccessRow] {
        try await connection.query(query, logger: logger).collect().map { $0.makeRandomAccess() }
    }
}

// Child rows as they travel in the JSON arrays (keys match the column names read from them).
private struct EntityRow: Encodable { let name, key, type: String; let mentions: Int; let roles: String }
private struct QuoteRow: Encodable { let speaker, verb: String?; let kind, text: String }
private struct AmountRow: Encodable {
    let text: String; let value: Double?; let unit, object: String?; let approximate: Bool; let source: String?
}
