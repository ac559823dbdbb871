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
    /// The body's kind, e.g. `article.normalized`.
    public var kind: MessageKind
    /// When the first stage created this message (ISO 8601).
    public var created: String
    /// One hop per stage that handled the message, oldest first.
    public var trace: [Hop]

    public static let currentVersion = 1

    public init(id: String, kind: MessageKind, created: Date = Date(), trace: [Hop] = []) {
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
        raw(",\"kind\":"); str(kind.rawValue)
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

extension Header {
    /// Parses a header frame. The exact JSON that ``jsonData()`` writes (every Newswire stage's
    /// output) is read by a hand-written fast path; anything else (other key order, whitespace,
    /// escapes, extra keys, another stage's encoder) goes to `JSONDecoder`, which also reports errors.
    public init(jsonData data: Data) throws {
        if let header = Header.parseCanonical(data) {
            self = header
        } else {
            self = try WireCoding.sharedDecoder.decode(Header.self, from: data)
        }
    }

    /// The fast path of ``init(jsonData:)``: nil unless `data` is exactly in `jsonData()`'s shape
    /// (sorted keys, no whitespace, strings without escapes, `v` a plain non-negative integer).
    static func parseCanonical(_ data: Data) -> Header? {
        data.withUnsafeBytes { raw -> Header? in
            var p = CanonicalJSONReader(bytes: raw.bindMemory(to: UInt8.self))
            guard p.literal("{\"created\":"), let created = p.string(),
                  p.literal(",\"id\":"), let id = p.string(),
                  p.literal(",\"kind\":"), let kind = p.string(),
                  p.literal(",\"trace\":[") else { return nil }
            var trace: [Hop] = []
            if !p.literal("]") {
                while true {
                    guard p.literal("{\"in\":"), let received = p.string(),
                          p.literal(",\"out\":"), let emitted = p.string(),
                          p.literal(",\"replica\":"), let replica = p.string(),
                          p.literal(",\"stage\":"), let stage = p.string(),
                          p.literal("}") else { return nil }
                    trace.append(Hop(stage: stage, replica: replica, received: received, emitted: emitted))
                    if p.literal("]") { break }
                    guard p.literal(",") else { return nil }
                }
            }
            guard p.literal(",\"v\":"), let v = p.integer(), p.literal("}"), p.atEnd else { return nil }
            return Header(v: v, id: id, kind: MessageKind(kind), created: created, trace: trace)
        }
    }

    /// A header from its wire fields as they are.
    init(v: Int, id: String, kind: MessageKind, created: String, trace: [Hop]) {
        self.v = v; self.id = id; self.kind = kind; self.created = created; self.trace = trace
    }
}

extension Header.Hop {
    /// A hop from its wire fields as they are.
    init(stage: String, replica: String, received: String, emitted: String) {
        self.stage = stage; self.replica = replica; self.in = received; self.out = emitted
    }
}

/// Reads the canonical JSON the project writes; every method returns nil/false on anything
/// else, leaving the general decoder to decide.
struct CanonicalJSONReader {
    let bytes: UnsafeBufferPointer<UInt8>
    var i = 0

    var atEnd: Bool { i == bytes.count }

    mutating func literal(_ s: StaticString) -> Bool {
        let n = s.utf8CodeUnitCount
        guard bytes.count - i >= n else { return false }
        let same = s.withUTF8Buffer { lit in
            for k in 0..<n where bytes[i + k] != lit[k] { return false }
            return true
        }
        if same { i += n }
        return same
    }

    /// A string without escapes or control characters, in valid UTF-8.
    mutating func string() -> String? {
        guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { return nil }
        let start = i + 1
        var j = start
        var ascii = true
        while j < bytes.count {
            let c = bytes[j]
            if c == UInt8(ascii: "\"") { break }
            if c == UInt8(ascii: "\\") || c < 0x20 { return nil }
            if c >= 0x80 { ascii = false }
            j += 1
        }
        guard j < bytes.count else { return nil }
        i = j + 1
        let slice = UnsafeBufferPointer(rebasing: bytes[start..<j])
        return ascii ? String(decoding: slice, as: UTF8.self) : String(validating: slice, as: UTF8.self)
    }

    /// A non-negative integer as JSON writes it (no leading zeros), small enough not to overflow.
    mutating func integer() -> Int? {
        var j = i
        var value = 0
        while j < bytes.count, bytes[j] >= UInt8(ascii: "0"), bytes[j] <= UInt8(ascii: "9"), j - i < 18 {
            value = value * 10 + Int(bytes[j] - UInt8(ascii: "0"))
            j += 1
        }
        let digits = j - i
        guard digits > 0, digits < 18, !(digits > 1 && bytes[i] == UInt8(ascii: "0")) else { return nil }
        // A number that goes on (fraction, exponent) is not a plain integer.
        if j < bytes.count, [UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E")].contains(bytes[j]) { return nil }
        i = j
        return value
    }
}

/// JSON string escaping, as the encoder does it (no slash escaping).
enum JSONText {
    private static let hex = Array("0123456789abcdef".utf8)

    static func appendString(_ s: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        // Most strings (ids, kinds, stage names, timestamps) need no escaping: copy them whole.
        let plain: Bool? = s.utf8.withContiguousStorageIfAvailable { bytes in
            if !bytes.contains(where: { $0 < 32 || $0 == 34 || $0 == 92 }) {
                out.append(contentsOf: bytes)
                return true
            }
            return false
        }
        if plain == true {
            out.append(UInt8(ascii: "\""))
            return
        }
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

/// A message kind: the name every header carries and stages route on (`article.normalized`).
///
/// Open like an HTTP field name: the core kinds are constants here, a plug-in names its own
/// (`MessageKind("alert.keyword")` or a string literal), and nothing needs a central list.
public struct MessageKind: RawRepresentable, Hashable, Comparable, Sendable, Codable,
                           ExpressibleByStringLiteral, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ name: String) { self.rawValue = name }
    public init(stringLiteral name: String) { self.rawValue = name }
    public var description: String { rawValue }
    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(rawValue)
    }

    public static let articleFetched: MessageKind = "article.fetched"
    public static let articleNormalized: MessageKind = "article.normalized"
    public static let articleExtracted: MessageKind = "article.extracted"
    public static let storyUpdated: MessageKind = "story.updated"
    public static let deadLetter: MessageKind = "dead.letter"
    public static let ack: MessageKind = "article.stored"

    /// The kinds of the core data path, in pipeline order.
    public static let all: [MessageKind] = [articleFetched, articleNormalized, articleExtracted, storyUpdated]
}

/// ISO 8601 timestamps with milliseconds, in UTC, as every message writes them.
public enum Timestamp {
    public static func string(from date: Date) -> String {
        fastString(from: date) ?? foundationString(from: date)
    }

    /// The reference formatting (Foundation's ISO 8601 style); ``fastString(from:)`` must agree with it.
    static func foundationString(from date: Date) -> String {
        date.formatted(.iso8601.year().month().day().time(includingFractionalSeconds: true)
            .timeZone(separator: .omitted).dateSeparator(.dash).timeSeparator(.colon))
    }

    /// The same text written by hand, for 1970 up to 2100 (two stamps per message per hop, and
    /// Foundation's formatter cost a stage more than the rest of the stamping). Returns nil, so
    /// that Foundation decides, for a date within a microsecond of a millisecond boundary (where
    /// floating-point rounding could make the two disagree) and outside that range.
    static func fastString(from date: Date) -> String? {
        let t = date.timeIntervalSince1970
        guard t >= 0, t < 4_102_444_800 else { return nil }
        let seconds = t.rounded(.down)
        let scaled = (t - seconds) * 1000
        let whole = scaled.rounded(.down)
        guard scaled == 0 || (scaled - whole > 1e-3 && whole + 1 - scaled > 1e-3) else { return nil }
        let ms = Int(whole)
        let s = Int(seconds)
        let days = s / 86_400, rem = s % 86_400
        // Civil date from days since 1970-01-01 (proleptic Gregorian, H. Hinnant's algorithm).
        let z = days + 719_468
        let era = z / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        return String(unsafeUninitializedCapacity: 24) { buf in
            func put(_ value: Int, _ width: Int, at i: Int) {
                var v = value
                for k in stride(from: i + width - 1, through: i, by: -1) { buf[k] = UInt8(48 + v % 10); v /= 10 }
            }
            put(year, 4, at: 0); buf[4] = 45
            put(month, 2, at: 5); buf[7] = 45
            put(day, 2, at: 8); buf[10] = 84
            put(rem / 3600, 2, at: 11); buf[13] = 58
            put(rem / 60 % 60, 2, at: 14); buf[16] = 58
            put(rem % 60, 2, at: 17); buf[19] = 46
            put(ms, 3, at: 20); buf[23] = 90
            return 24
        }
    }

    public static func date(from string: String) -> Date? {
        if let d = try? Date(string, strategy: .iso8601) { return d }
        return try? Date(string, strategy: .iso8601.year().month().day().time(includingFractionalSeconds: true))
    }
}
