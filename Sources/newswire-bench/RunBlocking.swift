import Dispatch
import Synchronization

/// The bench's command tree is synchronous (ParsableCommand); the HTTP subcommands run their
/// async work through this, blocking the main thread until it ends.
func runBlocking(_ work: @escaping @Sendable () async throws -> Void) throws {
    let failure = FailureBox()
    let done = DispatchSemaphore(value: 0)
    Task {
        do { try await work() } catch { failure.store(error) }
        done.signal()
    }
    done.wait()
    if let error = failure.load() { throw error }
}

/// Carries an error out of the task that `runBlocking` waits for.
private final class FailureBox: Sendable {
    private let error = Mutex<(any Error)?>(nil)
    func store(_ e: any Error) { error.withLock { $0 = e } }
    func load() -> (any Error)? { error.withLock { $0 } }
}
