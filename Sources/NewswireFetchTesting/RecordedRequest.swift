import Foundation

/// One request as the loopback server saw it, so tests can assert what the client sent.
public struct RecordedRequest: Sendable {
    public var method: String
    public var path: String
    public var query: String?
    /// The Host header without its port, lower-cased; nil if the client sent none.
    public var host: String?
    /// Headers in the order received (Host travels separately, see `host`).
    public var headers: [(name: String, value: String)]
    /// When the request head arrived, for checking the spacing between requests.
    public var receivedAt: ContinuousClock.Instant

    /// The first value of a header, matched case-insensitively.
    public func header(_ name: String) -> String? {
        headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }
}

/// How the last generated body (trickle, stream, drop) on a route ended.
public enum LoopbackBodyOutcome: Sendable, Equatable {
    /// Every byte was written.
    case completed
    /// Writing stopped early: the client went away, the server shut down, or the route drops on purpose.
    case cutOff
}

/// Where a route lives: a path, on one virtual host or (host nil) on any.
struct RouteKey: Hashable, Sendable {
    var host: String?
    var path: String
}

/// The server's mutable side: configured routes, what was received and what was written.
actor LoopbackState {
    private var routes: [RouteKey: LoopbackRoute] = [:]
    private var hitsPerRoute: [RouteKey: Int] = [:]
    private var bytesPerRoute: [RouteKey: Int] = [:]
    private var outcomePerRoute: [RouteKey: LoopbackBodyOutcome] = [:]
    private(set) var requests: [RecordedRequest] = []

    func setRoute(_ route: LoopbackRoute, for key: RouteKey) {
        routes[key] = route
        hitsPerRoute[key] = 0
        bytesPerRoute[key] = 0
        outcomePerRoute[key] = nil
    }

    /// Records the request and picks its route: the host's own first, then the any-host one.
    func accept(_ request: RecordedRequest) -> (key: RouteKey, route: LoopbackRoute)? {
        requests.append(request)
        let candidates = [RouteKey(host: request.host, path: request.path), RouteKey(host: nil, path: request.path)]
        guard let key = candidates.first(where: { routes[$0] != nil }), let route = routes[key] else { return nil }
        let index = hitsPerRoute[key, default: 0]
        hitsPerRoute[key] = index + 1
        return (key, route.resolved(forRequest: index))
    }

    func addBytesWritten(_ count: Int, for key: RouteKey) {
        bytesPerRoute[key, default: 0] += count
    }

    func setOutcome(_ outcome: LoopbackBodyOutcome, for key: RouteKey) {
        outcomePerRoute[key] = outcome
    }

    func outcome(for key: RouteKey) -> LoopbackBodyOutcome? {
        outcomePerRoute[key]
    }

    func bytesWritten(for key: RouteKey) -> Int {
        bytesPerRoute[key, default: 0]
    }
}
