import Foundation
import NewswireWire

/// What publish writes and the web reads: articles, the stories they form, and everything a
/// story page shows. Two implementations share one contract (and one test suite): SQLite
/// (``ArticleStore``, one file, the default) and PostgreSQL (``PostgresStore``, for several
/// publish replicas on several machines writing one store).
///
/// Writing is idempotent by article id, so fetch may re-send freely: storing an article again
/// with the same body is `.unchanged` and keeps its story.
public protocol NewsStore: Sendable {
    /// Where the store lives, for messages (a file path, or a URL without its password).
    var location: String { get }

    /// Stores articles in one transaction and files each into a story; later articles of the
    /// batch see the earlier ones when clustering.
    func store(batch: [(article: ArticleExtracted, body: Data)], clusterer: StoryClusterer) async throws
        -> [(StoreOutcome, storyId: String)]

    /// A story as announced on `story.updated`.
    func story(id: String) async throws -> StoryUpdated?
    func count() async throws -> Int

    // Export bookkeeping: the JSON Lines export appends each article once.
    func isExported(id: String) async throws -> Bool?
    func markExported(_ ids: [String]) async throws
    func unexported(limit: Int) async throws -> [(id: String, body: Data)]

    // The read side, paged by keyset cursors (see ``PageCursor``).
    func articles(after cursor: PageCursor?, limit: Int) async throws -> Page<ArticleSummary>
    func articleRecord(id: String) async throws -> (body: Data, storyId: String?)?
    /// The stored bodies of several articles in one query, by id (unknown ids are left out).
    func articleBodies(ids: [String]) async throws -> [String: Data]
    func search(_ text: String, after cursor: PageCursor?, limit: Int) async throws -> Page<SearchHit>
    func stories(after cursor: PageCursor?, limit: Int) async throws -> Page<StorySummary>
    func storyDetail(id: String) async throws -> StoryDetail?
    func quotes(speaker: String?, after cursor: PageCursor?, limit: Int) async throws -> Page<StoredQuote>
    func entities(after cursor: PageCursor?, limit: Int) async throws -> Page<EntitySummary>
    func entity(id: String) async throws -> EntityDetail?

    /// Releases connections; a store is not used after this.
    func close() async
}

/// What storing one article did: the outcome publish acknowledges to fetch.
public typealias StoreOutcome = Acknowledgement.Outcome

/// Which store a `--database` value names: a `postgres://` (or `postgresql://`) URL, or else
/// the path of a SQLite file.
public enum StoreAddress: Sendable, Equatable, CustomStringConvertible {
    case sqlite(path: String)
    case postgres(PostgresAddress)

    public init(_ text: String) throws {
        if text.hasPrefix("postgres://") || text.hasPrefix("postgresql://") {
            self = .postgres(try PostgresAddress(url: text))
        } else {
            self = .sqlite(path: text)
        }
    }

    public var description: String {
        switch self {
        case .sqlite(let path): path
        case .postgres(let address): address.description
        }
    }

    /// Opens (and migrates) the store.
    public func open() async throws -> any NewsStore {
        switch self {
        case .sqlite(let path): try SQLiteStore(path: path)
        case .postgres(let address): try await PostgresStore(address)
        }
    }
}

/// A PostgreSQL server and database from a URL: `postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE`.
/// The password may also come from `PGPASSWORD`, so it need not sit in a pipeline file.
public struct PostgresAddress: Sendable, Equatable, CustomStringConvertible {
    public var host: String
    public var port: Int
    public var user: String
    public var password: String?
    public var database: String

    public init(host: String, port: Int = 5432, user: String, password: String? = nil, database: String) {
        self.host = host; self.port = port; self.user = user; self.password = password; self.database = database
    }

    public init(url text: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        guard let url = URLComponents(string: text), let host = url.host, !host.isEmpty else {
            throw StoreAddressError(text: text, problem: "not a URL with a host")
        }
        let database = String(url.path.drop { $0 == "/" })
        guard !database.isEmpty, !database.contains("/") else {
            throw StoreAddressError(text: text, problem: "name the database after the host, as in postgres://user@localhost/newswire")
        }
        guard let user = url.user, !user.isEmpty else {
            throw StoreAddressError(text: text, problem: "name the user, as in postgres://user@localhost/newswire")
        }
        self.init(host: host, port: url.port ?? 5432, user: user,
                  password: url.password ?? environment["PGPASSWORD"], database: database)
    }

    /// The URL without its password.
    public var description: String { "postgres://\(user)@\(host):\(port)/\(database)" }
}

public struct StoreAddressError: Error, CustomStringConvertible {
    public var text: String
    public var problem: String
    public var description: String { "bad store address '\(text)': \(problem)" }
}

extension NewsStore {
    public func store(_ article: ArticleExtracted, body: Data? = nil, clusterer: StoryClusterer = StoryClusterer()) async throws
        -> (StoreOutcome, storyId: String) {
        let body = try body ?? WireCoding.encoder.encode(article)
        return try await store(batch: [(article, body)], clusterer: clusterer)[0]
    }
}
