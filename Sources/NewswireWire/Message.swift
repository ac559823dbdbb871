import Foundation

/// A wire message: header frame, JSON body frame, optional raw bytes frame.
///
/// The body stays as encoded JSON so that a stage can pass through kinds it does not know
/// and so that decoding happens once, in the stage that needs the typed value.
public struct Message: Sendable, Equatable {
    public var header: Header
    /// The UTF-8 JSON body frame.
    public var body: Data
    /// Optional third frame, e.g. the fetched page's bytes.
    public var raw: Data?

    public init(header: Header, body: Data, raw: Data? = nil) {
        self.header = header
        self.body = body
        self.raw = raw
    }

    /// Builds a message of a core kind: the body's type names the kind.
    public init<Body: MessageBody>(id: String, body: Body, raw: Data? = nil,
                                   created: Date = Date(), trace: [Header.Hop] = []) throws {
        try self.init(id: id, kind: Body.kind, body: body, raw: raw, created: created, trace: trace)
    }

    /// Builds a message of any kind, e.g. a plug-in's own.
    public init<Body: Encodable>(id: String, kind: MessageKind, body: Body, raw: Data? = nil,
                                 created: Date = Date(), trace: [Header.Hop] = []) throws {
        self.header = Header(id: id, kind: kind, created: created, trace: trace)
        self.body = try WireCoding.sharedEncoder.encode(body)
        self.raw = raw
    }

    /// Decodes the body as `Body`, checking first that the message is of `Body`'s kind.
    public func decode<Body: MessageBody>(_ type: Body.Type = Body.self) throws(WireError) -> Body {
        try decodeBody(Body.self, expecting: Body.kind)
    }

    /// Decodes the body as `Body`, checking the kind first: for kinds without a ``MessageBody`` type.
    public func decodeBody<Body: Decodable>(_ type: Body.Type, expecting kind: MessageKind) throws(WireError) -> Body {
        guard header.kind == kind else {
            throw .unexpectedKind(expected: kind, got: header.kind)
        }
        do {
            return try WireCoding.sharedDecoder.decode(Body.self, from: body)
        } catch {
            throw .invalidBody(kind: kind, reason: WireError.describe(error))
        }
    }

    /// The frames as sent on a socket: header, body and, when present, raw.
    public func frames() -> [Data] {
        var frames = [header.jsonData(), body]
        if let raw { frames.append(raw) }
        return frames
    }

    /// Parses frames received from a socket, validating the header.
    public init(frames: [Data]) throws(WireError) {
        guard frames.count == 2 || frames.count == 3 else {
            throw .wrongFrameCount(frames.count)
        }
        let header: Header
        do {
            header = try Header(jsonData: frames[0])
        } catch {
            throw .invalidHeader(reason: WireError.describe(error))
        }
        guard header.v == Header.currentVersion else { throw .unsupportedVersion(header.v) }
        // A cheap shape check only: the stage that reads the body decodes (and so validates) it
        // once, instead of every hop parsing it twice.
        guard Message.looksLikeJSONObject(frames[1]) else {
            throw .invalidBody(kind: header.kind, reason: "body frame is not a JSON object")
        }
        self.init(header: header, body: frames[1], raw: frames.count == 3 ? frames[2] : nil)
    }
}

extension Message {
    static func looksLikeJSONObject(_ data: Data) -> Bool {
        data.withUnsafeBytes { raw in
            let isSpace: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }
            guard let first = raw.firstIndex(where: { !isSpace($0) }),
                  let last = raw.lastIndex(where: { !isSpace($0) }) else { return false }
            return raw[first] == UInt8(ascii: "{") && raw[last] == UInt8(ascii: "}")
        }
    }
}

/// Why a message could not be read. Each case says what to fix.
public enum WireError: Error, Sendable, Equatable, CustomStringConvertible {
    case wrongFrameCount(Int)
    case invalidHeader(reason: String)
    case unsupportedVersion(Int)
    case unexpectedKind(expected: MessageKind, got: MessageKind)
    case invalidBody(kind: MessageKind, reason: String)
    case invalidLine(reason: String)

    public var description: String {
        switch self {
        case .wrongFrameCount(let n):
            return "expected 2 or 3 frames (header, body, optional raw) but got \(n)"
        case .invalidHeader(let reason):
            return "header frame is not a valid Newswire header: \(reason)"
        case .unsupportedVersion(let v):
            return "protocol version \(v) is not supported (this stage speaks v\(Header.currentVersion))"
        case .unexpectedKind(let expected, let got):
            return "expected a message of kind '\(expected)' but got '\(got)'"
        case .invalidBody(let kind, let reason):
            return "body of '\(kind)' does not match its schema: \(reason)"
        case .invalidLine(let reason):
            return "not a Newswire JSON Lines record: \(reason)"
        }
    }

    static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, let ctx):
            return "missing field '\(path(ctx.codingPath + [key]))'"
        case DecodingError.typeMismatch(let type, let ctx):
            return "field '\(path(ctx.codingPath))' should be \(type)"
        case DecodingError.valueNotFound(let type, let ctx):
            return "field '\(path(ctx.codingPath))' is null but should be \(type)"
        case DecodingError.dataCorrupted(let ctx):
            return ctx.codingPath.isEmpty ? "not valid JSON" : "field '\(path(ctx.codingPath))': \(ctx.debugDescription)"
        default:
            return "\(error)"
        }
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
    }
}

/// A body type of the wire contract, tied to its kind, so that building and reading a
/// message of that kind needs no kind argument: `Message(id:body:)`, `message.decode(T.self)`.
public protocol MessageBody: Codable, Sendable {
    static var kind: MessageKind { get }
}

extension ArticleFetched: MessageBody { public static var kind: MessageKind { .articleFetched } }
extension ArticleNormalized: MessageBody { public static var kind: MessageKind { .articleNormalized } }
extension ArticleExtracted: MessageBody { public static var kind: MessageKind { .articleExtracted } }
extension StoryUpdated: MessageBody { public static var kind: MessageKind { .storyUpdated } }
extension DeadLetter: MessageBody { public static var kind: MessageKind { .deadLetter } }
extension Acknowledgement: MessageBody { public static var kind: MessageKind { .ack } }

/// The JSON settings every stage shares, so that output is byte-for-byte reproducible.
public enum WireCoding {
    /// A new encoder with the wire settings, for callers that want to adjust it.
    public static var encoder: JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return e
    }
    public static var decoder: JSONDecoder { JSONDecoder() }

    // Shared instances for the per-message hot path (encoding and decoding are thread-safe;
    // nothing mutates these after creation).
    static let sharedEncoder = encoder
    static let sharedDecoder = decoder
}
