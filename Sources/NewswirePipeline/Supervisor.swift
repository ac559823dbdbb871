import Foundation
import Logging
import NewswireStageSDK
import Synchronization
import ZeroMQ
#if canImport(Glibc)
import Glibc
#endif

/// Runs a pipeline: the forwarders of its links and every replica of every stage; restarts a
/// replica that crashes (with back-off, giving up after `max-restarts` in a row) and stops
/// everything, upstream first, on shutdown. It cannot leave a mess: one supervisor per work
/// directory (`run.lock`), children in its process group and, through `setpriv --pdeathsig`,
/// sent SIGTERM when it dies.
public final class Supervisor: Sendable {
    public let pipeline: PipelineFile
    public let workdir: URL
    private let logger: Logger
    private let replicas: Mutex<[Replica]>
    private let outcome = Mutex(RunOutcome())
    private let startedAt = Date()
    /// `setpriv`, when present, launches each stage with a parent-death signal.
    let deathSignalWrapper: String?

    struct Replica: Sendable {
        let stage: PipelineFile.StageSpec
        let index: Int
        var executable: String?
        var child: ChildProcess?
        var tracker: RestartTracker
        var restarts = 0
        var nextStart: Date?
        var state = RunReport.ReplicaState.running
        var lastExit: ExitStatus?
        var name: String { "\(stage.name)-\(index)" }
        var isDone: Bool { [.finished, .failed, .givenUp, .stopped].contains(state) }
    }

    public init(pipeline: PipelineFile, baseDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
                logger: Logger = Logger(label: "newswire.run"),
                deathSignalWrapper: String? = Supervisor.defaultDeathSignalWrapper) {
        self.pipeline = pipeline
        self.baseDirectory = baseDirectory.standardizedFileURL
        self.workdir = pipeline.workdir(from: baseDirectory)
        self.logger = logger
        self.deathSignalWrapper = deathSignalWrapper
        let policy = pipeline.restartPolicy
        var all: [Replica] = []
        for s in pipeline.stages {
            for i in 0..<s.replicas { all.append(Replica(stage: s, index: i, tracker: RestartTracker(policy: policy, startedAt: Date()))) }
        }
        replicas = Mutex(all)
    }

    /// util-linux's `setpriv` if installed (Debian has it); nil elsewhere.
    public static var defaultDeathSignalWrapper: String? {
        FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") ? "/usr/bin/setpriv" : nil
    }

    /// The pipeline file's folder: relative paths in the file (`workdir`, stage commands and
    /// args) mean paths from there, and every stage runs there, so a pipeline works the same
    /// whatever directory `newswire run` is started in.
    public let baseDirectory: URL

    /// Where the run lock, the run report, logs and metrics live.
    public var lockURL: URL { workdir.appendingPathComponent("run.lock") }
    public var reportURL: URL { workdir.appendingPathComponent("run.json") }
    func logPath(_ replicaName: String) -> String { workdir.appendingPathComponent("logs/\(replicaName).log").path }

    /// The program to run for a stage: a path is taken from `directory` (the pipeline file's
    /// folder) unless absolute; a bare name is looked for next to this executable, then on PATH.
    public static func resolve(_ command: String, from directory: URL? = nil) -> String? {
        if command.contains("/") {
            let path = command.hasPrefix("/") ? command : directory?.appendingPathComponent(command).standardizedFileURL.path ?? command
            return FileManager.default.isExecutableFile(atPath: path) ? path : nil
        }
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
    func runtimeArguments(for stage: PipelineFile.StageSpec, index: Int) -> [String] {
        let name = "\(stage.name)-\(index)"
        var args: [String] = []
        if let i = stage.input, let link = pipeline.links[i] { args += ["--input", link.out] }
        if let o = stage.output, let link = pipeline.links[o] { args += ["--output", link.in] }
        args += ["--dead-letter-file", workdir.appendingPathComponent("dead-letters/\(name).jsonl").path]
        if !stage.finite, let acknowledgements = pipeline.acknowledgements { args += ["--dead-letters", acknowledgements] }
        args += ["--metrics-file", workdir.appendingPathComponent("metrics/\(name).prom").path]
        if let port = stage.metricsPort { args += ["--metrics-port", "\(port + index)"] }
        args += ["--replica", name]
        return args
    }

    /// The full command line of a replica, wrapped in `setpriv --pdeathsig TERM --` when available.
    func commandLine(for r: Replica, executable: String) -> [String] {
        let own = [executable] + Array(r.stage.command.dropFirst()) + r.stage.args + runtimeArguments(for: r.stage, index: r.index)
        guard let wrapper = deathSignalWrapper else { return own }
        return [wrapper, "--pdeathsig", "TERM", "--"] + own
    }

    /// Starts one replica. Must run on the supervisor's loop thread: the parent-death signal
    /// fires when the *thread* that spawned the child ends.
    private func launch(_ r: inout Replica) throws {
        guard let exe = r.executable else { throw PipelineError.commandNotFound(stage: r.stage.name, command: r.stage.command[0]) }
        // NEWSWIRE_WORKDIR tells a stage where its run keeps state (fetch's journal by default).
        let environment = ProcessInfo.processInfo.environment
            .merging(["NEWSWIRE_WORKDIR": workdir.path]) { $1 }
            .merging(pipeline.curve?.environment ?? [:]) { $1 }
            .merging(r.stage.env) { $1 }
        appendToLog(r.name, "--- newswire run: starting \(r.name) (restart \(r.restarts)) at \(ISO8601DateFormatter().string(from: Date())) ---")
        let child = try ChildProcess.spawn(commandLine(for: r, executable: exe), environment: environment,
                                           directory: baseDirectory.path, logPath: logPath(r.name))
        r.child = child
        r.state = .running
        r.nextStart = nil
        r.tracker.started(at: Date())
        logger.info("started \(r.name)", metadata: ["pid": "\(child.pid)", "log": "\(logPath(r.name))"])
    }

    /// Marks each start in the replica's log, so its tail reads clearly across restarts.
    private func appendToLog(_ replicaName: String, _ line: String) {
        let path = logPath(replicaName)
        if !FileManager.default.fileExists(atPath: path) { _ = FileManager.default.createFile(atPath: path, contents: nil) }
        guard let handle = FileHandle(forWritingAtPath: path) else { return }
        defer { try? handle.close() }
        _ = try? handle.seekToEnd()
        try? handle.write(contentsOf: Data((line + "\n").utf8))
    }

    // MARK: Running

    /// Runs until `shutdown` is requested, the supervisor gives up on a stage, or, with
    /// `exitWhenDone`, every finite stage has finished. Throws before starting anything when
    /// another supervisor runs over the same work directory or a link cannot bind.
    @discardableResult
    public func run(until shutdown: ShutdownSignal, exitWhenDone: Bool = false) throws -> RunOutcome {
        try prepareDirectories()
        let lock = try RunLock.acquire(at: lockURL, pipeline: pipeline.name, workdir: pipeline.workdir)
        defer { lock.release() }
        try resolveExecutables()
        let security = try loadSecurity()
        let context = try Context()
        defer { context.shutdown() }
        // The links' forwarders are CURVE servers (encrypted; clients must know the server key).
        // The allow-list (`authorized-keys`) is enforced where stages bind: under the
        // supervisor, libzmq 4.3's ZAP handshakes stalled some links at random.
        try startForwarders(context, security: security)
        defer { stopEverything() }
        try replicas.withLock { all in for i in all.indices { try launch(&all[i]) } }
        superviseUntilDone(shutdown: shutdown, exitWhenDone: exitWhenDone)
        return outcome.withLock { $0 }
    }

    private func prepareDirectories() throws {
        for sub in ["logs", "dead-letters", "metrics"] {
            try FileManager.default.createDirectory(at: workdir.appendingPathComponent(sub), withIntermediateDirectories: true)
        }
    }

    private func resolveExecutables() throws {
        try replicas.withLock { all in
            for i in all.indices {
                let command = all[i].stage.command[0]
                guard let exe = Self.resolve(command, from: baseDirectory) else { throw PipelineError.commandNotFound(stage: all[i].stage.name, command: command) }
                all[i].executable = exe
            }
        }
    }

    /// The `curve:` keys, read before anything starts so a bad key file stops the run at once.
    private func loadSecurity() throws -> LinkSecurity? {
        guard let curve = pipeline.curve else { return nil }
        do { return try curve.load() } catch { throw PipelineError.invalid(path: pipeline.name, reason: "curve: \(error)") }
    }

    private func startForwarders(_ context: Context, security: LinkSecurity?) throws {
        for (name, link) in pipeline.links.sorted(by: { $0.key < $1.key }) {
            do {
                try Forwarder(context: context, link: link, security: security).start()
            } catch let error as ZMQError {
                let address = error.operation.hasPrefix("zmq_bind ") ? String(error.operation.dropFirst(9)) : "\(link.in) / \(link.out)"
                throw PipelineError.cannotBind(link: name, address: address, reason: error.message)
            } catch {
                throw PipelineError.cannotBind(link: name, address: "\(link.in) / \(link.out)", reason: "\(error)")
            }
        }
    }

    private func superviseUntilDone(shutdown: ShutdownSignal, exitWhenDone: Bool) {
        var lastReport = Date.distantPast
        var announcedDone = false
        while !shutdown.isRequested {
            Thread.sleep(forTimeInterval: 0.1)
            superviseOnce(shutdown: shutdown)
            if Date().timeIntervalSince(lastReport) >= 1 { writeReport(.running); lastReport = Date() }
            if outcome.withLock({ $0.gaveUpOn != nil }) { break }
            guard finiteStagesDone(), !announcedDone else { continue }
            announcedDone = true
            logger.info("every finite stage finished")
            if exitWhenDone { break }
        }
    }

    /// One pass: reap exits, decide on each, start the replicas whose back-off has elapsed.
    private func superviseOnce(shutdown: ShutdownSignal) {
        replicas.withLock { all in
            for i in all.indices {
                if let child = all[i].child, let status = child.exitStatus() {
                    all[i].child = nil
                    all[i].lastExit = status
                    if shutdown.isRequested { all[i].state = .stopped } else { handleExit(&all[i], status: status) }
                }
                if let due = all[i].nextStart, Date() >= due, !shutdown.isRequested { restart(&all[i]) }
            }
        }
    }

    private func handleExit(_ r: inout Replica, status: ExitStatus) {
        switch ExitOutcome.classify(status, finite: r.stage.finite) {
        case .finished:
            r.state = .finished
            logger.info("\(r.name) finished")
        case .finishedIncomplete:
            r.state = .failed
            outcome.withLock { $0.incomplete.append(r.name) }
            logger.error("\(r.name) finished but could not deliver everything (\(status)); not restarting it. \(LogTail.block(of: logPath(r.name), count: 10))")
        case .crashed:
            handleCrash(&r, reason: "\(status)")
        }
    }

    private func handleCrash(_ r: inout Replica, reason: String) {
        switch r.tracker.crashed(at: Date()) {
        case .restart(let delay, let attempt):
            r.state = .restarting
            r.nextStart = Date().addingTimeInterval(delay)
            logger.warning("\(r.name) exited with \(reason); restarting in \(delay) s (restart \(attempt) of at most \(r.tracker.policy.maxRestarts) in a row). \(LogTail.block(of: logPath(r.name), count: 3))")
        case .giveUp(let attempts):
            r.state = .givenUp
            outcome.withLock { $0.gaveUpOn = $0.gaveUpOn ?? r.name }
            logger.error("giving up on stage '\(r.stage.name)' (\(r.name)): it exited with \(reason) after \(attempts) restart(s) in a row; stopping the pipeline. \(LogTail.block(of: logPath(r.name), count: 10))")
        }
    }

    private func restart(_ r: inout Replica) {
        r.restarts += 1
        do {
            try launch(&r)
        } catch {
            r.nextStart = nil
            logger.error("cannot restart \(r.name): \(error)")
            handleCrash(&r, reason: "a failed start (\(error))")
        }
    }

    /// True when the pipeline has finite stages and every one of their replicas is done.
    private func finiteStagesDone() -> Bool {
        replicas.withLock { all in
            let finite = all.filter { $0.stage.finite }
            let done = !finite.isEmpty && finite.allSatisfy { $0.state == .finished || $0.state == .failed }
            if done { outcome.withLock { $0.finiteStagesFinished = finite.allSatisfy { $0.state == .finished } } }
            return done
        }
    }

    // MARK: Stopping

    private func stopEverything() {
        writeReport(.stopping)
        stopAll()
        writeReport(.stopped)
    }

    /// Stops stages in pipeline order, so each drains what its upstream already sent.
    public func stopAll() {
        replicas.withLock { all in for i in all.indices where all[i].child == nil && !all[i].isDone { all[i].state = .stopped } }
        for spec in pipeline.stages {
            signalStage(spec.name, SIGTERM)
            let deadline = Date().addingTimeInterval(15)
            while !reapStage(spec.name) && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
            if !reapStage(spec.name) {
                logger.warning("\(spec.name) did not stop in 15 s; killing it")
                signalStage(spec.name, SIGKILL)
                while !reapStage(spec.name) { Thread.sleep(forTimeInterval: 0.05) }
            }
        }
    }

    private func signalStage(_ stage: String, _ signal: Int32) {
        replicas.withLock { all in for r in all where r.stage.name == stage { r.child?.send(signal) } }
    }

    /// Reaps the stage's exited replicas; true when none is left running.
    private func reapStage(_ stage: String) -> Bool {
        replicas.withLock { all in
            for i in all.indices where all[i].stage.name == stage {
                guard let child = all[i].child, let status = child.exitStatus() else { continue }
                all[i].child = nil
                all[i].lastExit = status
                all[i].nextStart = nil
                if !all[i].isDone { all[i].state = .stopped }
            }
            return all.allSatisfy { $0.stage.name != stage || $0.child == nil }
        }
    }

    // MARK: Reporting

    /// The current state of every replica, as written to `run.json`.
    public func report(_ state: RunReport.State) -> RunReport {
        let rows = replicas.withLock { all in
            all.map { RunReport.Replica(name: $0.name, stage: $0.stage.name, pid: $0.child?.pid, restarts: $0.restarts,
                                        state: $0.state, lastExit: $0.lastExit) }
        }
        return RunReport(supervisorPid: getpid(), pipeline: pipeline.name, startedAt: startedAt, updatedAt: Date(),
                         state: state, replicas: rows)
    }

    private func writeReport(_ state: RunReport.State) {
        do { try report(state).write(to: reportURL) } catch {
            logger.warning("cannot write \(reportURL.path): \(error)")
        }
    }

    /// Restarts so far, by replica name.
    public var restarts: [String: Int] {
        replicas.withLock { Dictionary(uniqueKeysWithValues: $0.map { ($0.name, $0.restarts) }) }
    }
}

/// How a run ended, for `newswire run`'s exit status.
public struct RunOutcome: Sendable, Equatable {
    /// Every finite stage's replicas exited 0.
    public var finiteStagesFinished = false
    /// Finite replicas that finished without delivering everything (exit status 3).
    public var incomplete: [String] = []
    /// The replica the supervisor gave up on, which stopped the pipeline.
    public var gaveUpOn: String?

    public init() {}

    /// Whether `newswire run` should exit non-zero.
    public func isFailure(exitWhenDone: Bool) -> Bool {
        gaveUpOn != nil || !incomplete.isEmpty || (exitWhenDone && !finiteStagesFinished)
    }
}
