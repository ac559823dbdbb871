import Foundation
import Logging
import NewswireWire
import ZeroMQ

/// Where a source sends and where it hears back.
public struct SourceEndpoints: Sendable {
    /// Address to send messages to (PUSH).
    public var output: String
    public var bindOutput: Bool
    /// Address to bind for acknowledgements and dead letters (PULL). Without it the source
    /// sends once and does not wait (no journal, no re-sends).
    public var acknowledgements: String?

    public init(output: String, bindOutput: Bool = false, acknowledgements: String? = nil) {
        self.output = output; self.bindOutput = bindOutput; self.acknowledgements = acknowledgements
    }
}

/// How a source delivers.
public struct SourceSettings: Sendable {
    /// The durable journal (SQLite). Required with acknowledgements.
    public var journalPath: String?
    /// At most this many articles in flight between the source and the store.
    public var window = 500
    /// The shortest and longest wait before an unacknowledged article is sent again.
    public var minimumRetry: TimeInterval = 10
    public var maximumRetry: TimeInterval = 600
    /// The wait before a re-send while the pipeline's throughput is not measured yet.
    public var initialRetry: TimeInterval = 60
    /// With articles in flight and no acknowledgement, failure or new article for this long,
    /// the source stops and reports what is still pending (exit status 3).
    public var stallTimeout: TimeInterval = 300
    public var highWaterMark: Int32 = 1000
    /// The longest wait between two sends of one article as applied: never more than a third
    /// of the stall timeout, so an article lost again and again is re-sent at least twice more
    /// before the source declares the pipeline stalled (a back-off past the stall timeout
    /// would turn one unlucky article into a stalled run).
    public var effectiveMaximumRetry: TimeInterval {
        max(minimumRetry, min(maximumRetry, stallTimeout / 3))
    }
    /// Largest acknowledgement or dead letter accepted, in bytes.
    public var maxMessageBytes: Int64 = 64 << 20
    public var deadLetterFile: String?
    public var metricsFile: String?
    /// CURVE on `tcp://` links (``LinkSecurity/fromEnvironment(_:)``); nil leaves them plain.
    public var security: LinkSecurity?
    public init() {}
}

/// Runs a ``Source``: reads its origins into messages, sends them with at most a window in
/// flight, records every send in the ``DeliveryJournal``, settles them from publish's
/// acknowledgements and the stages' dead letters, and re-sends what is overdue — until every
/// accepted article is stored or definitively failed.
///
/// Socket calls block, so it runs on the calling thread, never on the concurrency pool.
/// (Unchecked `Sendable`: it may be handed to that thread, which is then its only user.)
public final class SourceRunner: @unchecked Sendable {
    public enum Outcome: Sendable, Equatable {
        /// Every accepted article was stored or definitively failed.
        case finished(DeliveryJournal.Totals)
        /// No progress for the stall timeout; what is pending stays in the journal.
        case stalled(DeliveryJournal.Totals)
        /// SIGINT/SIGTERM; what is pending stays in the journal for the next run.
        case interrupted(DeliveryJournal.Totals)
        /// Sent without acknowledgements (no journal): how many were sent.
        case sent(Int)
    }

    public let replica: String
    public let endpoints: SourceEndpoints
    public let settings: SourceSettings
    public let counters: Counters
    private let logger: Logger
    private let name: String

    /// `counters` lets the source add counters of its own (fetch's per-host responses).
    public init(name: String, replica: String, endpoints: SourceEndpoints, settings: SourceSettings = SourceSettings(),
                counters: Counters? = nil, logger: Logger? = nil) {
        self.name = name
        self.replica = replica
        self.endpoints = endpoints
        self.settings = settings
        self.counters = counters ?? Counters(stage: name, replica: replica)
        self.logger = logger ?? Logger(label: "newswire.\(name)")
    }

    public func run<S: Source>(_ source: inout S, until shutdown: ShutdownSignal) throws -> Outcome {
        let context = try Context()
        var socketOptions = RunnerOptions()
        socketOptions.highWaterMark = settings.highWaterMark
        socketOptions.maxMessageBytes = settings.maxMessageBytes
        socketOptions.security = settings.security
        let authenticator = try settings.security?.authenticator(for: context)
        defer { authenticator?.stop() }
        let output = try SocketSetup.push(context, endpoints.output, bind: endpoints.bindOutput, options: socketOptions)
        // A blocked send wakes up now and then, so Ctrl-C works even with nobody downstream.
        try output.setSendTimeout(milliseconds: 200)
        defer { output.close() }
        let deadLetters = try DeadLetterFile(path: settings.deadLetterFile)
        guard let ackAddress = endpoints.acknowledgements else {
            return .sent(try sendOnce(&source, output: output, deadLetters: deadLetters, shutdown: shutdown))
        }
        guard let journalPath = settings.journalPath else {
            throw StartupError(what: "keep a delivery journal for", address: ackAddress, reason: "no journal file given (--state FILE)")
        }
        let acks = try SocketSetup.pull(context, ackAddress, bind: true, options: socketOptions)
        defer { acks.close() }
        var delivery = Delivery(
            runner: self, journal: try DeliveryJournal(path: journalPath), output: output, acks: acks,
            deadLetters: deadLetters,
            window: DeliveryWindow(capacity: settings.window, minimumTimeout: settings.minimumRetry,
                                   maximumTimeout: settings.effectiveMaximumRetry, initialTimeout: settings.initialRetry))
        return try delivery.run(&source, until: shutdown)
    }

    /// Fire and forget: every origin once, nothing waited for.
    private func sendOnce<S: Source>(_ source: inout S, output: Socket, deadLetters: DeadLetterFile,
                                     shutdown: ShutdownSignal) throws -> Int {
        var sent = 0
        while !shutdown.isRequested {
            guard let origin = try source.nextOrigin() else {
                guard source.mayHaveMore else { break }
                Thread.sleep(forTimeInterval: 0.05)
                continue
            }
            counters.recordReceived()
            do {
                let message = try source.load(origin)
                guard try send(message, on: output, shutdown: shutdown) else { break }
                counters.recordEmitted()
                sent += 1
            } catch {
                recordLoadFailure(origin: origin, id: source.id(for: origin), error: error, deadLetters: deadLetters)
            }
            writeMetrics()
        }
        writeMetrics(force: true)
        return sent
    }

    /// Sends with trace stamped, retrying a full queue (or one with no peer yet) until sent,
    /// shutdown, or `deadline`. False when not sent.
    func send(_ message: Message, on socket: Socket, shutdown: ShutdownSignal, deadline: Date = .distantFuture) throws -> Bool {
        let frames = message.stamped(stage: name, replica: replica).frames()
        while !shutdown.isRequested && Date() < deadline {
            if try socket.send(frames) { return true }
        }
        return false
    }

    func recordLoadFailure(origin: String, id: String, error: any Error, deadLetters: DeadLetterFile) {
        counters.recordFailed()
        logger.warning("cannot read", metadata: ["origin": "\(origin)", "error": "\(error)"])
        deadLetters.append(DeadLetter.message(stage: name, replica: replica, error: "\(error)", header: nil,
                                              frames: [Data(origin.utf8)], id: id))
    }

    private lazy var metricsFile = MetricsFile(path: settings.metricsFile)
    func writeMetrics(force: Bool = false) { metricsFile.write(counters, force: force) }

    var log: Logger { logger }
}

/// One run of reliable delivery: the journal, the window and the two sockets.
private struct Delivery {
    let runner: SourceRunner
    let journal: DeliveryJournal
    let output: Socket
    let acks: Socket
    let deadLetters: DeadLetterFile
    var window: DeliveryWindow
    /// Origins of the articles in flight, for re-reading them on a re-send.
    var origins: [String: String] = [:]
    var exhausted = false
    /// The source had nothing this round but may have more later.
    var starved = false
    var lastProgress = Date()
    var resends = 0

    /// A send waits at most until the stall timeout would end the run.
    var sendDeadline: Date { lastProgress.addingTimeInterval(runner.settings.stallTimeout) }

    mutating func run<S: Source>(_ source: inout S, until shutdown: ShutdownSignal) throws -> SourceRunner.Outcome {
        try resumePending(source, shutdown: shutdown)
        while !shutdown.isRequested {
            let idle = exhausted || starved || !window.hasRoom
            try receiveSettlements(waitMilliseconds: idle ? 100 : 0)
            try resendOverdue(source, shutdown: shutdown)
            try fillWindow(&source, shutdown: shutdown)
            publishGauges()
            runner.writeMetrics()
            if exhausted && window.inFlight == 0 { return try finish(SourceRunner.Outcome.finished) }
            if window.inFlight > 0 && Date().timeIntervalSince(lastProgress) > runner.settings.stallTimeout {
                return try finish(SourceRunner.Outcome.stalled)
            }
        }
        return try finish(SourceRunner.Outcome.interrupted)
    }

    /// After a restart: what was sent and never settled goes out again first.
    mutating func resumePending(_ source: some Source, shutdown: ShutdownSignal) throws {
        let pending = try journal.pending()
        if !pending.isEmpty {
            runner.log.notice("re-sending \(pending.count) article(s) left pending by the last run", metadata: ["journal": "\(journal.path)"])
        }
        for entry in pending where !shutdown.isRequested {
            origins[entry.id] = entry.origin
            try resend(entry.id, source, shutdown: shutdown)
            try receiveSettlements(waitMilliseconds: 0)
        }
    }

    /// Reads new origins while the window has room.
    mutating func fillWindow<S: Source>(_ source: inout S, shutdown: ShutdownSignal) throws {
        var sinceDrain = 0
        starved = false
        while !exhausted && window.hasRoom && !shutdown.isRequested {
            guard let origin = try source.nextOrigin() else {
                // A crawler between polls has nothing now but more later.
                if source.mayHaveMore { starved = true } else { exhausted = true }
                break
            }
            if try journal.knows(origin: origin) { continue }
            try deliverNew(origin, source, shutdown: shutdown)
            sinceDrain += 1
            if sinceDrain >= 32 { try receiveSettlements(waitMilliseconds: 0); sinceDrain = 0 }
        }
    }

    mutating func deliverNew(_ origin: String, _ source: some Source, shutdown: ShutdownSignal) throws {
        runner.counters.recordReceived()
        lastProgress = Date()
        let message: Message
        do {
            message = try source.load(origin)
        } catch {
            let id = source.id(for: origin)
            runner.recordLoadFailure(origin: origin, id: id, error: error, deadLetters: deadLetters)
            try journal.failedToRead(origin: origin, id: id, reason: "\(error)")
            return
        }
        let id = message.header.id
        guard try journal.accept(origin: origin, id: id) else {
            runner.log.info("already delivered under another origin", metadata: ["origin": "\(origin)", "id": "\(id)"])
            return
        }
        // Not sent in time (nobody downstream) counts as sent and lost: it is in flight, so it
        // is sent again when overdue and the stall timeout still applies.
        if try runner.send(message, on: output, shutdown: shutdown, deadline: sendDeadline) { runner.counters.recordEmitted() }
        origins[id] = origin
        window.sent(id, at: Date())
    }

    /// Sends again what has taken far longer than the measured throughput says it should.
    mutating func resendOverdue(_ source: some Source, shutdown: ShutdownSignal) throws {
        let overdue = window.overdue(at: Date())
        guard !overdue.isEmpty else { return }
        runner.log.notice("re-sending \(overdue.count) overdue article(s)", metadata: [
            "in-flight": "\(window.inFlight)", "rate": "\(window.rate.map { String(format: "%.1f/s", $0) } ?? "unknown")"])
        for id in overdue where !shutdown.isRequested {
            try resend(id, source, shutdown: shutdown)
        }
    }

    mutating func resend(_ id: String, _ source: some Source, shutdown: ShutdownSignal) throws {
        guard let origin = origins[id] else { return }
        let message: Message
        do {
            message = try source.load(origin)
        } catch {
            runner.recordLoadFailure(origin: origin, id: id, error: error, deadLetters: deadLetters)
            try settle([.failed(id: id, reason: "cannot read \(origin) again: \(error)")])
            return
        }
        guard try runner.send(message, on: output, shutdown: shutdown, deadline: sendDeadline) else {
            window.sent(id, at: Date())
            return
        }
        try journal.sent([id])
        window.sent(id, at: Date())
        resends += 1
        runner.counters.recordEmitted()
    }

    /// Takes every acknowledgement and dead letter waiting (after up to `waitMilliseconds`).
    mutating func receiveSettlements(waitMilliseconds: Int) throws {
        let ready = try Poller.poll([(acks, .readable)], timeout: waitMilliseconds)
        guard ready[0].contains(.readable) else { return }
        var batch: [DeliveryJournal.Settlement] = []
        while batch.count < 10_000, let frames = try acks.receive(dontWait: true) {
            if let s = settlement(from: frames) { batch.append(s) }
        }
        try settle(batch)
    }

    mutating func settle(_ batch: [DeliveryJournal.Settlement]) throws {
        guard !batch.isEmpty else { return }
        try journal.settle(batch)
        let now = Date()
        for s in batch {
            let id: String
            switch s {
            case .stored(let i): id = i
            case .failed(let i, let reason):
                id = i
                if window.flights[i] != nil {
                    runner.counters.recordFailed()
                    runner.log.warning("definitive failure", metadata: ["id": "\(i)", "reason": "\(reason)"])
                }
            }
            if window.settled(id, at: now) { origins[id] = nil; lastProgress = now }
        }
    }

    /// An acknowledgement (stored) or a final dead letter (failed); nil for anything else,
    /// which is counted and logged, never trusted.
    func settlement(from frames: [Data]) -> DeliveryJournal.Settlement? {
        let bytes = frames.reduce(0) { $0 + $1.count }
        guard bytes <= runner.settings.maxMessageBytes else {
            return rejected("an acknowledgement of \(bytes) bytes is larger than the limit of \(runner.settings.maxMessageBytes)")
        }
        let message: Message
        do { message = try Message(frames: frames) } catch { return rejected("unreadable acknowledgement: \(error)") }
        switch message.header.kind {
        case MessageKind.ack:
            guard let ack = try? message.decode(Acknowledgement.self) else {
                return rejected("acknowledgement with an unreadable body")
            }
            return .stored(id: ack.id)
        case MessageKind.deadLetter:
            guard let letter = try? message.decode(DeadLetter.self) else {
                return rejected("dead letter with an unreadable body")
            }
            // A retryable failure leaves the article pending: it is sent again when overdue.
            return letter.retryable ? nil : .failed(id: message.header.id, reason: "\(letter.stage): \(letter.error)")
        default:
            return rejected("kind '\(message.header.kind)' on the acknowledgement socket")
        }
    }

    func rejected(_ reason: String) -> DeliveryJournal.Settlement? {
        runner.counters.setGauge("acknowledgements_rejected_total", Double(rejectedCount.increment()))
        runner.log.warning("ignoring a message on the acknowledgement socket", metadata: ["reason": "\(reason)"])
        return nil
    }
    let rejectedCount = Tally()

    func publishGauges() {
        runner.counters.setGauge("in_flight", Double(window.inFlight))
        runner.counters.setGauge("resends_total", Double(resends))
        runner.counters.setGauge("window", Double(window.capacity))
        if let rate = window.rate { runner.counters.setGauge("acknowledgements_per_second", rate) }
    }

    mutating func finish(_ outcome: (DeliveryJournal.Totals) -> SourceRunner.Outcome) throws -> SourceRunner.Outcome {
        let totals = try journal.totals()
        runner.counters.setGauge("stored", Double(totals.stored))
        runner.counters.setGauge("pending", Double(totals.pending))
        publishGauges()
        runner.writeMetrics(force: true)
        return outcome(totals)
    }
}

/// A counter a non-mutating method can bump.
final class Tally {
    private var n = 0
    func increment() -> Int { n += 1; return n }
}

extension Message {
    /// The message with the source's hop as the start of its trace.
    public func stamped(stage: String, replica: String) -> Message {
        var m = self
        let now = Date()
        m.header.trace = [Header.Hop(stage: stage, replica: replica, in: now, out: now)]
        return m
    }
}
