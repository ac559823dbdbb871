import Foundation
import NewswireStageSDK
import NewswireWire
import ZeroMQ

/// Saves the messages passing an address to a JSON Lines file, and sends such a file into a stage.
public enum Recording {
    public enum Mode: String, Sendable {
        /// Subscribe to a link's tap (PUB): records without taking messages from the stages.
        case tap
        /// Bind a PULL at the address: the recorder is the consumer.
        case pull
    }

    /// Records until `count` messages, `seconds` elapse, or `shutdown`. Returns how many.
    @discardableResult
    public static func record(from address: String, to path: String, mode: Mode = .tap,
                              count: Int? = nil, seconds: Double? = nil,
                              shutdown: ShutdownSignal) throws -> Int {
        let context = try Context()
        let socket = try Socket(context, mode == .tap ? .sub : .pull)
        try socket.setLinger(milliseconds: 0)
        if mode == .tap {
            try socket.subscribe()
            try socket.connect(address)
        } else {
            try socket.bind(address)
        }
        FileManager.default.createFile(atPath: path, contents: nil)
        let file = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        defer { try? file.close(); socket.close() }
        let deadline = seconds.map { Date().addingTimeInterval($0) }
        var n = 0
        while !shutdown.isRequested {
            if let count, n >= count { break }
            if let deadline, Date() >= deadline { break }
            let ready = try Poller.poll([(socket, .readable)], timeout: 100)
            guard ready[0].contains(.readable) else { continue }
            while let frames = try socket.receive(dontWait: true) {
                // Anything that is not a valid message is kept too, as a dead-letter-style record.
                let message = (try? Message(frames: frames))
                    ?? DeadLetter.message(stage: "record", replica: "0", error: "unreadable frames", header: nil, frames: frames)
                var line = try JSONLines.line(for: message)
                line.append(10)
                try file.write(contentsOf: line)
                n += 1
                if let count, n >= count { break }
            }
        }
        return n
    }

    /// Sends every message of a recording to `address` (PUSH, connect), at most `rate` per
    /// second when given. Returns how many were sent. Lines that are not messages are skipped
    /// and counted in `skipped`.
    @discardableResult
    public static func replay(_ path: String, to address: String, rate: Double? = nil,
                              bind: Bool = false) throws -> (sent: Int, skipped: Int) {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let context = try Context()
        let socket = try Socket(context, .push)
        try socket.setLinger(milliseconds: 30_000)
        if bind { try socket.bind(address) } else { try socket.connect(address) }
        var sent = 0, skipped = 0
        let start = Date()
        for line in JSONLines.lines(in: data) {
            guard let m = try? JSONLines.message(from: line) else { skipped += 1; continue }
            if let rate, rate > 0 {
                let due = start.addingTimeInterval(Double(sent) / rate)
                let wait = due.timeIntervalSinceNow
                if wait > 0 { Thread.sleep(forTimeInterval: wait) }
            }
            try socket.send(m.frames())
            sent += 1
        }
        socket.close()
        return (sent, skipped)
    }
}
