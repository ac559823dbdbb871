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

extension Header {
    /// The header as the wire's JSON (sorted keys, like `WireCoding.encoder`), written by hand:
    /// it is encoded once per message per hop, and the generic encoder dominated a stage's
    /// per-message overhead.
    public func jsonData() -> Data {
        var out: [UInt8] = []
        out.reserveCapacity(96 + trace.count * 128)
        func str(_ s: String) { JSONText.appendString(s, to: &out) }
        func raw(_ s: StaticString) { s.withUTF8Buffer { out.append(contentsOf: $0) } }
        raw("{\"created\":"); str(created)
        raw(",\"id\":"); str(id)
        raw(",\"kind\":"); str(kind)
        raw(",\"trace\":[")
        for (i, hop) in trace.enumerated() {
            if i > 0 { raw(",") }
            raw("{\"in\":"); str(hop.in)
            raw(",\"out\":"); str(hop.out)
            raw(",\"replica\":"); str(hop.replica)
            raw(",\"stage\":"); str(hop.stage)
            raw("}")
        }
        raw("],\"v\":")
        out.append(contentsOf: String(v).utf8)
        raw("}")
        return Data(out)
    }
}

/// JSON string escaping, as the encoder does it (no slash escaping).
enum JSONText {
    private static let hex = Array("0123456789abcdef".utf8)

    static func appendString(_ s: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for b in s.utf8 {
            switch b {
            case UInt8(ascii: "\""): out.append(contentsOf: [92, 34])
            case 92: out.append(contentsOf: [92, 92])
            case 10: out.append(contentsOf: [92, UInt8(ascii: "n")])
            case 13: out.append(contentsOf: [92, UInt8(ascii: "r")])
            case 9: out.append(contentsOf: [92, UInt8(ascii: "t")])
            case 8: out.append(contentsOf: [92, UInt8(ascii: "b")])
            case 12: out.append(contentsOf: [92, UInt8(ascii: "f")])
            case 0..<32: out.append(contentsOf: [92, UInt8(ascii: "u"), 48, 48, hex[Int(b >> 4)], hex[Int(b & 15)]])
            default: out.append(b)
            }
        }
        out.append(UInt8(ascii: "\""))
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
