import Foundation

func url(_ string: String) -> URL { URL(string: string)! }

/// The canonicalisation `ArticleID.canonicalURL` shipped with, kept verbatim as the reference
/// that existing article ids were computed with.
func legacyCanonicalURL(_ string: String) -> String {
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
