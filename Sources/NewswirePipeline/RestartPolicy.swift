import Foundation

/// When to restart a replica that exited, and when to stop trying: back-off from
/// `initialDelay` doubling up to `maxDelay`, reset by a healthy run of `healthyAfter` seconds,
/// and a give-up after `maxRestarts` restarts in a row that did not become healthy.
public struct RestartPolicy: Sendable, Equatable {
    public var maxRestarts: Int
    public var healthyAfter: TimeInterval
    public var initialDelay: TimeInterval
    public var maxDelay: TimeInterval

    public init(maxRestarts: Int = 5, healthyAfter: TimeInterval = 30,
                initialDelay: TimeInterval = 0.5, maxDelay: TimeInterval = 30) {
        self.maxRestarts = maxRestarts; self.healthyAfter = healthyAfter
        self.initialDelay = initialDelay; self.maxDelay = maxDelay
    }

    /// The wait before the `attempt`-th restart in a row (1-based).
    public func delay(forAttempt attempt: Int) -> TimeInterval {
        let exponent = Double(max(0, attempt - 1))
        return min(maxDelay, initialDelay * pow(2, min(exponent, 62)))
    }
}

/// One replica's restart history: a pure state machine over start and crash times, so the
/// policy is testable without processes.
public struct RestartTracker: Sendable, Equatable {
    public enum Decision: Sendable, Equatable {
        /// Start it again after `delay` seconds; this is restart number `attempt` in a row.
        case restart(delay: TimeInterval, attempt: Int)
        /// `attempts` restarts in a row have failed: stop trying.
        case giveUp(attempts: Int)
    }

    public let policy: RestartPolicy
    /// Restarts since the last healthy run.
    public private(set) var consecutiveRestarts = 0
    public private(set) var startedAt: Date

    public init(policy: RestartPolicy, startedAt: Date) {
        self.policy = policy
        self.startedAt = startedAt
    }

    public mutating func started(at time: Date) { startedAt = time }

    /// The replica exited unexpectedly at `time`: restart (after how long) or give up.
    public mutating func crashed(at time: Date) -> Decision {
        if time.timeIntervalSince(startedAt) >= policy.healthyAfter { consecutiveRestarts = 0 }
        guard consecutiveRestarts < policy.maxRestarts else { return .giveUp(attempts: consecutiveRestarts) }
        consecutiveRestarts += 1
        return .restart(delay: policy.delay(forAttempt: consecutiveRestarts), attempt: consecutiveRestarts)
    }
}

/// What a replica's exit means for the supervisor.
public enum ExitOutcome: Sendable, Equatable {
    /// A finite stage exited 0: it is done.
    case finished
    /// A finite stage exited 3: done, but it could not deliver everything. Not restarted.
    case finishedIncomplete
    /// Anything else: a crash, to restart.
    case crashed

    /// The exit status by which a finite stage says "finished, but not everything was delivered".
    public static let incompleteExitCode: Int32 = 3

    public static func classify(_ status: ExitStatus, finite: Bool) -> ExitOutcome {
        guard finite, let code = status.code else { return .crashed }
        switch code {
        case 0: return .finished
        case incompleteExitCode: return .finishedIncomplete
        default: return .crashed
        }
    }
}
