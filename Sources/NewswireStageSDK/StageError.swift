import NewswireWire

/// Why the runtime refused or failed a message; becomes the dead letter's reason.
public enum StageError: Error, Sendable, CustomStringConvertible {
    case unreadable(WireError)
    case unacceptedKind(MessageKind, accepted: [MessageKind])
    case failed(stage: String, reason: String)
    case tooLarge(bytes: Int, limit: Int)
    /// The body lacks a field its kind's schema requires, or has one of the wrong type.
    case breaksContract(kind: MessageKind, problem: String)

    public var description: String {
        switch self {
        case .unreadable(let e): return "unreadable message: \(e)"
        case .unacceptedKind(let kind, let accepted):
            return "kind '\(kind)' is not accepted here (accepts: \(accepted.map(\.rawValue).joined(separator: ", ")))"
        case .failed(let stage, let reason): return "\(stage) failed: \(reason)"
        case .tooLarge(let bytes, let limit):
            return "message of \(bytes) bytes is larger than the limit of \(limit) bytes (--max-message-bytes)"
        case .breaksContract(let kind, let problem):
            return "\(kind) breaks its contract: \(problem) (see Sources/NewswireWire/Schemas/\(kind).schema.json)"
        }
    }
}

/// An error after which the same message may well succeed later (a busy or full store, a
/// peer that is down). The dead letter says so, and fetch keeps re-sending instead of giving
/// the article up; every other error is taken as the message's own fault and final.
public protocol RetryableError: Error {}

/// Why a runner could not start: the address and the reason, for the console.
public struct StartupError: Error, Sendable, CustomStringConvertible {
    public var what: String
    public var address: String
    public var reason: String
    public init(what: String, address: String, reason: String) {
        self.what = what; self.address = address; self.reason = reason
    }
    public var description: String { "cannot \(what) \(address): \(reason)" }
}
