import CZeroMQ
import Foundation

/// The socket patterns Newswire uses.
public enum SocketType: Sendable {
    case push, pull, pub, sub, xpub, xsub, req, rep, dealer, router, pair

    var raw: Int32 {
        switch self {
        case .push: ZMQ_PUSH
        case .pull: ZMQ_PULL
        case .pub: ZMQ_PUB
        case .sub: ZMQ_SUB
        case .xpub: ZMQ_XPUB
        case .xsub: ZMQ_XSUB
        case .req: ZMQ_REQ
        case .rep: ZMQ_REP
        case .dealer: ZMQ_DEALER
        case .router: ZMQ_ROUTER
        case .pair: ZMQ_PAIR
        }
    }
}

/// A libzmq socket.
///
/// A socket must be used by one thread at a time (libzmq's rule); moving it to another
/// thread is allowed, which is why it is `Sendable`. Calls block the calling thread, so run
/// socket loops on a thread of their own, never on the Swift concurrency pool.
public final class Socket: @unchecked Sendable {
    private var handle: UnsafeMutableRawPointer?
    public let type: SocketType
    /// Held so the context outlives its sockets: `zmq_ctx_term` waits for every socket to be
    /// closed, so a context released first (say, when a bind throws) would hang the process.
    private let context: Context

    public init(_ context: Context, _ type: SocketType) throws(ZMQError) {
        guard let h = zmq_socket(context.handle, type.raw) else { throw ZMQError.current("zmq_socket") }
        self.handle = h
        self.type = type
        self.context = context
    }

    deinit { close() }

    /// Closes the socket. Pending outgoing messages are kept for the linger period.
    public func close() {
        if let h = handle { zmq_close(h); handle = nil }
    }

    private func live(_ op: String) throws(ZMQError) -> UnsafeMutableRawPointer {
        guard let h = handle else { throw ZMQError(code: ENOTSOCK, operation: op) }
        return h
    }

    public func bind(_ endpoint: String) throws(ZMQError) {
        let h = try live("zmq_bind")
        guard zmq_bind(h, endpoint) == 0 else { throw ZMQError.current("zmq_bind \(endpoint)") }
    }

    public func connect(_ endpoint: String) throws(ZMQError) {
        let h = try live("zmq_connect")
        guard zmq_connect(h, endpoint) == 0 else { throw ZMQError.current("zmq_connect \(endpoint)") }
    }

    /// The endpoint actually bound, e.g. the port chosen for `tcp://127.0.0.1:*`.
    public var lastEndpoint: String? {
        guard let h = handle else { return nil }
        var buffer = [CChar](repeating: 0, count: 512)
        var size = buffer.count
        guard zmq_getsockopt(h, ZMQ_LAST_ENDPOINT, &buffer, &size) == 0 else { return nil }
        return String(cString: buffer)
    }

    // MARK: Options

    func setString(_ option: Int32, _ value: String, _ name: String) throws(ZMQError) {
        let h = try live(name)
        let bytes = Array(value.utf8)
        guard zmq_setsockopt(h, option, bytes, bytes.count) == 0 else {
            throw ZMQError.current("zmq_setsockopt \(name)")
        }
    }

    func setInt(_ option: Int32, _ value: Int32, _ name: String) throws(ZMQError) {
        let h = try live(name)
        var v = value
        guard zmq_setsockopt(h, option, &v, MemoryLayout<Int32>.size) == 0 else {
            throw ZMQError.current("zmq_setsockopt \(name)")
        }
    }

    private func getInt(_ option: Int32, _ name: String) throws(ZMQError) -> Int32 {
        let h = try live(name)
        var v: Int32 = 0
        var size = MemoryLayout<Int32>.size
        guard zmq_getsockopt(h, option, &v, &size) == 0 else { throw ZMQError.current("zmq_getsockopt \(name)") }
        return v
    }

    /// Messages queued for sending before `send` blocks (back-pressure instead of memory growth).
    public func setSendHighWaterMark(_ n: Int32) throws(ZMQError) { try setInt(ZMQ_SNDHWM, n, "ZMQ_SNDHWM") }
    public func setReceiveHighWaterMark(_ n: Int32) throws(ZMQError) { try setInt(ZMQ_RCVHWM, n, "ZMQ_RCVHWM") }
    /// How long `close` keeps unsent messages, in ms; -1 forever, 0 drop at once.
    public func setLinger(milliseconds: Int32) throws(ZMQError) { try setInt(ZMQ_LINGER, milliseconds, "ZMQ_LINGER") }
    /// Queue messages only to peers whose connection is complete, so a send with nobody there
    /// waits (or fails with `dontWait`) instead of filling a queue no one will read.
    public func setImmediate(_ on: Bool) throws(ZMQError) { try setInt(ZMQ_IMMEDIATE, on ? 1 : 0, "ZMQ_IMMEDIATE") }
    /// Receive timeout in ms; -1 waits forever. A timed-out receive returns nil.
    public func setReceiveTimeout(milliseconds: Int32) throws(ZMQError) { try setInt(ZMQ_RCVTIMEO, milliseconds, "ZMQ_RCVTIMEO") }
    /// Send timeout in ms; -1 waits forever. A timed-out send returns false.
    public func setSendTimeout(milliseconds: Int32) throws(ZMQError) { try setInt(ZMQ_SNDTIMEO, milliseconds, "ZMQ_SNDTIMEO") }
    /// Messages larger than this are refused by the receiver (bytes; -1 unlimited).
    public func setMaxMessageSize(_ bytes: Int64) throws(ZMQError) {
        let h = try live("ZMQ_MAXMSGSIZE")
        var v = bytes
        guard zmq_setsockopt(h, ZMQ_MAXMSGSIZE, &v, MemoryLayout<Int64>.size) == 0 else {
            throw ZMQError.current("zmq_setsockopt ZMQ_MAXMSGSIZE")
        }
    }
    /// SUB sockets receive only messages whose first frame starts with a subscribed prefix.
    public func subscribe(_ prefix: String = "") throws(ZMQError) {
        let h = try live("ZMQ_SUBSCRIBE")
        let bytes = Array(prefix.utf8)
        guard zmq_setsockopt(h, ZMQ_SUBSCRIBE, bytes, bytes.count) == 0 else {
            throw ZMQError.current("zmq_setsockopt ZMQ_SUBSCRIBE")
        }
    }

    public var receiveHighWaterMark: Int32 { get throws(ZMQError) { try getInt(ZMQ_RCVHWM, "ZMQ_RCVHWM") } }
    public var sendHighWaterMark: Int32 { get throws(ZMQError) { try getInt(ZMQ_SNDHWM, "ZMQ_SNDHWM") } }

    // MARK: Sending and receiving

    /// Sends a multipart message. Returns false when `dontWait` is set (or a send timeout
    /// expires) and the message could not be queued.
    @discardableResult
    public func send(_ frames: [Data], dontWait: Bool = false) throws(ZMQError) -> Bool {
        let h = try live("zmq_send")
        for (i, frame) in frames.enumerated() {
            var flags: Int32 = i < frames.count - 1 ? ZMQ_SNDMORE : 0
            if dontWait { flags |= ZMQ_DONTWAIT }
            var rc: Int32 = 0
            repeat {
                rc = frame.withUnsafeBytes { buf in zmq_send(h, buf.baseAddress, buf.count, flags) }
            } while rc < 0 && zmq_errno() == EINTR
            if rc < 0 {
                let e = ZMQError.current("zmq_send")
                // Only the first frame can fail with EAGAIN: later frames are queued atomically.
                if e.isWouldBlock && i == 0 { return false }
                throw e
            }
        }
        return true
    }

    /// Frames at least this large are handed over without copying: the returned `Data`
    /// owns libzmq's message buffer and releases it when the last reference goes.
    public static let zeroCopyThreshold = 4096

    /// Receives one multipart message; nil when `dontWait` is set (or the receive timeout
    /// expires) and nothing is waiting.
    public func receive(dontWait: Bool = false) throws(ZMQError) -> [Data]? {
        let h = try live("zmq_msg_recv")
        var frames: [Data] = []
        while true {
            let msg = UnsafeMutablePointer<zmq_msg_t>.allocate(capacity: 1)
            zmq_msg_init(msg)
            let flags: Int32 = (dontWait && frames.isEmpty) ? ZMQ_DONTWAIT : 0
            let rc = zmq_msg_recv(msg, h, flags)
            if rc < 0 {
                let e = ZMQError.current("zmq_msg_recv")
                zmq_msg_close(msg)
                msg.deallocate()
                if e.isInterrupted { continue }
                if e.isWouldBlock && frames.isEmpty { return nil }
                throw e
            }
            let size = zmq_msg_size(msg)
            let more = zmq_msg_more(msg) != 0
            if size >= Socket.zeroCopyThreshold, let bytes = zmq_msg_data(msg) {
                frames.append(Data(bytesNoCopy: bytes, count: size, deallocator: .custom { _, _ in
                    zmq_msg_close(msg)
                    msg.deallocate()
                }))
            } else {
                frames.append(size == 0 ? Data() : Data(bytes: zmq_msg_data(msg), count: size))
                zmq_msg_close(msg)
                msg.deallocate()
            }
            if !more { return frames }
        }
    }

    var rawHandle: UnsafeMutableRawPointer? { handle }
}

/// Waits on several sockets at once.
public enum Poller {
    public struct Events: OptionSet, Sendable {
        public let rawValue: Int16
        public init(rawValue: Int16) { self.rawValue = rawValue }
        public static let readable = Events(rawValue: Int16(ZMQ_POLLIN))
        public static let writable = Events(rawValue: Int16(ZMQ_POLLOUT))
    }

    /// Returns, for each socket, the events that are ready. `timeout` in ms, -1 forever.
    public static func poll(_ sockets: [(Socket, Events)], timeout milliseconds: Int) throws(ZMQError) -> [Events] {
        var items = sockets.map { socket, events in
            zmq_pollitem_t(socket: socket.rawHandle, fd: 0, events: events.rawValue, revents: 0)
        }
        var rc: Int32
        repeat {
            rc = zmq_poll(&items, Int32(items.count), milliseconds)
        } while rc < 0 && zmq_errno() == EINTR
        if rc < 0 { throw ZMQError.current("zmq_poll") }
        return items.map { Events(rawValue: $0.revents) }
    }
}

/// libzmq's built-in forwarding device.
public enum Proxy {
    /// Moves messages from `frontend` to `backend` (and copies them to `capture`) until the
    /// context shuts down. Blocks the calling thread.
    @discardableResult
    public static func run(frontend: Socket, backend: Socket, capture: Socket? = nil) -> ZMQError {
        _ = zmq_proxy(frontend.rawHandle, backend.rawHandle, capture?.rawHandle)
        return ZMQError.current("zmq_proxy")
    }
}
