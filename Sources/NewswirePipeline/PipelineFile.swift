import Foundation
import Yams

/// A pipeline as written in `Pipelines/*.yaml`: its links (the addresses between stages) and
/// its stages (what to run, how many replicas, which links they read and write).
public struct PipelineFile: Codable, Sendable, Equatable {
    public var name: String
    /// Where runs keep their database, logs, dead letters and metrics (relative to the
    /// directory `newswire run` is started in).
    public var workdir: String
    public var links: [String: Link]
    public var stages: [StageSpec]
    /// When to restart crashed replicas and when to give up (`restart: { max-restarts: 5,
    /// healthy-after: 30 }`). Optional: the defaults apply when absent.
    public var restart: RestartSettings?
    /// The address fetch binds for acknowledgements. When set, every non-finite stage also
    /// sends its dead letters there (`--dead-letters`), so fetch learns of definitive failures.
    public var acknowledgements: String?

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
    }

    public struct StageSpec: Codable, Sendable, Equatable {
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

        enum CodingKeys: String, CodingKey {
            case name, command, args, input, output, replicas, finite, env, metricsPort = "metrics-port"
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            name = try c.decode(String.self, forKey: .name)
            if let s = try? c.decode(String.self, forKey: .command) {
                command = s.split(separator: " ").map(String.init)
            } else {
                command = try c.decode([String].self, forKey: .command)
            }
            args = try c.decodeIfPresent([String].self, forKey: .args) ?? []
            input = try c.decodeIfPresent(String.self, forKey: .input)
            output = try c.decodeIfPresent(String.self, forKey: .output)
            replicas = try c.decodeIfPresent(Int.self, forKey: .replicas) ?? 1
            finite = try c.decodeIfPresent(Bool.self, forKey: .finite) ?? false
            env = try c.decodeIfPresent([String: String].self, forKey: .env) ?? [:]
            metricsPort = try c.decodeIfPresent(Int.self, forKey: .metricsPort)
        }

        public init(name: String, command: [String], args: [String] = [], input: String? = nil,
                    output: String? = nil, replicas: Int = 1, finite: Bool = false, env: [String: String] = [:],
                    metricsPort: Int? = nil) {
            self.name = name; self.command = command; self.args = args; self.input = input
            self.output = output; self.replicas = replicas; self.finite = finite; self.env = env
            self.metricsPort = metricsPort
        }
    }

    public static func load(path: String) throws(PipelineError) -> PipelineFile {
        let text: String
        do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw .unreadable(path: path, reason: error.localizedDescription)
        }
        return try parse(text, path: path)
    }

    public static func parse(_ yaml: String, path: String = "<string>") throws(PipelineError) -> PipelineFile {
        let file: PipelineFile
        do { file = try YAMLDecoder().decode(PipelineFile.self, from: yaml) } catch {
            throw .invalid(path: path, reason: "\(error)")
        }
        try file.validate(path: path)
        return file
    }

    func validate(path: String) throws(PipelineError) {
        if let r = restart, r.maxRestarts < 0 || r.healthyAfter < 0 {
            throw .invalid(path: path, reason: "restart: max-restarts and healthy-after must not be negative")
        }
        var names = Set<String>()
        for s in stages {
            guard names.insert(s.name).inserted else { throw .invalid(path: path, reason: "stage '\(s.name)' is named twice") }
            guard !s.command.isEmpty else { throw .invalid(path: path, reason: "stage '\(s.name)' has an empty command") }
            guard s.replicas >= 1 else { throw .invalid(path: path, reason: "stage '\(s.name)' needs at least 1 replica") }
            for l in [s.input, s.output].compactMap({ $0 }) where links[l] == nil {
                throw .invalid(path: path, reason: "stage '\(s.name)' names link '\(l)', which is not under links:")
            }
        }
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
