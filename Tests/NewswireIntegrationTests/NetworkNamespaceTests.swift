import Foundation
import NewswireWire
import Testing

/// Stages on different hosts talk over `tcp://`: two Linux network namespaces made by the test,
/// joined by a veth pair with 10.213.x.y/30 addresses that exist only inside them, stand in for
/// two machines. Normalize runs in A; the replayer and the recorder run in B.
@Suite(.serialized,
       .enabled(if: NetworkNamespaces.unavailableReason == nil,
                Comment(rawValue: "network namespaces unavailable here: \(NetworkNamespaces.unavailableReason ?? "")")))
struct NetworkNamespaceTests {
    @Test func normalizeInOneNamespaceFeedsARecorderInAnother() throws {
        let net = try NetworkNamespaces.Pair()
        defer { net.remove() }
        let dir = try Harness.temporaryFolder()
        let fixture = try Harness.fixture("fetched.jsonl")
        let expected = try Harness.messages(in: fixture).count
        let p = Harness.ports(2)
        let recording = dir.appendingPathComponent("recorded.jsonl")

        var processes: [Process] = []
        defer { processes.forEach { Harness.stop($0) } }
        let recorder = try net.start(in: net.b, "newswire",
                                     ["record", "--pull", "tcp://0.0.0.0:\(p[1])", recording.path,
                                      "--count", "\(expected)", "--seconds", "60"],
                                     log: dir.appendingPathComponent("record.log"))
        processes.append(recorder)
        processes.append(try net.start(in: net.a, "newswire-normalize",
                                       ["--input", "tcp://0.0.0.0:\(p[0])", "--bind-input",
                                        "--output", "tcp://\(net.addressB):\(p[1])",
                                        "--dead-letter-file", dir.appendingPathComponent("dead.jsonl").path],
                                       log: dir.appendingPathComponent("normalize.log")))

        let replay = try net.start(in: net.b, "newswire",
                                   ["replay", fixture.path, "tcp://\(net.addressA):\(p[0])", "--rate", "200"],
                                   log: dir.appendingPathComponent("replay.log"))
        processes.append(replay)
        #expect(NetworkNamespaces.wait(for: replay, seconds: 60), "replay did not finish; see \(dir.path)")
        #expect(replay.terminationStatus == 0)

        #expect(NetworkNamespaces.wait(for: recorder, seconds: 60), "the recorder did not get every message; see \(dir.path)")
        let got = try Harness.messages(in: recording)
        #expect(got.count == expected)
        #expect(got.allSatisfy { $0.header.kind == "article.normalized" })
        #expect(Set(got.map(\.header.id)).count == expected)
    }
}

/// Creates and removes the namespaces; every `ip` call has a timeout.
enum NetworkNamespaces {
    static let ip: String? = ["/usr/sbin/ip", "/sbin/ip", "/usr/bin/ip", "/bin/ip"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    /// Nil when namespaces, veth pairs and `ip netns exec` all work here; else why not.
    /// Computed once, by doing each of them to a throw-away namespace.
    static let unavailableReason: String? = {
        guard ip != nil else { return "no `ip` command (Debian package iproute2)" }
        let probe = "nw-probe-\(suffix())"
        if let e = ipCall(["netns", "add", probe]) { return "`ip netns add` failed: \(e)" }
        defer { _ = ipCall(["netns", "delete", probe]) }
        if let e = ipCall(["-n", probe, "link", "add", "p0", "type", "veth", "peer", "name", "p1"]) {
            return "cannot create a veth pair: \(e)"
        }
        if let e = ipCall(["netns", "exec", probe, "true"]) { return "`ip netns exec` failed: \(e)" }
        return nil
    }()

    static func suffix() -> String { String(UInt32.random(in: 0..<UInt32.max), radix: 16) }

    /// Runs `ip ARGS`; nil on success, else its exit status and error output.
    @discardableResult
    static func ipCall(_ args: [String], timeout: TimeInterval = 10) -> String? {
        guard let ip else { return "no ip command" }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: ip)
        p.arguments = args
        let err = Pipe()
        p.standardError = err
        p.standardOutput = FileHandle.nullDevice
        p.standardInput = FileHandle.nullDevice
        do { try p.run() } catch { return "\(error)" }
        if !wait(for: p, seconds: timeout) { kill(p.processIdentifier, SIGKILL); p.waitUntilExit() }
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        return p.terminationStatus == 0 ? nil : "exit \(p.terminationStatus): \(message)"
    }

    /// Waits up to `seconds` for `p` to exit; false if it is still running.
    static func wait(for p: Process, seconds: TimeInterval) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while p.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        return !p.isRunning
    }

    struct SetupFailure: Error, CustomStringConvertible { var description: String }

    /// Namespaces A and B joined by a veth pair, A = 10.213.N.1, B = 10.213.N.2 (/30).
    struct Pair {
        let a: String, b: String
        let addressA: String, addressB: String

        init() throws {
            let s = suffix()
            a = "nw-a-\(s)"
            b = "nw-b-\(s)"
            let net = Int.random(in: 0..<64) * 4
            addressA = "10.213.\(Int.random(in: 0...255)).\(net + 1)"
            addressB = addressA.split(separator: ".").dropLast().joined(separator: ".") + ".\(net + 2)"
            let steps: [[String]] = [
                ["netns", "add", a], ["netns", "add", b],
                // Made inside A and moved straight to B: the host namespace never sees it.
                ["-n", a, "link", "add", "veth-a", "type", "veth", "peer", "name", "veth-b", "netns", b],
                ["-n", a, "addr", "add", "\(addressA)/30", "dev", "veth-a"],
                ["-n", b, "addr", "add", "\(addressB)/30", "dev", "veth-b"],
                ["-n", a, "link", "set", "lo", "up"], ["-n", b, "link", "set", "lo", "up"],
                ["-n", a, "link", "set", "veth-a", "up"], ["-n", b, "link", "set", "veth-b", "up"],
            ]
            for step in steps {
                if let e = ipCall(step) {
                    remove()
                    throw SetupFailure(description: "ip \(step.joined(separator: " ")): \(e)")
                }
            }
        }

        /// Deleting a namespace destroys its end of the veth pair, and with it the other end.
        func remove() {
            ipCall(["netns", "delete", a])
            ipCall(["netns", "delete", b])
        }

        /// Starts a built executable inside namespace `ns` (`ip netns exec` execs it, so
        /// signals to the process reach the program itself).
        func start(in ns: String, _ name: String, _ args: [String], log: URL) throws -> Process {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: try #require(NetworkNamespaces.ip))
            p.arguments = ["netns", "exec", ns, try Harness.executable(name).path] + args
            p.currentDirectoryURL = Harness.root
            FileManager.default.createFile(atPath: log.path, contents: nil)
            let h = try FileHandle(forWritingTo: log)
            p.standardOutput = h
            p.standardError = h
            p.standardInput = FileHandle.nullDevice
            try p.run()
            return p
        }
    }
}
