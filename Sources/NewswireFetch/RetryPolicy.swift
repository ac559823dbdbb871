import Foundation

/// When and how long to wait before trying a GET again: exponential back-off with full jitter
/// (so many fetchers hitting one host spread out), honouring the server's Retry-After.
public struct RetryPolicy: Sendable, Equatable {
    /// Tries in all, the first included.
    public var maxAttempts: Int
    /// Back-off ceiling after the first failure; it doubles each further failure.
    public var baseDelay: Duration
    /// No wait is ever longer, not even one a server asks for with Retry-After.
    public var maxDelay: Duration

    public init(maxAttempts: Int = 4, baseDelay: Duration = .milliseconds(500), maxDelay: Duration = .seconds(30)) {
        self.maxAttempts = max(1, maxAttempts)
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
    }

    /// Throttling (429) and server-side failures (5xx except 501 Not Implemented) may pass.
    public static func isRetryable(status: Int) -> Bool {
        status == 429 || ((500...599).contains(status) && status != 501)
    }

    /// The largest back-off after failed `attempt` (1-based): `baseDelay · 2^(attempt−1)`, capped at `maxDelay`.
    public func ceiling(attempt: Int) -> Duration {
        let doublings = Double(min(max(attempt - 1, 0), 62))
        let grown = baseDelay * pow(2, doublings)
        return min(grown, maxDelay)
    }

    /// The wait after failed `attempt`. A Retry-After from the server wins (capped at `maxDelay`);
    /// otherwise full jitter: `random` (a fraction in 0...1) of the back-off ceiling.
    public func delay(attempt: Int, retryAfter: Duration?, random: Double) -> Duration {
        if let retryAfter { return min(max(retryAfter, .zero), maxDelay) }
        let fraction = min(max(random, 0), 1)
        return ceiling(attempt: attempt) * fraction
    }
}
