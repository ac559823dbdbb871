import Foundation
import Hummingbird
import Logging

/// An in-process HTTP server on 127.0.0.1 for fetch tests and benchmarks: routes are configured
/// per path (and optionally per virtual host), and every request is recorded.
public final class LoopbackServer: Sendable {
    /// Why the server could not start.
    public struct StartError: Error, CustomStringConvertible {
        public var reason: String
        public var description: String { "loopback server did not start: \(reason); is the port free?" }
    }

    public let host = "127.0.0.1"
    /// The port the server actually bound (the OS picks one when started with port 0).
    public let port: Int
    private let state: LoopbackState
    private let task: Task<Void, any Error>

    private init(port: Int, state: LoopbackState, task: Task<Void, any Error>) {
        self.port = port
        self.state = state
        self.task = task
    }

    /// Starts listening and returns once connections are accepted.
    public static func start(port: Int = 0) async throws -> LoopbackServer {
        let state = LoopbackState()
        let (bound, announce) = AsyncStream.makeStream(of: Int.self)
        let responder = LoopbackResponder(state: state)
        let app = Application(
            responder: CallbackResponder<BasicRequestContext> { request, _ in await responder.respond(to: request) },
            configuration: .init(address: .hostname("127.0.0.1", port: port), serverName: nil),
            onServerRunning: { channel in announce.yield(channel.localAddress?.port ?? 0) },
            logger: quietLogger())
        let task = Task {
            defer { announce.finish() }
            try await app.runService(gracefulShutdownSignals: [])
        }
        var announcements = bound.makeAsyncIterator()
        guard let boundPort = await announcements.next() else {
            throw StartError(reason: failureReason(await task.result))
        }
        return LoopbackServer(port: boundPort, state: state, task: task)
    }

    /// Stops listening and closes open connections (in-flight bodies are cut off).
    public func shutdown() async {
        task.cancel()
        _ = await task.result
    }

    // MARK: Routes

    /// Serves `route` at `path`, on every host or only when the Host header is `host`.
    /// Setting a route again replaces it and resets its counters.
    public func route(_ path: String, host: String? = nil, _ route: LoopbackRoute) async {
        await state.setRoute(route, for: RouteKey(host: host?.lowercased(), path: path))
    }

    /// `http://127.0.0.1:PORT/path`, or `http://HOST:PORT/path` for a virtual host (point the
    /// client's host override for HOST at 127.0.0.1).
    public func url(_ path: String, host: String? = nil) -> URL {
        let prefix = path.hasPrefix("/") ? "" : "/"
        return URL(string: "http://\(host ?? self.host):\(port)\(prefix)\(path)")!
    }

    // MARK: What happened

    /// Every request received, in arrival order.
    public var requests: [RecordedRequest] {
        get async { await state.requests }
    }

    /// Requests received for `path` (any query), optionally only those with Host `host`.
    public func requests(path: String, host: String? = nil) async -> [RecordedRequest] {
        await state.requests.filter { $0.path == path && (host == nil || $0.host == host?.lowercased()) }
    }

    /// Body bytes the server has handed to the connection for a streamed, trickled or dropped route.
    public func bytesWritten(path: String, host: String? = nil) async -> Int {
        await state.bytesWritten(for: RouteKey(host: host?.lowercased(), path: path))
    }

    /// How the last generated body on a route ended; nil while it is still being written.
    public func bodyOutcome(path: String, host: String? = nil) async -> LoopbackBodyOutcome? {
        await state.outcome(for: RouteKey(host: host?.lowercased(), path: path))
    }

    /// Waits (checking every 50 ms, at most `limit`) until the last generated body on a route has
    /// ended, so a test can tell "the client hung up" from "still streaming".
    public func waitForBodyEnd(path: String, host: String? = nil, limit: Duration = .seconds(5)) async -> LoopbackBodyOutcome? {
        let deadline = ContinuousClock.now + limit
        while ContinuousClock.now < deadline {
            if let outcome = await bodyOutcome(path: path, host: host) { return outcome }
            try? await Task.sleep(for: .milliseconds(50))
        }
        return nil
    }

    private static func quietLogger() -> Logger {
        var logger = Logger(label: "newswire.loopback")
        logger.logLevel = .critical
        return logger
    }

    private static func failureReason(_ result: Result<Void, any Error>) -> String {
        switch result {
        case .success: "the server stopped before listening"
        case .failure(let error): String(describing: error)
        }
    }
}
