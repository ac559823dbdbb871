import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// An exclusive `flock` on `WORKDIR/run.lock`, held for as long as a supervisor runs, so a
/// second `newswire run` over the same work directory refuses to start instead of fighting
/// the first one. The kernel drops the lock when the holder dies, even by SIGKILL.
public final class RunLock: Sendable {
    private let descriptor: Atomic<Int32>
    public let url: URL

    private init(descriptor: Int32, url: URL) {
        self.descriptor = Atomic(descriptor)
        self.url = url
    }

    deinit { release() }

    /// Takes the lock without waiting and records this process's pid and `pipeline` in it.
    /// `workdir` is only for the error message when another supervisor holds it.
    public static func acquire(at url: URL, pipeline: String, workdir: String) throws(PipelineError) -> RunLock {
        let fd = open(url.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw .unreadable(path: url.path, reason: String(cString: strerror(errno)))
        }
        guard lockWithRetries(fd) else {
            let holder = holder(at: url)
            close(fd)
            throw .alreadyRunning(pipeline: holder?.pipeline ?? pipeline, pid: holder.map { "\($0.pid)" } ?? "unknown",
                                  workdir: workdir)
        }
        let text = "\(getpid())\n\(pipeline)\n"
        ftruncate(fd, 0)
        _ = text.withCString { pwrite(fd, $0, strlen($0), 0) }
        return RunLock(descriptor: fd, url: url)
    }

    /// A few quick tries, so a `newswire status` probing the lock at that instant does not
    /// make a starting supervisor believe another one runs.
    private static func lockWithRetries(_ fd: Int32) -> Bool {
        for attempt in 0..<3 {
            if flock(fd, LOCK_EX | LOCK_NB) == 0 { return true }
            guard errno == EWOULDBLOCK else { return false }
            if attempt < 2 { usleep(30_000) }
        }
        return false
    }

    public func release() {
        let fd = descriptor.exchange(-1, ordering: .sequentiallyConsistent)
        if fd >= 0 { flock(fd, LOCK_UN); close(fd) }
    }

    /// The pid and pipeline name the last holder wrote, if the file exists and reads well.
    public static func holder(at url: URL) -> (pid: Int32, pipeline: String)? {
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return nil }
        let lines = text.split(separator: "\n").map(String.init)
        guard let first = lines.first, let pid = Int32(first) else { return nil }
        return (pid, lines.count > 1 ? lines[1] : "")
    }

    /// Whether some process holds the lock now (probed with a shared lock, dropped at once).
    public static func isHeld(at url: URL) -> Bool {
        let fd = open(url.path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        if flock(fd, LOCK_SH | LOCK_NB) == 0 { flock(fd, LOCK_UN); return false }
        return errno == EWOULDBLOCK
    }
}

/// Whether a process with this pid exists (it may belong to another user).
func processIsAlive(_ pid: Int32) -> Bool {
    pid > 0 && (kill(pid, 0) == 0 || errno == EPERM)
}
