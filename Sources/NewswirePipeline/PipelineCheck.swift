import Foundation
import Yams

/// Everything wrong with a pipeline file, each problem with the line it is on, so a typo is
/// found before anything starts: YAML syntax, unknown keys (with the key probably meant), values
/// of the wrong type, stages named twice, replicas below 1, links that do not exist, an address
/// used twice, a cycle of stages. A link nobody writes or reads is a warning: `newswire replay`
/// and `newswire record` may be its other end.
public struct PipelineCheck: Sendable {
    public struct Problem: Sendable, Equatable, CustomStringConvertible {
        public enum Severity: String, Sendable { case error, warning }
        public var severity: Severity
        /// 1-based line in the file, when the problem sits on one.
        public var line: Int?
        public var message: String
        public var description: String { (line.map { "line \($0): " } ?? "") + message }
        public init(severity: Severity, line: Int?, message: String) {
            self.severity = severity; self.line = line; self.message = message
        }
    }

    public let path: String
    public private(set) var problems: [Problem] = []
    /// The file as understood, when it could be read at all.
    public private(set) var file: PipelineFile?

    public var errors: [Problem] { problems.filter { $0.severity == .error } }

    /// Adds a problem found by a caller's own check (e.g. a program not installed here).
    public mutating func add(_ problem: Problem) { problems.append(problem) }
    public var warnings: [Problem] { problems.filter { $0.severity == .warning } }

    static let topKeys = ["name", "workdir", "links", "stages", "restart", "acknowledgements", "curve"]
    static let linkKeys = ["in", "out", "tap"]
    static let stageKeys = ["name", "command", "args", "input", "output", "replicas", "finite", "env", "metrics-port",
                            "kind", "run", "accepts", "timeout"]
    static let restartKeys = ["max-restarts", "healthy-after"]
    static let curveKeys = ["server-key", "client-key", "authorized-keys"]

    public init(yaml: String, path: String = "<string>") {
        self.path = path
        let root: Node
        do {
            guard let composed = try Yams.compose(yaml: yaml) else {
                problems.append(Problem(severity: .error, line: nil, message: "the file is empty; see Pipelines/default.yaml"))
                return
            }
            root = composed
        } catch {
            problems.append(Self.syntaxProblem(error))
            return
        }
        guard let top = root.mapping else {
            problems.append(Problem(severity: .error, line: root.mark?.line,
                                    message: "a pipeline file is a mapping (name:, workdir:, links:, stages:); see Pipelines/default.yaml"))
            return
        }
        checkKeys(top, allowed: Self.topKeys, what: "the pipeline")
        top["links"]?.mapping?.forEach { name, link in
            if let m = link.mapping { checkKeys(m, allowed: Self.linkKeys, what: "link '\(name.string ?? "?")'") }
        }
        top["restart"]?.mapping.map { checkKeys($0, allowed: Self.restartKeys, what: "restart") }
        top["curve"]?.mapping.map { checkKeys($0, allowed: Self.curveKeys, what: "curve") }
        let stageNodes = top["stages"]?.sequence.map(Array.init) ?? []
        for (i, stage) in stageNodes.enumerated() {
            guard let m = stage.mapping else {
                problems.append(Problem(severity: .error, line: stage.mark?.line, message: "stage \(i + 1) is not a mapping (name:, command:, …)"))
                continue
            }
            checkKeys(m, allowed: Self.stageKeys, what: "stage '\(m["name"]?.string ?? String(i + 1))'")
        }
        // Unknown keys are ignored by decoding, so the rest is still checked.
        let decoded: PipelineFile
        do { decoded = try YAMLDecoder().decode(PipelineFile.self, from: yaml) } catch {
            problems.append(decodingProblem(error, top: top))
            return
        }
        file = decoded
        checkSemantics(decoded, top: top, stageNodes: stageNodes)
    }

    // MARK: Rules

    private mutating func checkKeys(_ mapping: Node.Mapping, allowed: [String], what: String) {
        for key in mapping.keys {
            guard let name = key.string, !allowed.contains(name) else { continue }
            let hint = Self.closest(to: name, in: allowed).map { " (did you mean '\($0)'?)" } ?? ""
            problems.append(Problem(severity: .error, line: key.mark?.line,
                                    message: "\(what): unknown key '\(name)'\(hint); known keys: \(allowed.joined(separator: ", "))"))
        }
    }

    private mutating func checkSemantics(_ file: PipelineFile, top: Node.Mapping, stageNodes: [Node]) {
        func line(stage i: Int, key: String? = nil) -> Int? {
            guard i < stageNodes.count else { return nil }
            if let key, let value = stageNodes[i].mapping?[key] { return value.mark?.line }
            return stageNodes[i].mark?.line
        }
        func error(_ line: Int?, _ message: String) { problems.append(Problem(severity: .error, line: line, message: message)) }
        if file.stages.isEmpty { error(top["stages"]?.mark?.line ?? nil, "no stages: list at least one under stages:") }
        if let r = file.restart, r.maxRestarts < 0 || r.healthyAfter < 0 {
            error(top["restart"]?.mark?.line, "restart: max-restarts and healthy-after must not be negative")
        }
        var firstLine: [String: Int?] = [:]
        for (i, s) in file.stages.enumerated() {
            if let earlier = firstLine[s.name] {
                error(line(stage: i, key: "name"), "stage '\(s.name)' is named twice (first on line \(earlier.map(String.init) ?? "?"))")
            } else { firstLine[s.name] = line(stage: i, key: "name") }
            if s.command.isEmpty { error(line(stage: i, key: "command"), "stage '\(s.name)' has an empty command") }
            if s.replicas < 1 { error(line(stage: i, key: "replicas"), "stage '\(s.name)' needs at least 1 replica, not \(s.replicas)") }
            for (key, link) in [("input", s.input), ("output", s.output)] {
                guard let link, file.links[link] == nil else { continue }
                let known = file.links.keys.sorted()
                let hint = Self.closest(to: link, in: known).map { " (did you mean '\($0)'?)" } ?? ""
                error(line(stage: i, key: key), "stage '\(s.name)' names link '\(link)'\(hint), which is not under links:")
            }
        }
        checkAddresses(file, top: top)
        checkLinkEnds(file, top: top)
        if let cycle = Self.cycle(in: file) {
            error(line(stage: file.stages.firstIndex { $0.name == cycle[0] } ?? 0),
                  "the stages form a cycle: \(cycle.joined(separator: " → ")); an article would go round forever")
        }
    }

    private mutating func checkAddresses(_ file: PipelineFile, top: Node.Mapping) {
        var used: [String: String] = [:]
        func use(_ address: String?, _ place: String, line: Int?) {
            guard let address, !address.isEmpty else { return }
            if let other = used[address] {
                problems.append(Problem(severity: .error, line: line,
                                        message: "\(place) uses \(address), which \(other) uses already; every address must be different"))
            } else { used[address] = place }
        }
        use(file.acknowledgements, "acknowledgements", line: top["acknowledgements"]?.mark?.line)
        let links = top["links"]?.mapping
        for name in file.links.keys.sorted() {
            let link = file.links[name]!, node = links?[name]?.mapping
            use(link.in, "link '\(name)' in", line: node?["in"]?.mark?.line)
            use(link.out, "link '\(name)' out", line: node?["out"]?.mark?.line)
            use(link.tap, "link '\(name)' tap", line: node?["tap"]?.mark?.line)
        }
    }

    private mutating func checkLinkEnds(_ file: PipelineFile, top: Node.Mapping) {
        let written = Set(file.stages.compactMap(\.output)), read = Set(file.stages.compactMap(\.input))
        for name in file.links.keys.sorted() {
            let line = top["links"]?.mapping?[name]?.mark?.line
            if !written.contains(name) {
                problems.append(Problem(severity: .warning, line: line,
                                        message: "no stage writes link '\(name)' (only `newswire replay` can feed it)"))
            }
            if !read.contains(name) {
                problems.append(Problem(severity: .warning, line: line,
                                        message: "no stage reads link '\(name)' (what enters it waits for `newswire record --pull`)"))
            }
        }
    }

    /// Stage names around a cycle (first repeated last), if the links form one.
    static func cycle(in file: PipelineFile) -> [String]? {
        var next: [String: [String]] = [:]
        for a in file.stages { next[a.name] = file.stages.filter { b in a.output != nil && b.input == a.output }.map(\.name) }
        var state: [String: Int] = [:]   // 1: on the path, 2: done
        var path: [String] = []
        func visit(_ name: String) -> [String]? {
            if state[name] == 1 { return Array(path.drop { $0 != name }) + [name] }
            if state[name] == 2 { return nil }
            state[name] = 1; path.append(name)
            for n in next[name] ?? [] { if let c = visit(n) { return c } }
            state[name] = 2; path.removeLast()
            return nil
        }
        for s in file.stages { if let c = visit(s.name) { return c } }
        return nil
    }

    // MARK: Messages

    static func syntaxProblem(_ error: any Error) -> Problem {
        if let error = error as? YamlError {
            switch error {
            case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
                return Problem(severity: .error, line: mark.line, message: "not valid YAML: \(problem) (column \(mark.column))")
            default: break
            }
        }
        return Problem(severity: .error, line: nil, message: "not valid YAML: \(error)")
    }

    /// A decoding error told as the key it is about and where that key is.
    func decodingProblem(_ error: any Error, top: Node.Mapping) -> Problem {
        guard let error = error as? DecodingError else { return Problem(severity: .error, line: nil, message: "\(error)") }
        let (path, problem): ([any CodingKey], String) = switch error {
        case .typeMismatch(let type, let c): (c.codingPath, "expected \(Self.typeName(type))")
        case .valueNotFound(let type, let c): (c.codingPath, "expected \(Self.typeName(type)), found nothing")
        case .keyNotFound(let key, let c): (c.codingPath, "missing key '\(key.stringValue)'")
        case .dataCorrupted(let c): (c.codingPath, c.debugDescription)
        @unknown default: ([], "\(error)")
        }
        var node: Node? = Node.mapping(top)
        var names: [String] = []
        for key in path {
            if let index = key.intValue { node = node?.sequence.flatMap { index < $0.count ? $0[index] : nil }; names.append("[\(index + 1)]") }
            else { node = node?.mapping?[key.stringValue]; names.append(key.stringValue) }
        }
        let place = names.isEmpty ? "the pipeline" : names.joined(separator: ".").replacingOccurrences(of: ".[", with: "[")
        return Problem(severity: .error, line: node?.mark?.line, message: "\(place): \(problem)")
    }

    static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is Int.Type: "a whole number"
        case is Double.Type: "a number"
        case is Bool.Type: "true or false"
        case is String.Type: "a string"
        case is [String].Type: "a list of strings"
        default: "\(type)"
        }
    }

    /// The allowed word closest to a misspelt one, when it is close enough to be a typo.
    static func closest(to word: String, in words: [String]) -> String? {
        words.map { ($0, editDistance(word, $0)) }.filter { $0.1 <= max(1, word.count / 3) }.min { $0.1 < $1.1 }?.0
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
