import CZeroMQ
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A failed libzmq call, with libzmq's own explanation.
public struct ZMQError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The `errno` value libzmq reported.
    public var code: Int32
    /// The libzmq function that failed.
    public var operation: String
    /// `zmq_strerror(code)`.
    public var message: String

    public init(code: Int32, operation: String) {
        self.code = code
        self.operation = operation
        self.message = String(cString: zmq_strerror(code))
    }

    /// An error found by this wrapper before libzmq was called (say, a malformed key), whose
    /// own message says more than `strerror` would.
    public init(code: Int32, operation: String, message: String) {
        self.code = code
        self.operation = operation
        self.message = message
    }

    static func current(_ operation: String) -> ZMQError {
        ZMQError(code: zmq_errno(), operation: operation)
    }

    /// The context was shut down while the call waited.
    public var isTerminated: Bool { code == ETERM }
    /// A non-blocking call or a timeout found nothing to do.
    public var isWouldBlock: Bool { code == EAGAIN }
    public var isInterrupted: Bool { code == EINTR }

    public var description: String { "\(operation): \(message) (errno \(code))" }
}
