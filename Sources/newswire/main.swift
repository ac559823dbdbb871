import ArgumentParser
import Foundation
import NewswireExtract
import NewswireFetch
import NewswireNormalize
import NewswirePipeline
import NewswireStageSDK
import NewswirePublish
import NewswireWeb
import NewswireWire
import ZeroMQ

struct Newswire: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run, record, replay and inspect Newswire pipelines.",
        subcommands: [Run.self, Record.self, Replay.self, Analyze.self, Status.self, Serve.self, Keygen.self, Check.self, Graph.self, Tap.self, TestReplay.self, NewStage.self, CommandStageCommand.self])
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
        let supervisor = Supervisor(pipeline: file, baseDirectory: PipelineFile.folder(of: pipeline))
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
    static let configuration = CommandConfiguration(
        abstract: "Send a recording into a stage's (or a link's input) address.",
        discussion: "As fast as the receiver takes them by default; --rate N per second; --recorded-pace with the recorded gaps.")
    @Argument var file: String
    @Argument var address: String
    @Option(help: "Messages per second.") var rate: Double?
    @Flag(help: "Keep the gaps between the messages as they were recorded (their created times).") var recordedPace = false
    @Flag(help: "Bind ADDRESS instead of connecting to it.") var bind = false
    @Option(help: "Give up when nobody takes a message for this many seconds.") var peerTimeout: Double = 10

    func validate() throws {
        if rate != nil && recordedPace { throw ValidationError("choose --rate or --recorded-pace, not both") }
        if let rate, rate <= 0 { throw ValidationError("--rate must be positive") }
    }

    func run() throws {
        let pace: Recording.Pace = recordedPace ? .recorded : rate.map { .rate($0) } ?? .asFastAsPossible
        let (sent, skipped) = try Recording.replay(file, to: address, pace: pace, bind: bind, peerTimeout: peerTimeout,
                                                   shutdown: ShutdownSignal.installed())
        FileHandle.standardError.write(Data("replayed \(sent) message(s) to \(address); skipped \(skipped) unreadable line(s)\n".utf8))
    }
}

struct TestReplay: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test-replay",
        abstract: "Run a stage in one-shot mode on a recording and compare its outputs with the expected ones, field by field.",
        discussion: """
            Turn a live run into a regression test: `newswire record TAP in.jsonl`, then `newswire test-replay in.jsonl \
            --stage newswire-extract --expect expected.jsonl --update` writes what the stage makes now as the expectation; \
            later runs without --update show every field that changed. Time fields are ignored by default (see --ignore).
            """)
    @Argument(help: "The recorded input (JSON Lines).") var recording: String
    @Option(help: "The stage program and its arguments, e.g. \"newswire-extract\" (run with --once).") var stage: String
    @Option(help: "The expected outputs (JSON Lines).") var expect: String
    @Option(help: "A field to leave out of the comparison, e.g. body.fetchedAt or body.entities[].mentions (repeatable).") var ignore: [String] = []
    @Flag(help: "Compare the time fields too (header.created, header.trace[].in/out/replica).") var keepTimeFields = false
    @Flag(help: "Write the stage's outputs as the expected file instead of comparing (a snapshot).") var update = false
    @Option(help: "Seconds the stage may take.") var timeout: Double = 300

    func run() throws {
        let command = stage.split(separator: " ").map(String.init)
        let run = try ReplayTest.run(command, recording: recording, timeout: timeout)
        guard run.status == 0 else {
            throw ValidationError("\(stage) exited with status \(run.status):\n\(run.stderr.suffix(2000))")
        }
        if update {
            var data = Data()
            for m in run.outputs { data.append(try JSONLines.line(for: m)); data.append(10) }
            try data.write(to: URL(fileURLWithPath: expect))
            say("wrote \(run.outputs.count) expected message(s) to \(expect) (\(run.deadLetters.count) dead letter(s))")
            return
        }
        let test = ReplayTest(ignore: (keepTimeFields ? [] : ReplayTest.timeFields) + ignore)
        let differences = test.compare(expected: try ReplayTest.messages(in: expect), got: run.outputs)
        say("ignoring: \(test.ignore.isEmpty ? "nothing" : test.ignore.joined(separator: ", "))")
        for d in differences.prefix(200) { say("  " + d.description) }
        if differences.count > 200 { say("  … and \(differences.count - 200) more") }
        for letter in run.deadLetters.prefix(20) {
            let reason = ((try? JSONSerialization.jsonObject(with: letter.body)) as? [String: Any])?["error"] as? String ?? "?"
            say("  dead letter \(letter.header.id): \(reason)")
        }
        guard differences.isEmpty else {
            say("FAIL: \(differences.count) difference(s) in \(run.outputs.count) output(s)")
            throw ExitCode(1)
        }
        say("ok: \(run.outputs.count) output(s) as expected\(run.deadLetters.isEmpty ? "" : ", \(run.deadLetters.count) dead letter(s)")")
    }
}

struct NewStage: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new-stage",
        abstract: "Create a Swift stage in this package: its library, executable, unit test, targets and a pipeline file.")
    @Argument(help: "The stage's name: lower-case letters, digits and hyphens (e.g. keyword-tags).") var name: String
    @Option(help: "The kind it reads: article.fetched, article.normalized or article.extracted.") var input = "article.extracted"
    @Option(help: "The kind it writes (default: the kind it reads, so it slots into the pipeline).") var output: String?
    @Option(help: "The package root.") var package = "."

    func run() throws {
        let template = try StageTemplate(name: name, input: input, output: output)
        let written = try template.write(into: URL(fileURLWithPath: package))
        for path in written { say("  wrote \(path)") }
        say("""
            next: swift build && swift test --filter \(template.testTarget)
                  Scripts/launch Pipelines/\(name).yaml      # the pipeline with \(name) in it
            """)
    }
}

struct Tap: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show the messages passing a link, live, without taking them from the pipeline.",
        discussion: "LINK is a link of the pipeline file (its tap: address) or an address (a link's tap).")
    @Argument(help: "A link name (see --pipeline) or a tap address such as tcp://127.0.0.1:5623.") var link: String
    @Option(help: "The pipeline file that names LINK.") var pipeline = "Pipelines/default.yaml"
    @Flag(help: "Print each message's full JSON line instead of a summary.") var full = false
    @Option(help: "Show only messages with FIELD=VALUE (kind, id, or a body field); repeat to require several.") var filter: [String] = []
    @Option(help: "Stop after this many messages shown.") var count: Int?
    @Option(help: "Stop after this many seconds.") var seconds: Double?

    func run() throws {
        let address: String
        // Link names are plain words; anything with a colon is meant as an address.
        if link.contains(":") { address = link } else {
            let file: PipelineFile
            do { file = try PipelineFile.load(path: pipeline) } catch { throw ValidationError("\(error)") }
            guard let spec = file.links[link] else {
                throw ValidationError("\(pipeline) has no link '\(link)'; its links: \(file.links.keys.sorted().joined(separator: ", "))")
            }
            guard let tap = spec.tap else { throw ValidationError("link '\(link)' has no tap: address in \(pipeline); add one to watch it") }
            address = tap
        }
        let shown = try Recording.tap(address, filter: try TapFilter(filter), full: full, count: count, seconds: seconds,
                                      shutdown: ShutdownSignal.installed()) { say($0) }
        FileHandle.standardError.write(Data("tap \(address): \(shown) message(s) shown\n".utf8))
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

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a pipeline file without running it: syntax, keys, links, addresses, replicas, cycles, programs.")
    @Argument(help: "The pipeline file.") var pipeline: String

    func run() throws {
        let text: String
        do { text = try String(contentsOfFile: pipeline, encoding: .utf8) } catch {
            throw ValidationError("cannot read \(pipeline): \(error.localizedDescription)")
        }
        var check = PipelineCheck(yaml: text, path: pipeline)
        if let file = try? PipelineFile.load(path: pipeline) {
            for stage in file.stages where Supervisor.resolve(stage.command[0]) == nil {
                check.add(.init(severity: .error, line: nil,
                                message: "stage '\(stage.name)': cannot find the program '\(stage.command[0])' next to newswire or on PATH"))
            }
        }
        for problem in check.problems {
            say("\(pipeline):\(problem.line.map { "\($0):" } ?? "") \(problem.severity.rawValue): \(problem.message)")
        }
        guard check.errors.isEmpty, let file = check.file else { throw ExitCode(1) }
        say("\(pipeline): ok — \(file.stages.count) stages, \(file.links.count) links"
            + (check.warnings.isEmpty ? "" : ", \(check.warnings.count) warning(s)"))
    }
}

struct Graph: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Draw a pipeline: a text picture, or Graphviz DOT with --dot (newswire graph P --dot | dot -Tsvg > p.svg).")
    @Argument(help: "The pipeline file.") var pipeline: String
    @Flag(help: "Print Graphviz DOT instead of the text picture.") var dot = false

    func run() throws {
        let file: PipelineFile
        do { file = try PipelineFile.load(path: pipeline) } catch { throw ValidationError("\(error)") }
        print(dot ? PipelineGraph.dot(file) : PipelineGraph.text(file), terminator: "")
    }
}

struct Status: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show each stage's and replica's counters, rates, latencies and restarts, and each link's queue depth.")
    @Argument var pipeline = "Pipelines/default.yaml"

    func run() throws {
        let file = try PipelineFile.load(path: pipeline)
        let workdir = file.workdir(from: PipelineFile.folder(of: pipeline))
        let metrics = workdir.appendingPathComponent("metrics")
        let report = RunReport.read(from: workdir.appendingPathComponent("run.json"))
        let live = PipelineStatus.liveness(workdir: workdir, displayedAs: workdir.path, pipeline: file.name, report: report)
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
        printCrawl(workdir: workdir, metrics: metrics)
    }

    /// Fetch's busiest hosts and next feed polls, from its metrics and state files.
    func printCrawl(workdir: URL, metrics: URL) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: metrics.path)) ?? []
        let texts = names.filter { $0.hasPrefix("fetch") && $0.hasSuffix(".prom") }
            .compactMap { try? String(contentsOf: metrics.appendingPathComponent($0), encoding: .utf8) }
        let states = ((try? FileManager.default.contentsOfDirectory(atPath: workdir.path)) ?? [])
            .filter { $0.hasPrefix("fetch") && $0.hasSuffix("-journal.sqlite") }.map { workdir.appendingPathComponent($0).path }
        if let crawl = CrawlStatus.text(metricsTexts: texts, statePaths: states) { print(crawl, terminator: "") }
    }
}

struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve an existing store's stories, API and feeds on 127.0.0.1, without running a pipeline.")
    @Option(help: "The store a pipeline's publish stage wrote: a SQLite file or a postgres:// URL.")
    var database = "var/default/newswire.sqlite"
    @Option(help: "Port on 127.0.0.1.") var port = 8080

    func run() throws {
        let address = try StoreAddress(database)
        if case .sqlite(let path) = address, !FileManager.default.fileExists(atPath: path) {
            throw ValidationError("no store at \(path); run a pipeline first (Scripts/launch) or pass --database FILE|URL")
        }
        let store = try waitFor { try await address.open() }
        say("serving \(address) on http://127.0.0.1:\(port)/ (Ctrl-C stops)")
        // The main thread waits; the server (and its Ctrl-C handling) runs on the concurrency pool.
        let port = self.port
        do { try waitFor { try await WebApp.serve(store: store, port: port) } } catch {
            throw ValidationError("cannot serve on 127.0.0.1:\(port): \(error)")
        }
    }
}

struct Keygen: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a CURVE certificate pair for encrypted, authenticated tcp:// links (see the pipeline file's curve: key).",
        discussion: "Writes NAME.key (public: hand it to peers, list it in authorized-keys) and NAME.key_secret (keep it; mode 0600).")
    @Argument(help: "Path and name of the pair, e.g. keys/server.") var name: String

    func run() throws {
        guard Curve.isAvailable else { throw ValidationError("this libzmq was built without CURVE (libsodium)") }
        let directory = URL(fileURLWithPath: name).deletingLastPathComponent()
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let files = try Curve.writeCertificates(prefix: name)
        say("wrote \(files.publicFile) (public) and \(files.secretFile) (secret)")
    }
}

/// Writes a line to stdout unbuffered, so it stays in order with the log lines on stderr.
func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

Newswire.main()
