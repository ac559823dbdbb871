import ArgumentParser
import Foundation
import Logging
import NewswireWire

/// The command-line options every source executable shares, so its `main` is a few lines:
///
/// ```swift
/// struct Main: ParsableCommand {
///     @OptionGroup var options: SourceOptions
///     @Argument var inputs: [String]
///     func run() throws { var s = try MySource(inputs); try options.run(&s) }
/// }
/// ```
public struct SourceOptions: ParsableArguments {
    @Flag(help: "Write the messages as JSON Lines on stdout instead of sending them.")
    public var once = false

    @Option(help: "Address to send messages to (PUSH).")
    public var output: String?

    @Flag(help: "Bind the output address instead of connecting to it.")
    public var bindOutput = false

    @Option(help: "Address to bind for publish's acknowledgements and the stages' dead letters (PULL).")
    public var acknowledgements: String?

    @Option(help: ArgumentHelp(
        "Delivery journal (SQLite): what was sent, stored and failed; a restart resumes from it.",
        discussion: "Default: REPLICA-journal.sqlite in $NEWSWIRE_WORKDIR (set by `newswire run`), else newswire-journal.sqlite here."))
    public var state: String?

    @Option(help: "At most this many articles in flight between this source and the store.")
    public var window = 500

    @Option(help: "Shortest wait, in seconds, before an unacknowledged article is sent again (longer when the pipeline is slow).")
    public var retryAfter: Double = 10

    @Option(help: "Wait, in seconds, before a re-send while the pipeline's throughput is not yet measured.")
    public var initialRetryAfter: Double = 60

    @Option(help: "Longest wait, in seconds, between two sends of one article.")
    public var maxRetryAfter: Double = 600

    @Option(help: "Stop with exit status 3 after this many seconds without any article stored or failed while some are pending.")
    public var stallTimeout: Double = 300

    @Option(help: "Larger acknowledgements and dead letters are refused (counted and logged).")
    public var maxMessageBytes: Int64 = 64 << 20

    /// Where failures and counters go, and the replica's name: the same for stages and sources.
    @OptionGroup public var reporting: ReportingOptions

    public var deadLetterFile: String? { reporting.deadLetterFile }
    public var metricsFile: String? { reporting.metricsFile }
    public var metricsPort: Int? { reporting.metricsPort }
    public var replica: String { reporting.replica }

    public init() {}

    /// Exit status of a source that stopped with articles still pending (no progress).
    public static let stalledExitCode: Int32 = 3

    public func validate() throws {
        if window < 1 { throw ValidationError("--window must be at least 1") }
        if retryAfter <= 0 || maxRetryAfter < retryAfter { throw ValidationError("need 0 < --retry-after <= --max-retry-after") }
    }

    /// The journal path: `--state`, else one per replica in the run's work directory.
    public var journalPath: String {
        if let state { return state }
        // Under `newswire run` replica names are stable (fetch-0); by hand they are pids.
        if let dir = ProcessInfo.processInfo.environment["NEWSWIRE_WORKDIR"] {
            return URL(fileURLWithPath: dir).appendingPathComponent("\(replica)-journal.sqlite").path
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("newswire-journal.sqlite").path
    }

    func settings() throws -> SourceSettings {
        var s = SourceSettings()
        s.security = try LinkSecurity.fromEnvironment()
        s.journalPath = journalPath
        s.window = window
        s.minimumRetry = retryAfter
        s.maximumRetry = maxRetryAfter
        s.initialRetry = initialRetryAfter
        s.stallTimeout = stallTimeout
        s.deadLetterFile = deadLetterFile
        s.metricsFile = metricsFile
        s.maxMessageBytes = maxMessageBytes
        return s
    }

    /// Runs `source` in the mode the options ask for. Exits with status 3 (after saying what
    /// is pending and where) when delivery stalls.
    public func run<S: Source>(_ source: inout S, counters: Counters? = nil) throws {
        StageOptions.bootstrapLogging()
        // Checked here, not in validate(): a source's own modes (fetch --parse-feed) need neither.
        if !once && output == nil { throw ValidationError("give --output ADDRESS, or --once to print JSON Lines") }
        if once {
            try OneShot.emit(&source, deadLetters: DeadLetterFile(path: deadLetterFile), replica: replica,
                             shutdown: ShutdownSignal.installed())
            return
        }
        let runner = SourceRunner(
            name: source.name, replica: replica,
            endpoints: SourceEndpoints(output: output!, bindOutput: bindOutput, acknowledgements: acknowledgements),
            settings: try settings(), counters: counters)
        let counters = runner.counters
        let server = try reporting.metricsServer(for: counters)
        defer { server?.stop() }
        let outcome = try runner.run(&source, until: ShutdownSignal.installed())
        let name = source.name
        func say(_ line: String) { FileHandle.standardError.write(Data("\(name): \(line)\n".utf8)) }
        switch outcome {
        case .sent(let n):
            say("sent \(n) message(s) (no acknowledgements asked for); \(runner.counters.summary)")
        case .finished(let totals):
            say("done: \(totals); \(runner.counters.summary); journal \(journalPath)")
        case .interrupted(let totals):
            say("stopped: \(totals); the pending ones are re-sent by the next run (journal \(journalPath))")
        case .stalled(let totals):
            say("""
                no progress for \(Int(stallTimeout)) s, giving up for now: \(totals). \
                The pending articles are in \(journalPath) (table delivery, state 'pending'); \
                the next run re-sends them.
                """)
            throw ExitCode(SourceOptions.stalledExitCode)
        }
    }
}

extension OneShot {
    /// A source's one-shot mode: every origin's message as a JSON line on `output`.
    public static func emit<S: Source>(_ source: inout S, deadLetters: DeadLetterFile, replica: String = "once",
                                       output: FileHandle = .standardOutput, shutdown: ShutdownSignal? = nil) throws {
        while shutdown?.isRequested != true {
            guard let origin = try source.nextOrigin() else {
                guard source.mayHaveMore else { return }
                Thread.sleep(forTimeInterval: 0.02)
                continue
            }
            do {
                var line = try JSONLines.line(for: try source.load(origin).stamped(stage: source.name, replica: replica))
                line.append(10)
                output.write(line)
                try source.delivered(origin)
            } catch {
                deadLetters.append(DeadLetter.message(stage: source.name, replica: replica, error: "\(error)", header: nil,
                                                      frames: [Data(origin.utf8)], id: source.id(for: origin)))
            }
        }
    }
}
