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

    /// Lower-cases scheme and host, drops fragments, default ports, tracking parameters
    /// (`utm_*`, `fbclid`, `gclid`) and a trailing slash, and sorts the remaining query items.
    public static func canonicalURL(_ string: String) -> String {
        guard var c = URLComponents(string: string.trimmingCharacters(in: .whitespacesAndNewlines)),
              c.scheme != nil else { return string }
        c.scheme = c.scheme?.lowercased()
        c.host = c.host?.lowercased()
        c.fragment = nil
        if (c.scheme == "http" && c.port == 80) || (c.scheme == "https" && c.port == 443) { c.port = nil }
        if let items = c.queryItems {
            let kept = items.filter { item in
                let n = item.name.lowercased()
                return !(n.hasPrefix("utm_") || n == "fbclid" || n == "gclid" || n == "mc_cid" || n == "mc_eid")
            }.sorted { ($0.name, $0.value ?? "") < ($1.name, $1.value ?? "") }
            c.queryItems = kept.isEmpty ? nil : kept
        }
        if c.path.count > 1 && c.path.hasSuffix("/") { c.path.removeLast() }
        return c.string ?? string
    }
}
