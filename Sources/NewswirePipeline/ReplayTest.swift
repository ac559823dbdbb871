import Foundation
import NewswireWire

/// A regression test made of a recording: a stage's one-shot outputs for recorded inputs,
/// compared field by field with the outputs expected (a recording too). Fields that change from
/// run to run (times) are declared with `ignore` paths, never hidden.
public struct ReplayTest: Sendable {
    /// Header fields that differ on every run: when a message was made, when each stage saw it.
    public static let timeFields = ["header.created", "header.trace[].in", "header.trace[].out", "header.trace[].replica"]

    public var ignore: [String]

    public init(ignore: [String] = ReplayTest.timeFields) { self.ignore = ignore }

    /// One difference, at a path like `body.quotes[3].speaker`.
    public struct Difference: Sendable, Equatable, CustomStringConvertible {
        public var message: String
        public var path: String
        public var expected: String?
        public var got: String?
        public var description: String {
            switch (expected, got) {
            case (nil, let got?): "\(message): \(path): not expected, got \(got)"
            case (let expected?, nil): "\(message): \(path): expected \(expected), missing"
            default: "\(message): \(path): expected \(expected ?? "?"), got \(got ?? "?")"
            }
        }
    }

    /// Compares outputs with the expected messages, matched by kind and id (in order among those
    /// sharing both). Messages missing or extra are differences too.
    public func compare(expected: [Message], got: [Message]) -> [Difference] {
        var remaining = Dictionary(grouping: got.enumerated(), by: { Self.key($0.element) })
        var differences: [Difference] = []
        for message in expected {
            let key = Self.key(message)
            guard var candidates = remaining[key], !candidates.isEmpty else {
                differences.append(Difference(message: key, path: "(message)", expected: "this message", got: nil))
                continue
            }
            let match = candidates.removeFirst()
            remaining[key] = candidates
            differences += compare(Self.tree(message), Self.tree(match.element), path: "", message: key)
        }
        for (key, extra) in remaining.sorted(by: { $0.key < $1.key }) where !extra.isEmpty {
            differences += extra.map { _ in Difference(message: key, path: "(message)", expected: nil, got: "an extra message") }
        }
        return differences
    }

    static func key(_ m: Message) -> String { "\(m.header.kind) \(m.header.id)" }

    /// A message as one JSON tree: `header`, `body`, and `raw` (its size, when it has one).
    static func tree(_ m: Message) -> Any {
        var tree: [String: Any] = [:]
        tree["header"] = (try? JSONSerialization.jsonObject(with: try WireCoding.encoder.encode(m.header))) ?? NSNull()
        tree["body"] = (try? JSONSerialization.jsonObject(with: m.body, options: [.fragmentsAllowed])) ?? String(decoding: m.body, as: UTF8.self)
        if let raw = m.raw { tree["raw"] = "\(raw.count) bytes" }
        return tree
    }

    func compare(_ a: Any, _ b: Any, path: String, message: String) -> [Difference] {
        if isIgnored(path) { return [] }
        switch (a, b) {
        case (let x as [String: Any], let y as [String: Any]):
            return Set(x.keys).union(y.keys).sorted().flatMap { k -> [Difference] in
                let p = path.isEmpty ? k : path + "." + k
                switch (x[k], y[k]) {
                case (let l?, let r?): return compare(l, r, path: p, message: message)
                case (let l?, nil): return isIgnored(p) ? [] : [Difference(message: message, path: p, expected: Self.show(l), got: nil)]
                case (nil, let r?): return isIgnored(p) ? [] : [Difference(message: message, path: p, expected: nil, got: Self.show(r))]
                default: return []
                }
            }
        case (let x as [Any], let y as [Any]) where x.count != y.count:
            return compareShifted(x, y, path: path, message: message)
        case (let x as [Any], let y as [Any]):
            var out: [Difference] = []
            for i in 0..<max(x.count, y.count) {
                let p = "\(path)[\(i)]"
                if i < x.count, i < y.count { out += compare(x[i], y[i], path: p, message: message) }
                else if isIgnored(p) { continue }
                else if i < x.count { out.append(Difference(message: message, path: p, expected: Self.show(x[i]), got: nil)) }
                else { out.append(Difference(message: message, path: p, expected: nil, got: Self.show(y[i]))) }
            }
            return out
        default:
            return Self.equal(a, b) ? [] : [Difference(message: message, path: path, expected: Self.show(a), got: Self.show(b))]
        }
    }

    /// Arrays of different lengths: items are lined up by their longest common run (so one item
    /// added or lost is one difference, not a shift of every later item); the unmatched ones
    /// are reported as missing or extra, and stretches of equal length between matches are
    /// compared item by item.
    func compareShifted(_ x: [Any], _ y: [Any], path: String, message: String) -> [Difference] {
        let keys = { (a: [Any]) in a.map(Self.canonical) }
        let (kx, ky) = (keys(x), keys(y))
        var lcs = Array(repeating: Array(repeating: 0, count: ky.count + 1), count: kx.count + 1)
        for i in stride(from: kx.count - 1, through: 0, by: -1) {
            for j in stride(from: ky.count - 1, through: 0, by: -1) {
                lcs[i][j] = kx[i] == ky[j] ? lcs[i + 1][j + 1] + 1 : max(lcs[i + 1][j], lcs[i][j + 1])
            }
        }
        var out: [Difference] = [], i = 0, j = 0
        var gapX: [Int] = [], gapY: [Int] = []
        func flush() {
            for (a, b) in zip(gapX, gapY) { out += compare(x[a], y[b], path: "\(path)[\(a)]", message: message) }
            for a in gapX.dropFirst(gapY.count) where !isIgnored("\(path)[\(a)]") {
                out.append(Difference(message: message, path: "\(path)[\(a)]", expected: Self.show(x[a]), got: nil))
            }
            for b in gapY.dropFirst(gapX.count) where !isIgnored("\(path)[\(b)]") {
                out.append(Difference(message: message, path: "\(path)[+\(b)]", expected: nil, got: Self.show(y[b])))
            }
            gapX.removeAll(); gapY.removeAll()
        }
        while i < kx.count || j < ky.count {
            if i < kx.count, j < ky.count, kx[i] == ky[j] { flush(); i += 1; j += 1 }
            else if j < ky.count, i == kx.count || lcs[i][j + 1] >= lcs[i + 1][j] { gapY.append(j); j += 1 }
            else { gapX.append(i); i += 1 }
        }
        flush()
        return out
    }

    static func canonical(_ value: Any) -> String {
        guard JSONSerialization.isValidJSONObject(value),
              let data = try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys]) else { return "\(value)" }
        return String(decoding: data, as: UTF8.self)
    }

    /// `ignore` paths name fields with `[]` standing for any index: `body.entities[].mentions`.
    func isIgnored(_ path: String) -> Bool {
        guard !path.isEmpty else { return false }
        let general = path.replacingOccurrences(of: #"\[\d+\]"#, with: "[]", options: .regularExpression)
        return ignore.contains { general == $0 || general.hasPrefix($0 + ".") || general.hasPrefix($0 + "[") }
    }

    static func equal(_ a: Any, _ b: Any) -> Bool {
        switch (a, b) {
        case (is NSNull, is NSNull): true
        case (let x as NSNumber, let y as NSNumber): x == y
        case (let x as String, let y as String): x == y
        default: false
        }
    }

    static func show(_ value: Any) -> String {
        if let s = value as? String { return s.count > 80 ? "\"" + s.prefix(77) + "…\"" : "\"\(s)\"" }
        if value is NSNull { return "null" }
        if JSONSerialization.isValidJSONObject(value), let data = try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys]) {
            let text = String(decoding: data, as: UTF8.self)
            return text.count > 80 ? String(text.prefix(77)) + "…" : text
        }
        return "\(value)"
    }
}

extension ReplayTest {
    /// What a stage made of a recording in one-shot mode.
    public struct Run: Sendable {
        public var outputs: [Message]
        public var deadLetters: [Message]
        public var status: Int32
        public var stderr: String
    }

    /// Runs `command --once` (a stage program, looked up next to newswire, then on PATH) with the
    /// recording on stdin, its dead letters to a file of their own, within `timeout` seconds.
    public static func run(_ command: [String], recording: String, timeout: Double = 300) throws(ReplayTestError) -> Run {
        guard let program = command.first, let executable = Supervisor.resolve(program) else {
            throw .noProgram(command.first ?? "")
        }
        guard let input = FileHandle(forReadingAtPath: recording) else { throw .cannotRead(recording) }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("newswire-test-replay-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let out = scratch.appendingPathComponent("out.jsonl"), err = scratch.appendingPathComponent("err.txt")
        let dead = scratch.appendingPathComponent("dead.jsonl")
        FileManager.default.createFile(atPath: out.path, contents: nil)
        FileManager.default.createFile(atPath: err.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = Array(command.dropFirst()) + ["--once", "--dead-letter-file", dead.path]
        process.standardInput = input
        do {
            process.standardOutput = try FileHandle(forWritingTo: out)
            process.standardError = try FileHandle(forWritingTo: err)
            try process.run()
        } catch { throw .cannotStart(executable, "\(error)") }
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
            throw .timedOut(program, timeout)
        }
        func messages(_ url: URL) -> [Message] {
            guard let data = try? Data(contentsOf: url) else { return [] }
            return JSONLines.lines(in: data).compactMap { try? JSONLines.message(from: $0) }
        }
        return Run(outputs: messages(out), deadLetters: messages(dead), status: process.terminationStatus,
                   stderr: (try? String(contentsOf: err, encoding: .utf8)) ?? "")
    }

    /// The messages of a recording file, with the line of any that cannot be read.
    public static func messages(in path: String) throws(ReplayTestError) -> [Message] {
        guard let data = FileManager.default.contents(atPath: path) else { throw .cannotRead(path) }
        var messages: [Message] = []
        for (i, line) in JSONLines.lines(in: data).enumerated() {
            do { messages.append(try JSONLines.message(from: line)) } catch { throw .badLine(path, i + 1, "\(error)") }
        }
        return messages
    }
}

public enum ReplayTestError: Error, CustomStringConvertible {
    case noProgram(String)
    case cannotRead(String)
    case cannotStart(String, String)
    case timedOut(String, Double)
    case badLine(String, Int, String)

    public var description: String {
        switch self {
        case .noProgram(let p): "cannot find the stage program '\(p)' next to newswire or on PATH"
        case .cannotRead(let p): "cannot read \(p)"
        case .cannotStart(let p, let r): "cannot start \(p): \(r)"
        case .timedOut(let p, let s): "\(p) did not finish the recording within \(Int(s)) s"
        case .badLine(let p, let n, let r): "\(p):\(n): not a message: \(r)"
        }
    }
}
