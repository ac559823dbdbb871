import Foundation

/// What `WORKDIR/run.json` holds: the supervisor and each replica as last seen, rewritten
/// about every second so `newswire status` can show it without talking to the supervisor.
public struct RunReport: Codable, Sendable, Equatable {
    public enum State: String, Codable, Sendable { case running, stopping, stopped }

    public enum ReplicaState: String, Codable, Sendable {
        case running, restarting, finished
        /// A finite stage that finished without delivering everything (exit status 3).
        case failed
        /// Restarted `max-restarts` times in a row without running healthily.
        case givenUp = "given-up"
        /// Stopped by the supervisor on shutdown.
        case stopped
    }

    public struct Replica: Codable, Sendable, Equatable {
        public var name: String
        public var stage: String
        public var pid: Int32?
        public var restarts: Int
        public var state: ReplicaState
        public var lastExit: ExitStatus?
    }

    public var supervisorPid: Int32
    public var pipeline: String
    public var startedAt: Date
    public var updatedAt: Date
    public var state: State
    public var replicas: [Replica]

    /// Writes through a temporary file and a rename, so a reader never sees half a file.
    public func write(to url: URL) throws {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(self).write(to: url, options: .atomic)
    }

    public static func read(from url: URL) -> RunReport? {
        guard let data = try? Data(contentsOf: url) else { return nil }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try? decoder.decode(RunReport.self, from: data)
    }
}

/// The end of a log file, for error messages on the console.
enum LogTail {
    /// The last `count` non-empty lines of the file at `path` (reads at most its last 64 KiB).
    static func lastLines(of path: String, count: Int) -> [String] {
        guard let handle = FileHandle(forReadingAtPath: path) else { return [] }
        defer { try? handle.close() }
        let size = (try? handle.seekToEnd()) ?? 0
        try? handle.seek(toOffset: size > 65_536 ? size - 65_536 : 0)
        let data = (try? handle.readToEnd()) ?? Data()
        return lastLines(in: String(decoding: data, as: UTF8.self), count: count)
    }

    static func lastLines(in text: String, count: Int) -> [String] {
        Array(text.split(separator: "\n", omittingEmptySubsequences: true).suffix(count).map(String.init))
    }

    /// The lines indented under a heading, or a note that the log is empty.
    static func block(of path: String, count: Int) -> String {
        let lines = lastLines(of: path, count: count)
        guard !lines.isEmpty else { return "  (\(path) is empty)" }
        return "last \(lines.count) line(s) of \(path):\n" + lines.map { "  | \($0)" }.joined(separator: "\n")
    }
}
