import Foundation
import NewswirePublish
import NewswireWire

/// The query string of a request, decoded as browsers encode forms: `+` is a space and
/// `%XX` a byte of UTF-8. Decoded here rather than by the router so both rules always hold.
struct QueryString: Sendable, Equatable {
    private var values: [(name: String, value: String)]

    init(_ raw: String?) throws(WebError) {
        values = []
        for pair in (raw ?? "").split(separator: "&") where !pair.isEmpty {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = try Self.decode(parts[0], name: String(parts[0]))
            values.append((name, try Self.decode(parts.count > 1 ? parts[1] : "", name: name)))
        }
    }

    /// The first value given for `name`, if any.
    subscript(name: String) -> String? { values.first { $0.name == name }?.value }

    static func decode(_ text: Substring, name: String) throws(WebError) -> String {
        guard let decoded = text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding else {
            throw .badParameter(name: name, reason: "not valid percent-encoded UTF-8")
        }
        return decoded
    }

    static func == (a: QueryString, b: QueryString) -> Bool {
        a.values.elementsEqual(b.values) { $0.name == $1.name && $0.value == $1.value }
    }
}

/// Which page of a list a request asks for: `limit` (1…500, default 50) and `cursor`.
struct PageRequest: Sendable, Equatable {
    static let limits = 1...500
    static let defaultLimit = 50

    var limit: Int
    var cursor: PageCursor?

    init(limit: Int = defaultLimit, cursor: PageCursor? = nil) { self.limit = limit; self.cursor = cursor }

    init(_ query: QueryString) throws(WebError) {
        limit = try Self.limit(query["limit"])
        cursor = try query["cursor"].map { raw throws(WebError) in try CursorCoding.decode(raw) }
    }

    static func limit(_ raw: String?) throws(WebError) -> Int {
        guard let raw else { return defaultLimit }
        guard let n = Int(raw), limits.contains(n) else {
            throw .badParameter(name: "limit", reason: "'\(raw)' is not a whole number from \(limits.lowerBound) to \(limits.upperBound)")
        }
        return n
    }
}

/// Cursors travel as opaque base64url tokens, so clients pass them back without relying on
/// what is inside (which may change).
enum CursorCoding {
    static func encode(_ cursor: PageCursor) -> String {
        // A struct of a string and an integer always encodes.
        let data = (try? WireCoding.encoder.encode(cursor)) ?? Data()
        return data.base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    static func decode(_ token: String) throws(WebError) -> PageCursor {
        var base64 = token.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        guard let data = Data(base64Encoded: base64),
              let cursor = try? WireCoding.decoder.decode(PageCursor.self, from: data) else {
            throw .badParameter(name: "cursor", reason: "not a cursor this server gave out; pass nextCursor back unchanged")
        }
        return cursor
    }
}
