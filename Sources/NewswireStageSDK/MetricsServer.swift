import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Serves a stage's counters in Prometheus text format at `GET /metrics` on 127.0.0.1, so
/// a Prometheus server (or `curl`) scrapes what the stage does right now, under any load.
///
/// A few system calls on a thread of its own: the socket loops stay on theirs, and the stage
/// needs no event loop. A port that cannot be bound is a ``StartupError`` at start, naming it.
public final class MetricsServer: @unchecked Sendable {
    // The listening descriptor is written once before the thread starts and closed by `stop`.
    private var listener: Int32 = -1
    public let port: Int
    private let text: @Sendable () -> String

    /// Binds `port` (0 picks a free one; see `port` after start) and serves `text()`.
    public init(port: Int, text: @escaping @Sendable () -> String) throws {
        self.text = text
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw StartupError(what: "open a socket for", address: "metrics port \(port)", reason: Self.errnoText()) }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 16) == 0 else {
            let reason = Self.errnoText()
            close(fd)
            throw StartupError(what: "bind", address: "http://127.0.0.1:\(port)/metrics", reason: reason)
        }
        var actual = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        self.port = Int(UInt16(bigEndian: actual.sin_port))
        self.listener = fd
        let thread = Thread { [self] in serve(fd) }
        thread.name = "newswire-metrics"
        thread.start()
    }

    /// Stops accepting. The serving thread closes the listener itself when `accept` fails:
    /// closing it here could let the descriptor's number be reused by another socket before
    /// that thread's next `accept`.
    public func stop() {
        let fd = listener
        listener = -1
        if fd >= 0 { shutdown(fd, Int32(SHUT_RDWR)) }
    }

    deinit { stop() }

    private func serve(_ fd: Int32) {
        defer { close(fd) }
        while true {
            let client = accept(fd, nil, nil)
            if client < 0 {
                if errno == EINTR { continue }
                return // closed by stop()
            }
            respond(client)
            close(client)
        }
    }

    /// Reads the request line (bounded, with a timeout) and answers it.
    private func respond(_ client: Int32) {
        var timeout = timeval(tv_sec: 2, tv_usec: 0)
        setsockopt(client, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        // The whole request head first: closing with unread input would reset the connection
        // and lose the response.
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 2048)
        while received.count < 16 << 10 {
            let n = recv(client, &buffer, buffer.count, 0)
            if n <= 0 { break }
            received += buffer[0..<n]
            if received.count >= 4, received.suffix(4) == [13, 10, 13, 10] { break }
            if String(decoding: received, as: UTF8.self).contains("\r\n\r\n") { break }
        }
        guard !received.isEmpty else { return }
        let request = String(decoding: received, as: UTF8.self)
        let line = request.split(separator: "\r\n", maxSplits: 1).first.map(String.init) ?? ""
        let parts = line.split(separator: " ")
        let (status, type, body): (String, String, String)
        if parts.count >= 2, parts[0] == "GET", parts[1] == "/metrics" || parts[1].hasPrefix("/metrics?") {
            (status, type, body) = ("200 OK", "text/plain; version=0.0.4; charset=utf-8", text())
        } else {
            (status, type, body) = ("404 Not Found", "text/plain; charset=utf-8", "only GET /metrics is served here\n")
        }
        let bytes = Array(body.utf8)
        let head = "HTTP/1.1 \(status)\r\nContent-Type: \(type)\r\nContent-Length: \(bytes.count)\r\nConnection: close\r\n\r\n"
        _ = sendAll(client, Array(head.utf8) + bytes)
        // Half-close and let the client read everything before the descriptor goes.
        shutdown(client, Int32(SHUT_WR))
        while recv(client, &buffer, buffer.count, 0) > 0 {}
    }

    private func sendAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if n <= 0 { return false }
            offset += n
        }
        return true
    }

    private static func errnoText() -> String { String(cString: strerror(errno)) }
}
