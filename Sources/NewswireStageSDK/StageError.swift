import NewswireWire

/// Why the runtime refused or failed a message; becomes the dead letter's reason.
public enum StageError: Error, Sendable, CustomStringConvertible {
    case unreadable(WireError)
    case unacceptedKind(String, accepted: [String])
    case failed(stage: String, reason: String)

    public var description: String {
        switch self {
        case .unreadable(let e): return "unreadable message: \(e)"
        case .unacceptedKind(let kind, let accepted):
            return "kind '\(kind)' is not accepted here (accepts: \(accepted.joined(separator: ", ")))"
        case .failed(let stage, let reason): return "\(stage) failed: \(reason)"
        }
    }
}
