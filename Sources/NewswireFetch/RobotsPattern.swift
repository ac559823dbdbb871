import Foundation
import NewswireWire

/// One `Allow` or `Disallow` line of a robots.txt group (RFC 9309 §2.2.2-2.2.3).
struct RobotsRule: Sendable, Equatable {
    let allows: Bool
    let pattern: RobotsPattern
}

/// A robots.txt path pattern: a prefix match in which `*` stands for any run of characters and
/// a final `$` anchors the end. Stored percent-normalised so it compares with normalised paths.
struct RobotsPattern: Sendable, Equatable {
    /// The literal pieces between `*`s, as bytes.
    private let pieces: [[UInt8]]
    private let anchoredAtEnd: Bool
    /// How specific the rule is: the longest matching rule wins (RFC 9309 §2.2.2).
    let length: Int

    /// Nil for an empty pattern, which matches nothing (`Disallow:` with no value allows all).
    init?(_ raw: String) {
        guard !raw.isEmpty else { return nil }
        var text = CanonicalURL.normalizingPercentEncoding(raw)
        if !text.hasPrefix("/") && !text.hasPrefix("*") { text = "/" + text }
        length = text.utf8.count
        anchoredAtEnd = text.hasSuffix("$")
        if anchoredAtEnd { text.removeLast() }
        pieces = text.utf8.split(separator: UInt8(ascii: "*"), omittingEmptySubsequences: false).map(Array.init)
    }

    /// Whether the pattern matches the start (or, anchored, the whole) of a normalised path.
    func matches(_ path: [UInt8]) -> Bool {
        guard path.starts(with: pieces[0]) else { return false }
        var position = pieces[0].count
        guard pieces.count > 1 else { return !anchoredAtEnd || position == path.count }
        for piece in pieces.dropFirst().dropLast() {
            guard let found = Self.firstIndex(of: piece, in: path, from: position) else { return false }
            position = found + piece.count
        }
        return lastPieceMatches(pieces[pieces.count - 1], in: path, from: position)
    }

    /// Leftmost matching of the middle pieces leaves the most room, so the last piece only has to
    /// be found after them (or, when anchored, to end the path).
    private func lastPieceMatches(_ piece: [UInt8], in path: [UInt8], from position: Int) -> Bool {
        if anchoredAtEnd {
            return path.count - position >= piece.count && path.suffix(piece.count).elementsEqual(piece)
        }
        return Self.firstIndex(of: piece, in: path, from: position) != nil
    }

    private static func firstIndex(of needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty else { return start }
        guard haystack.count - start >= needle.count else { return nil }
        for i in start...(haystack.count - needle.count)
        where haystack[i] == needle[0] && haystack[i..<(i + needle.count)].elementsEqual(needle) {
            return i
        }
        return nil
    }
}
