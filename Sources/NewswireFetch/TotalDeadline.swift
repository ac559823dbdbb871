import Foundation

/// Runs a whole GET (all hops and the body) against one time limit, cancelling it when the limit
/// passes. AsyncHTTPClient's own deadline stops at the response head, so the body needs this.
struct TotalDeadline: Sendable {
    let limit: Duration
    let url: URL

    func run<T: Sendable>(
        _ operation: @escaping @Sendable () async throws(WebError) -> T
    ) async throws(WebError) -> T {
        let outcome = await withTaskGroup(of: Result<T, WebError>?.self) { group in
            group.addTask { await Self.capture(operation) }
            group.addTask { await self.expiry() }
            defer { group.cancelAll() }
            for await finished in group {
                if let finished { return finished }
            }
            return .failure(.cancelled)
        }
        return try outcome.get()
    }

    private static func capture<T>(_ operation: () async throws(WebError) -> T) async -> Result<T, WebError> {
        do { return .success(try await operation()) } catch { return .failure(error) }
    }

    /// The total-timeout failure, or nil when the operation finished first and this was cancelled.
    private func expiry<T>() async -> Result<T, WebError>? {
        do { try await Task.sleep(for: limit) } catch { return nil }
        return .failure(.timedOut(.total, url: url))
    }
}
