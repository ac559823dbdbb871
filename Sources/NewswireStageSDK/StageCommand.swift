import ArgumentParser
import Foundation
import Logging
import NewswireWire

/// The command-line options every stage executable shares, so a stage's `main` is a few lines:
///
/// ```swift
/// struct Main: ParsableCommand {
///     @OptionGroup var options: StageOptions
///     func run() throws { try options.run(MyStage()) }
/// }
/// ```
public struct StageOptions: ParsableArguments {
    @Flag(help: "One-shot mode: read JSON Lines messages on stdin, write outputs on stdout.")
    public var once = false

    @Option(help: "Address to read from (PULL), e.g. tcp://127.0.0.1:5601.")
    public var input: String?

    @Option(help: "Address to send outputs to (PUSH).")
    public var output: String?

    @Flag(help: "Bind the input address instead of connecting to it.")
    public var bindInput = false

    @Flag(help: "Bind the output address instead of connecting to it.")
    public var bindOutput = false

    @Option(help: "Address to also send dead letters to (PUSH).")
    public var deadLetters: String?

    /// Where failures and counters go, and the replica's name: the same for stages and sources.
    @OptionGroup public var reporting: ReportingOptions

    public var deadLetterFile: String? { reporting.deadLetterFile }
    public var metricsFile: String? { reporting.metricsFile }
    public var metricsPort: Int? { reporting.metricsPort }
    public var replica: String { reporting.replica }

    @Option(help: "Messages buffered per socket before back-pressure.")
    public var highWaterMark: Int32 = 1000

    @Option(help: "Larger messages are dead-lettered by their header instead of processed.")
    public var maxMessageBytes: Int64 = 64 << 20

    public init() {}

    /// Logs go to standard error, leaving standard output to one-shot results. Safe to call twice.
    public static func bootstrapLogging() {
        _ = loggingBootstrapped
    }
    private static let loggingBootstrapped: Bool = {
        LoggingSystem.bootstrap { StreamLogHandler.standardError(label: $0) }
        return true
    }()

    public func validate() throws {
        if !once && input == nil {
            throw ValidationError("give --input ADDRESS (or --once to read JSON Lines on stdin)")
        }
    }

    /// The socket runner these options describe, for a process that runs it itself (e.g. as a
    /// ``StageService`` beside an HTTP server). Serve its counters with `reporting.metricsServer`.
    public func makeRunner(_ stage: any Stage, routes: [MessageKind: StageEndpoints.Route] = [:]) throws -> StageRunner {
        guard let input else { throw ValidationError("give --input ADDRESS (or --once to read JSON Lines on stdin)") }
        var options = RunnerOptions()
        options.highWaterMark = highWaterMark
        options.maxMessageBytes = maxMessageBytes
        options.deadLetterFile = deadLetterFile
        options.metricsFile = metricsFile
        options.security = try LinkSecurity.fromEnvironment()
        return StageRunner(
            stage: stage, replica: replica,
            endpoints: StageEndpoints(input: input, output: output, deadLetters: deadLetters,
                                      bindInput: bindInput, bindOutput: bindOutput, routes: routes),
            options: options)
    }

    /// Runs `stage` in the mode the options ask for; returns when the input ends (one-shot)
    /// or on SIGINT/SIGTERM (sockets).
    public func run(_ stage: any Stage, routes: [MessageKind: StageEndpoints.Route] = [:]) throws {
        StageOptions.bootstrapLogging()
        if once {
            let counters = OneShot.run(stage: stage, deadLetters: try DeadLetterFile(path: deadLetterFile))
            FileHandle.standardError.write(Data((counters.summary + "\n").utf8))
            return
        }
        let runner = try makeRunner(stage, routes: routes)
        let server = try reporting.metricsServer(for: runner.counters)
        defer { server?.stop() }
        try runner.run(until: ShutdownSignal.installed())
    }
}
