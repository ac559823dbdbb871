/// A 64-bit SimHash of an article's text, as `article.normalized` carries it (16 hex digits).
///
/// Near-duplicates (one wire story in two outlets' templates) differ in a few bits, so the
/// Hamming distance is what normalize, publish's story index and the clusterer compare; this
/// is the one place it is computed.
public struct Fingerprint: Hashable, Sendable, CustomStringConvertible {
    public let bits: UInt64
    public init(bits: UInt64) { self.bits = bits }

    /// Parses the wire form: exactly 16 hex digits (either case). Anything else is nil.
    public init?(hex: String) {
        guard hex.utf8.count == 16, let bits = UInt64(hex, radix: 16) else { return nil }
        self.bits = bits
    }

    /// The wire form: 16 lower-case hex digits, zero-padded.
    public var hex: String {
        let digits = String(bits, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    public var description: String { hex }

    /// The number of bits that differ.
    public func distance(to other: Fingerprint) -> Int { (bits ^ other.bits).nonzeroBitCount }

    /// The distance between two fingerprints in wire form; nil when either is malformed.
    public static func distance(_ a: String, _ b: String) -> Int? {
        guard let x = Fingerprint(hex: a), let y = Fingerprint(hex: b) else { return nil }
        return x.distance(to: y)
    }
}
