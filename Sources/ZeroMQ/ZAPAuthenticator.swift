import CZeroMQ
import Foundation

/// Admits only the CURVE clients whose public keys are listed, for every CURVE server socket
/// of one context.
///
/// Why it exists: a CURVE server on its own accepts *any* client that knows the server's public
/// key, and public keys are not secrets. libzmq asks a ZAP handler (RFC 27) — a REP socket at
/// `inproc://zeromq.zap.01` in the same context — to approve each handshake; this is that handler,
/// with an allow-list. Without a handler libzmq lets everyone in, so start this *before* the
/// server sockets accept peers, and keep it running as long as they do.
///
/// Any other mechanism (NULL, PLAIN) that reaches ZAP is refused too: on a context that asks
/// for authentication, "not a listed CURVE key" means "no".
public final class ZAPAuthenticator: @unchecked Sendable {
    public static let endpoint = "inproc://zeromq.zap.01"

    /// Shared with the thread, which must not hold `self`: then dropping the authenticator
    /// would never reach `deinit` and the thread would serve forever.
    private final class Control: @unchecked Sendable {
        let lock = NSLock()
        var stopping = false
        /// Set only once the thread starts: a throwing `init` still runs `deinit`, which must
        /// not wait for a thread that never was.
        var running = false
        let finished = DispatchSemaphore(value: 0)
        var shouldStop: Bool { lock.lock(); defer { lock.unlock() }; return stopping }
    }
    private let control = Control()

    /// Binds the ZAP endpoint (failing if another handler holds it) and starts answering on a
    /// thread of its own: libzmq blocks each handshake until the handler replies.
    public init(context: Context, allowedClientKeys: some Sequence<String>) throws(ZMQError) {
        var raw = Set<Data>()
        for key in allowedClientKeys {
            try Curve.validate(key, role: "allowed CURVE client key", operation: "ZAPAuthenticator")
            guard let bytes = Curve.decode(key) else {
                throw ZMQError(code: EINVAL, operation: "ZAPAuthenticator", message: "allowed CURVE client key \(key) is not valid Z85")
            }
            raw.insert(bytes)
        }
        let socket = try Socket(context, .rep)
        try socket.setLinger(milliseconds: 0)
        // Wake up now and then to notice stop(): a socket may not be closed from another thread.
        try socket.bind(Self.endpoint)
        let thread = Thread { [control, raw] in Self.serve(socket, allowed: raw, control: control) }
        thread.name = "zap-authenticator"
        control.running = true
        thread.start()
    }

    /// Stops answering, closes the socket and waits for the thread. Handshakes after this are
    /// let through by libzmq unauthenticated, so stop only once the server sockets are closed.
    public func stop() {
        control.lock.lock()
        let wasRunning = control.running
        control.running = false
        control.stopping = true
        control.lock.unlock()
        if wasRunning { control.finished.wait() }
    }

    deinit { stop() }

    private static func serve(_ socket: Socket, allowed: Set<Data>, control: Control) {
        defer { socket.close(); control.finished.signal() }
        while !control.shouldStop {
            let request: [Data]?
            do {
                guard try Poller.poll([(socket, .readable)], timeout: 100)[0].contains(.readable) else { continue }
                request = try socket.receive(dontWait: true)
            } catch { return }  // context shut down
            guard let request else { continue }
            do { try socket.send(reply(to: request, allowed: allowed)) } catch { return }
        }
    }

    /// RFC 27: version, request id, domain, address, identity, mechanism, credentials...
    /// → version, request id, status code, status text, user id, metadata.
    static func reply(to frames: [Data], allowed: Set<Data>) -> [Data] {
        let requestID = frames.count > 1 ? frames[1] : Data()
        func answer(_ code: String, _ text: String, user: String = "") -> [Data] {
            [Data("1.0".utf8), requestID, Data(code.utf8), Data(text.utf8), Data(user.utf8), Data()]
        }
        guard frames.count >= 6, frames[0] == Data("1.0".utf8) else { return answer("500", "malformed ZAP request") }
        guard frames[5] == Data("CURVE".utf8), frames.count >= 7 else { return answer("400", "CURVE required") }
        let key = frames[6]
        guard allowed.contains(key) else { return answer("400", "client key not allowed") }
        return answer("200", "OK", user: Curve.encode(key) ?? "")
    }
}
