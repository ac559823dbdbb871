import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A WARC file being written: bytes go to `PATH.open`, and `finish` makes them durable and
/// renames the file to `PATH`, so a file under its final name is always complete.
final class WARCOutputFile {
    let path: String
    private(set) var bytesWritten = 0
    private var descriptor: Int32

    var openPath: String { path + ".open" }

    /// Creates `path.open`; fails if it exists, so two writers never share a file.
    init(path: String) throws(WARCError) {
        self.path = path
        descriptor = open(path + ".open", O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw Self.failure("create", path + ".open") }
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    func write(_ data: Data) throws(WARCError) {
        let failed: Int32? = data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) -> Int32? in
            var done = 0
            while done < bytes.count {
                let n = systemWrite(descriptor, bytes.baseAddress! + done, bytes.count - done)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { return errno }
                done += n
            }
            return nil
        }
        if let failed { throw Self.failure("write", openPath, code: failed) }
        bytesWritten += data.count
    }

    /// fsync, close, rename to the final name, then fsync the folder so the rename survives a crash.
    func finish() throws(WARCError) {
        guard descriptor >= 0 else { return }
        guard fsync(descriptor) == 0 else { throw Self.failure("fsync", openPath) }
        let closed = close(descriptor)
        descriptor = -1
        guard closed == 0 else { throw Self.failure("close", openPath) }
        guard rename(openPath, path) == 0 else { throw Self.failure("rename to \(path)", openPath) }
        try Self.syncFolder(of: path)
    }

    private static func syncFolder(of path: String) throws(WARCError) {
        let folder = (path as NSString).deletingLastPathComponent
        let fd = open(folder.isEmpty ? "." : folder, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw failure("open folder", folder) }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw failure("fsync folder", folder) }
    }

    private static func failure(_ operation: String, _ path: String, code: Int32 = errno) -> WARCError {
        .fileSystem(path: path, operation: operation, reason: String(cString: strerror(code)))
    }
}

/// POSIX `write`, named apart from `WARCOutputFile.write`.
private func systemWrite(_ fd: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(fd, bytes, count)
}
