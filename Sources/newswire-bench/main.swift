import ArgumentParser
import Foundation
import NewswireExtract
import NewswireNormalize
import NewswireStageSDK
import NewswireWire
import ZeroMQ

/// Measurements for `Scripts/bench`, which runs the reference tools in the same run and
/// prints ratios. Each subcommand prints one JSON object on stdout.
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "newswire-bench",
        abstract: "Measure transport, normalize and extract throughput.",
        subcommands: [Transport.self, StageHop.self, Normalize.self, Extract.self])
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
    let accepts = ["bench.item"]
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

Bench.main()
