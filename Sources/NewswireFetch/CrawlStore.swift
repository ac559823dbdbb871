import Foundation
import GRDB
import NewswireStageSDK
import NewswireWire

/// Fetch's durable memory, in the same SQLite file as the delivery journal (`--state`): every
/// feed with its validators and poll schedule, every URL with its outcome, and the pages
/// fetched but not yet settled downstream.
///
/// It is what makes a restart — even after `kill -9` — re-fetch nothing already done: a URL's
/// row is written when it is queued and updated when fetched, and a fetched page stays in
/// `page_cache` until the journal says it was stored or failed, so a re-send never goes back
/// to the web.
public final class CrawlStore: @unchecked Sendable {
    // GRDB's queue serialises access; callers may be on any thread.
    private let db: DatabaseQueue
    public let path: String

    /// What happened to a URL.
    public enum PageState: String, Sendable, Codable {
        /// Found (in a feed, a sitemap, the command line), not fetched yet.
        case queued
        /// Fetched and handed on (or waiting in the cache to be).
        case fetched
        /// Fetching it failed for good (`reason` says why).
        case failed
        /// robots.txt does not let Newswire fetch it.
        case disallowed
    }

    /// A feed's memory between polls.
    public struct FeedRecord: Sendable, Equatable {
        public var url: String
        public var etag: String?
        public var lastModified: String?
        public var schedule: PollSchedule?
        public var lastStatus: Int?
        public var polls: Int
        public var newItems: Int
    }

    public init(path: String) throws {
        self.path = path
        // The delivery journal's file and settings: one state file per fetch replica.
        db = try DeliveryJournal.open(path)
        try Self.migrator.migrate(db)
    }

    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        // Named apart from the delivery journal's migrations, which share the file.
        m.registerMigration("crawl-v1") { db in
            try db.create(table: "feed") { t in
                t.primaryKey("url", .text)
                t.column("etag", .text)
                t.column("lastModified", .text)
                t.column("schedule", .text)
                t.column("lastStatus", .integer)
                t.column("polls", .integer).notNull().defaults(to: 0)
                t.column("newItems", .integer).notNull().defaults(to: 0)
            }
            try db.create(table: "page") { t in
                t.primaryKey("url", .text)
                t.column("state", .text).notNull().indexed()
                t.column("source", .text)
                t.column("priority", .integer).notNull().defaults(to: 0)
                t.column("httpStatus", .integer)
                t.column("reason", .text)
                t.column("updatedAt", .double).notNull()
            }
            try db.create(table: "page_cache") { t in
                t.primaryKey("origin", .text)
                t.column("header", .blob).notNull()
                t.column("body", .blob).notNull()
                t.column("raw", .blob)
            }
        }
        return m
    }

    // MARK: Pages

    /// Whether `url` (canonical) was already queued or dealt with, in this run or an earlier one.
    public func isKnown(_ url: String) throws -> Bool {
        try db.read { db in try Bool.fetchOne(db, sql: "SELECT 1 FROM page WHERE url = ?", arguments: [url]) ?? false }
    }

    /// Records newly found URLs (ignoring known ones); returns those that were new.
    public func queue(_ urls: [String], source: String?, priority: Int) throws -> [String] {
        let now = Date().timeIntervalSince1970
        return try db.write { db in
            var fresh: [String] = []
            for url in urls {
                try db.execute(sql: """
                    INSERT OR IGNORE INTO page (url, state, source, priority, updatedAt) VALUES (?, 'queued', ?, ?, ?)
                    """, arguments: [url, source, priority, now])
                if db.changesCount > 0 { fresh.append(url) }
            }
            return fresh
        }
    }

    /// URLs found by an earlier run and not fetched yet, with where they came from.
    public func queued() throws -> [(url: String, source: String?, priority: Int)] {
        try db.read { db in
            try Row.fetchAll(db, sql: "SELECT url, source, priority FROM page WHERE state = 'queued' ORDER BY updatedAt")
                .map { ($0["url"], $0["source"], $0["priority"]) }
        }
    }

    /// The source a queued URL was found in.
    public func source(of url: String) throws -> String? {
        try db.read { db in try String.fetchOne(db, sql: "SELECT source FROM page WHERE url = ?", arguments: [url]) }
    }

    /// A page fetched: its outcome, and its message kept until delivery settles it. `aliases`
    /// (the final URL after redirects, `rel=canonical`) count as fetched too.
    public func recordFetched(_ url: String, aliases: [String], origin: String, message: Message, httpStatus: Int) throws {
        let now = Date().timeIntervalSince1970
        let frames = message.frames()
        try db.write { db in
            for u in [url] + aliases {
                try db.execute(sql: """
                    INSERT INTO page (url, state, httpStatus, updatedAt) VALUES (?, 'fetched', ?, ?)
                    ON CONFLICT(url) DO UPDATE SET state = 'fetched', httpStatus = excluded.httpStatus, updatedAt = excluded.updatedAt
                    """, arguments: [u, httpStatus, now])
            }
            try db.execute(sql: "INSERT OR REPLACE INTO page_cache (origin, header, body, raw) VALUES (?, ?, ?, ?)",
                           arguments: [origin, frames[0], frames[1], frames.count > 2 ? frames[2] : nil])
        }
    }

    /// A URL that will not be fetched: failed for good or refused by robots.txt.
    public func recordOutcome(_ url: String, state: PageState, httpStatus: Int? = nil, reason: String) throws {
        try db.write { db in
            try db.execute(sql: """
                INSERT INTO page (url, state, httpStatus, reason, updatedAt) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT(url) DO UPDATE SET state = excluded.state, httpStatus = excluded.httpStatus,
                    reason = excluded.reason, updatedAt = excluded.updatedAt
                """, arguments: [url, state.rawValue, httpStatus, reason, Date().timeIntervalSince1970])
        }
    }

    /// Why a URL was not fetched (failed, refused by robots.txt), if it was not.
    public func reason(for url: String) throws -> String? {
        try db.read { db in
            try String.fetchOne(db, sql: "SELECT reason FROM page WHERE url = ? AND state IN ('failed', 'disallowed')", arguments: [url])
        }
    }

    public func state(of url: String) throws -> PageState? {
        try db.read { db in
            try String.fetchOne(db, sql: "SELECT state FROM page WHERE url = ?", arguments: [url]).flatMap(PageState.init)
        }
    }

    /// Counts of URLs by state, for the closing summary and `newswire status`.
    public func pageCounts() throws -> [PageState: Int] {
        try db.read { db in
            var out: [PageState: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT state, COUNT(*) AS n FROM page GROUP BY state") {
                if let s = PageState(rawValue: row["state"]) { out[s] = row["n"] }
            }
            return out
        }
    }

    // MARK: The page cache

    public func cachedMessage(origin: String) throws -> Message? {
        try db.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT header, body, raw FROM page_cache WHERE origin = ?", arguments: [origin])
            else { return nil }
            var frames: [Data] = [row["header"], row["body"]]
            if let raw: Data = row["raw"] { frames.append(raw) }
            return try Message(frames: frames)
        }
    }

    public func removeCached(origin: String) throws {
        try db.write { db in try db.execute(sql: "DELETE FROM page_cache WHERE origin = ?", arguments: [origin]) }
    }

    /// Cached pages the delivery journal has not seen: fetched by a run that died before
    /// handing them on. Without a journal (one-shot mode), every cached page.
    public func unhandedOrigins() throws -> [String] {
        try db.read { db in
            let journal = try db.tableExists("delivery")
            let sql = journal
                ? "SELECT origin FROM page_cache WHERE origin NOT IN (SELECT origin FROM delivery)"
                : "SELECT origin FROM page_cache"
            return try String.fetchAll(db, sql: sql)
        }
    }

    /// Drops cached pages the journal has settled (stored, failed, duplicate): they will
    /// never be sent again. Returns how many.
    @discardableResult
    public func pruneSettled() throws -> Int {
        try db.write { db in
            guard try db.tableExists("delivery") else { return 0 }
            try db.execute(sql: """
                DELETE FROM page_cache WHERE origin IN (SELECT origin FROM delivery WHERE state != 'pending')
                """)
            return db.changesCount
        }
    }

    // MARK: Feeds

    public func feed(_ url: String) throws -> FeedRecord? {
        try db.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM feed WHERE url = ?", arguments: [url]) else { return nil }
            return Self.feedRecord(row)
        }
    }

    public func feeds() throws -> [FeedRecord] {
        try db.read { db in try Row.fetchAll(db, sql: "SELECT * FROM feed ORDER BY url").map(Self.feedRecord) }
    }

    public func save(_ feed: FeedRecord) throws {
        let schedule = try feed.schedule.map { String(decoding: try JSONEncoder().encode($0), as: UTF8.self) }
        try db.write { db in
            try db.execute(sql: """
                INSERT OR REPLACE INTO feed (url, etag, lastModified, schedule, lastStatus, polls, newItems)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [feed.url, feed.etag, feed.lastModified, schedule, feed.lastStatus, feed.polls, feed.newItems])
        }
    }

    private static func feedRecord(_ row: Row) -> FeedRecord {
        let schedule = (row["schedule"] as String?).flatMap { try? JSONDecoder().decode(PollSchedule.self, from: Data($0.utf8)) }
        return FeedRecord(url: row["url"], etag: row["etag"], lastModified: row["lastModified"], schedule: schedule,
                          lastStatus: row["lastStatus"], polls: row["polls"], newItems: row["newItems"])
    }
}
