import Foundation
import GRDB
import NewswireWire

/// The SQLite index story clustering finds candidates through, so that filing one article costs
/// the same however large the store: document frequencies kept as articles arrive, postings
/// (feature or fingerprint band → article, with its time) read newest first and a bounded number
/// per key, and each indexed article's features with its story.
enum StoryIndex {
    /// Bounds that keep the work per article flat.
    struct Limits {
        /// Stories are compared only with articles this close in time (either side).
        static let window: Double = 4 * 86_400
        /// Rarest features of the article looked up, and postings read per feature.
        static let keys = 24, postingsPerKey = 24
        /// Stories scored, and their most recent members read for each.
        static let stories = 16, membersPerStory = 8
        /// A feature in more than this share of the articles (and more than `commonFloor`) says
        /// nothing about the event ("Lusmar", "police"): neither looked up nor posted.
        static let commonShare = 0.02, commonFloor = 30
    }

    static func commonLimit(documents: Int) -> Int {
        max(Limits.commonFloor, Int(Double(documents) * Limits.commonShare))
    }

    // MARK: Schema

    /// Creates the index and fills it from the articles already stored, oldest first.
    static func createTables(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE story_corpus (documents INTEGER NOT NULL);
            INSERT INTO story_corpus (documents) VALUES (0);
            CREATE TABLE story_term (term TEXT PRIMARY KEY NOT NULL, documents INTEGER NOT NULL) WITHOUT ROWID;
            CREATE TABLE story_posting (key TEXT NOT NULL, articleId TEXT NOT NULL, time REAL NOT NULL);
            CREATE INDEX story_posting_key_time ON story_posting (key, time);
            CREATE TABLE story_member (articleId TEXT PRIMARY KEY NOT NULL, storyId TEXT NOT NULL, time REAL NOT NULL,
              fingerprint TEXT NOT NULL, counts TEXT NOT NULL);
            CREATE INDEX story_member_story_time ON story_member (storyId, time);
            CREATE INDEX story_member_time ON story_member (time);
            """)
        let rows = try Row.fetchCursor(db, sql: "SELECT storyId, body FROM article WHERE storyId IS NOT NULL ORDER BY rowid")
        while let row = try rows.next() {
            let article = try WireCoding.decoder.decode(ArticleExtracted.self, from: row["body"] as Data)
            let features = StoryFeatures(article)
            try record(features, articleId: article.article.id, storyId: row["storyId"],
                       weights: try weights(for: [features], in: db), in: db)
        }
    }

    // MARK: Writing

    /// Adds an article, filed into `storyId`, to the index. `weights` are those it was compared with.
    static func record(_ features: StoryFeatures, articleId: String, storyId: String,
                       weights: TermWeights, in db: Database) throws {
        try db.execute(sql: "UPDATE story_corpus SET documents = documents + 1")
        let time = try placedTime(features, in: db)
        for term in features.counts.keys {
            try db.execute(sql: """
                INSERT INTO story_term (term, documents) VALUES (?, 1)
                ON CONFLICT (term) DO UPDATE SET documents = documents + 1
                """, arguments: [term])
        }
        for key in postedKeys(features, weights: weights) {
            try db.execute(sql: "INSERT INTO story_posting (key, articleId, time) VALUES (?, ?, ?)",
                           arguments: [key, articleId, time])
        }
        try db.execute(sql: """
            INSERT OR REPLACE INTO story_member (articleId, storyId, time, fingerprint, counts) VALUES (?, ?, ?, ?, ?)
            """, arguments: [articleId, storyId, time, features.fingerprint, try encode(features.counts)])
    }

    /// The article's time on the index's clock (see ``StoryFeatures/time(newestKnown:)``).
    static func placedTime(_ features: StoryFeatures, in db: Database) throws -> Double {
        features.time(newestKnown: try Double.fetchOne(db, sql: "SELECT max(time) FROM story_member"))
    }

    // MARK: Reading

    /// The stories that could take an article, with their recent members and the weights to
    /// compare them by. A bounded number of indexed queries, whatever the size of the store.
    static func candidates(for features: StoryFeatures, excluding articleId: String,
                           in db: Database) throws -> (stories: [StoryCandidate], weights: TermWeights) {
        let own = try weights(for: [features], in: db)
        let time = try placedTime(features, in: db)
        let hits = try articlesSharingKeys(features, at: time, excluding: articleId, weights: own, in: db)
        let storyIds = try storiesOf(hits, in: db)
        let stories = try storyIds.map { id in
            StoryCandidate(storyId: id, members: try recentMembers(of: id, around: time, excluding: articleId, in: db))
        }
        return (stories, try weights(for: [features] + stories.flatMap(\.members), in: db))
    }

    /// Articles within the window sharing the article's rarest features or a fingerprint band,
    /// each with the summed IDF of what it shares.
    static func articlesSharingKeys(_ features: StoryFeatures, at time: Double, excluding articleId: String, weights: TermWeights,
                                    in db: Database) throws -> [String: Double] {
        var hits: [String: Double] = [:]
        for (key, weight) in keyedLookups(features, weights: weights) {
            for other in try String.fetchAll(db, sql: """
                SELECT articleId FROM story_posting WHERE key = ? AND time BETWEEN ? AND ? ORDER BY time DESC LIMIT ?
                """, arguments: [key, time - Limits.window, time + Limits.window, Limits.postingsPerKey])
                where other != articleId {
                hits[other, default: 0] += weight
            }
        }
        return hits
    }

    // MARK: Rules shared by every store's index

    /// What an article posts under: its features that are not common (counting itself), and its
    /// fingerprint bands.
    static func postedKeys(_ features: StoryFeatures, weights: TermWeights) -> [String] {
        let limit = commonLimit(documents: weights.documents + 1)
        return features.counts.keys.filter { (weights.documentFrequency[$0] ?? 0) + 1 <= limit } + bands(of: features.fingerprint)
    }

    /// The keys an article is looked up by, each with what sharing it is worth: its rarest
    /// features by IDF, and its fingerprint bands at the weight of an unseen feature.
    static func keyedLookups(_ features: StoryFeatures, weights: TermWeights) -> [(key: String, weight: Double)] {
        lookupKeys(features, weights: weights).map { ($0, weights.idf($0)) }
            + bands(of: features.fingerprint).map { ($0, weights.idf("")) }
    }

    /// Stories ranked by the summed sharing of their articles, best first, at most `Limits.stories`.
    static func rankStories(_ hits: [String: Double], members: [(articleId: String, storyId: String)]) -> [String] {
        var score: [String: Double] = [:]
        for member in members { score[member.storyId, default: 0] += hits[member.articleId] ?? 0 }
        return score.sorted { ($0.value, $0.key) > ($1.value, $1.key) }.prefix(Limits.stories).map(\.key)
    }

    /// The article's features worth looking up: seen before, not common, rarest first.
    static func lookupKeys(_ features: StoryFeatures, weights: TermWeights) -> [String] {
        let limit = commonLimit(documents: weights.documents)
        return features.counts.keys
            .filter { (1...limit).contains(weights.documentFrequency[$0] ?? 0) }
            .sorted { (weights.idf($0), $0) > (weights.idf($1), $1) }
            .prefix(Limits.keys).map { $0 }
    }

    /// The stories of the best-sharing articles, best first, at most `Limits.stories`.
    static func storiesOf(_ hits: [String: Double], in db: Database) throws -> [String] {
        guard !hits.isEmpty else { return [] }
        var members: [(articleId: String, storyId: String)] = []
        for chunk in Array(hits.keys).chunked(500) {
            for row in try Row.fetchAll(db, sql: "SELECT articleId, storyId FROM story_member WHERE articleId IN (\(placeholders(chunk.count)))",
                                        arguments: StatementArguments(chunk)) {
                members.append((row["articleId"], row["storyId"]))
            }
        }
        return rankStories(hits, members: members)
    }

    static func recentMembers(of storyId: String, around time: Double, excluding articleId: String,
                              in db: Database) throws -> [StoryFeatures] {
        try Row.fetchAll(db, sql: """
            SELECT time, fingerprint, counts FROM story_member
            WHERE storyId = ? AND time BETWEEN ? AND ? AND articleId != ? ORDER BY time DESC LIMIT ?
            """, arguments: [storyId, time - Limits.window, time + Limits.window, articleId, Limits.membersPerStory]).map {
            StoryFeatures(counts: try decode($0["counts"]), fingerprint: $0["fingerprint"], published: $0["time"], fetched: $0["time"])
        }
    }

    /// Document frequencies of every feature of `features`, and the number of articles indexed.
    static func weights(for features: [StoryFeatures], in db: Database) throws -> TermWeights {
        let documents = try Int.fetchOne(db, sql: "SELECT documents FROM story_corpus") ?? 0
        let terms = Array(Set(features.flatMap(\.counts.keys)))
        var frequency: [String: Int] = [:]
        for chunk in terms.chunked(500) {
            for row in try Row.fetchAll(db, sql: "SELECT term, documents FROM story_term WHERE term IN (\(placeholders(chunk.count)))",
                                        arguments: StatementArguments(chunk)) {
                frequency[row["term"]] = row["documents"]
            }
        }
        return TermWeights(documents: documents, documentFrequency: frequency)
    }

    /// Four 16-bit bands of the SimHash: fingerprints within 3 bits share at least one.
    static func bands(of fingerprint: String) -> [String] {
        guard let parsed = Fingerprint(hex: fingerprint) else { return [] }
        let chars = Array(parsed.hex)
        return (0..<4).map { "#\($0):" + String(chars[($0 * 4)..<($0 * 4 + 4)]) }
    }

    static func placeholders(_ n: Int) -> String { Array(repeating: "?", count: n).joined(separator: ",") }

    static func encode(_ counts: [String: Int]) throws -> String {
        String(decoding: try JSONEncoder().encode(counts), as: UTF8.self)
    }

    static func decode(_ text: String) throws -> [String: Int] {
        try JSONDecoder().decode([String: Int].self, from: Data(text.utf8))
    }
}

extension Array {
    func chunked(_ size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
    }
}
