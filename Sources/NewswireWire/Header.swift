import Foundation

/// The first frame of every message: who it is, what kind, and where it has been.
///
/// Kept small and in JSON so that a stage in any language can route on it without
/// decoding the body.
public struct Header: Codable, Sendable, Equatable {
    /// Wire protocol version. Stages reject versions they do not know.
    public var v: Int
    /// The article (or story) id. Stable across stages so that publish can be idempotent.
    public var id: String
    /// The body's kind, e.g. `article.normalized`. See ``MessageKind``.
    public var kind: String
    /// When the first stage created this message (ISO 8601).
    public var created: String
    /// One hop per stage that handled the message, oldest first.
    public var trace: [Hop]

    public static let currentVersion = 1

    public init(id: String, kind: String, created: Date = Date(), trace: [Hop] = []) {
        self.v = Header.currentVersion
        self.id = id
        self.kind = kind
        self.created = Timestamp.string(from: created)
        self.trace = trace
    }

    /// One stage's handling of a message.
    public struct Hop: Codable, Sendable, Equatable {
        public var stage: String
        public var replica: String
        /// When the stage received the input (ISO 8601).
        public var `in`: String
        /// When the stage emitted the output (ISO 8601).
        public var out: String

        public init(stage: String, replica: String, in received: Date, out emitted: Date) {
            self.stage = stage
            self.replica = replica
            self.in = Timestamp.string(from: received)
            self.out = Timestamp.string(from: emitted)
        }
    }
}

/// The message kinds of the core pipeline. Plug-ins may add their own kinds.
public enum MessageKind {
    public static let articleFetched = "article.fetched"
    public static let articleNormalized = "article.normalized"
    public static let articleExtracted = "article.extracted"
    public static let storyUpdated = "story.updated"
    public static let deadLetter = "dead.letter"
    public static let ack = "article.stored"

    public static let all = [articleFetched, articleNormalized, articleExtracted, storyUpdated]
}

/// ISO 8601 timestamps with milliseconds, in UTC, as every message writes them.
public enum Timestamp {
    public static func string(from date: Date) -> String {
        date.formatted(.iso8601.year().month().day().time(includingFractionalSeconds: true)
            .timeZone(separator: .omitted).dateSeparator(.dash).timeSeparator(.colon))
    }

    public static func date(from string: String) -> Date? {
        if let d = try? Date(string, strategy: .iso8601) { return d }
        return try? Date(string, strategy: .iso8601.year().month().day().time(includingFractionalSeconds: true))
    }
}
