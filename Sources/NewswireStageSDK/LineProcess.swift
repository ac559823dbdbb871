import Dispatch
import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// A child program spoken to in lines: one line to its stdin, one line back from its stdout,
/// within a time limit. Its stderr goes where this process's stderr goes (the stage's log).
///
/// A reader thread collects stdout lines, so waiting for an answer can time out instead of
/// blocking forever on a program that hangs.
final class LineProcess: @unchecked Sendable {
    // Used from the stage's one thread; the reader thread touches only `lines`.
    let command: [String]
    private let process = Process()
    private let stdin = Pipe()
    private let stdout = Pipe()
    private let lines = LineQueue()

    enum Failure: Error, Equatable {
        /// No answer within the limit (the program is killed).
        case timedOut
        /// The program ended (closed stdout) before answering; its exit status.
        case exited(Int32)
    }

    /// Starts `command` (`[program, args…]`; a bare program name is looked up on PATH).
    init(_ command: [String], environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        self.command = command
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = command
        process.environment = environment
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = FileHandle.standardError
        try process.run()
        let reading = stdout.fileHandleForReading, lines = lines
        let reader = Thread { Self.readLines(from: reading, into: lines) }
        reader.name = "newswire.command-stdout"
        reader.start()
    }

    deinit { stop() }

    var isRunning: Bool { process.isRunning }
    var processIdentifier: Int32 { process.processIdentifier }

    /// Sends `line` (without its newline) and waits up to `timeout` for the program's answer.
    func ask(_ line: Data, timeout: Duration) throws(Failure) -> Data {
        var framed = line
        framed.append(10)
        do { try stdin.fileHandleForWriting.write(contentsOf: framed) } catch { throw .exited(exitStatus()) }
        switch lines.next(timeout: timeout) {
        case .line(let answer): return answer
        case .closed: throw .exited(exitStatus())
        case .timedOut:
            stop()
            throw .timedOut
        }
    }

    /// Waits up to `timeout` for the program to end on its own (it ended: its status; else nil).
    func exitsWithin(_ timeout: Duration) -> Int32? {
        let deadline = ContinuousClock.now + timeout
        while process.isRunning && ContinuousClock.now < deadline { Thread.sleep(forTimeInterval: 0.02) }
        return process.isRunning ? nil : process.terminationStatus
    }

    /// Ends the program: stdin closed, then SIGKILL if it has not gone within a moment.
    func stop() {
        try? stdin.fileHandleForWriting.close()
        guard process.isRunning else { return }
        if exitsWithin(.milliseconds(200)) == nil { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    private func exitStatus() -> Int32 {
        process.waitUntilExit()
        return process.terminationStatus
    }

    private static func readLines(from handle: FileHandle, into lines: LineQueue) {
        var buffer = Data()
        while true {
            let chunk = handle.availableData
            if chunk.isEmpty { break }
            buffer.append(chunk)
            while let newline = buffer.firstIndex(of: 10) {
                lines.push(Data(buffer[buffer.startIndex..<newline]))
                buffer.removeSubrange(buffer.startIndex...newline)
            }
        }
        if !buffer.isEmpty { lines.push(buffer) }
        lines.close()
    }
}

/// Lines from the reader thread to the stage's thread.
private final class LineQueue: Sendable {
    enum Next { case line(Data), closed, timedOut }
    private let state = Mutex<(lines: [Data], closed: Bool)>(([], false))
    private let available = DispatchSemaphore(value: 0)

    func push(_ line: Data) {
        state.withLock { $0.lines.append(line) }
        available.signal()
    }

    func close() {
        state.withLock { $0.closed = true }
        available.signal()
    }

    func next(timeout: Duration) -> Next {
        let deadline = DispatchTime.now() + .nanoseconds(Int(timeout.components.seconds * 1_000_000_000
            + timeout.components.attoseconds / 1_000_000_000))
        while true {
            let taken: Next? = state.withLock { s in
                if !s.lines.isEmpty { return .line(s.lines.removeFirst()) }
                return s.closed ? .closed : nil
            }
            if let taken {
                if case .closed = taken { available.signal() }   // later callers see it too
                return taken
            }
            if available.wait(timeout: deadline) == .timedOut { return .timedOut }
        }
    }
}
