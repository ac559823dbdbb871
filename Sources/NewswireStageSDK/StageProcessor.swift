import Foundation
import NewswireWire

/// Applies a stage to one input: checks the message, calls the stage, stamps the trace, and
/// turns every failure into a dead letter. Shared by the socket runner and the one-shot mode,
/// so both give the same output for the same input.
public struct StageProcessor: Sendable {
    public let stage: any Stage
    public let replica: String
    public let counters: Counters
    /// What the stage's input kinds must carry (their schemas' required fields and types).
    let contract: ContractCheck

    public init(stage: any Stage, replica: String, counters: Counters? = nil) {
        self.stage = stage
        self.replica = replica
        self.counters = counters ?? Counters(stage: stage.name, replica: replica)
        contract = ContractCheck(kinds: stage.accepts)
    }

    /// Why the runtime refuses `message` before the stage sees it (a kind it does not take, a
    /// body that breaks its kind's contract), or nil.
    func refusal(_ message: Message) -> StageError? {
        guard stage.accepts.contains(message.header.kind) else {
            return .unacceptedKind(message.header.kind, accepted: stage.accepts)
        }
        return contract.violation(of: message).map { .breaksContract(kind: message.header.kind, problem: $0) }
    }

    public enum Outcome: Sendable {
        case outputs([Message])
        case deadLetter(Message, reason: String)
    }

    /// Handles messages straight off a socket that arrived together, in order: each is checked
    /// on its own, and those that pass go to the stage in one ``Stage/process(batch:)`` call.
    public func handle(batchOfFrames batch: [[Data]], limit: Int) -> [Outcome] {
        var outcomes = [Outcome?](repeating: nil, count: batch.count)
        var accepted: [(index: Int, message: Message)] = []
        for (i, frames) in batch.enumerated() {
            let bytes = frames.reduce(0) { $0 + $1.count }
            if bytes > limit { outcomes[i] = handle(frames: frames, limit: limit); continue }
            let message: Message
            do { message = try Message(frames: frames) } catch {
                counters.recordReceived()
                outcomes[i] = fail(frames: frames, header: nil, error: StageError.unreadable(error))
                continue
            }
            counters.recordReceived()
            if let refusal = refusal(message) {
                outcomes[i] = fail(message, error: refusal)
                continue
            }
            accepted.append((i, message))
        }
        if !accepted.isEmpty {
            let received = Date()
            let results = stage.process(batch: accepted.map(\.message))
            let emitted = Date()
            let each = emitted.timeIntervalSince(received) / Double(accepted.count)
            for (k, (i, message)) in accepted.enumerated() {
                let result = k < results.count ? results[k] : .failure(StageError.failed(stage: stage.name, reason: "no result for this message"))
                outcomes[i] = finish(message, result: result, received: received, emitted: emitted, seconds: each)
            }
        }
        return outcomes.map { $0! }
    }

    /// Stamps the trace and counts, or turns the error into a dead letter.
    private func finish(_ message: Message, result: Result<[Message], any Error>, received: Date, emitted: Date,
                        seconds: Double) -> Outcome {
        switch result {
        case .success(var outputs):
            let hop = Header.Hop(stage: stage.name, replica: replica, in: received, out: emitted)
            for i in outputs.indices { outputs[i].header.trace = message.header.trace + [hop] }
            counters.recordEmitted(outputs.count)
            counters.recordLatency(seconds: seconds)
            return .outputs(outputs)
        case .failure(let error):
            return fail(message, error: error)
        }
    }

    /// Handles a message straight off a socket, refusing one over `limit` bytes by its header
    /// (the frames past the header are not kept: they are what is too large).
    public func handle(frames: [Data], limit: Int) -> Outcome {
        let bytes = frames.reduce(0) { $0 + $1.count }
        guard bytes > limit else { return handle(frames: frames) }
        counters.recordReceived()
        let header = frames.first.flatMap { try? WireCoding.decoder.decode(Header.self, from: $0) }
        return fail(frames: Array(frames.prefix(1)), header: header, error: StageError.tooLarge(bytes: bytes, limit: limit))
    }

    /// Handles a message straight off a socket.
    public func handle(frames: [Data]) -> Outcome {
        let message: Message
        do {
            message = try Message(frames: frames)
        } catch {
            counters.recordReceived()
            return fail(frames: frames, header: nil, error: StageError.unreadable(error))
        }
        return handle(message)
    }

    /// Handles one decoded message.
    public func handle(_ message: Message) -> Outcome {
        let received = Date()
        counters.recordReceived()
        if let refusal = refusal(message) { return fail(message, error: refusal) }
        do {
            var outputs = try stage.process(message)
            let emitted = Date()
            let hop = Header.Hop(stage: stage.name, replica: replica, in: received, out: emitted)
            for i in outputs.indices {
                outputs[i].header.trace = message.header.trace + [hop]
            }
            counters.recordEmitted(outputs.count)
            counters.recordLatency(seconds: emitted.timeIntervalSince(received))
            return .outputs(outputs)
        } catch {
            return fail(message, error: error)
        }
    }

    private func fail(_ message: Message, error: any Error) -> Outcome {
        let frames = message.frames()
        return fail(frames: frames, header: message.header, error: error)
    }

    private func fail(frames: [Data], header: Header?, error: any Error) -> Outcome {
        counters.recordFailed()
        let reason = String(describing: error)
        let message = DeadLetter.message(stage: stage.name, replica: replica, error: reason,
                                         retryable: error is any RetryableError, header: header, frames: frames)
        return .deadLetter(message, reason: reason)
    }
}
