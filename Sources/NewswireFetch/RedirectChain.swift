import Foundation

/// Checks that a URL can be fetched from the web at all.
enum WebURL {
    static func validated(_ url: URL) throws(WebError) -> URL {
        guard let scheme = url.scheme?.lowercased() else { throw .invalidURL(url.absoluteString) }
        guard scheme == "http" || scheme == "https" else { throw .unsupportedScheme(url) }
        guard let host = url.host, !host.isEmpty else { throw .invalidURL(url.absoluteString) }
        return url
    }
}

/// The hops of one GET, as a value: where we are now, where we have been, and whether a
/// `Location` may be followed (loops and the hop limit are refused).
struct RedirectChain: Sendable, Equatable {
    let limit: Int
    let requested: URL
    /// The URL to ask next.
    private(set) var current: URL
    /// URLs that answered with a redirect, in order.
    private(set) var redirects: [URL] = []

    init(requested: URL, limit: Int) {
        self.requested = requested
        self.current = requested
        self.limit = limit
    }

    /// Statuses whose `Location` we follow (all with GET, since fetch only GETs).
    static func isRedirect(status: Int) -> Bool {
        [301, 302, 303, 307, 308].contains(status)
    }

    /// Moves to the target of `location` (absolute or relative to the current URL).
    mutating func follow(location: String) throws(WebError) {
        let next = try resolve(location)
        let visited = redirects + [current]
        if visited.contains(where: { Self.sameResource($0, next) }) { throw .redirectLoop(visited + [next]) }
        guard redirects.count < limit else { throw .tooManyRedirects(url: requested, limit: limit) }
        redirects.append(current)
        current = next
    }

    private func resolve(_ location: String) throws(WebError) -> URL {
        let trimmed = location.trimmingCharacters(in: .whitespaces)
        guard let next = URL(string: trimmed, relativeTo: current)?.absoluteURL else {
            throw .badRedirect(from: current, location: location)
        }
        do { return try WebURL.validated(next) } catch { throw .badRedirect(from: current, location: location) }
    }

    /// Fragments never reach the server, so `a#x` and `a#y` are the same hop.
    private static func sameResource(_ a: URL, _ b: URL) -> Bool {
        func withoutFragment(_ url: URL) -> String {
            url.absoluteString.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
        }
        return withoutFragment(a) == withoutFragment(b)
    }
}
