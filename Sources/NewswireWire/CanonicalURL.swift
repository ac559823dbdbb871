import Foundation

/// One spelling per resource, so the same article reached through a campaign link, a default port,
/// a `..` path or a differently escaped path gets one id and is fetched once.
///
/// Compatible with the original `ArticleID.canonicalURL`: a URL that has none of the newer
/// normalisations to apply (more tracking parameters, dot segments, percent-encoding, empty path)
/// canonicalises to exactly the same string, so existing article ids stay valid.
public enum CanonicalURL {
    /// Query parameters that only say how a reader arrived, never which page they asked for.
    public static let trackingParameters: Set<String> = [
        "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "twclid", "yclid", "igshid",
        "mc_cid", "mc_eid", "_ga", "_gl", "_hsenc", "_hsmi", "mkt_tok", "ref_src", "ref_url",
        "cmpid", "ocid", "__twitter_impression", "oly_anon_id", "oly_enc_id", "vero_id", "wickedid",
    ]
    /// Prefixes of tracking parameter families (`utm_source`, `at_medium`, `at_campaign`…).
    public static let trackingPrefixes = ["utm_", "at_"]

    /// The canonical spelling of `string`: lower-case scheme and host, no fragment, no default
    /// port, no tracking parameters, remaining query items sorted, dot segments removed,
    /// percent-encoding normalised, and no trailing slash except for the root path `/`.
    /// Relative or unparsable input is returned unchanged.
    public static func canonicalize(_ string: String) -> String {
        guard var c = URLComponents(string: string.trimmingCharacters(in: .whitespacesAndNewlines)),
              c.scheme != nil else { return string }
        c.scheme = c.scheme?.lowercased()
        c.host = c.host?.lowercased()
        c.fragment = nil
        dropDefaultPort(&c)
        dropTrackingAndSortQuery(&c)
        c.percentEncodedPath = canonicalPath(c.percentEncodedPath, hasAuthority: c.host != nil)
        return c.string ?? string
    }

    /// The absolute http(s) URL a link `href` on the page at `base` points to, or nil for links
    /// a crawler cannot follow (`javascript:`, `mailto:`, unparsable).
    public static func resolve(_ href: String, against base: URL) -> URL? {
        let trimmed = href.trimmingCharacters(in: .whitespacesAndNewlines)
        let resolved = trimmed.isEmpty ? base : URL(string: trimmed, relativeTo: base)?.absoluteURL
        guard let url = resolved, let scheme = url.scheme?.lowercased(),
              scheme == "http" || scheme == "https", url.host != nil else { return nil }
        return url
    }

    /// Upper-case hex in every `%XX`, unreserved characters (`A-Z a-z 0-9 - . _ ~`) decoded, and
    /// bytes that may not appear raw in a URL (non-ASCII, controls, space) encoded. Shared with
    /// robots.txt matching so rules and URLs are compared in the same form.
    public static func normalizingPercentEncoding(_ string: String) -> String {
        let bytes = Array(string.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "%"), i + 2 < bytes.count,
               let value = hexValue(bytes[i + 1], bytes[i + 2]) {
                appendEscape(value, to: &out)
                i += 3
            } else {
                appendRaw(bytes[i], to: &out)
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    // MARK: - Rules

    private static func dropDefaultPort(_ c: inout URLComponents) {
        if (c.scheme == "http" && c.port == 80) || (c.scheme == "https" && c.port == 443) { c.port = nil }
    }

    private static func isTracking(_ name: String) -> Bool {
        let n = name.lowercased()
        return trackingParameters.contains(n) || trackingPrefixes.contains { n.hasPrefix($0) }
    }

    /// Goes through `queryItems` (decode, re-encode) exactly as the original did, so query
    /// spelling, and with it existing ids, does not change.
    private static func dropTrackingAndSortQuery(_ c: inout URLComponents) {
        guard let items = c.queryItems else { return }
        let kept = items.filter { !isTracking($0.name) }
            .sorted { ($0.name, $0.value ?? "") < ($1.name, $1.value ?? "") }
        c.queryItems = kept.isEmpty ? nil : kept
    }

    private static func canonicalPath(_ path: String, hasAuthority: Bool) -> String {
        var p = normalizingPercentEncoding(path)
        if p.hasPrefix("/") { p = removingDotSegments(p) }
        if hasAuthority && p.isEmpty { p = "/" }
        if p.count > 1 && p.hasSuffix("/") { p.removeLast() }
        return p
    }

    /// RFC 3986 §5.2.4 for an absolute path: `.` segments vanish, `..` removes the one before.
    static func removingDotSegments(_ path: String) -> String {
        var output: [Substring] = []
        let segments = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        for (index, segment) in segments.enumerated() {
            let isLast = index == segments.count - 1
            switch segment {
            case ".":
                if isLast { output.append("") }
            case "..":
                if !output.isEmpty { output.removeLast() }
                if isLast { output.append("") }
            default:
                output.append(segment)
            }
        }
        return "/" + output.joined(separator: "/")
    }

    // MARK: - Percent-encoding

    private static let upperHex = Array("0123456789ABCDEF".utf8)

    private static func hexValue(_ high: UInt8, _ low: UInt8) -> UInt8? {
        guard let h = hexDigit(high), let l = hexDigit(low) else { return nil }
        return h << 4 | l
    }

    private static func hexDigit(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return c - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    private static func isUnreserved(_ c: UInt8) -> Bool {
        switch c {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"): return true
        default: return false
        }
    }

    /// An escaped byte stays escaped (upper-case) unless it is unreserved.
    private static func appendEscape(_ value: UInt8, to out: inout [UInt8]) {
        if isUnreserved(value) { out.append(value) } else { appendPercent(value, to: &out) }
    }

    /// A raw byte stays raw unless it may not appear unescaped in a URL.
    private static func appendRaw(_ byte: UInt8, to out: inout [UInt8]) {
        if byte <= 0x20 || byte >= 0x7F { appendPercent(byte, to: &out) } else { out.append(byte) }
    }

    private static func appendPercent(_ value: UInt8, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "%"))
        out.append(upperHex[Int(value >> 4)])
        out.append(upperHex[Int(value & 0x0F)])
    }
}
