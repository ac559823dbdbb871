import Foundation

/// Wraps a `WebClient` and retries throttled (429), failing (5xx) and network-broken GETs per a
/// `RetryPolicy`. Sleep and randomness are injected so tests run without waiting.
public struct RetryingWebClient<Base: WebClient>: WebClient {
    public let base: Base
    public let policy: RetryPolicy
    private let sleep: @Sendable (Duration) async throws -> Void
    private let random: @Sendable () -> Double

    public init(
        base: Base,
        policy: RetryPolicy = RetryPolicy(),
        sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) },
        random: @escaping @Sendable () -> Double = { Double.random(in: 0...1) }
    ) {
        self.base = base
        self.policy = policy
        self.sleep = sleep
        self.random = random
    }

    /// Returns the first response that needs no retry, or the last one (e.g. a 503) once attempts run out;
    /// throws the last error if every attempt failed without a response.
    public func get(_ request: WebRequest) async throws(WebError) -> WebResponse {
        var attempt = 1
        while true {
            let outcome = await attemptOnce(request)
            guard attempt < policy.maxAttempts, case .retry(let retryAfter) = Self.verdict(on: outcome) else {
                return try outcome.get()
            }
            try await pause(policy.delay(attempt: attempt, retryAfter: retryAfter, random: random()))
            attempt += 1
        }
    }

    private func attemptOnce(_ request: WebRequest) async -> Result<WebResponse, WebError> {
        do { return .success(try await base.get(request)) } catch { return .failure(error) }
    }

    private func pause(_ delay: Duration) async throws(WebError) {
        do { try await sleep(delay) } catch { throw .cancelled }
    }

    private enum Verdict: Equatable {
        case done
        case retry(after: Duration?)
    }

    private static func verdict(on outcome: Result<WebResponse, WebError>) -> Verdict {
        switch outcome {
        case .success(let response):
            RetryPolicy.isRetryable(status: response.status) ? .retry(after: response.retryAfter) : .done
        case .failure(let error):
            error.isRetryable ? .retry(after: nil) : .done
        }
    }
}
