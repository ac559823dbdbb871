import Foundation
import NewswireStageSDK
import Yams
import ZeroMQ

/// A pipeline as written in `Pipelines/*.yaml`: its links (the addresses between stages) and
/// its stages (what to run, how many replicas, which links they read and write).
public struct PipelineFile: Decodable, Sendable, Equatable {
    public var name: String
    /// Where runs keep their database, logs, dead letters and metrics (relative to the
    /// pipeline file's folder, like every relative path in the file).
    public var workdir: String
    public var links: [String: Link]
    public var stages: [StageSpec]
    /// When to restart crashed replicas and when to give up (`restart: { max-restarts: 5,
    /// healthy-after: 30 }`). Optional: the defaults apply when absent.
    public var restart: RestartSettings?
    /// The address fetch binds for acknowledgements. When set, every non-finite stage also
    /// sends its dead letters there (`--dead-letters`), so fetch learns of definitive failures.
    public var acknowledgements: String?
    /// CURVE encryption and authentication on every `tcp://` link (`curve: { server-key: …,
    /// client-key: …, authorized-keys: … }`). Optional: links are plain without it.
    public var curve: CurveSettings?

    /// The `curve:` key: files, relative to the pipeline file. `server-key`: the servers'
    /// certificate (`newswire keygen`), secret where a stage binds `tcp://`, public where stages
    /// only connect. `client-key`: the secret certificate stages connect with.
    /// `authorized-keys`: a file of client public keys (one per line) or a folder of `*.key`
    /// certificates; without it any client that knows the server key is admitted.
    public struct CurveSettings: Codable, Sendable, Equatable {
        public var serverKey: String
        public var clientKey: String
        public var authorizedKeys: String?

        enum CodingKeys: String, CodingKey {
            case serverKey = "server-key", clientKey = "client-key", authorizedKeys = "authorized-keys"
        }

        public init(serverKey: String, clientKey: String, authorizedKeys: String? = nil) {
            self.serverKey = serverKey; self.clientKey = clientKey; self.authorizedKeys = authorizedKeys
        }

        /// The environment the supervisor gives every stage (``LinkSecurity/Variable``).
        public var environment: [String: String] {
            var env = [LinkSecurity.Variable.serverKey: serverKey, LinkSecurity.Variable.clientKey: clientKey]
            if let authorizedKeys { env[LinkSecurity.Variable.authorizedKeys] = authorizedKeys }
            return env
        }

        /// Reads the key files, saying which one is wrong.
        public func load() throws(CurveKeyError) -> LinkSecurity {
            try LinkSecurity.load(serverKeyFile: serverKey, clientKeyFile: clientKey, authorizedKeys: authorizedKeys)
        }

        func resolved(against directory: URL) -> CurveSettings {
            func resolve(_ path: String) -> String {
                path.hasPrefix("/") ? path : directory.appendingPathComponent(path).standardizedFileURL.path
            }
            return CurveSettings(serverKey: resolve(serverKey), clientKey: resolve(clientKey),
                                 authorizedKeys: authorizedKeys.map(resolve))
        }
    }

    /// The `restart:` key. `max-restarts`: restarts in a row without a healthy run before the
    /// supervisor gives up on a stage and stops the pipeline. `healthy-after`: seconds a replica
    /// must run before its back-off starts again from 0.5 s.
    public struct RestartSettings: Codable, Sendable, Equatable {
        public var maxRestarts: Int
        public var healthyAfter: Double

        enum CodingKeys: String, CodingKey { case maxRestarts = "max-restarts", healthyAfter = "healthy-after" }

        public init(maxRestarts: Int = 5, healthyAfter: Double = 30) {
            self.maxRestarts = maxRestarts; self.healthyAfter = healthyAfter
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            maxRestarts = try c.decodeIfPresent(Int.self, forKey: .maxRestarts) ?? 5
            healthyAfter = try c.decodeIfPresent(Double.self, forKey: .healthyAfter) ?? 30
        }
    }

    /// The restart policy this file asks for, defaults filled in.
    public var restartPolicy: RestartPolicy {
        let s = restart ?? RestartSettings()
        return RestartPolicy(maxRestarts: s.maxRestarts, healthyAfter: s.healthyAfter)
    }

    /// A queue between stages. Upstream stages connect PUSH to `in`, downstream replicas
    /// connect PULL to `out`; both are bound by the supervisor's forwarder, which also copies
    /// every message to `tap` (PUB) for `newswire record`.
    public struct Link: Codable, Sendable, Equatable {
        public var `in`: String
        public var out: String
        public var tap: String?

        public init(in: String, out: String, tap: String? = nil) { self.in = `in`; self.out = out; self.tap = tap }
    }

    public struct StageSpec: Decodable, Sendable, Equatable {
        public var name: String
        /// The program and its fixed arguments. A bare name is looked up next to `newswire`
        /// first, then on PATH, so plug-ins in any language fit: `[python3, plugins/x.py]`.
        public var command: [String]
        public var args: [String]
        public var input: String?
        public var output: String?
        public var replicas: Int
        /// `true` for a stage that finishes (fetch): exiting 0 is success, not a crash.
        public var finite: Bool
        /// Extra environment variables for the stage's processes.
        public var env: [String: String]
        /// Serve Prometheus text at http://127.0.0.1:PORT/metrics; replica i uses PORT + i.
        public var metricsPort: Int?
        /// For `kind: command`: the program run as the stage (`run: [python3, plugins/x.py]`),
        /// spoken to in JSON lines by `newswire command-stage` (see ``CommandStage``).
        public var run: [String]?

        enum CodingKeys: String, CodingKey {
            case name, command, args, input, output, replicas, finite, env, metricsPort = "metrics-port"
            case kind, run, accepts, timeout
        }

        /// How a stage is run: a program that speaks the stage runtime's sockets itself
        /// (`process`, the default), or any program speaking JSON lines on stdin/stdout (`command`).
        public enum Kind: String, Codable, Sendable { case process, command }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            name = try c.decode(String.self, forKey: .name)
            args = try c.decodeIfPresent([String].self, forKey: .args) ?? []
            input = try c.decodeIfPresent(String.self, forKey: .input)
            output = try c.decodeIfPresent(String.self, forKey: .output)
            replicas = try c.decodeIfPresent(Int.self, forKey: .replicas) ?? 1
            finite = try c.decodeIfPresent(Bool.self, forKey: .finite) ?? false
            env = try c.decodeIfPresent([String: String].self, forKey: .env) ?? [:]
            metricsPort = try c.decodeIfPresent(Int.self, forKey: .metricsPort)
            switch try c.decodeIfPresent(Kind.self, forKey: .kind) ?? .process {
            case .process:
                if let s = try? c.decode(String.self, forKey: .command) {
                    command = s.split(separator: " ").map(String.init)
                } else {
                    command = try c.decode([String].self, forKey: .command)
                }
            case .command:
                let run = try c.decode([String].self, forKey: .run)
                let accepts = try c.decode([String].self, forKey: .accepts)
                let timeout = try c.decodeIfPresent(Double.self, forKey: .timeout) ?? 30
                self.run = run
                command = Self.commandStage(name: name, run: run, accepts: accepts, timeout: timeout)
            }
        }

        /// The command line of `newswire command-stage` running `run` as stage `name`.
        static func commandStage(name: String, run: [String], accepts: [String], timeout: Double) -> [String] {
            ["newswire", "command-stage", "--stage-name", name, "--timeout", String(timeout)]
                + accepts.flatMap { ["--accepts", $0] } + run.flatMap { ["--run", $0] }
        }

        /// A command stage's program and script paths, relative to the pipeline file's folder.
        mutating func resolveRun(against directory: URL) {
            guard let run, let accepts = Self.option("--accepts", in: command), let timeout = Self.option("--timeout", in: command) else { return }
            let resolved = run.map { part -> String in
                guard !part.hasPrefix("/"), part.contains("/") else { return part }
                let candidate = directory.appendingPathComponent(part).standardizedFileURL.path
                return FileManager.default.fileExists(atPath: candidate) ? candidate : part
            }
            self.run = resolved
            command = Self.commandStage(name: name, run: resolved, accepts: accepts, timeout: Double(timeout[0]) ?? 30)
        }

        private static func option(_ flag: String, in command: [String]) -> [String]? {
            let values = zip(command, command.dropFirst()).filter { $0.0 == flag }.map(\.1)
            return values.isEmpty ? nil : values
        }

        public init(name: String, command: [String], args: [String] = [], input: String? = nil,
                    output: String? = nil, replicas: Int = 1, finite: Bool = false, env: [String: String] = [:],
                    metricsPort: Int? = nil) {
            self.name = name; self.command = command; self.args = args; self.input = input
            self.output = output; self.replicas = replicas; self.finite = finite; self.env = env
            self.metricsPort = metricsPort
        }
    }

    /// The work directory, a relative `workdir` taken from `folder` (the pipeline file's).
    public func workdir(from folder: URL) -> URL {
        (workdir.hasPrefix("/") ? URL(fileURLWithPath: workdir) : folder.appendingPathComponent(workdir)).standardizedFileURL
    }

    /// The folder relative paths in the pipeline file at `path` start from: the file's own.
    public static func folder(of path: String) -> URL {
        URL(fileURLWithPath: path).deletingLastPathComponent().standardizedFileURL
    }

    public static func load(path: String) throws(PipelineError) -> PipelineFile {
        let text: String
        do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw .unreadable(path: path, reason: error.localizedDescription)
        }
        var file = try parse(text, path: path)
        // Key files live beside the pipeline file, wherever `newswire run` is started.
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
        file.curve = file.curve?.resolved(against: directory)
        for i in file.stages.indices { file.stages[i].resolveRun(against: directory) }
        return file
    }

    /// The pipeline in `yaml`, checked (``PipelineCheck``): the first errors, with their lines,
    /// are the thrown error's reason. Warnings do not stop it.
    public static func parse(_ yaml: String, path: String = "<string>") throws(PipelineError) -> PipelineFile {
        let check = PipelineCheck(yaml: yaml, path: path)
        guard check.errors.isEmpty, let file = check.file else {
            throw .invalid(path: path, reason: check.errors.prefix(5).map(\.description).joined(separator: "; "))
        }
        return file
    }
}

public enum PipelineError: Error, Sendable, CustomStringConvertible {
    case unreadable(path: String, reason: String)
    case invalid(path: String, reason: String)
    case commandNotFound(stage: String, command: String)
    /// Another supervisor holds `WORKDIR/run.lock`.
    case alreadyRunning(pipeline: String, pid: String, workdir: String)
    /// A link's forwarder could not bind one of its addresses.
    case cannotBind(link: String, address: String, reason: String)

    public var description: String {
        switch self {
        case .unreadable(let p, let r): "cannot read pipeline \(p): \(r)"
        case .invalid(let p, let r): "pipeline \(p) is not valid: \(r)"
        case .commandNotFound(let s, let c): "stage '\(s)': cannot find the program '\(c)' next to newswire or on PATH (build first: swift build -c release)"
        case .alreadyRunning(let p, let pid, let w): "pipeline '\(p)' is already running (pid \(pid), work directory \(w)); stop it first (Ctrl-C or kill \(pid))"
        case .cannotBind(let l, let a, let r): "link '\(l)': cannot bind \(a): \(r) (is another pipeline or program using it?)"
        }
    }
}
