import Foundation

/// What the loopback server answers on one path: each case is a behaviour a fetch test needs.
public enum LoopbackRoute: Sendable {
    /// A complete body with the given status and headers.
    case fixed(status: Int, headers: [(name: String, value: String)], body: Data)
    /// 200 with validators; 304 when the request's If-None-Match / If-Modified-Since match them.
    case conditional(body: Data, etag: String?, lastModified: String?, contentType: String)
    /// The body gzip-compressed, with `Content-Encoding: gzip`.
    case gzip(body: Data, contentType: String)
    /// A redirect; `location` may be relative.
    case redirect(to: String, status: Int)
    /// `totalBytes` of body, `bytesPerSecond` at a time, to exercise read and total timeouts.
    case trickle(totalBytes: Int, bytesPerSecond: Int)
    /// A body generated lazily while writing (never held in memory); the bytes actually written
    /// are counted, see `LoopbackServer.bytesWritten(path:host:)`.
    case stream(totalBytes: Int, declaresLength: Bool)
    /// Declares `declaredBytes`, sends `sentBytes`, then drops the connection.
    case closeMidBody(declaredBytes: Int, sentBytes: Int)
    /// The n-th request gets the n-th route; the last one repeats (e.g. 429, 429, then 200).
    indirect case sequence([LoopbackRoute])

    /// 200 `text/html; charset=utf-8` with `html` as the body.
    public static func html(_ html: String, headers: [(name: String, value: String)] = []) -> LoopbackRoute {
        .fixed(status: 200, headers: [("Content-Type", "text/html; charset=utf-8")] + headers, body: Data(html.utf8))
    }

    /// A bodiless status with headers, e.g. `status(429, headers: [("Retry-After", "2")])`.
    public static func status(_ status: Int, headers: [(name: String, value: String)] = []) -> LoopbackRoute {
        .fixed(status: status, headers: headers, body: Data())
    }

    /// 429 or 503 asking the client to come back after `retryAfter` (seconds or an HTTP date).
    public static func throttled(status: Int = 429, retryAfter: String) -> LoopbackRoute {
        .status(status, headers: [("Retry-After", retryAfter)])
    }

    /// The route that answers request number `index` (0-based) to this path.
    func resolved(forRequest index: Int) -> LoopbackRoute {
        guard case .sequence(let steps) = self, !steps.isEmpty else { return self }
        return steps[min(index, steps.count - 1)]
    }
}
