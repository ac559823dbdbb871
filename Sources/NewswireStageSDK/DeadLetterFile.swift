import Foundation
import NewswireWire

/// Appends dead letters to a JSON Lines file, so that a failed message survives the process.
public final class DeadLetterFile: @unchecked Sendable {
    // Used from the runner's one thread only.
    private let handle: FileHandle?
    public let path: String?

    /// `path` nil writes to standard error.
    public init(path: String?) throws {
        self.path = path
        if let path {
            let url = URL(fileURLWithPath: path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            if !FileManager.default.fileExists(atPath: path) {
                FileManager.default.createFile(atPath: path, contents: nil)
            }
            let h = try FileHandle(forWritingTo: url)
            try h.seekToEnd()
            handle = h
        } else {
            handle = nil
        }
    }

    public func append(_ message: Message) {
        guard var line = try? JSONLines.line(for: message) else { return }
        line.append(UInt8(ascii: "\n"))
        if let handle {
            try? handle.write(contentsOf: line)
        } else {
            FileHandle.standardError.write(line)
        }
    }

    deinit { try? handle?.close() }
}
