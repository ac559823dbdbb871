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
    var accepts: [MessageKind] { get }
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

/// A stage of one input type, declared once: `Input` names the kind it accepts and the body
/// it is handed, already decoded, so a stage cannot accept one kind and decode another.
///
///     struct Shout: TypedStage {
///         let name = "shout"
///         func process(_ article: ArticleNormalized, of message: Message) throws -> [Message] {
///             var loud = article; loud.title = article.title?.uppercased()
///             return [try Message(id: message.header.id, body: loud)]
///         }
///     }
public protocol TypedStage: Stage {
    associatedtype Input: MessageBody
    /// Turns one decoded input (and its message, for the header and raw frame) into outputs.
    func process(_ input: Input, of message: Message) throws -> [Message]
}

extension TypedStage {
    public var accepts: [MessageKind] { [Input.kind] }

    public func process(_ message: Message) throws -> [Message] {
        try process(message.decode(Input.self), of: message)
    }
}
