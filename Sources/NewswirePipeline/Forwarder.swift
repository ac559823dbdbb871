import Foundation
import NewswireStageSDK
import ZeroMQ

/// The queue behind a link: PULL bound at `in`, PUSH bound at `out`, every message copied to
/// a PUB at `tap`. Runs libzmq's own proxy on a thread of its own until the context shuts down.
public final class Forwarder: Sendable {
    public let link: PipelineFile.Link
    private let context: Context
    private let frontend: Socket
    private let backend: Socket
    private let tap: Socket?

    /// With `security`, its `tcp://` addresses are CURVE servers.
    public init(context: Context, link: PipelineFile.Link, highWaterMark: Int32 = 1000,
                security: LinkSecurity? = nil) throws {
        self.link = link
        self.context = context
        frontend = try Socket(context, .pull)
        try frontend.setReceiveHighWaterMark(highWaterMark)
        try frontend.setLinger(milliseconds: 0)
        try security?.secure(frontend, address: link.in, bind: true)
        try frontend.bind(link.in)
        backend = try Socket(context, .push)
        try backend.setSendHighWaterMark(highWaterMark)
        try backend.setLinger(milliseconds: 0)
        try security?.secure(backend, address: link.out, bind: true)
        try backend.bind(link.out)
        if let t = link.tap {
            let s = try Socket(context, .pub)
            try s.setLinger(milliseconds: 0)
            try security?.secure(s, address: t, bind: true)
            try s.bind(t)
            tap = s
        } else {
            tap = nil
        }
    }

    /// Starts the proxy thread. It ends when `context.shutdown()` is called.
    public func start() {
        let thread = Thread { [self] in
            _ = Proxy.run(frontend: frontend, backend: backend, capture: tap)
            frontend.close(); backend.close(); tap?.close()
        }
        thread.name = "newswire-forwarder"
        thread.start()
    }
}
