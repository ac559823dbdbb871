import Logging
import PostgresNIO

/// The PostgreSQL schema, created by named migrations recorded in `newswire_migration`.
/// Replicas starting together migrate one at a time (an advisory lock), so none sees a half
/// made schema. The tables mirror the SQLite store's; `position` columns play SQLite's rowid
/// (storage order, the tie-breaker of every cursor).
enum PostgresSchema {
    static let migrations: [(name: String, statements: [String])] = [
        ("v1", [
            """
            CREATE TABLE story (id text PRIMARY KEY, title text NOT NULL, updated_at text NOT NULL,
              position bigserial NOT NULL)
            """,
            #"CREATE INDEX story_updated ON story ((updated_at COLLATE "C"), position)"#,
            """
            CREATE TABLE article (
              id text PRIMARY KEY, url text NOT NULL, canonical_url text, title text, byline text, published_at text,
              site_name text, language text, text text NOT NULL, content_hash text NOT NULL, fingerprint text NOT NULL,
              tone double precision, story_id text REFERENCES story (id), stored_at text NOT NULL, body bytea NOT NULL,
              exported boolean NOT NULL DEFAULT false, position bigserial NOT NULL, search tsvector NOT NULL)
            """,
            "CREATE INDEX article_story ON article (story_id)",
            "CREATE INDEX article_unexported ON article (position) WHERE NOT exported",
            #"CREATE INDEX article_published ON article ((coalesce(published_at, '') COLLATE "C"), position)"#,
            "CREATE INDEX article_search ON article USING gin (search)",
            """
            CREATE TABLE entity (article_id text NOT NULL REFERENCES article (id) ON DELETE CASCADE, name text NOT NULL,
              key text NOT NULL, type text NOT NULL, mentions integer NOT NULL, roles text NOT NULL)
            """,
            "CREATE INDEX entity_article ON entity (article_id)",
            #"CREATE INDEX entity_key ON entity ((key COLLATE "C"))"#,
            """
            CREATE TABLE quote (article_id text NOT NULL REFERENCES article (id) ON DELETE CASCADE, speaker text, verb text,
              kind text NOT NULL, text text NOT NULL, position bigserial NOT NULL)
            """,
            "CREATE INDEX quote_article ON quote (article_id)",
            "CREATE INDEX quote_speaker ON quote (speaker, position)",
            """
            CREATE TABLE amount (article_id text NOT NULL REFERENCES article (id) ON DELETE CASCADE, text text NOT NULL,
              value double precision, unit text, object text, approximate boolean NOT NULL, source text,
              position bigserial NOT NULL)
            """,
            "CREATE INDEX amount_article ON amount (article_id)",
            // Story clustering's index (see StoryIndex): document frequencies, postings, members.
            "CREATE TABLE story_corpus (documents bigint NOT NULL)",
            "INSERT INTO story_corpus (documents) VALUES (0)",
            "CREATE TABLE story_term (term text PRIMARY KEY, documents integer NOT NULL)",
            "CREATE TABLE story_posting (key text NOT NULL, article_id text NOT NULL, time double precision NOT NULL)",
            "CREATE INDEX story_posting_key_time ON story_posting (key, time)",
            """
            CREATE TABLE story_member (article_id text PRIMARY KEY, story_id text NOT NULL, time double precision NOT NULL,
              fingerprint text NOT NULL, counts text NOT NULL)
            """,
            "CREATE INDEX story_member_story_time ON story_member (story_id, time)",
            "CREATE INDEX story_member_time ON story_member (time)",
        ]),
        // Search pages walk the articles newest stored first.
        ("v2-read-orders", ["CREATE INDEX article_position ON article (position)",
                            "CREATE INDEX quote_position ON quote (position)"]),
    ]

    static func migrate(_ client: PostgresClient, logger: Logger) async throws {
        try await client.withConnection { connection in
            try await connection.query("BEGIN", logger: logger)
            do {
                try await connection.query("SELECT pg_advisory_xact_lock(\(PostgresStore.migrationLock))", logger: logger)
                try await connection.query("""
                    CREATE TABLE IF NOT EXISTS newswire_migration (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())
                    """, logger: logger)
                var applied = Set<String>()
                for try await name in try await connection.query("SELECT name FROM newswire_migration", logger: logger).decode(String.self) {
                    applied.insert(name)
                }
                for migration in migrations where !applied.contains(migration.name) {
                    for statement in migration.statements {
                        try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                    }
                    try await connection.query("INSERT INTO newswire_migration (name) VALUES (\(migration.name))", logger: logger)
                }
                try await connection.query("COMMIT", logger: logger)
            } catch {
                _ = try? await connection.query("ROLLBACK", logger: logger)
                throw error
            }
        }
    }
}
