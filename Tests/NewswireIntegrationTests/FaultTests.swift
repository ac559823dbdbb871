import Foundation
import NewswirePipeline
import NewswirePublish
import NewswireStageSDK
import NewswireWire
import Testing
import ZeroMQ

/// Real processes, real sockets, a generated corpus of 2,000 articles, and every fault at
/// once: replicas of every stage killed with SIGKILL at random moments, publish frozen for
/// 30 s, garbage, truncated and oversized messages on every socket, and the whole pipeline
/// SIGKILLed mid-run and started again. Afterwards every article is stored exactly once, the
/// export has each id once, the journal agrees with the store, and every dead letter has a
/// reason.
@Suite(.serialized) struct FaultTests {
    static let articles = 2000
    /// Messages over this size are refused by the stages (a generated page is ~15 KB).
    static let messageLimit = 2 << 20

    struct Run {
        let dir: URL
        let corpus: URL
        let pipeline: URL
        let ports: [Int]
        var ackAddress: String { "tcp://127.0.0.1:\(ports[9])" }
        var linkInputs: [String] { [0, 3, 6].map { "tcp://127.0.0.1:\(ports[$0])" } }
        var store: String { dir.appendingPathComponent("newswire.sqlite").path }
        var export: URL { dir.appendingPathComponent("articles.jsonl") }
        var journal: String { dir.appendingPathComponent("fetch-0-journal.sqlite").path }
    }

    func prepare() throws -> Run {
        let dir = try Harness.temporaryFolder()
        let corpus = dir.appendingPathComponent("corpus")
        let gen = Process()
        gen.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        gen.arguments = ["python3", Harness.root.appendingPathComponent("Scripts/benchmarks/generate_corpus.py").path,
                         "\(Self.articles)", corpus.path, "--seed", "11"]
        gen.standardOutput = FileHandle.nullDevice
        try gen.run()
        gen.waitUntilExit()
        try #require(gen.terminationStatus == 0, "generate_corpus.py failed")
        let ports = Harness.ports(10)
        func tcp(_ i: Int) -> String { "\"tcp://127.0.0.1:\(ports[i])\"" }
        let limit = Self.messageLimit
        let yaml = """
        name: faults
        workdir: \(dir.path)
        acknowledgements: \(tcp(9))
        restart: { max-restarts: 50, healthy-after: 5 }
        links:
          fetched:    { in: \(tcp(0)), out: \(tcp(1)), tap: \(tcp(2)) }
          normalized: { in: \(tcp(3)), out: \(tcp(4)), tap: \(tcp(5)) }
          extracted:  { in: \(tcp(6)), out: \(tcp(7)), tap: \(tcp(8)) }
        stages:
          - { name: fetch, command: newswire-fetch, finite: true, output: fetched,
              args: [\(corpus.path), --acknowledgements, \(tcp(9)), --window, "200", --retry-after, "3",
                     --stall-timeout, "120", --max-message-bytes, "\(limit)"] }
          - { name: normalize, command: newswire-normalize, input: fetched, output: normalized, replicas: 2,
              args: [--max-message-bytes, "\(limit)"] }
          - { name: extract, command: newswire-extract, input: normalized, output: extracted, replicas: 2,
              args: [--max-message-bytes, "\(limit)"] }
          - { name: publish, command: newswire-publish, input: extracted,
              args: [--database, \(dir.path)/newswire.sqlite, --export, \(dir.path)/articles.jsonl,
                     --acknowledgements, \(tcp(9)), --max-message-bytes, "\(limit)"] }
        """
        let pipeline = dir.appendingPathComponent("pipeline.yaml")
        try yaml.write(to: pipeline, atomically: true, encoding: .utf8)
        return Run(dir: dir, corpus: corpus, pipeline: pipeline, ports: ports)
    }

    /// Articles stored so far (0 while the store does not exist yet).
    func storedCount(_ run: Run) -> Int {
        guard FileManager.default.fileExists(atPath: run.store) else { return 0 }
        return (try? ArticleStore(path: run.store).count()) ?? 0
    }

    func waitUntil(_ what: String, timeout: TimeInterval, _ condition: () -> Bool) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while !condition() {
            try #require(Date() < deadline, "timed out waiting until \(what)")
            Thread.sleep(forTimeInterval: 0.2)
        }
    }

    func replicaPids(_ run: Run, stage: String) -> [Int32] {
        RunReport.read(from: run.dir.appendingPathComponent("run.json"))?.replicas
            .filter { $0.stage == stage && $0.state == .running }.compactMap(\.pid) ?? []
    }

    /// Garbage, a truncated multipart message, a wrong kind and an oversized frame into an address.
    func sendGarbage(to address: String) throws {
        let context = try Context()
        let s = try Socket(context, .push)
        try s.setLinger(milliseconds: 2000)
        try s.setSendTimeout(milliseconds: 2000)
        try s.connect(address)
        try s.send([Data("definitely not a header".utf8), Data("{}".utf8)])
        try s.send([Data(#"{"v":1,"id":"x","kind":"article.fetched","created":"2026-01-01T00:00:00Z","trace":[]}"#.utf8)])
        try s.send([Data(#"{"v":1,"id":"k","kind":"no.such.kind","created":"2026-01-01T00:00:00Z","trace":[]}"#.utf8), Data("{}".utf8)])
        let big = try Message(id: "oversized", kind: MessageKind.articleFetched,
                              body: ["url": "https://big.example/"], raw: Data(count: Self.messageLimit + 1024))
        try s.send(big.frames())
        try s.send([Data(count: 3), Data(count: 5), Data(count: 7), Data(count: 9)])
        s.close()
    }

    func startPipeline(_ run: Run, log: String) throws -> Process {
        try Harness.start("newswire", ["run", run.pipeline.path, "--exit-when-done"],
                          log: run.dir.appendingPathComponent(log))
    }

    @Test(.timeLimit(.minutes(10))) func nothingIsLostOrStoredTwiceWhateverDies() throws {
        let run = try prepare()
        var supervisor = try startPipeline(run, log: "run-1.log")
        try waitUntil("the first articles are stored", timeout: 120) { storedCount(run) >= 100 }

        // Garbage on every socket: the three links, and the acknowledgement address.
        for address in run.linkInputs + [run.ackAddress] { try sendGarbage(to: address) }

        // kill -9 a replica of every middle stage and publish, at random moments.
        for stage in ["normalize", "extract", "publish", "normalize", "extract"] {
            Thread.sleep(forTimeInterval: Double.random(in: 0.5...2.5))
            if let pid = replicaPids(run, stage: stage).randomElement() { kill(pid, SIGKILL) }
        }

        // Publish down for 30 s (frozen, so the supervisor cannot restart it).
        try waitUntil("publish is running again", timeout: 60) { !replicaPids(run, stage: "publish").isEmpty }
        let publish = try #require(replicaPids(run, stage: "publish").first)
        kill(publish, SIGSTOP)
        Thread.sleep(forTimeInterval: 30)
        kill(publish, SIGCONT)

        // SIGKILL the whole pipeline mid-run, then start it again.
        let before = storedCount(run)
        try #require(before < Self.articles, "the corpus finished before the whole-pipeline kill; make it larger")
        let all = (RunReport.read(from: run.dir.appendingPathComponent("run.json"))?.replicas.compactMap(\.pid) ?? [])
        kill(supervisor.processIdentifier, SIGKILL)
        for pid in all { kill(pid, SIGKILL) }
        supervisor.waitUntilExit()
        Thread.sleep(forTimeInterval: 1)
        supervisor = try startPipeline(run, log: "run-2.log")
        let deadline = Date().addingTimeInterval(480)
        while supervisor.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.5) }
        let status = Harness.stop(supervisor)
        let log = (try? String(contentsOf: run.dir.appendingPathComponent("run-2.log"), encoding: .utf8)) ?? ""
        #expect(status == 0, "second run failed:\n\(log.suffix(3000))")

        try checkExactlyOnce(run)
    }

    func checkExactlyOnce(_ run: Run) throws {
        let journal = try DeliveryJournal(path: run.journal)
        let totals = try journal.totals()
        let store = try ArticleStore(path: run.store)
        let storedIDs = Set(try store.articleIDs())
        let failed = try journal.entries(in: .failed)

        #expect(totals.pending == 0, "articles still pending: \(totals)")
        #expect(totals.accepted == Self.articles, "every page accepted once: \(totals)")
        #expect(storedIDs.count + failed.count == Self.articles, "stored \(storedIDs.count) + failed \(failed.count)")
        #expect(failed.count <= Self.articles / 100, "few definitive failures: \(failed.prefix(5).map { $0.reason ?? "" })")
        for f in failed { #expect(!(f.reason ?? "").isEmpty, "failure without a reason: \(f.origin)") }
        #expect(Set(try journal.entries(in: .stored).map(\.id)) == storedIDs, "journal and store agree")

        // The export has each stored id exactly once.
        let lines = try JSONLines.lines(in: Data(contentsOf: run.export))
        var exported: [String: Int] = [:]
        for line in lines {
            let object = try #require(try JSONSerialization.jsonObject(with: line) as? [String: Any])
            let id = try #require(object["id"] as? String)
            exported[id, default: 0] += 1
        }
        #expect(Set(exported.keys) == storedIDs)
        #expect(exported.values.allSatisfy { $0 == 1 }, "ids exported twice: \(exported.filter { $0.value > 1 }.keys.prefix(5))")

        // Every dead letter says why.
        let deadDir = run.dir.appendingPathComponent("dead-letters")
        var oversized = 0
        for file in try FileManager.default.contentsOfDirectory(atPath: deadDir.path) {
            for line in try JSONLines.lines(in: Data(contentsOf: deadDir.appendingPathComponent(file))) {
                let m = try JSONLines.message(from: line)
                let letter = try m.decode(DeadLetter.self)
                #expect(!letter.error.isEmpty, "a dead letter without a reason in \(file)")
                if letter.error.contains("larger than the limit") { oversized += 1 }
            }
        }
        #expect(oversized >= 1, "the oversized message was dead-lettered, not dropped")
    }
}

@Suite struct StartupFailureTests {
    @Test func aStageThatCannotBindSaysWhereAndExitsAtOnce() throws {
        let ports = Harness.ports(3)
        let busy = "tcp://127.0.0.1:\(ports[2])"
        let context = try Context()
        let squatter = try Socket(context, .pull)
        try squatter.bind(busy)
        defer { squatter.close() }
        let dir = try Harness.temporaryFolder()
        let out = try Harness.run("newswire-publish", [
            "--input", "tcp://127.0.0.1:\(ports[0])", "--database", dir.appendingPathComponent("s.sqlite").path,
            "--export", "", "--stories", busy], timeout: 20)
        #expect(out.status != 0)
        let stderr = String(decoding: out.stderr, as: UTF8.self)
        #expect(stderr.contains(busy), "stderr names the address: \(stderr)")
        #expect(stderr.contains("cannot bind"))
    }
}
