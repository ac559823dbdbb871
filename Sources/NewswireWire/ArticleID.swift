import Crypto
import Foundation

/// Article ids and content hashes, derived deterministically so that every stage and every
/// replay agrees on them.
public enum ArticleID {
    /// The id of the article at `url`: the first 16 hex digits of SHA-256 of its canonical form.
    public static func forURL(_ url: String) -> String {
        "a" + String(sha256Hex(Data(canonicalURL(url).utf8)).prefix(16))
    }

    public static func sha256Hex(_ data: Data) -> String {
        hex(SHA256.hash(data: data))
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    static func hex<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for b in bytes {
            out.append(hexDigits[Int(b >> 4)])
            out.append(hexDigits[Int(b & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The canonical form ids are computed from (``CanonicalURL/canonicalize(_:)``).
    public static func canonicalURL(_ string: String) -> String { CanonicalURL.canonicalize(string) }
}
