import NewswireWire

/// The one thing a stage author writes: what to do with one message.
///
/// The runtime (``StageRunner``) owns sockets, signals, dead letters and counters, so a stage
/// is plain logic that a unit test can call directly. Stages should be deterministic and
/// keep no state between messages: that is what makes replicas and re-delivery harmless.
public protocol Stage: Sendable {
    /// The stage's name in traces, logs, metrics and dead letters, e.g. `normalize`.
    var name: String { get }
    /// The message kinds this stage accepts; any other kind is a dead letter.
    var accepts: [String] { get }
    /// Turns one input into zero or more outputs. Throwing sends the input to the dead letters
    /// with the error's description as the reason.
    func process(_ message: Message) throws -> [Message]
    /// See the default implementation: one call for messages that arrived together.
    func process(batch: [Message]) -> [Result<[Message], any Error>]
}

extension Stage {
    /// Several messages at once, one result per message in order. The runner hands a stage
    /// every message already queued (up to a limit); a stage that can share work between
    /// them, as publish shares one database commit, implements this. By default each message
    /// is processed on its own.
    public func process(batch: [Message]) -> [Result<[Message], any Error>] {
        batch.map { message in Result { try process(message) } }
    }
}
