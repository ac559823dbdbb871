import CZeroMQ

/// A libzmq context: the I/O threads shared by every socket of a process.
///
/// Create one per process. Closing it (or `deinit`) waits for sockets to be closed, so close
/// sockets first; ``shutdown()`` makes blocking calls on other threads return `.terminated`.
public final class Context: @unchecked Sendable {
    // libzmq contexts are thread-safe; this class only holds the handle.
    let handle: UnsafeMutableRawPointer

    public init(ioThreads: Int32 = 1) throws(ZMQError) {
        guard let h = zmq_ctx_new() else { throw ZMQError.current("zmq_ctx_new") }
        handle = h
        if ioThreads != 1 { zmq_ctx_set(h, ZMQ_IO_THREADS, ioThreads) }
    }

    /// Makes every blocking call on this context's sockets return `.terminated`.
    public func shutdown() {
        zmq_ctx_shutdown(handle)
    }

    deinit {
        while zmq_ctx_term(handle) != 0 && zmq_errno() == EINTR {}
    }

    /// libzmq's version, e.g. (4, 3, 4).
    public static var version: (major: Int32, minor: Int32, patch: Int32) {
        var a: Int32 = 0, b: Int32 = 0, c: Int32 = 0
        zmq_version(&a, &b, &c)
        return (a, b, c)
    }
}
