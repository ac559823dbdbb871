import Foundation
import GRDB
import NewswireWire

/// The SQLite store of extracted articles and the stories they form.
///
/// Writing is idempotent by article id: storing the same article twice (a re-delivery) leaves
/// one row and reports `.unchanged`, which is what lets fetch re-send freely.
public final class ArticleStore: Sendable {
    // A pool (WAL): API reads run beside the writer instead of waiting for it.
    let db: DatabasePool
    public let path: String

    public typealias StoreOutcome = NewswirePublish.StoreOutcome

    public init(path: String) throws {
        self.path = path
        let dir = URL(fileURLWithPath: path).deletingLastPathComponent()
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        var config = Configuration()
        config.busyMode = .timeout(10)
        db = try DatabasePool(path: path, configuration: config)
        try Self.migrator.migrate(db)
    }

    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1") { db in
            try db.create(table: "story") { t in
                t.primaryKey("id", .text)
                t.column("title", .text).notNull()
                t.column("updatedAt", .text).notNull()
            }
            try db.create(table: "article") { t in
                t.primaryKey("id", .text)
                t.column("url", .text).notNull()
                t.column("canonicalUrl", .text)
                t.column("title", .text)
                t.column("byline", .text)
                t.column("publishedAt", .text)
                t.column("siteName", .text)
                t.column("language", .text)
                t.column("text", .text).notNull()
                t.column("contentHash", .text).notNull().indexed()
                t.column("fingerprint", .text).notNull()
                t.column("tone", .double)
                t.column("storyId", .text).indexed().references("story")
                t.column("storedAt", .text).notNull()
                t.column("body", .blob).notNull()
            }
            try db.create(table: "entity") { t in
                t.column("articleId", .text).notNull().indexed().references("article", onDelete: .cascade)
                t.column("name", .text).notNull().indexed()
                t.column("type", .text).notNull()
                t.column("mentions", .integer).notNull()
                t.column("roles", .text).notNull()
            }
            try db.create(table: "quote") { t in
                t.column("articleId", .text).notNull().indexed().references("article", onDelete: .cascade)
                t.column("speaker", .text).indexed()
                t.column("verb", .text)
                t.column("kind", .text).notNull()
                t.column("text", .text).notNull()
            }
            try db.create(table: "amount") { t in
                t.column("articleId", .text).notNull().indexed().references("article", onDelete: .cascade)
                t.column("text", .text).notNull()
                t.column("value", .double)
                t.column("unit", .text)
                t.column("object", .text)
                t.column("approximate", .boolean).notNull()
                t.column("source", .text)
            }
        }
        m.registerMigration("v2: indexed entity keys, export bookkeeping") { db in
            // Story candidates are found through the entities an article shares, by index,
            // so the cost of storing one article does not grow with the store.
            try db.alter(table: "entity") { t in t.add(column: "key", .text) }
            try db.execute(sql: "UPDATE entity SET key = lower(name)")
            try db.create(index: "entity_key", on: "entity", columns: ["key"])
            // An article is appended to the JSON Lines export once; this says it was.
            try db.alter(table: "article") { t in t.add(column: "exported", .boolean).notNull().defaults(to: false) }
            try db.execute(sql: "UPDATE article SET exported = 1")
            try db.create(index: "article_unexported", on: "article", columns: ["exported"])
        }
        m.registerMigration("v3-story-terms") { db in
            // Story clustering's term index: document frequencies, postings and features per article.
            try StoryIndex.createTables(db)
        }
        m.registerMigration("v3-search", migrate: createSearchIndex)
        m.registerMigration("v4-search-rowids", migrate: alignSearchRowids)
        m.registerMigration("v5-read-orders", migrate: createReadIndexes)
        return m
    }

    /// Stores an article (idempotent by id) and files it into a story. `body` is the message
    /// body as received: stored as is, so fields added by plug-in stages are kept.
    @discardableResult
    public func store(_ article: ArticleExtracted, body: Data? = nil,
                      clusterer: StoryClusterer = StoryClusterer()) throws -> (StoreOutcome, storyId: String) {
        let body = try body ?? WireCoding.encoder.encode(article)
        return try db.write { db in try Self.store(article, body: body, clusterer: clusterer, in: db) }
    }

    /// Stores several articles in one transaction: one commit (one sync to disk) for all, which
    /// is what lets publish keep up. Later articles see the earlier ones when clustering.
    public func store(batch: [(article: ArticleExtracted, body: Data)],
                      clusterer: StoryClusterer = StoryClusterer()) throws -> [(StoreOutcome, storyId: String)] {
        guard !batch.isEmpty else { return [] }
        return try db.write { db in
            try batch.map { try Self.store($0.article, body: $0.body, clusterer: clusterer, in: db) }
        }
    }

    static func store(_ article: ArticleExtracted, body: Data, clusterer: StoryClusterer,
                      in db: Database) throws -> (StoreOutcome, storyId: String) {
        let a = article.article
        let existing = try Row.fetchOne(db, sql: "SELECT rowid, body, storyId, exported FROM article WHERE id = ?", arguments: [a.id])
        if let existing, (existing["body"] as Data?) == body {
            return (.unchanged, existing["storyId"] ?? "")
        }
        let storyId: String
        if let s: String = existing?["storyId"] {
            storyId = s
        } else {
            let features = StoryFeatures(article)
            let (candidates, weights) = try Self.candidates(db, for: features, id: a.id)
            storyId = clusterer.story(for: features, among: candidates, weights: weights) ?? StoryClusterer.newStoryId(forArticle: a.id)
            try StoryIndex.record(features, articleId: a.id, storyId: storyId, weights: weights, in: db)
        }
        let now = Timestamp.string(from: Date())
        try db.execute(sql: "INSERT OR IGNORE INTO story (id, title, updatedAt) VALUES (?, ?, ?)",
                       arguments: [storyId, a.title ?? a.url, now])
        try db.execute(sql: "UPDATE story SET updatedAt = ? WHERE id = ?", arguments: [now, storyId])
        try db.execute(sql: "DELETE FROM article WHERE id = ?", arguments: [a.id])
        try db.execute(sql: """
            INSERT INTO article (id, url, canonicalUrl, title, byline, publishedAt, siteName, language,
              text, contentHash, fingerprint, tone, storyId, storedAt, body, exported)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [a.id, a.url, a.canonicalUrl, a.title, a.byline, a.publishedAt, a.siteName,
                             a.language, a.text, a.contentHash, a.fingerprint, article.tone, storyId, now, body,
                             (existing?["exported"] as Bool?) ?? false])
        try indexForSearch(a, rowid: db.lastInsertedRowID, replacing: existing?["rowid"], in: db)
        for e in article.entities {
            let roles = String(decoding: try WireCoding.encoder.encode(e.roles), as: UTF8.self)
            try db.execute(sql: "INSERT INTO entity (articleId, name, key, type, mentions, roles) VALUES (?, ?, ?, ?, ?, ?)",
                           arguments: [a.id, e.name, e.name.lowercased(), e.type.rawValue, e.mentions.count, roles])
        }
        for q in article.quotes {
            try db.execute(sql: "INSERT INTO quote (articleId, speaker, verb, kind, text) VALUES (?, ?, ?, ?, ?)",
                           arguments: [a.id, q.speaker, q.verb, q.kind.rawValue, q.text])
        }
        for m in article.amounts {
            try db.execute(sql: """
                INSERT INTO amount (articleId, text, value, unit, object, approximate, source) VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [a.id, m.text, m.value, m.unit, m.object, m.approximate, m.source])
        }
        return (existing == nil ? .inserted : .updated, storyId)
    }

    /// The stories that could take an article, found through the story index (rare shared
    /// words and entities, fingerprint bands) within a time window: a bounded number of indexed
    /// queries and candidates, whatever the size of the store.
    static func candidates(_ db: Database, for features: StoryFeatures,
                           id: String) throws -> (stories: [StoryCandidate], weights: TermWeights) {
        try StoryIndex.candidates(for: features, excluding: id, in: db)
    }

    /// The candidate stories an article would be compared with if it arrived now: for
    /// diagnostics and for checking that the lookup stays bounded.
    public func storyCandidates(for article: ArticleExtracted) throws -> [StoryCandidate] {
        try db.read { db in try Self.candidates(db, for: StoryFeatures(article), id: article.article.id).stories }
    }

    static func placeholders(_ n: Int) -> String { Array(repeating: "?", count: n).joined(separator: ",") }

    // MARK: Export bookkeeping

    /// Marks articles as appended to the JSON Lines export.
    public func markExported(_ ids: [String]) throws {
        guard !ids.isEmpty else { return }
        try db.write { db in
            for id in ids { try db.execute(sql: "UPDATE article SET exported = 1 WHERE id = ?", arguments: [id]) }
        }
    }

    /// Stored articles not yet in the export, oldest first, with their bodies.
    public func unexported(limit: Int = 1000) throws -> [(id: String, body: Data)] {
        try db.read { db in
            try Row.fetchAll(db, sql: "SELECT id, body FROM article WHERE exported = 0 ORDER BY rowid LIMIT ?", arguments: [limit])
                .map { ($0["id"], $0["body"]) }
        }
    }

    public func isExported(id: String) throws -> Bool? {
        try db.read { try Bool.fetchOne($0, sql: "SELECT exported FROM article WHERE id = ?", arguments: [id]) }
    }

    // MARK: Reading

    public func count() throws -> Int {
        try db.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM article") ?? 0 }
    }

    public func article(id: String) throws -> ArticleExtracted? {
        try db.read { db in
            guard let data = try Data.fetchOne(db, sql: "SELECT body FROM article WHERE id = ?", arguments: [id]) else { return nil }
            return try WireCoding.decoder.decode(ArticleExtracted.self, from: data)
        }
    }

    /// The stored body of an article, byte for byte as it arrived (with any plug-in fields).
    public func articleJSON(id: String) throws -> Data? {
        try db.read { try Data.fetchOne($0, sql: "SELECT body FROM article WHERE id = ?", arguments: [id]) }
    }

    public func articleIDs() throws -> [String] {
        try db.read { try String.fetchAll($0, sql: "SELECT id FROM article ORDER BY id") }
    }

    /// Article summaries, newest first, for the API and the web page.
    public func articleSummaries(limit: Int = 100, offset: Int = 0) throws -> [ArticleSummary] {
        try db.read { db in
            try Row.fetchAll(db, sql: """
                SELECT a.id, a.url, a.title, a.byline, a.publishedAt, a.siteName, a.storyId,
                  (SELECT COUNT(*) FROM entity e WHERE e.articleId = a.id) AS entities,
                  (SELECT COUNT(*) FROM quote q WHERE q.articleId = a.id) AS quotes,
                  (SELECT COUNT(*) FROM amount m WHERE m.articleId = a.id) AS amounts
                FROM article a ORDER BY a.publishedAt DESC, a.id LIMIT ? OFFSET ?
                """, arguments: [limit, offset]).map(ArticleSummary.init(row:))
        }
    }

    /// A story with its articles and the amounts each side claims, side by side.
    public func story(id: String) throws -> StoryUpdated? {
        try db.read { db in
            guard let s = try Row.fetchOne(db, sql: "SELECT * FROM story WHERE id = ?", arguments: [id]) else { return nil }
            let articles = try Row.fetchAll(db, sql: """
                SELECT id, url, title, siteName, publishedAt FROM article WHERE storyId = ? ORDER BY publishedAt, id
                """, arguments: [id]).map {
                StoryUpdated.StoryArticle(id: $0["id"], url: $0["url"], title: $0["title"], siteName: $0["siteName"], publishedAt: $0["publishedAt"])
            }
            let claims = try Row.fetchAll(db, sql: """
                SELECT m.articleId, m.source, m.text, m.value, m.unit, m.object FROM amount m
                JOIN article a ON a.id = m.articleId WHERE a.storyId = ? ORDER BY m.object, m.articleId
                """, arguments: [id]).map {
                StoryUpdated.StoryClaim(articleId: $0["articleId"], source: $0["source"], text: $0["text"],
                                        value: $0["value"], unit: $0["unit"], object: $0["object"])
            }
            return StoryUpdated(storyId: id, title: s["title"], updatedAt: s["updatedAt"], articles: articles, claims: claims)
        }
    }

    public func storyIDs() throws -> [String] {
        try db.read { try String.fetchAll($0, sql: "SELECT id FROM story ORDER BY updatedAt DESC, id") }
    }

    /// Quotes by speaker (case-insensitive substring), for "who said what" queries.
    public func quotes(speaker: String?, limit: Int = 200) throws -> [[String: String?]] {
        try db.read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT articleId, speaker, verb, kind, text FROM quote
                WHERE (? IS NULL OR speaker LIKE '%' || ? || '%') LIMIT ?
                """, arguments: [speaker, speaker, limit])
            return rows.map { r in
                ["articleId": r["articleId"], "speaker": r["speaker"], "verb": r["verb"], "kind": r["kind"], "text": r["text"]]
            }
        }
    }
}

public struct ArticleSummary: Codable, Sendable, Equatable {
    public var id: String
    public var url: String
    public var title: String?
    public var byline: String?
    public var publishedAt: String?
    public var siteName: String?
    public var storyId: String?
    public var entities: Int
    public var quotes: Int
    public var amounts: Int

    init(row: Row) {
        id = row["id"]; url = row["url"]; title = row["title"]; byline = row["byline"]
        publishedAt = row["publishedAt"]; siteName = row["siteName"]; storyId = row["storyId"]
        entities = row["entities"]; quotes = row["quotes"]; amounts = row["amounts"]
    }
}
