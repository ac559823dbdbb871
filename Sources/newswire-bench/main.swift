import ArgumentParser
import Foundation
import Synchronization
import NewswireExtract
import NewswireNormalize
import NewswireStageSDK
import NewswireWire
import ZeroMQ
#if canImport(Glibc)
import Glibc
#endif

/// Measurements for `Scripts/bench`, which runs the reference tools in the same run and
/// prints ratios. Each subcommand prints one JSON object on stdout.
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "newswire-bench",
        abstract: "Measure transport, normalize, extract and fetch throughput.",
        subcommands: [Transport.self, StageHop.self, Chain.self, ChainHop.self, Normalize.self, Extract.self,
                      ServeNews.self, HTTPGetRate.self, StoreRate.self, APILatency.self])
}

func emit(_ object: [String: Any]) {
    let data = try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
    print(String(decoding: data, as: UTF8.self))
}

/// Peak resident memory of this process, in MB.
func peakResidentMB() -> Double {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
    for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
        let kb = line.split(separator: " ").compactMap { Double($0) }.first ?? 0
        return kb / 1024
    }
    return 0
}

struct Transport: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "PUSH→PULL over tcp loopback through the Swift wrapper.")
    @Option var messages = 200_000
    @Option var size = 1024
    @Option(help: "Frames per message: 1 as libzmq's perf tools, 3 as a Newswire message.") var frames = 1

    func run() throws {
        let context = try Context()
        let pull = try Socket(context, .pull)
        try pull.bind("tcp://127.0.0.1:*")
        let endpoint = pull.lastEndpoint!
        let n = messages, size = size, frameCount = frames
        let sender = Thread {
            let push = try! Socket(context, .push)
            try! push.connect(endpoint)
            let payload = [Data](repeating: Data(count: size / frameCount), count: frameCount)
            for _ in 0..<n { try! push.send(payload) }
            push.close()
        }
        sender.start()
        _ = try pull.receive()
        let start = Date()
        for _ in 1..<n { _ = try pull.receive() }
        let seconds = Date().timeIntervalSince(start)
        emit(["messages": n, "bytes": size, "frames": frameCount, "seconds": seconds, "messagesPerSecond": Double(n - 1) / seconds])
    }
}

/// Passes every message on unchanged: measures the runtime, not a stage's logic.
struct PassThrough: Stage {
    let name = "pass"
    let accepts: [MessageKind] = ["bench.item"]
    func process(_ message: Message) throws -> [Message] { [message] }
}

struct StageHop: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stage",
        abstract: "Messages per second through one StageRunner hop (no-op stage): sender → stage → receiver over tcp loopback.")
    @Option var messages = 100_000
    @Option var size = 1024

    func run() throws {
        let context = try Context()
        let into = try Socket(context, .push)
        try into.bind("tcp://127.0.0.1:*")
        let out = try Socket(context, .pull)
        try out.bind("tcp://127.0.0.1:*")
        let inAddress = into.lastEndpoint!, outAddress = out.lastEndpoint!
        let shutdown = ShutdownSignal()
        var options = RunnerOptions()
        options.deadLetterFile = "/dev/null"
        let runner = StageRunner(stage: PassThrough(), replica: "bench",
                                 endpoints: StageEndpoints(input: inAddress, output: outAddress), options: options)
        let stageThread = Thread { try! runner.run(until: shutdown) }
        stageThread.start()
        struct Item: Codable { var text: String }
        let message = try Message(id: "m", kind: "bench.item", body: Item(text: String(repeating: "x", count: size)))
        let frames = message.frames()
        let n = messages
        let sender = Thread { for _ in 0..<n { try! into.send(frames) } }
        sender.start()
        _ = try out.receive()
        let start = Date()
        for _ in 1..<n { _ = try out.receive() }
        let seconds = Date().timeIntervalSince(start)
        shutdown.request()
        emit(["messages": n, "bytes": size, "seconds": seconds, "messagesPerSecond": Double(n - 1) / seconds])
    }
}

struct Normalize: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Pages per second of the normalize library on a folder of pages.")
    @Argument var folder: String
    @Option var rounds = 3

    func run() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".html") }.sorted()
        let pages = try files.map { try Data(contentsOf: URL(fileURLWithPath: folder).appendingPathComponent($0)) }
        let normalizer = Normalizer()
        var best = Double.infinity
        var failures = 0
        for _ in 0..<rounds {
            failures = 0
            let start = Date()
            for (i, bytes) in pages.enumerated() {
                let fetched = ArticleFetched(id: "p\(i)", url: "https://bench.invalid/\(files[i])", fetchedAt: "2026-01-01T00:00:00Z",
                                             status: 200, contentType: "text/html", byteCount: bytes.count)
                do { _ = try normalizer.normalize(fetched, bytes: bytes) } catch { failures += 1 }
            }
            best = min(best, Date().timeIntervalSince(start))
        }
        emit(["pages": pages.count, "seconds": best, "pagesPerSecond": Double(pages.count) / best,
              "failures": failures, "peakResidentMB": peakResidentMB()])
    }
}

struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Tokens per second of the extract library on a JSON object of texts.")
    @Argument(help: "JSON file: {\"id\": {\"articleBody\": \"...\"}} (the benchmark's ground truth).") var texts: String
    @Option var rounds = 3

    func run() throws {
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: texts))) as! [String: [String: Any]]
        let articles = object.keys.sorted().map { id in
            let text = object[id]?["articleBody"] as? String ?? ""
            return ArticleNormalized(id: id, url: "https://bench.invalid/\(id)", publishedAt: "2026-11-20T12:00:00Z",
                                     text: text, paragraphs: text.components(separatedBy: "\n\n"), contentHash: "", fingerprint: "")
        }
        let words = articles.reduce(0) { $0 + $1.text.split(whereSeparator: \.isWhitespace).count }
        let extractor = Extractor()
        var best = Double.infinity
        var tokens = 0, entities = 0
        for _ in 0..<rounds {
            tokens = 0; entities = 0
            let start = Date()
            for a in articles {
                let e = extractor.extract(a)
                tokens += e.tokenCount
                entities += e.entities.count
            }
            best = min(best, Date().timeIntervalSince(start))
        }
        emit(["texts": articles.count, "whitespaceTokens": words, "tokens": tokens, "entities": entities, "seconds": best,
              "tokensPerSecond": Double(words) / best, "peakResidentMB": peakResidentMB()])
    }
}

// MARK: - 4-hop chain: the transport benchmark of the stage SDK against raw forwarders

/// How a chain hop forwards: through the stage SDK, or straight on the ZeroMQ wrapper.
enum HopMode: String, EnumerableFlag, Codable {
    case sdk, raw
    static func help(for value: HopMode) -> ArgumentHelp? {
        switch value {
        case .sdk: "StageRunner with a no-op stage (header parse, kind check, trace stamp)."
        case .raw: "Receive frames and send them on with the ZeroMQ wrapper, no parsing."
        }
    }
}

/// The kind every chain message carries.
let chainKind: MessageKind = "bench.noop"

/// Returns its input unchanged; the runner parses the header, checks the kind and stamps the trace.
/// Optionally requests shutdown after `count` messages.
final class NoOpStage: Stage, @unchecked Sendable {
    let name = "noop"
    let accepts = [chainKind]
    private let seen = Atomic<Int>(0)
    private let count: Int?
    private let shutdown: ShutdownSignal
    init(count: Int?, shutdown: ShutdownSignal) { self.count = count; self.shutdown = shutdown }
    func process(_ message: Message) throws -> [Message] {
        if let count, seen.add(1, ordering: .relaxed).newValue >= count { shutdown.request() }
        return [message]
    }
}

/// Dies with the parent (the chain coordinator), so a killed benchmark leaves no hops behind.
func dieWithParent() {
    let parent = getppid()
    let watcher = Thread {
        while getppid() == parent { usleep(200_000) }
        _exit(1)
    }
    watcher.start()
}

struct ChainHop: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chain-hop",
        abstract: "One no-op PULL→PUSH hop of the chain benchmark; binds --input, connects --output; runs until SIGTERM or --count messages.")
    @Flag var mode: HopMode
    @Option var input: String
    @Option var output: String
    @Option(help: "Stop after forwarding this many messages.") var count: Int?
    @Option var replica = "hop"

    func run() throws {
        dieWithParent()
        let shutdown = ShutdownSignal.installed()
        switch mode {
        case .sdk:
            var options = RunnerOptions()
            options.lingerMilliseconds = 1000
            let runner = StageRunner(stage: NoOpStage(count: count, shutdown: shutdown), replica: replica,
                                     endpoints: StageEndpoints(input: input, output: output, bindInput: true),
                                     options: options)
            try runner.run(until: shutdown)
        case .raw:
            let context = try Context()
            let pull = try Socket(context, .pull)
            try pull.setReceiveHighWaterMark(1000)
            try pull.setLinger(milliseconds: 0)
            try pull.setReceiveTimeout(milliseconds: 200)   // to notice SIGTERM
            try pull.bind(input)
            let push = try Socket(context, .push)
            try push.setSendHighWaterMark(1000)
            try push.setLinger(milliseconds: 1000)
            try push.connect(output)
            var forwarded = 0
            while !shutdown.isRequested {
                guard let frames = try pull.receive() else { continue }
                try push.send(frames)
                forwarded += 1
                if let count, forwarded >= count { break }
            }
            pull.close()
            push.close()
        }
    }
}

struct Chain: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Messages per second through source → 4 no-op hop processes → sink, each hop SDK or raw.")
    @Flag var mode: HopMode
    @Option(help: "ipc or tcp (loopback).") var transport = "ipc"
    @Option(help: "Body frame size in bytes.") var size = 1024
    @Option var messages = 100_000
    @Option(help: "Messages sent (and received at the sink) before the clock starts.") var warmup = 2000
    @Option(help: "Seconds before everything is killed and the run fails.") var timeout = 60.0
    @Option(help: "Number of hops.") var hops = 4
    @Flag(help: "Print each hop's pid on stderr and wait for a newline on stdin before sending (for perf).") var pause = false

    func validate() throws {
        guard ["ipc", "tcp"].contains(transport) else { throw ValidationError("--transport must be ipc or tcp") }
        guard size >= 16 else { throw ValidationError("--size must be at least 16") }
        guard hops >= 1, messages >= 1, warmup >= 1 else { throw ValidationError("--hops, --messages and --warmup must be positive") }
    }

    func run() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("newswire-chain-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let addresses = try (0...hops).map { i -> String in
            transport == "ipc" ? "ipc://\(dir.path)/\(i)" : "tcp://127.0.0.1:\(try freePort())"
        }
        // Hop i binds addresses[i-1] and connects to addresses[i]; the sink binds addresses[hops].
        var children: [Process] = []
        let logs = (1...hops).map { dir.appendingPathComponent("hop\($0).log") }
        func stopChildren() {
            for c in children where c.isRunning { kill(c.processIdentifier, SIGTERM) }
            let deadline = Date().addingTimeInterval(3)
            while children.contains(where: \.isRunning) && Date() < deadline { usleep(10_000) }
            for c in children where c.isRunning { kill(c.processIdentifier, SIGKILL) }
            for c in children { c.waitUntilExit() }
        }
        @Sendable func hopLogs() -> String {
            logs.enumerated().map { i, url in
                let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
                return "hop\(i + 1): " + text.split(separator: "\n").suffix(5).joined(separator: "\n      ")
            }.joined(separator: "\n")
        }
        defer { stopChildren(); try? FileManager.default.removeItem(at: dir) }

        // Never hang: past the timeout, kill the hops and exit.
        let pids = Mutex<[pid_t]>([])
        let timeoutSeconds = timeout
        let watchdog = Thread {
            Thread.sleep(forTimeInterval: timeoutSeconds)
            for pid in pids.withLock({ $0 }) { kill(pid, SIGKILL) }
            FileHandle.standardError.write(Data("chain: timed out after \(timeoutSeconds) s; killed the hops\n\(hopLogs())\n".utf8))
            try? FileManager.default.removeItem(at: dir)
            _exit(2)
        }
        watchdog.start()

        let context = try Context()
        let sink = try Socket(context, .pull)
        try sink.setReceiveHighWaterMark(1000)
        try sink.setLinger(milliseconds: 0)
        try sink.setReceiveTimeout(milliseconds: 100)
        try sink.bind(addresses[hops])

        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        for i in 1...hops {
            let p = Process()
            p.executableURL = executable
            p.arguments = ["chain-hop", "--\(mode.rawValue)", "--input", addresses[i - 1], "--output", addresses[i],
                           "--replica", "hop\(i)"]
            FileManager.default.createFile(atPath: logs[i - 1].path, contents: nil)
            p.standardOutput = FileHandle.nullDevice
            p.standardError = try FileHandle(forWritingTo: logs[i - 1])
            p.standardInput = FileHandle.nullDevice
            try p.run()
            children.append(p)
            pids.withLock { $0.append(p.processIdentifier) }
        }
        if pause {
            FileHandle.standardError.write(Data("hops: \(children.map { String($0.processIdentifier) }.joined(separator: " "))\n".utf8))
            _ = readLine()
        }

        // Real Newswire messages: header and body frames, encoded once at the source.
        let padding = String(repeating: "x", count: size - 10)
        let body = Data("{\"pad\":\"\(padding)\"}".utf8)
        precondition(body.count == size)
        let frames = Message(header: Header(id: "bench-1", kind: chainKind), body: body).frames()
        let n = messages, w = warmup
        let go = DispatchSemaphore(value: 0)
        let sourceAddress = addresses[0]
        let source = Thread {
            do {
                let push = try Socket(context, .push)
                try push.setSendHighWaterMark(1000)
                try push.setLinger(milliseconds: 1000)
                try push.connect(sourceAddress)
                for _ in 0..<w { try push.send(frames) }
                go.wait()
                for _ in 0..<n { try push.send(frames) }
                push.close()
            } catch {
                FileHandle.standardError.write(Data("chain: source failed: \(error)\n".utf8))
                _exit(1)
            }
        }
        source.start()

        func receiveOne() throws -> [Data] {
            while true {
                if let f = try sink.receive() { return f }
                if let dead = children.first(where: { !$0.isRunning }) {
                    throw ValidationError("hop process \(dead.processIdentifier) exited (status \(dead.terminationStatus))\n\(hopLogs())")
                }
            }
        }
        for _ in 0..<w { _ = try receiveOne() }
        let start = Date()
        go.signal()
        var last: [Data] = []
        for _ in 0..<n { last = try receiveOne() }
        let seconds = Date().timeIntervalSince(start)
        sink.close()

        // Check the last message is still a Newswire message that went through every hop.
        let header = try Message(frames: last).header
        let expectedTrace = mode == .sdk ? hops : 0
        guard header.kind == chainKind, header.trace.count == expectedTrace, last[1] == body else {
            throw ValidationError("unexpected message at the sink: \(String(decoding: last[0], as: UTF8.self))")
        }
        emit(["mode": mode.rawValue, "transport": transport, "hops": hops, "bytes": size, "messages": n,
              "headerBytesAtSink": last[0].count, "seconds": seconds, "messagesPerSecond": Double(n) / seconds])
    }

    /// A loopback port nothing listens on right now.
    func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw ValidationError("socket() failed") }
        defer { close(fd) }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = 0
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        let ok = withUnsafeMutablePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, len) == 0 && getsockname(fd, $0, &len) == 0
            }
        }
        guard ok else { throw ValidationError("cannot find a free port") }
        return Int(UInt16(bigEndian: addr.sin_port))
    }
}

Bench.main()
