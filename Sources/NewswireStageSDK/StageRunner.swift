import Foundation
import Logging
import NewswireWire
import ZeroMQ

/// Where a stage reads and writes. Stages connect by default; a stable endpoint binds
/// (`bind…` set) so replicas can come and go.
public struct StageEndpoints: Sendable {
    public var input: String
    public var output: String?
    public var deadLetters: String?
    public var bindInput: Bool
    public var bindOutput: Bool
    /// Outputs of these kinds go to their own socket instead of `output`.
    public var routes: [MessageKind: Route]

    public init(input: String, output: String?, deadLetters: String? = nil,
                bindInput: Bool = false, bindOutput: Bool = false, routes: [MessageKind: Route] = [:]) {
        self.input = input; self.output = output; self.deadLetters = deadLetters
        self.bindInput = bindInput; self.bindOutput = bindOutput; self.routes = routes
    }

    /// A side output: acknowledgements back to fetch (PUSH), stories to subscribers (PUB).
    public struct Route: Sendable {
        public enum Pattern: Sendable { case push, pub }
        public var address: String
        public var pattern: Pattern
        public var bind: Bool
        public init(address: String, pattern: Pattern, bind: Bool) {
            self.address = address; self.pattern = pattern; self.bind = bind
        }
    }
}

/// Runtime settings every stage shares.
public struct RunnerOptions: Sendable {
    /// Messages buffered per socket before back-pressure.
    public var highWaterMark: Int32 = 1000
    /// How long a stopping stage keeps trying to deliver what it emitted, in ms.
    public var lingerMilliseconds: Int32 = 10_000
    /// At most this many queued messages are handed to the stage at once.
    public var batchSize = 64
    /// Largest message processed, in bytes; a larger one is dead-lettered by its header.
    /// libzmq itself drops the connection only past 16 times this (a guard for memory).
    public var maxMessageBytes: Int64 = 64 << 20
    /// Dead letters are appended here (JSON Lines); nil writes them to standard error.
    public var deadLetterFile: String?
    /// Counters are written here in Prometheus text format every second and at exit.
    public var metricsFile: String?
    /// Fault injection for resilience tests: the process aborts on receiving this many
    /// messages, before emitting the last one's outputs. Set by the environment variable
    /// `NEWSWIRE_FAULT_ABORT_AFTER`.
    public var abortAfter: Int? = ProcessInfo.processInfo.environment["NEWSWIRE_FAULT_ABORT_AFTER"].flatMap(Int.init)
    /// CURVE on `tcp://` links (``LinkSecurity/fromEnvironment(_:)``); nil leaves them plain.
    public var security: LinkSecurity?
    public init() {}
}

/// Runs a ``Stage`` between real sockets until SIGINT or SIGTERM, then drains and exits.
///
/// Socket calls block, so the loop runs on the calling thread: call it from `main`, never
/// from a task on the Swift concurrency pool.
public final class StageRunner: Sendable {
    public let processor: StageProcessor
    public let endpoints: StageEndpoints
    public let options: RunnerOptions
    private let logger: Logger

    public init(stage: any Stage, replica: String, endpoints: StageEndpoints,
                options: RunnerOptions = RunnerOptions(), logger: Logger? = nil) {
        self.processor = StageProcessor(stage: stage, replica: replica)
        self.endpoints = endpoints
        self.options = options
        self.logger = logger ?? Logger(label: "newswire.\(stage.name)")
    }

    public var counters: Counters { processor.counters }

    public func run(until shutdown: ShutdownSignal) throws {
        let context = try Context()
        // Stopped last (defers run in reverse), once every socket it admits peers for is closed.
        let authenticator = try options.security?.authenticator(for: context)
        defer { authenticator?.stop() }
        let input = try SocketSetup.pull(context, endpoints.input, bind: endpoints.bindInput, options: options)
        let output = try endpoints.output.map {
            try SocketSetup.push(context, $0, bind: endpoints.bindOutput, options: options)
        }
        var routeSockets: [MessageKind: Socket] = [:]
        for (kind, route) in endpoints.routes {
            routeSockets[kind] = try route.pattern == .push
                ? SocketSetup.push(context, route.address, bind: route.bind, options: options)
                : SocketSetup.publisher(context, route.address, bind: route.bind, options: options)
        }
        var deadSocket: Socket?
        if let dl = endpoints.deadLetters {
            var o = options
            o.lingerMilliseconds = 1000
            deadSocket = try SocketSetup.push(context, dl, bind: false, options: o)
        }
        let deadFile = try DeadLetterFile(path: options.deadLetterFile)
        logger.info("started", metadata: ["input": "\(endpoints.input)", "output": "\(endpoints.output ?? "-")"])

        var metricsFile = MetricsFile(path: options.metricsFile)
        func writeMetrics(force: Bool = false) { metricsFile.write(counters, force: force) }

        func emit(_ outcome: StageProcessor.Outcome) throws {
            switch outcome {
            case .outputs(let messages):
                for m in messages {
                    if let routed = routeSockets[m.header.kind] {
                        // Side outputs never block the data path: acknowledgements are
                        // advisory (fetch re-sends, publish re-acknowledges) and PUB drops anyway.
                        if try !routed.send(m.frames(), dontWait: true) {
                            logger.debug("side output full; dropped", metadata: ["kind": "\(m.header.kind)"])
                        }
                    } else {
                        try output?.send(m.frames())
                    }
                }
            case .deadLetter(let letter, let reason):
                logger.warning("dead letter", metadata: ["reason": "\(reason)"])
                deadFile.append(letter)
                if let deadSocket { _ = try? deadSocket.send(letter.frames(), dontWait: true) }
            }
        }

        /// Processes what arrived together (at most `batchSize`), then emits the outputs.
        func handle(_ batch: [[Data]]) throws {
            let outcomes = processor.handle(batchOfFrames: batch, limit: Int(options.maxMessageBytes))
            if let limit = options.abortAfter, counters.received >= limit {
                logger.critical("aborting on purpose (NEWSWIRE_FAULT_ABORT_AFTER=\(limit))")
                abort()
            }
            for outcome in outcomes { try emit(outcome) }
        }

        // Fault injection aborts *at* the n-th message, so it takes them one by one.
        let batchSize = options.abortAfter == nil ? max(1, options.batchSize) : 1
        func takeQueued() throws -> [[Data]] {
            var batch: [[Data]] = []
            while batch.count < batchSize, let frames = try input.receive(dontWait: true) { batch.append(frames) }
            return batch
        }

        while !shutdown.isRequested {
            let ready = try Poller.poll([(input, .readable)], timeout: 200)
            if ready[0].contains(.readable) {
                // Take everything queued before polling again.
                while case let batch = try takeQueued(), !batch.isEmpty {
                    try handle(batch)
                    // Under load the input never runs dry: keep the counters true anyway.
                    writeMetrics()
                    if shutdown.isRequested { break }
                }
            }
            writeMetrics()
        }
        // Drain: process what already arrived, then let linger deliver the outputs.
        while case let batch = try takeQueued(), !batch.isEmpty { try handle(batch) }
        writeMetrics(force: true)
        logger.info("stopped", metadata: ["counters": "\(counters.summary)"])
        input.close()
        output?.close()
        for s in routeSockets.values { s.close() }
        deadSocket?.close()
    }
}

/// Socket creation with the runtime's options, turning a bind or connect failure into a
/// ``StartupError`` that names the address (so the stage exits at once, saying why).
enum SocketSetup {
    static func pull(_ context: Context, _ address: String, bind: Bool, options: RunnerOptions) throws -> Socket {
        let s = try Socket(context, .pull)
        try s.setReceiveHighWaterMark(options.highWaterMark)
        try s.setMaxMessageSize(options.maxMessageBytes * 16)
        try s.setLinger(milliseconds: 0)
        try attach(s, address, bind: bind, security: options.security)
        return s
    }

    static func push(_ context: Context, _ address: String, bind: Bool, options: RunnerOptions) throws -> Socket {
        let s = try Socket(context, .push)
        try s.setSendHighWaterMark(options.highWaterMark)
        try s.setLinger(milliseconds: options.lingerMilliseconds)
        try attach(s, address, bind: bind, security: options.security)
        return s
    }

    static func publisher(_ context: Context, _ address: String, bind: Bool, options: RunnerOptions) throws -> Socket {
        let s = try Socket(context, .pub)
        try s.setSendHighWaterMark(options.highWaterMark)
        try s.setLinger(milliseconds: 0)
        try attach(s, address, bind: bind, security: options.security)
        return s
    }

    static func attach(_ socket: Socket, _ address: String, bind: Bool, security: LinkSecurity? = nil) throws(StartupError) {
        do {
            try security?.secure(socket, address: address, bind: bind)
        } catch {
            socket.close()
            throw error
        }
        do {
            if bind { try socket.bind(address) } else { try socket.connect(address) }
        } catch {
            socket.close()
            throw StartupError(what: bind ? "bind" : "connect to", address: address, reason: error.message)
        }
    }
}
