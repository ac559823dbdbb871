import Foundation
import GRDB

/// The durable record of a source's deliveries, in SQLite: every origin read (a file, a
/// URL), the article id it became, how often it was sent, and whether it was stored or
/// definitively failed.
///
/// It is what makes a restart exact, even after SIGKILL of every process: origins already
/// recorded are not read again, and articles still `pending` are re-read from their origin
/// and re-sent. A pending row is written *before* its message is sent, so a crash can only
/// cause a harmless re-send (publish is idempotent), never a loss.
public final class DeliveryJournal: @unchecked Sendable {
    // Used from the source runner's one thread.
    private let db: DatabaseQueue
    public let path: String

    public enum State: String, Sendable, Codable {
        /// Sent (or about to be), not yet acknowledged.
        case pending
        /// Publish acknowledged it as stored.
        case stored
        /// A stage (or the source itself) said retrying cannot help; `reason` says why.
        case failed
        /// Another origin already became the same article id.
        case duplicate
    }

    public struct Entry: Sendable, Equatable {
        public var origin: String
        public var id: String
        public var state: State
        public var attempts: Int
        public var reason: String?
        public init(origin: String, id: String, state: State, attempts: Int, reason: String?) {
            self.origin = origin; self.id = id; self.state = state; self.attempts = attempts; self.reason = reason
        }
    }

    public struct Totals: Sendable, Equatable, CustomStringConvertible {
        public var pending = 0, stored = 0, failed = 0, duplicate = 0
        public init(pending: Int = 0, stored: Int = 0, failed: Int = 0, duplicate: Int = 0) {
            self.pending = pending; self.stored = stored; self.failed = failed; self.duplicate = duplicate
        }
        /// Every article the source accepted for delivery.
        public var accepted: Int { pending + stored + failed }
        public var description: String {
            "accepted \(accepted), stored \(stored), failed \(failed), pending \(pending), duplicates \(duplicate)"
        }
    }

    /// Opens (creating if needed) the journal at `path`.
    public init(path: String) throws {
        self.path = path
        db = try Self.open(path)
        try Self.migrator.migrate(db)
    }

    /// Opens (creating its folder if needed) the state file at `path` as the journal does, for
    /// the other tables a source keeps in the same file (fetch's crawl state).
    ///
    /// WAL with NORMAL sync: a power cut may lose the last commits but never corrupts, and a
    /// lost row only means a re-read and a re-send.
    public static func open(_ path: String) throws -> DatabaseQueue {
        try FileManager.default.createDirectory(at: URL(fileURLWithPath: path).deletingLastPathComponent(),
                                                withIntermediateDirectories: true)
        var config = Configuration()
        config.busyMode = .timeout(5)
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL")
        }
        return try DatabaseQueue(path: path, configuration: config)
    }

    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1") { db in
            try db.create(table: "delivery") { t in
                t.primaryKey("origin", .text)
                t.column("id", .text).notNull().indexed()
                t.column("state", .text).notNull().indexed()
                t.column("attempts", .integer).notNull().defaults(to: 0)
                t.column("firstSentAt", .double)
                t.column("lastSentAt", .double)
                t.column("settledAt", .double)
                t.column("reason", .text)
            }
        }
        return m
    }

    /// True when `origin` was read before (in any state): it is not read again.
    public func knows(origin: String) throws -> Bool {
        try db.read { try Bool.fetchOne($0, sql: "SELECT 1 FROM delivery WHERE origin = ?", arguments: [origin]) ?? false }
    }

    /// Records that `origin` became article `id` and is about to be sent (its first send is
    /// counted here, in the same commit). Returns false (and
    /// records a duplicate) when another origin already became the same id.
    @discardableResult
    public func accept(origin: String, id: String, at now: Date = Date()) throws -> Bool {
        try db.write { db in
            let taken = try Bool.fetchOne(db, sql: "SELECT 1 FROM delivery WHERE id = ? AND state != 'duplicate'",
                                          arguments: [id]) ?? false
            try db.execute(sql: """
                INSERT INTO delivery (origin, id, state, attempts, firstSentAt, lastSentAt) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT(origin) DO NOTHING
                """, arguments: [origin, id, taken ? State.duplicate.rawValue : State.pending.rawValue, taken ? 0 : 1,
                                 now.timeIntervalSince1970, now.timeIntervalSince1970])
            return !taken
        }
    }

    /// Records a failure before any send: the origin could not be read at all.
    public func failedToRead(origin: String, id: String, reason: String, at now: Date = Date()) throws {
        try db.write { db in
            try db.execute(sql: """
                INSERT INTO delivery (origin, id, state, attempts, settledAt, reason) VALUES (?, ?, 'failed', 0, ?, ?)
                ON CONFLICT(origin) DO UPDATE SET state = 'failed', settledAt = excluded.settledAt, reason = excluded.reason
                """, arguments: [origin, id, now.timeIntervalSince1970, reason])
        }
    }

    /// Counts one more send of each of `ids`.
    public func sent(_ ids: [String], at now: Date = Date()) throws {
        guard !ids.isEmpty else { return }
        try db.write { db in
            for id in ids {
                try db.execute(sql: "UPDATE delivery SET attempts = attempts + 1, lastSentAt = ? WHERE id = ? AND state = 'pending'",
                               arguments: [now.timeIntervalSince1970, id])
            }
        }
    }

    /// A settlement reported by the pipeline.
    public enum Settlement: Sendable, Equatable {
        case stored(id: String)
        case failed(id: String, reason: String)
    }

    /// Applies settlements in one transaction; returns the ids that were pending until now.
    @discardableResult
    public func settle(_ settlements: [Settlement], at now: Date = Date()) throws -> [String] {
        guard !settlements.isEmpty else { return [] }
        return try db.write { db in
            var changed: [String] = []
            for s in settlements {
                switch s {
                case .stored(let id):
                    try db.execute(sql: "UPDATE delivery SET state = 'stored', settledAt = ?, reason = NULL WHERE id = ? AND state IN ('pending', 'failed')",
                                   arguments: [now.timeIntervalSince1970, id])
                    if db.changesCount > 0 { changed.append(id) }
                case .failed(let id, let reason):
                    try db.execute(sql: "UPDATE delivery SET state = 'failed', settledAt = ?, reason = ? WHERE id = ? AND state = 'pending'",
                                   arguments: [now.timeIntervalSince1970, reason, id])
                    if db.changesCount > 0 { changed.append(id) }
                }
            }
            return changed
        }
    }

    /// Every article sent and not yet settled, oldest first: what a restart re-sends.
    public func pending() throws -> [Entry] {
        try db.read { db in
            try Row.fetchAll(db, sql: """
                SELECT origin, id, state, attempts, reason FROM delivery WHERE state = 'pending' ORDER BY firstSentAt, origin
                """).map(Self.entry)
        }
    }

    public func entry(id: String) throws -> Entry? {
        try db.read { db in
            try Row.fetchOne(db, sql: "SELECT origin, id, state, attempts, reason FROM delivery WHERE id = ? AND state != 'duplicate'",
                             arguments: [id]).map(Self.entry)
        }
    }

    public func entries(in state: State) throws -> [Entry] {
        try db.read { db in
            try Row.fetchAll(db, sql: "SELECT origin, id, state, attempts, reason FROM delivery WHERE state = ? ORDER BY origin",
                             arguments: [state.rawValue]).map(Self.entry)
        }
    }

    public func totals() throws -> Totals {
        try db.read { db in
            var t = Totals()
            for row in try Row.fetchAll(db, sql: "SELECT state, COUNT(*) AS n FROM delivery GROUP BY state") {
                let n: Int = row["n"]
                switch State(rawValue: row["state"]) {
                case .pending: t.pending = n
                case .stored: t.stored = n
                case .failed: t.failed = n
                case .duplicate: t.duplicate = n
                case nil: break
                }
            }
            return t
        }
    }

    /// Sends counted over every article: more than the article count means re-sends.
    public func totalSends() throws -> Int {
        try db.read { try Int.fetchOne($0, sql: "SELECT COALESCE(SUM(attempts), 0) FROM delivery") ?? 0 }
    }

    private static func entry(_ row: Row) -> Entry {
        Entry(origin: row["origin"], id: row["id"], state: State(rawValue: row["state"]) ?? .pending,
              attempts: row["attempts"], reason: row["reason"])
    }
}
