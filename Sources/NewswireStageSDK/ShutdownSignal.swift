import Dispatch
import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Turns SIGINT and SIGTERM into a flag that socket loops check between polls, so a stage
/// stops taking new work, drains, and exits cleanly instead of dying mid-message.
public final class ShutdownSignal: Sendable {
    private let requested = Atomic<Bool>(false)
    // Signal sources live for the rest of the process; installed once, from one thread.
    nonisolated(unsafe) private static var sources: [any DispatchSourceSignal] = []

    public init() {}

    /// Installs handlers for SIGINT and SIGTERM.
    public static func installed() -> ShutdownSignal {
        let s = ShutdownSignal()
        var made: [any DispatchSourceSignal] = []
        for sig in [SIGINT, SIGTERM] {
            signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            source.setEventHandler { s.request() }
            source.resume()
            made.append(source)
        }
        sources.append(contentsOf: made)
        return s
    }

    public func request() { requested.store(true, ordering: .sequentiallyConsistent) }
    public var isRequested: Bool { requested.load(ordering: .sequentiallyConsistent) }
}
