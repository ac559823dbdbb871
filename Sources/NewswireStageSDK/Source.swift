import NewswireWire

/// The other role a program plays in a pipeline, beside ``Stage``: it produces messages
/// (fetch: pages from files, folders, URLs) and learns, through acknowledgements, which were
/// stored.
///
/// A source only names *origins* and loads them; ``SourceRunner`` owns the sockets, the
/// durable ``DeliveryJournal``, the bounded ``DeliveryWindow``, re-sends, signals, counters
/// and dead letters. Because an origin can be loaded again, nothing waits in memory for its
/// acknowledgement: a re-send re-reads it.
public protocol Source {
    /// The source's name in traces, logs, metrics and dead letters, e.g. `fetch`.
    var name: String { get }

    /// The next origin to deliver (a path, a URL), cheap to produce; nil when there are no
    /// more. Origins must be stable across runs: the journal skips those already read.
    mutating func nextOrigin() throws -> String?

    /// Reads `origin` into the message to send. Throwing records a definitive failure for
    /// the origin (a dead letter with the error as its reason).
    func load(_ origin: String) throws -> Message

    /// The article id `origin` would have, for recording a failure to load it.
    func id(for origin: String) -> String

    /// Whether a nil from ``nextOrigin()`` means "nothing yet" rather than "no more": a crawler
    /// that polls feeds has more later, a list of files does not. The runners wait and ask again.
    var mayHaveMore: Bool { get }

    /// One-shot mode wrote `origin`'s message out: nothing will ask for it again, so a source
    /// that keeps pages for re-sends may forget it. Called after the write, so a crash in
    /// between re-emits (at least once) rather than loses.
    func delivered(_ origin: String) throws
}

extension Source {
    public var mayHaveMore: Bool { false }
    public func delivered(_ origin: String) throws {}
}
