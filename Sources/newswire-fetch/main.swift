import ArgumentParser
import Foundation
import Logging
import NewswireFetch
import NewswireStageSDK
import NewswireWire
import ZeroMQ

struct FetchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "newswire-fetch",
        abstract: "Read pages from files, folders and URLs and emit article.fetched messages.",
        discussion: """
        With --acknowledgements, fetch waits until publish acknowledges every article as stored,
        re-sending what is not acknowledged in time, then exits.
        """)

    @Argument(help: "Files, folders, file:// or http(s):// URLs.")
    var sources: [String]

    @Flag(help: "Write article.fetched messages as JSON Lines on stdout instead of sending them.")
    var once = false

    @Option(help: "Address to send article.fetched messages to (PUSH).")
    var output: String?

    @Flag(help: "Bind the output address instead of connecting to it.")
    var bindOutput = false

    @Option(help: "Address to bind for publish's acknowledgements (PULL).")
    var acknowledgements: String?

    @Option(help: "Seconds to wait for an acknowledgement before sending again.")
    var retryAfter: Double = 30

    @Option(help: "Sends per article before giving up on an acknowledgement.")
    var maxAttempts = 5

    @Option(help: "File to append failures to (JSON Lines). Default: standard error.")
    var deadLetterFile: String?

    @Option(help: "Pages larger than this many bytes are refused.")
    var maxBytes = 50 << 20

    @Option(help: "This replica's name in traces.")
    var replica = "\(ProcessInfo.processInfo.processIdentifier)"

    func validate() throws {
        if !once && output == nil { throw ValidationError("give --output ADDRESS, or --once to print JSON Lines") }
    }

    func run() throws {
        StageOptions.bootstrapLogging()
        let logger = Logger(label: "newswire.fetch")
        var limits = Fetcher.Limits()
        limits.maxBytes = maxBytes
        let fetcher = Fetcher(limits: limits)
        let deadLetters = try DeadLetterFile(path: deadLetterFile)
        let counters = Counters(stage: "fetch", replica: replica)
        let targets = try FetchTarget.expand(sources)

        // Sockets, when not in one-shot mode.
        let context = try Context()
        var out: Socket?
        var acks: Socket?
        if !once, let output {
            let s = try Socket(context, .push)
            try s.setLinger(milliseconds: 10_000)
            if bindOutput { try s.bind(output) } else { try s.connect(output) }
            out = s
            if let acknowledgements {
                let a = try Socket(context, .pull)
                try a.setLinger(milliseconds: 0)
                try a.bind(acknowledgements)
                acks = a
            }
        }
        let shutdown = ShutdownSignal.installed()
        var journal = DeliveryJournal(retryAfter: retryAfter, maxAttempts: maxAttempts)
        var sent: [String: Message] = [:]

        func emit(_ message: Message) throws {
            let stamped = message.stamped(stage: "fetch", replica: replica)
            if let out {
                try out.send(stamped.frames())
                if acks != nil { journal.sent(message.header.id); sent[message.header.id] = stamped }
            } else {
                var line = try JSONLines.line(for: stamped)
                line.append(10)
                FileHandle.standardOutput.write(line)
            }
            counters.recordEmitted()
        }
        func drainAcks(timeout: Int) throws {
            guard let acks else { return }
            let ready = try Poller.poll([(acks, .readable)], timeout: timeout)
            guard ready[0].contains(.readable) else { return }
            while let frames = try acks.receive(dontWait: true) {
                guard let m = try? Message(frames: frames),
                      let ack = try? m.decodeBody(Acknowledgement.self, expecting: MessageKind.ack) else {
                    logger.warning("ignoring a malformed acknowledgement")
                    continue
                }
                if journal.acknowledge(ack.id) { sent[ack.id] = nil }
            }
        }

        for target in targets {
            if shutdown.isRequested { break }
            counters.recordReceived()
            do {
                let page = try waitFor { try await fetcher.fetch(target, source: "command line") }
                try emit(try page.message())
            } catch {
                counters.recordFailed()
                logger.warning("cannot fetch", metadata: ["url": "\(target)", "error": "\(error)"])
                deadLetters.append(DeadLetter.message(stage: "fetch", replica: replica, error: "\(error)", header: nil,
                                                      frames: [Data(target.url.utf8)], id: ArticleID.forURL(target.url)))
            }
            try drainAcks(timeout: 0)
        }

        // Wait until publish has stored everything, re-sending what is late.
        if acks != nil {
            while !shutdown.isRequested && !journal.isSettled() {
                try drainAcks(timeout: 200)
                for id in journal.due() {
                    if let m = sent[id] {
                        logger.notice("re-sending unacknowledged article", metadata: ["id": "\(id)"])
                        try out?.send(m.frames())
                        journal.sent(id)
                    }
                }
            }
            for id in journal.exhausted() {
                logger.error("no acknowledgement after \(maxAttempts) sends", metadata: ["id": "\(id)"])
            }
            logger.info("all stored", metadata: ["stored": "\(journal.acknowledged.count)", "failed": "\(counters.failed)"])
        }
        FileHandle.standardError.write(Data((counters.summary + ", acknowledged \(journal.acknowledged.count)\n").utf8))
        out?.close()
        acks?.close()
    }
}

extension Message {
    /// The message with fetch's hop at the start of its trace.
    func stamped(stage: String, replica: String) -> Message {
        var m = self
        let now = Date()
        m.header.trace = [Header.Hop(stage: stage, replica: replica, in: now, out: now)]
        return m
    }
}

FetchCommand.main()
