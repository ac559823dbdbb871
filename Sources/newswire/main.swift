import ArgumentParser
import Foundation
import NewswireExtract
import NewswireFetch
import NewswireNormalize
import NewswirePipeline
import NewswireStageSDK
import NewswireWire

struct Newswire: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run, record, replay and inspect Newswire pipelines.",
        subcommands: [Run.self, Record.self, Replay.self, Analyze.self, Status.self])
}

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Start every stage of a pipeline; restart crashed stages; stop all on Ctrl-C.")

    @Argument(help: "Pipeline file.")
    var pipeline = "Pipelines/default.yaml"

    @Flag(help: "Stop when every finite stage (fetch) has finished, instead of serving on.")
    var exitWhenDone = false

    func run() throws {
        StageOptions.bootstrapLogging()
        let file = try PipelineFile.load(path: pipeline)
        let supervisor = Supervisor(pipeline: file)
        say("newswire: running \(file.name); work directory \(supervisor.workdir.path)")
        let outcome = try supervisor.run(until: ShutdownSignal.installed(), exitWhenDone: exitWhenDone)
        let samples = PipelineStatus.samples(in: supervisor.workdir.appendingPathComponent("metrics"))
        for row in PipelineStatus.rows(pipeline: file, samples: samples) where !row.isReplica {
            say("  \(row.name): in \(row.received), out \(row.emitted), failed \(row.failed), restarts \(row.restarts)")
        }
        if let stage = outcome.gaveUpOn { say("newswire: stopped because \(stage) kept crashing (see above)") }
        if !outcome.incomplete.isEmpty {
            say("newswire: \(outcome.incomplete.joined(separator: ", ")) finished without delivering everything (see above)")
        }
        if outcome.isFailure(exitWhenDone: exitWhenDone) { throw ExitCode.failure }
    }
}

struct Record: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Save every message passing an address to a JSON Lines file.",
        discussion: "By default ADDRESS is a link's tap (see the pipeline file); with --pull the recorder binds ADDRESS and consumes.")

    @Argument var address: String
    @Argument var file: String
    @Flag(help: "Bind a PULL socket at ADDRESS instead of subscribing to a tap.") var pull = false
    @Option(help: "Stop after this many messages.") var count: Int?
    @Option(help: "Stop after this many seconds.") var seconds: Double?

    func run() throws {
        let n = try Recording.record(from: address, to: file, mode: pull ? .pull : .tap, count: count,
                                     seconds: seconds, shutdown: ShutdownSignal.installed())
        FileHandle.standardError.write(Data("recorded \(n) message(s) to \(file)\n".utf8))
    }
}

struct Replay: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Send a recording into a stage's address.")
    @Argument var file: String
    @Argument var address: String
    @Option(help: "Messages per second (default: as fast as the stage takes them).") var rate: Double?
    @Flag(help: "Bind ADDRESS instead of connecting to it.") var bind = false

    func run() throws {
        let (sent, skipped) = try Recording.replay(file, to: address, rate: rate, bind: bind)
        FileHandle.standardError.write(Data("replayed \(sent) message(s) to \(address); skipped \(skipped) unreadable line(s)\n".utf8))
    }
}

struct Analyze: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Normalize and extract one page in this process and print its article.extracted JSON.")
    @Argument(help: "A saved page or an http(s) URL.") var source: String

    func run() throws {
        guard let target = try FetchTarget.expand([source]).first else {
            throw ValidationError("\(source) holds no page")
        }
        let page = try waitFor { try await Fetcher().fetch(target) }
        let normalized = try Normalizer().normalize(page.body, bytes: page.bytes)
        let extracted = Extractor().extract(normalized)
        let encoder = WireCoding.encoder
        encoder.outputFormatting.insert(.prettyPrinted)
        print(String(decoding: try encoder.encode(extracted), as: UTF8.self))
    }
}

struct Status: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show each stage's and replica's counters, rates, latencies and restarts, and each link's queue depth.")
    @Argument var pipeline = "Pipelines/default.yaml"

    func run() throws {
        let file = try PipelineFile.load(path: pipeline)
        let workdir = URL(fileURLWithPath: file.workdir).standardizedFileURL
        let metrics = workdir.appendingPathComponent("metrics")
        let report = RunReport.read(from: workdir.appendingPathComponent("run.json"))
        let live = PipelineStatus.liveness(workdir: workdir, displayedAs: file.workdir, pipeline: file.name, report: report)
        print(live.text)
        var before: [PipelineStatus.Sample]?
        if live.running {
            before = PipelineStatus.samples(in: metrics)
            Thread.sleep(forTimeInterval: 1)
        }
        let samples = PipelineStatus.samples(in: metrics)
        if samples.isEmpty && report == nil { print("no metrics in \(metrics.path) yet"); return }
        let rows = PipelineStatus.rows(pipeline: file, samples: samples, before: before, interval: 1,
                                          report: report, running: live.running)
        print(PipelineStatus.table(rows, links: PipelineStatus.queueDepths(pipeline: file, samples: samples)))
    }
}

/// Writes a line to stdout unbuffered, so it stays in order with the log lines on stderr.
func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

Newswire.main()
