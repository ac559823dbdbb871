import Dispatch
import Foundation
import Synchronization

/// Runs async work from a plain thread (a socket loop) and waits for its result.
///
/// Never call it from a task on the concurrency pool: it blocks the calling thread.
public func waitFor<T: Sendable>(_ work: @escaping @Sendable () async throws -> T) throws -> T {
    let result = Mutex<Result<T, any Error>?>(nil)
    let done = DispatchSemaphore(value: 0)
    Task.detached {
        do { let v = try await work(); result.withLock { $0 = .success(v) } } catch { result.withLock { $0 = .failure(error) } }
        done.signal()
    }
    done.wait()
    return try result.withLock { $0! }.get()
}
