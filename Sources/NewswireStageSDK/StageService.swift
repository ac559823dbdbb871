import Foundation
import ServiceLifecycle

/// A stage's socket loop as a swift-service-lifecycle `Service`, so a process that also serves
/// something (publish's HTTP API) has one `ServiceGroup` owning SIGINT/SIGTERM and shutdown.
///
/// The loop blocks, so it runs on a thread of its own; graceful shutdown or cancellation asks
/// it to drain and stop, and `run()` returns when it has.
public struct StageService: Service {
    public let runner: StageRunner

    public init(runner: StageRunner) { self.runner = runner }

    public func run() async throws {
        let shutdown = ShutdownSignal()
        let runner = self.runner
        try await withTaskCancellationHandler {
            try await withGracefulShutdownHandler {
                try await withCheckedThrowingContinuation { (done: CheckedContinuation<Void, any Error>) in
                    let thread = Thread { done.resume(with: Result { try runner.run(until: shutdown) }) }
                    thread.name = "newswire-stage"
                    thread.start()
                }
            } onGracefulShutdown: {
                shutdown.request()
            }
        } onCancel: {
            shutdown.request()
        }
    }
}
