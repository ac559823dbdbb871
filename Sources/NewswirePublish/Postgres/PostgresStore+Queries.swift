import Foundation
import NewswireWire
import PostgresNIO

// The read side on PostgreSQL: the same pages, orders and cursors as the SQLite store's (text is
// compared byte-wise, COLLATE "C", and NULLs sort first, as SQLite does), every input bound as
// a parameter. Search uses PostgreSQL's full-text search ('simple' configuration: no stemming,
// any language) with the reader's words as plain words (plainto_tsquery), never as operators.

extension PostgresStore {
    static let summaryColumns = """
        a.id, a.url, a.title, a.byline, a.published_at, a.site_name, a.story_id, a.position,
          coalesce(a.published_at, '') AS sort_key,
          (SELECT COUNT(*) FROM entity e WHERE e.article_id = a.id) AS entities,
          (SELECT COUNT(*) FROM quote q WHERE q.article_id = a.id) AS quotes,
          (SELECT COUNT(*) FROM amount m WHERE m.article_id = a.id) AS amounts
        """

    public func count() async throws -> Int {
        try await rows("SELECT COUNT(*) AS n FROM article").first?.get("n", as: Int.self) ?? 0
    }

    public func articles(after cursor: PageCursor?, limit: Int) async throws -> Page<ArticleSummary> {
        let rows = try await rows("""
            SELECT \(unescaped: Self.summaryColumns) FROM article a
            WHERE \(cursor?.key)::text IS NULL
               OR (coalesce(a.published_at, '') COLLATE "C", a.position) < (\(cursor?.key)::text COLLATE "C", \(cursor?.rowid)::bigint)
            ORDER BY coalesce(a.published_at, '') COLLATE "C" DESC, a.position DESC LIMIT \(limit + 1)
            """)
        return try Self.page(rows, limit: limit, item: ArticleSummary.init(postgres:))
    }

    public func articleRecord(id: String) async throws -> (body: Data, storyId: String?)? {
        try await rows("SELECT body, story_id FROM article WHERE id = \(id)").first.map {
            (try $0.get("body", as: Data.self), try $0.get("story_id", as: String?.self))
        }
    }

    public func articleBodies(ids: [String]) async throws -> [String: Data] {
        guard !ids.isEmpty else { return [:] }
        var bodies: [String: Data] = [:]
        for row in try await rows("SELECT id, body FROM article WHERE id = ANY(\(ids))") {
            bodies[try row.get("id")] = try row.get("body", as: Data.self)
        }
        return bodies
    }

    public func search(_ text: String, after cursor: PageCursor?, limit: Int) async throws -> Page<SearchHit> {
        guard text.contains(where: { $0.isLetter || $0.isNumber }) else { return Page(items: [], next: nil) }
        let rows = try await rows("""
            SELECT \(unescaped: Self.summaryColumns),
              ts_headline('simple', a.text, q.query, 'StartSel="", StopSel="", MaxWords=16, MinWords=6') AS snippet
            FROM article a, plainto_tsquery('simple', \(text)) AS q(query)
            WHERE a.search @@ q.query AND (\(cursor?.rowid)::bigint IS NULL OR a.position < \(cursor?.rowid)::bigint)
            ORDER BY a.position DESC LIMIT \(limit + 1)
            """)
        return try Self.page(rows, limit: limit) { SearchHit(article: try ArticleSummary(postgres: $0), snippet: try $0.get("snippet")) }
    }

    // MARK: Stories

    public func stories(after cursor: PageCursor?, limit: Int) async throws -> Page<StorySummary> {
        let rows = try await rows("""
            SELECT s.id, s.title, s.updated_at, s.position, s.updated_at AS sort_key,
              (SELECT COUNT(*) FROM article a WHERE a.story_id = s.id) AS article_count,
              (SELECT COUNT(DISTINCT coalesce(a.site_name, a.url)) FROM article a WHERE a.story_id = s.id) AS outlet_count
            FROM story s
            WHERE \(cursor?.key)::text IS NULL
               OR (s.updated_at COLLATE "C", s.position) < (\(cursor?.key)::text COLLATE "C", \(cursor?.rowid)::bigint)
            ORDER BY s.updated_at COLLATE "C" DESC, s.position DESC LIMIT \(limit + 1)
            """)
        return try Self.page(rows, limit: limit) {
            StorySummary(id: try $0.get("id"), title: try $0.get("title"), updatedAt: try $0.get("updated_at"),
                         articleCount: try $0.get("article_count"), outletCount: try $0.get("outlet_count"))
        }
    }

    public func storyDetail(id: String) async throws -> StoryDetail? {
        guard let story = try await rows("SELECT title, updated_at FROM story WHERE id = \(id)").first else { return nil }
        return StoryDetail(id: id, title: try story.get("title"), updatedAt: try story.get("updated_at"),
                           articles: try await storyArticles(id), figures: try await storyFigures(id),
                           quotes: try await storyQuotes(id))
    }

    public func story(id: String) async throws -> StoryUpdated? {
        guard let story = try await rows("SELECT title, updated_at FROM story WHERE id = \(id)").first else { return nil }
        let claims = try await rows("""
            SELECT m.article_id, m.source, m.text, m.value, m.unit, m.object FROM amount m
            JOIN article a ON a.id = m.article_id WHERE a.story_id = \(id)
            ORDER BY m.object COLLATE "C" NULLS FIRST, m.article_id COLLATE "C"
            """).map {
            StoryUpdated.StoryClaim(articleId: try $0.get("article_id"), source: try $0.get("source"), text: try $0.get("text"),
                                    value: try $0.get("value"), unit: try $0.get("unit"), object: try $0.get("object"))
        }
        return StoryUpdated(storyId: id, title: try story.get("title"), updatedAt: try story.get("updated_at"),
                            articles: try await storyArticles(id), claims: claims)
    }

    private func storyArticles(_ storyId: String) async throws -> [StoryUpdated.StoryArticle] {
        try await rows("""
            SELECT id, url, title, site_name, published_at FROM article WHERE story_id = \(storyId)
            ORDER BY published_at COLLATE "C" NULLS FIRST, id COLLATE "C"
            """).map {
            StoryUpdated.StoryArticle(id: try $0.get("id"), url: try $0.get("url"), title: try $0.get("title"),
                                      siteName: try $0.get("site_name"), publishedAt: try $0.get("published_at"))
        }
    }

    private func storyFigures(_ storyId: String) async throws -> [StoredFigure] {
        try await rows("""
            SELECT m.article_id, coalesce(a.site_name, a.url) AS outlet, m.text, m.value, m.unit, m.object, m.source
            FROM amount m JOIN article a ON a.id = m.article_id WHERE a.story_id = \(storyId)
            ORDER BY a.published_at COLLATE "C" NULLS FIRST, a.id COLLATE "C", m.position
            """).map {
            StoredFigure(articleId: try $0.get("article_id"), outlet: try $0.get("outlet"), text: try $0.get("text"),
                         value: try $0.get("value"), unit: try $0.get("unit"), object: try $0.get("object"),
                         source: try $0.get("source"))
        }
    }

    private func storyQuotes(_ storyId: String) async throws -> [StoredQuote] {
        try await rows("""
            SELECT q.article_id, a.story_id, q.speaker, q.verb, q.kind, q.text
            FROM quote q JOIN article a ON a.id = q.article_id WHERE a.story_id = \(storyId)
            ORDER BY q.speaker COLLATE "C" NULLS FIRST, q.position
            """).map(StoredQuote.init(postgres:))
    }

    // MARK: Quotes and entities

    public func quotes(speaker: String?, after cursor: PageCursor?, limit: Int) async throws -> Page<StoredQuote> {
        let rows = try await rows("""
            SELECT q.position, '' AS sort_key, q.article_id, a.story_id, q.speaker, q.verb, q.kind, q.text
            FROM quote q JOIN article a ON a.id = q.article_id
            WHERE (\(speaker)::text IS NULL OR q.speaker = \(speaker)::text) AND q.position > \(cursor?.rowid ?? 0)
            ORDER BY q.position LIMIT \(limit + 1)
            """)
        return try Self.page(rows, limit: limit, item: StoredQuote.init(postgres:))
    }

    public func entities(after cursor: PageCursor?, limit: Int) async throws -> Page<EntitySummary> {
        let rows = try await rows("""
            SELECT key COLLATE "C" AS sort_key, 0::bigint AS position, MIN(name COLLATE "C") AS name, MIN(type COLLATE "C") AS type,
              COUNT(DISTINCT article_id) AS article_count
            FROM entity WHERE key COLLATE "C" > \(cursor?.key ?? "")::text COLLATE "C"
            GROUP BY key COLLATE "C" ORDER BY key COLLATE "C" LIMIT \(limit + 1)
            """)
        return try Self.page(rows, limit: limit, item: EntitySummary.init(postgres:))
    }

    public func entity(id: String) async throws -> EntityDetail? {
        guard let row = try await rows("""
            SELECT key AS sort_key, MIN(name COLLATE "C") AS name, MIN(type COLLATE "C") AS type,
              COUNT(DISTINCT article_id) AS article_count
            FROM entity WHERE key = \(id) GROUP BY key
            """).first else { return nil }
        let roleLists: [String] = try await rows("SELECT roles FROM entity WHERE key = \(id)").map { try $0.get("roles") }
        let articles = try await rows("""
            SELECT \(unescaped: Self.summaryColumns) FROM article a
            WHERE a.id IN (SELECT article_id FROM entity WHERE key = \(id))
            ORDER BY coalesce(a.published_at, '') COLLATE "C" DESC, a.position DESC LIMIT \(ArticleStore.entityArticlesShown)
            """).map(ArticleSummary.init(postgres:))
        return EntityDetail(summary: try EntitySummary(postgres: row), roles: ArticleStore.distinctRoles(roleLists),
                            articles: articles, storyIds: ArticleStore.distinct(articles.compactMap(\.storyId)))
    }

    // MARK: Paging

    /// Cuts the `limit + 1` rows fetched to one page; the extra row only says another page exists.
    static func page<Item>(_ rows: [PostgresRandomAccessRow], limit: Int,
                           item: (PostgresRandomAccessRow) throws -> Item) throws -> Page<Item> {
        let shown = rows.prefix(limit)
        let next = try rows.count > limit ? shown.last.map {
            PageCursor(key: try $0.get("sort_key"), rowid: try $0.get("position", as: Int64.self))
        } : nil
        return Page(items: try shown.map(item), next: next)
    }
}

extension ArticleSummary {
    init(postgres row: PostgresRandomAccessRow) throws {
        id = try row.get("id"); url = try row.get("url"); title = try row.get("title"); byline = try row.get("byline")
        publishedAt = try row.get("published_at"); siteName = try row.get("site_name"); storyId = try row.get("story_id")
        entities = try row.get("entities"); quotes = try row.get("quotes"); amounts = try row.get("amounts")
    }
}

extension StoredQuote {
    init(postgres row: PostgresRandomAccessRow) throws {
        articleId = try row.get("article_id"); storyId = try row.get("story_id"); speaker = try row.get("speaker")
        verb = try row.get("verb"); kind = try row.get("kind"); text = try row.get("text")
    }
}

extension EntitySummary {
    init(postgres row: PostgresRandomAccessRow) throws {
        id = try row.get("sort_key"); name = try row.get("name"); type = try row.get("type")
        articleCount = try row.get("article_count")
    }
}
