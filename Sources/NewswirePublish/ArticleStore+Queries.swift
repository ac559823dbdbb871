import Foundation
import GRDB
import NewswireWire

// The read side of the store: paginated, read-only queries for the HTTP API and the pages.
// Every query binds its inputs as parameters; no SQL is assembled from what a reader sent.

/// Where the next page starts: the sort key and rowid of the last item served.
///
/// Keyset pagination rather than offsets, so a page costs the same however deep it is and
/// articles stored while a reader pages do not shift the pages already read.
public struct PageCursor: Codable, Sendable, Equatable {
    public var key: String
    public var rowid: Int64
    public init(key: String, rowid: Int64) { self.key = key; self.rowid = rowid }
}

/// One page of results and the cursor of the next one (nil on the last page).
public struct Page<Item: Sendable>: Sendable {
    public var items: [Item]
    public var next: PageCursor?
    public init(items: [Item], next: PageCursor?) { self.items = items; self.next = next }
}

/// A story as listed: what it is called, when it changed, how widely it is covered.
public struct StorySummary: Codable, Sendable, Equatable {
    public var id: String
    public var title: String
    public var updatedAt: String
    public var articleCount: Int
    public var outletCount: Int
}

/// An amount claimed in one article of a story, with the outlet that printed it.
public struct StoredFigure: Codable, Sendable, Equatable {
    public var articleId: String
    public var outlet: String
    public var text: String
    public var value: Double?
    public var unit: String?
    public var object: String?
    public var source: String?
    public init(articleId: String, outlet: String, text: String, value: Double?, unit: String?, object: String?, source: String?) {
        self.articleId = articleId; self.outlet = outlet; self.text = text; self.value = value
        self.unit = unit; self.object = object; self.source = source
    }
}

/// A quotation as stored, with the article and story it comes from.
public struct StoredQuote: Codable, Sendable, Equatable {
    public var articleId: String
    public var storyId: String?
    public var speaker: String?
    public var verb: String?
    public var kind: String
    public var text: String
}

/// A story with everything its page shows: articles, amounts claimed, quotations.
public struct StoryDetail: Sendable, Equatable {
    public var id: String
    public var title: String
    public var updatedAt: String
    public var articles: [StoryUpdated.StoryArticle]
    public var figures: [StoredFigure]
    public var quotes: [StoredQuote]
}

/// An article found by full-text search, with the passage that matched.
public struct SearchHit: Sendable, Equatable {
    public var article: ArticleSummary
    public var snippet: String
}

/// A person, organisation or place across all articles, identified by its lower-cased name.
public struct EntitySummary: Codable, Sendable, Equatable {
    public var id: String
    public var name: String
    public var type: String
    public var articleCount: Int
}

/// An entity with the roles articles give it and the articles and stories it appears in.
public struct EntityDetail: Sendable, Equatable {
    public var summary: EntitySummary
    public var roles: [String]
    public var articles: [ArticleSummary]
    public var storyIds: [String]
}

extension ArticleStore {
    /// How many articles an entity's page lists.
    public static let entityArticlesShown = 100

    // MARK: Search index (migration "v3-search")

    /// Creates the FTS5 index over article titles and texts and fills it from stored articles.
    static func createSearchIndex(_ db: Database) throws {
        try db.execute(sql: """
            CREATE VIRTUAL TABLE article_search USING fts5(
              articleId UNINDEXED, title, text, tokenize = 'unicode61 remove_diacritics 2')
            """)
        try db.execute(sql: "INSERT INTO article_search (articleId, title, text) SELECT id, coalesce(title, ''), text FROM article")
    }

    /// Gives each search row its article's rowid (migration "v4-search-rowids"), so keeping the
    /// index in step deletes by rowid instead of scanning the whole index for an id.
    static func alignSearchRowids(_ db: Database) throws {
        try db.execute(sql: "DELETE FROM article_search")
        try db.execute(sql: """
            INSERT INTO article_search (rowid, articleId, title, text) SELECT rowid, id, coalesce(title, ''), text FROM article
            """)
    }

    /// Indexes for the read side's orders (migration "v5-read-orders"): articles newest first,
    /// stories most recently updated first, so a page is an index range, not a sort of the store.
    static func createReadIndexes(_ db: Database) throws {
        try db.execute(sql: "CREATE INDEX article_published ON article (coalesce(publishedAt, ''))")
        try db.execute(sql: "CREATE INDEX story_updated ON story (updatedAt)")
    }

    /// Keeps the search index in step with the article just written as row `rowid` (inside the
    /// store's transaction); `replacedRowid` is the row it replaced, if any.
    static func indexForSearch(_ article: ArticleNormalized, rowid: Int64, replacing replacedRowid: Int64?, in db: Database) throws {
        if let replacedRowid {
            try db.execute(sql: "DELETE FROM article_search WHERE rowid = ?", arguments: [replacedRowid])
        }
        try db.execute(sql: "INSERT INTO article_search (rowid, articleId, title, text) VALUES (?, ?, ?, ?)",
                       arguments: [rowid, article.id, article.title ?? "", article.text])
    }

    /// An FTS5 query matching every word of `text` as a quoted phrase, so that quotes,
    /// operators (`OR`, `NEAR`, `*`, `-`) and column filters typed by a reader are plain words.
    public static func ftsPhraseQuery(_ text: String) -> String? {
        let words = text.split(whereSeparator: \.isWhitespace)
        guard !words.isEmpty else { return nil }
        return words.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }.joined(separator: " ")
    }

    // MARK: Articles

    static let summaryColumns = """
        a.id, a.url, a.title, a.byline, a.publishedAt, a.siteName, a.storyId, a.rowid AS position,
          coalesce(a.publishedAt, '') AS sortKey,
          (SELECT COUNT(*) FROM entity e WHERE e.articleId = a.id) AS entities,
          (SELECT COUNT(*) FROM quote q WHERE q.articleId = a.id) AS quotes,
          (SELECT COUNT(*) FROM amount m WHERE m.articleId = a.id) AS amounts
        """

    /// Articles, newest published first (undated last), one page after `cursor`.
    public func articles(after cursor: PageCursor?, limit: Int) throws -> Page<ArticleSummary> {
        try db.read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT \(Self.summaryColumns) FROM article a
                WHERE ? IS NULL OR (coalesce(a.publishedAt, ''), a.rowid) < (?, ?)
                ORDER BY coalesce(a.publishedAt, '') DESC, a.rowid DESC LIMIT ?
                """, arguments: [cursor?.key, cursor?.key, cursor?.rowid, limit + 1])
            return Self.page(rows, limit: limit, item: ArticleSummary.init(row:))
        }
    }

    /// An article's stored body, as it arrived, and the story it was filed into.
    public func articleRecord(id: String) throws -> (body: Data, storyId: String?)? {
        try db.read { db in
            try Row.fetchOne(db, sql: "SELECT body, storyId FROM article WHERE id = ?", arguments: [id])
                .map { ($0["body"], $0["storyId"]) }
        }
    }

    /// The stored bodies of several articles, by id.
    public func articleBodies(ids: [String]) throws -> [String: Data] {
        guard !ids.isEmpty else { return [:] }
        return try db.read { db in
            var bodies: [String: Data] = [:]
            for chunk in ids.chunked(500) {
                for row in try Row.fetchAll(db, sql: "SELECT id, body FROM article WHERE id IN (\(Self.placeholders(chunk.count)))",
                                            arguments: StatementArguments(Array(chunk))) {
                    bodies[row["id"]] = row["body"]
                }
            }
            return bodies
        }
    }

    /// Articles matching every word of `text` (see ``ftsPhraseQuery(_:)``), most recently stored
    /// first: the index's own order, so a common word costs a page, not a sort of every match.
    public func search(_ text: String, after cursor: PageCursor?, limit: Int) throws -> Page<SearchHit> {
        guard let match = Self.ftsPhraseQuery(text) else { return Page(items: [], next: nil) }
        return try db.read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT \(Self.summaryColumns), snippet(article_search, 2, '', '', '…', 16) AS snippet
                FROM article_search s JOIN article a ON a.rowid = s.rowid
                WHERE article_search MATCH ? AND (? IS NULL OR s.rowid < ?)
                ORDER BY s.rowid DESC LIMIT ?
                """, arguments: [match, cursor?.rowid, cursor?.rowid, limit + 1])
            return Self.page(rows, limit: limit) { SearchHit(article: ArticleSummary(row: $0), snippet: $0["snippet"]) }
        }
    }

    // MARK: Stories

    /// Stories, most recently updated first, one page after `cursor`.
    public func stories(after cursor: PageCursor?, limit: Int) throws -> Page<StorySummary> {
        try db.read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT s.id, s.title, s.updatedAt, s.rowid AS position, s.updatedAt AS sortKey,
                  (SELECT COUNT(*) FROM article a WHERE a.storyId = s.id) AS articleCount,
                  (SELECT COUNT(DISTINCT coalesce(a.siteName, a.url)) FROM article a WHERE a.storyId = s.id) AS outletCount
                FROM story s
                WHERE ? IS NULL OR (s.updatedAt, s.rowid) < (?, ?)
                ORDER BY s.updatedAt DESC, s.rowid DESC LIMIT ?
                """, arguments: [cursor?.key, cursor?.key, cursor?.rowid, limit + 1])
            return Self.page(rows, limit: limit) {
                StorySummary(id: $0["id"], title: $0["title"], updatedAt: $0["updatedAt"],
                             articleCount: $0["articleCount"], outletCount: $0["outletCount"])
            }
        }
    }

    /// A story with its articles, the amounts they claim and the quotations they carry.
    public func storyDetail(id: String) throws -> StoryDetail? {
        try db.read { db in
            guard let story = try Row.fetchOne(db, sql: "SELECT title, updatedAt FROM story WHERE id = ?", arguments: [id]) else {
                return nil
            }
            return StoryDetail(id: id, title: story["title"], updatedAt: story["updatedAt"],
                               articles: try Self.storyArticles(db, storyId: id),
                               figures: try Self.storyFigures(db, storyId: id),
                               quotes: try Self.storyQuotes(db, storyId: id))
        }
    }

    static func storyArticles(_ db: Database, storyId: String) throws -> [StoryUpdated.StoryArticle] {
        try Row.fetchAll(db, sql: """
            SELECT id, url, title, siteName, publishedAt FROM article WHERE storyId = ? ORDER BY publishedAt, id
            """, arguments: [storyId]).map {
            StoryUpdated.StoryArticle(id: $0["id"], url: $0["url"], title: $0["title"], siteName: $0["siteName"],
                                      publishedAt: $0["publishedAt"])
        }
    }

    static func storyFigures(_ db: Database, storyId: String) throws -> [StoredFigure] {
        try Row.fetchAll(db, sql: """
            SELECT m.articleId, coalesce(a.siteName, a.url) AS outlet, m.text, m.value, m.unit, m.object, m.source
            FROM amount m JOIN article a ON a.id = m.articleId WHERE a.storyId = ? ORDER BY a.publishedAt, a.id, m.rowid
            """, arguments: [storyId]).map {
            StoredFigure(articleId: $0["articleId"], outlet: $0["outlet"], text: $0["text"], value: $0["value"],
                         unit: $0["unit"], object: $0["object"], source: $0["source"])
        }
    }

    static func storyQuotes(_ db: Database, storyId: String) throws -> [StoredQuote] {
        try Row.fetchAll(db, sql: """
            SELECT q.articleId, a.storyId, q.speaker, q.verb, q.kind, q.text
            FROM quote q JOIN article a ON a.id = q.articleId WHERE a.storyId = ? ORDER BY q.speaker, q.rowid
            """, arguments: [storyId]).map(StoredQuote.init(row:))
    }

    // MARK: Quotes and entities

    /// Quotations whose speaker is exactly `speaker` (any speaker when nil), in storage order.
    public func quotes(speaker: String?, after cursor: PageCursor?, limit: Int) throws -> Page<StoredQuote> {
        try db.read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT q.rowid AS position, '' AS sortKey, q.articleId, a.storyId, q.speaker, q.verb, q.kind, q.text
                FROM quote q JOIN article a ON a.id = q.articleId
                WHERE (? IS NULL OR q.speaker = ?) AND q.rowid > ?
                ORDER BY q.rowid LIMIT ?
                """, arguments: [speaker, speaker, cursor?.rowid ?? 0, limit + 1])
            return Self.page(rows, limit: limit, item: StoredQuote.init(row:))
        }
    }

    /// People, organisations and places, by name, one page after `cursor`.
    public func entities(after cursor: PageCursor?, limit: Int) throws -> Page<EntitySummary> {
        try db.read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT key AS sortKey, 0 AS position, MIN(name) AS name, MIN(type) AS type,
                  COUNT(DISTINCT articleId) AS articleCount
                FROM entity WHERE key > ? GROUP BY key ORDER BY key LIMIT ?
                """, arguments: [cursor?.key ?? "", limit + 1])
            return Self.page(rows, limit: limit, item: EntitySummary.init(row:))
        }
    }

    /// One entity (by its lower-cased name), its roles, and where it appears.
    public func entity(id: String) throws -> EntityDetail? {
        try db.read { db in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT key AS sortKey, MIN(name) AS name, MIN(type) AS type, COUNT(DISTINCT articleId) AS articleCount
                FROM entity WHERE key = ? GROUP BY key
                """, arguments: [id]) else { return nil }
            let roleLists = try String.fetchAll(db, sql: "SELECT roles FROM entity WHERE key = ?", arguments: [id])
            let articles = try Row.fetchAll(db, sql: """
                SELECT \(Self.summaryColumns) FROM article a
                WHERE a.id IN (SELECT articleId FROM entity WHERE key = ?)
                ORDER BY coalesce(a.publishedAt, '') DESC, a.rowid DESC LIMIT ?
                """, arguments: [id, Self.entityArticlesShown]).map(ArticleSummary.init(row:))
            return EntityDetail(summary: EntitySummary(row: row), roles: Self.distinctRoles(roleLists),
                                articles: articles, storyIds: Self.distinct(articles.compactMap(\.storyId)))
        }
    }

    static func distinctRoles(_ encodedLists: [String]) -> [String] {
        distinct(encodedLists.flatMap { (try? WireCoding.decoder.decode([String].self, from: Data($0.utf8))) ?? [] })
    }

    static func distinct(_ values: [String]) -> [String] {
        var seen = Set<String>()
        return values.filter { seen.insert($0).inserted }
    }

    // MARK: Paging

    /// Cuts the `limit + 1` rows fetched to one page; the extra row only says another page exists.
    static func page<Item>(_ rows: [Row], limit: Int, item: (Row) -> Item) -> Page<Item> {
        let shown = rows.prefix(limit)
        let next = rows.count > limit ? shown.last.map { PageCursor(key: $0["sortKey"], rowid: $0["position"]) } : nil
        return Page(items: shown.map(item), next: next)
    }
}

extension StoredQuote {
    init(row: Row) {
        articleId = row["articleId"]; storyId = row["storyId"]; speaker = row["speaker"]
        verb = row["verb"]; kind = row["kind"]; text = row["text"]
    }
}

extension EntitySummary {
    init(row: Row) {
        id = row["sortKey"]; name = row["name"]; type = row["type"]; articleCount = row["articleCount"]
    }
}
