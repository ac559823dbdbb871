import ArgumentParser
import Foundation

/// The options every runner shares for reporting: dead letters, counters (file and port) and
/// the replica's name. `newswire run` passes them to every stage and source.
public struct ReportingOptions: ParsableArguments {
    @Option(help: "File to append dead letters to (JSON Lines). Default: standard error.")
    public var deadLetterFile: String?

    @Option(help: "File to write counters to in Prometheus text format.")
    public var metricsFile: String?

    @Option(help: "Serve the counters in Prometheus text at http://127.0.0.1:PORT/metrics.")
    public var metricsPort: Int?

    @Option(help: "This replica's name in traces and metrics.")
    public var replica: String = "\(ProcessInfo.processInfo.processIdentifier)"

    public init() {}

    /// The metrics server for `counters` when `--metrics-port` is given; stop it on exit.
    public func metricsServer(for counters: Counters) throws -> MetricsServer? {
        try metricsPort.map { try MetricsServer(port: $0) { counters.prometheusText() } }
    }
}
