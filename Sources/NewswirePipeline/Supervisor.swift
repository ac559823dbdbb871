import Foundation
import Logging
import NewswireStageSDK
import Synchronization
import ZeroMQ
#if canImport(Glibc)
import Glibc
#endif

/// Runs a pipeline: the forwarders of its links and every replica of every stage; restarts a
/// replica that crashes (with back-off) and stops everything, upstream first, on shutdown.
public final class Supervisor: Sendable {
    public let pipeline: PipelineFile
    public let workdir: URL
    private let logger: Logger
    private let replicas: Mutex<[Replica]>

    struct Replica {
        let stage: PipelineFile.StageSpec
        let index: Int
        var process: Process?
        var restarts = 0
        var nextStart = Date.distantPast
        var finished = false
        var name: String { "\(stage.name)-\(index)" }
    }

    public init(pipeline: PipelineFile, baseDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
                logger: Logger = Logger(label: "newswire.run")) {
        self.pipeline = pipeline
        self.workdir = URL(fileURLWithPath: pipeline.workdir, relativeTo: baseDirectory).standardizedFileURL
        self.logger = logger
        var all: [Replica] = []
        for s in pipeline.stages { for i in 0..<s.replicas { all.append(Replica(stage: s, index: i)) } }
        replicas = Mutex(all)
    }

    /// The program to run for a stage: a bare name is looked for next to this executable, then on PATH.
    public static func resolve(_ command: String) -> String? {
        if command.contains("/") { return FileManager.default.isExecutableFile(atPath: command) ? command : nil }
        let selfDir = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
        let beside = selfDir.appendingPathComponent(command).path
        if FileManager.default.isExecutableFile(atPath: beside) { return beside }
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            let p = "\(dir)/\(command)"
            if FileManager.default.isExecutableFile(atPath: p) { return p }
        }
        return nil
    }

    /// The arguments the runtime adds to a stage's own: where to read, write and report.
    func runtimeArguments(for r: Replica) -> [String] {
        var args: [String] = []
        if let i = r.stage.input, let link = pipeline.links[i] { args += ["--input", link.out] }
        if let o = r.stage.output, let link = pipeline.links[o] { args += ["--output", link.in] }
        args += ["--dead-letter-file", workdir.appendingPathComponent("dead-letters/\(r.name).jsonl").path]
        if !r.stage.finite {
            args += ["--metrics-file", workdir.appendingPathComponent("metrics/\(r.name).prom").path]
        }
        args += ["--replica", r.name]
        return args
    }

    private func launch(_ r: inout Replica) throws {
        guard let exe = Self.resolve(r.stage.command[0]) else {
            throw PipelineError.commandNotFound(stage: r.stage.name, command: r.stage.command[0])
        }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: exe)
        p.arguments = Array(r.stage.command.dropFirst()) + r.stage.args + runtimeArguments(for: r)
        let logURL = workdir.appendingPathComponent("logs/\(r.name).log")
        if !FileManager.default.fileExists(atPath: logURL.path) { FileManager.default.createFile(atPath: logURL.path, contents: nil) }
        let log = try FileHandle(forWritingTo: logURL)
        try log.seekToEnd()
        p.standardOutput = log
        p.standardError = log
        p.standardInput = FileHandle.nullDevice
        if !r.stage.env.isEmpty {
            p.environment = ProcessInfo.processInfo.environment.merging(r.stage.env) { $1 }
        }
        try p.run()
        r.process = p
        logger.info("started \(r.name)", metadata: ["pid": "\(p.processIdentifier)", "log": "\(logURL.path)"])
    }

    /// Runs until `shutdown` is requested, or, with `exitWhenDone`, until every finite stage
    /// has finished successfully. Returns true when every finite stage succeeded.
    @discardableResult
    public func run(until shutdown: ShutdownSignal, exitWhenDone: Bool = false) throws -> Bool {
        for sub in ["logs", "dead-letters", "metrics"] {
            try FileManager.default.createDirectory(at: workdir.appendingPathComponent(sub), withIntermediateDirectories: true)
        }
        let context = try Context()
        for (name, link) in pipeline.links.sorted(by: { $0.key < $1.key }) {
            do {
                try Forwarder(context: context, link: link).start()
            } catch {
                throw PipelineError.invalid(path: pipeline.name, reason: "link '\(name)': \(error) (is another pipeline running?)")
            }
        }
        try replicas.withLock { all in for i in all.indices { try launch(&all[i]) } }

        var allFiniteDone = false
        while !shutdown.isRequested {
            Thread.sleep(forTimeInterval: 0.1)
            let done = try replicas.withLock { all -> Bool in
                for i in all.indices {
                    guard let p = all[i].process, !all[i].finished else { continue }
                    if p.isRunning { continue }
                    let status = p.terminationStatus
                    if status == 0 && all[i].stage.finite {
                        all[i].finished = true
                        logger.info("\(all[i].name) finished")
                        continue
                    }
                    // Crashed (or a long-running stage exited): restart with back-off.
                    if all[i].nextStart == .distantPast {
                        let delay = min(30.0, 0.5 * pow(2.0, Double(all[i].restarts)))
                        all[i].nextStart = Date().addingTimeInterval(delay)
                        logger.warning("\(all[i].name) exited with status \(status); restarting in \(delay) s")
                    } else if Date() >= all[i].nextStart {
                        all[i].restarts += 1
                        all[i].nextStart = .distantPast
                        try launch(&all[i])
                    }
                }
                let finite = all.filter { $0.stage.finite }
                return !finite.isEmpty && finite.allSatisfy(\.finished)
            }
            if done && !allFiniteDone {
                allFiniteDone = true
                logger.info("every finite stage finished")
                if exitWhenDone { break }
            }
        }
        stopAll()
        context.shutdown()
        return allFiniteDone
    }

    /// Stops stages in pipeline order, so each drains what its upstream already sent.
    public func stopAll() {
        for spec in pipeline.stages {
            let procs = replicas.withLock { all in all.filter { $0.stage.name == spec.name }.compactMap(\.process) }
            for p in procs where p.isRunning { kill(p.processIdentifier, SIGTERM) }
            let deadline = Date().addingTimeInterval(15)
            while procs.contains(where: \.isRunning) && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
            for p in procs where p.isRunning {
                logger.warning("\(spec.name) did not stop in 15 s; killing it")
                kill(p.processIdentifier, SIGKILL)
            }
        }
    }

    /// Restarts so far, by replica name.
    public var restarts: [String: Int] {
        replicas.withLock { Dictionary(uniqueKeysWithValues: $0.map { ($0.name, $0.restarts) }) }
    }
}
