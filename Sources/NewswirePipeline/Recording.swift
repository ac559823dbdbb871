import Foundation
import NewswireStageSDK
import NewswireWire
import ZeroMQ

/// Saves the messages passing an address to a JSON Lines file, sends such a file into a stage,
/// and shows what passes a link live. None of them can hang: a bad address, an unwritable file,
/// a busy port or a peer that is not there is a ``RecordingError``, and `seconds`, `count` and
/// the shutdown signal (Ctrl-C, SIGTERM) always stop them.
public enum Recording {
    public enum Mode: String, Sendable {
        /// Subscribe to a link's tap (PUB): records without taking messages from the stages.
        case tap
        /// Bind a PULL at the address: the recorder is the consumer.
        case pull
    }

    /// How fast a replay sends.
    public enum Pace: Sendable, Equatable {
        /// As fast as the receiver takes them.
        case asFastAsPossible
        /// At most this many per second.
        case rate(Double)
        /// With the gaps between the messages' `created` times, as they were recorded.
        case recorded
    }

    /// Records until `count` messages, `seconds` elapse, or `shutdown`. Returns how many.
    @discardableResult
    public static func record(from address: String, to path: String, mode: Mode = .tap,
                              count: Int? = nil, seconds: Double? = nil,
                              shutdown: ShutdownSignal) throws(RecordingError) -> Int {
        let file = try openForWriting(path)
        defer { try? file.close() }
        var n = 0
        try receive(from: address, mode: mode, count: count, seconds: seconds, shutdown: shutdown) { message in
            var line = try JSONLines.line(for: message)
            line.append(10)
            do { try file.write(contentsOf: line) } catch { throw RecordingError.cannotWrite(path: path, reason: "\(error.localizedDescription)") }
            n += 1
        }
        return n
    }

    /// Prints what passes `address` (a link's tap) until `count`, `seconds` or `shutdown`:
    /// one summary line per message, or its full JSON line; only messages `filter` keeps.
    /// Subscribing to the tap takes nothing from the pipeline. Returns how many were shown.
    @discardableResult
    public static func tap(_ address: String, filter: TapFilter = .everything, full: Bool = false,
                           count: Int? = nil, seconds: Double? = nil, shutdown: ShutdownSignal,
                           print: (String) -> Void) throws(RecordingError) -> Int {
        var shown = 0
        try receive(from: address, mode: .tap, count: nil, seconds: seconds, shutdown: shutdown) { message in
            guard filter.keeps(message) else { return }
            print(full ? String(decoding: try JSONLines.line(for: message), as: UTF8.self) : TapFilter.summary(message))
            shown += 1
            if let count, shown >= count { throw Stop() }
        }
        return shown
    }

    /// Sends every message of a recording to `address` (PUSH), at `pace`. Lines that are not
    /// messages are skipped and counted. A receiver that takes nothing for `peerTimeout`
    /// seconds is an error naming the address, not a hang.
    @discardableResult
    public static func replay(_ path: String, to address: String, pace: Pace = .asFastAsPossible, bind: Bool = false,
                              peerTimeout: Double = 10, shutdown: ShutdownSignal? = nil) throws(RecordingError) -> (sent: Int, skipped: Int) {
        try checkAddress(address)
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw FileManager.default.fileExists(atPath: path)
                ? .cannotRead(path: path, reason: error.localizedDescription)
                : .cannotRead(path: path, reason: "no such file")
        }
        let (context, socket) = try openSocket(.push, address: address, bind: bind)
        defer { socket.close(); _ = context }
        var sent = 0, skipped = 0
        let start = Date()
        var firstCreated: Date?
        for line in JSONLines.lines(in: data) {
            if shutdown?.isRequested == true { break }
            guard let m = try? JSONLines.message(from: line) else { skipped += 1; continue }
            wait(for: m, sent: sent, pace: pace, start: start, firstCreated: &firstCreated, shutdown: shutdown)
            try send(m, on: socket, address: address, peerTimeout: peerTimeout, shutdown: shutdown)
            sent += 1
        }
        // Let what is queued leave, within the same limit.
        try? socket.setLinger(milliseconds: Int32(peerTimeout * 1000))
        return (sent, skipped)
    }

    // MARK: Parts

    struct Stop: Error {}

    static func receive(from address: String, mode: Mode, count: Int?, seconds: Double?, shutdown: ShutdownSignal,
                        _ handle: (Message) throws -> Void) throws(RecordingError) {
        try checkAddress(address)
        let (context, socket) = try openSocket(mode == .tap ? .sub : .pull, address: address, bind: mode == .pull)
        defer { socket.close(); _ = context }
        let deadline = seconds.map { Date().addingTimeInterval($0) }
        var n = 0
        do {
            while !shutdown.isRequested {
                if let count, n >= count { break }
                if let deadline, Date() >= deadline { break }
                let ready = try Poller.poll([(socket, .readable)], timeout: 100)
                guard ready[0].contains(.readable) else { continue }
                while let frames = try socket.receive(dontWait: true) {
                    // Anything that is not a valid message is kept too, as a dead-letter-style record.
                    let message = (try? Message(frames: frames))
                        ?? DeadLetter.message(stage: "record", replica: "0", error: "unreadable frames", header: nil, frames: frames)
                    try handle(message)
                    n += 1
                    if let count, n >= count { break }
                }
            }
        } catch is Stop {
            return
        } catch let error as RecordingError {
            throw error
        } catch {
            throw .socket(address: address, reason: "\(error)")
        }
    }

    static func openSocket(_ type: SocketType, address: String, bind: Bool) throws(RecordingError) -> (Context, Socket) {
        do {
            let context = try Context()
            let socket = try Socket(context, type)
            try socket.setLinger(milliseconds: 0)
            if type == .sub { try socket.subscribe() }
            if type == .push { try socket.setImmediate(true) }
            if bind { try socket.bind(address) } else { try socket.connect(address) }
            return (context, socket)
        } catch {
            throw bind ? .cannotBind(address: address, reason: error.message) : .socket(address: address, reason: error.message)
        }
    }

    static func send(_ message: Message, on socket: Socket, address: String, peerTimeout: Double,
                     shutdown: ShutdownSignal?) throws(RecordingError) {
        let frames = message.frames()
        let deadline = Date().addingTimeInterval(peerTimeout)
        do {
            while try !socket.send(frames, dontWait: true) {
                if shutdown?.isRequested == true { return }
                guard Date() < deadline else { throw RecordingError.noReceiver(address: address, seconds: peerTimeout) }
                _ = try Poller.poll([(socket, .writable)], timeout: 100)
            }
        } catch let error as RecordingError {
            throw error
        } catch {
            throw .socket(address: address, reason: "\(error)")
        }
    }

    static func wait(for message: Message, sent: Int, pace: Pace, start: Date, firstCreated: inout Date?, shutdown: ShutdownSignal?) {
        let due: Date
        switch pace {
        case .asFastAsPossible: return
        case .rate(let rate):
            guard rate > 0 else { return }
            due = start.addingTimeInterval(Double(sent) / rate)
        case .recorded:
            guard let created = Timestamp.date(from: message.header.created) else { return }
            let first = firstCreated ?? created
            firstCreated = first
            due = start.addingTimeInterval(max(0, created.timeIntervalSince(first)))
        }
        while Date() < due, shutdown?.isRequested != true { Thread.sleep(forTimeInterval: min(0.1, due.timeIntervalSinceNow)) }
    }

    /// ZeroMQ addresses name their transport; a bare `host:port` is the most common slip.
    static func checkAddress(_ address: String) throws(RecordingError) {
        let transports = ["tcp://", "ipc://", "inproc://"]
        guard transports.contains(where: { address.hasPrefix($0) && address.count > $0.count }) else {
            throw .badAddress(address)
        }
    }

    static func openForWriting(_ path: String) throws(RecordingError) -> FileHandle {
        let url = URL(fileURLWithPath: path)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            guard FileManager.default.createFile(atPath: path, contents: nil) else {
                throw RecordingError.cannotWrite(path: path, reason: "the file cannot be created there (permissions? a folder of that name?)")
            }
            return try FileHandle(forWritingTo: url)
        } catch let error as RecordingError {
            throw error
        } catch {
            throw .cannotWrite(path: path, reason: error.localizedDescription)
        }
    }
}

/// Which messages `newswire tap` shows: `kind=article.extracted`, `siteName=Coast Wire`,
/// `id=a1…` — a header field (`kind`, `id`) or a top-level body field, compared as text.
public struct TapFilter: Sendable, Equatable {
    public var conditions: [(field: String, value: String)]

    /// Keeps every message.
    public static let everything = TapFilter(conditions: [])
    init(conditions: [(field: String, value: String)]) { self.conditions = conditions }

    public init(_ expressions: [String] = []) throws(RecordingError) {
        conditions = try expressions.map { (expression: String) throws(RecordingError) -> (field: String, value: String) in
            guard let eq = expression.firstIndex(of: "="), eq != expression.startIndex else { throw .badFilter(expression) }
            return (String(expression[..<eq]), String(expression[expression.index(after: eq)...]))
        }
    }

    public static func == (a: Self, b: Self) -> Bool { a.conditions.map { "\($0)=\($1)" } == b.conditions.map { "\($0)=\($1)" } }

    public func keeps(_ message: Message) -> Bool {
        guard !conditions.isEmpty else { return true }
        let body = (try? JSONSerialization.jsonObject(with: message.body)) as? [String: Any]
        return conditions.allSatisfy { field, value in
            switch field {
            case "kind": message.header.kind.rawValue == value
            case "id": message.header.id == value
            default: body?[field].map { "\($0)" } == value
            }
        }
    }

    /// `12:04:05.123 article.extracted a1b2… "Title" body 5.2 KB raw 0 B`.
    public static func summary(_ message: Message) -> String {
        let body = (try? JSONSerialization.jsonObject(with: message.body)) as? [String: Any]
        let title = (body?["title"] as? String) ?? (body?["url"] as? String) ?? (body?["error"] as? String) ?? ""
        let time = String(message.header.created.dropFirst(11).prefix(12))
        let shown = title.count > 70 ? String(title.prefix(69)) + "…" : title
        return "\(time) \(message.header.kind) \(message.header.id) \"\(shown)\" body \(bytes(message.body.count))"
            + " raw \(bytes(message.raw?.count ?? 0))"
    }

    static func bytes(_ n: Int) -> String {
        n < 1024 ? "\(n) B" : n < 1 << 20 ? String(format: "%.1f KB", Double(n) / 1024) : String(format: "%.1f MB", Double(n) / 1048576)
    }
}

public enum RecordingError: Error, CustomStringConvertible, Equatable {
    case badAddress(String)
    case cannotBind(address: String, reason: String)
    case socket(address: String, reason: String)
    case cannotWrite(path: String, reason: String)
    case cannotRead(path: String, reason: String)
    case noReceiver(address: String, seconds: Double)
    case badFilter(String)

    public var description: String {
        switch self {
        case .badAddress(let a): "'\(a)' is not a ZeroMQ address: give its transport, e.g. tcp://127.0.0.1:5613 or ipc:///tmp/newswire.ipc"
        case .cannotBind(let a, let r): "cannot bind \(a): \(r) (is another program using it?)"
        case .socket(let a, let r): "\(a): \(r)"
        case .cannotWrite(let p, let r): "cannot write \(p): \(r)"
        case .cannotRead(let p, let r): "cannot read the recording \(p): \(r)"
        case .noReceiver(let a, let s): "nobody took a message at \(a) for \(Int(s)) s: is the stage (or link) running there?"
        case .badFilter(let f): "'\(f)' is not a filter: write FIELD=VALUE, e.g. kind=article.extracted"
        }
    }
}
