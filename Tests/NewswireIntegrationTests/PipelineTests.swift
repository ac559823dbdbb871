import Foundation
import NewswirePublish
import NewswireWire
import Testing

/// The four real stage processes over real ZeroMQ sockets, run by `newswire run`.
@Suite(.serialized) struct PipelineTests {
    static func pipelineFile(workdir: URL, ports p: [Int], retryAfter: Int = 20, normalizeEnv: String = "{}",
                             extra: String = "") -> String {
        func tcp(_ i: Int) -> String { "\"tcp://127.0.0.1:\(p[i])\"" }
        return """
        name: integration
        workdir: \(workdir.path)
        links:
          fetched:    { in: \(tcp(0)), out: \(tcp(1)), tap: \(tcp(2)) }
          normalized: { in: \(tcp(3)), out: \(tcp(4)), tap: \(tcp(5)) }
          extracted:  { in: \(tcp(6)), out: \(tcp(7)), tap: \(tcp(8)) }
        stages:
          - { name: fetch, command: newswire-fetch, finite: true, output: fetched,
              args: [\(Harness.samples.path), --acknowledgements, \(tcp(9)), --retry-after, "\(retryAfter)"] }
          - { name: normalize, command: newswire-normalize, input: fetched, output: normalized, replicas: 2,
              env: \(normalizeEnv) }
          - { name: extract, command: newswire-extract, input: normalized, output: extracted, replicas: 2 }
          - { name: publish, command: newswire-publish, input: extracted,
              args: [--database, \(workdir.path)/newswire.sqlite, --export, \(workdir.path)/articles.jsonl,
                     --acknowledgements, \(tcp(9))] }
        \(extra)
        """
    }

    @Test func sampleCorpusEndsUpInTheStoreWithItsFacts() throws {
        let dir = try Harness.temporaryFolder()
        let yaml = dir.appendingPathComponent("pipeline.yaml")
        try Self.pipelineFile(workdir: dir, ports: Harness.ports(10)).write(to: yaml, atomically: true, encoding: .utf8)
        let result = try Harness.run("newswire", ["run", yaml.path, "--exit-when-done"], timeout: 180)
        #expect(result.status == 0, "newswire run failed: \(String(decoding: result.stderr, as: UTF8.self))")

        let pages = try FileManager.default.contentsOfDirectory(atPath: Harness.samples.path).filter { $0.hasSuffix(".html") }
        let store = try ArticleStore(path: dir.appendingPathComponent("newswire.sqlite").path)
        #expect(try store.count() == pages.count)

        // What the pipeline stored is what the one-shot stages give for the same pages.
        let recorded = try Harness.messages(in: try Harness.fixture("extracted.jsonl"))
        let expectedByFile = try Dictionary(uniqueKeysWithValues: recorded.map { m in
            let a = try m.decode(ArticleExtracted.self)
            return (URL(string: a.article.url)!.lastPathComponent, a)
        })
        for id in try store.articleIDs() {
            let a = try #require(try store.article(id: id))
            let file = URL(string: a.article.url)!.lastPathComponent
            #expect(!a.entities.isEmpty, "\(file) has no entities")
            #expect(!a.quotes.isEmpty, "\(file) has no quotes")
            #expect(!a.amounts.isEmpty, "\(file) has no amounts")
            let expected = try #require(expectedByFile[file])
            #expect(a.article.text == expected.article.text, "\(file): pipeline text differs from one-shot")
            #expect(a.quotes == expected.quotes, "\(file): pipeline quotes differ from one-shot")
        }
        let deadLetters = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("dead-letters").path)
        for f in deadLetters {
            let size = try Data(contentsOf: dir.appendingPathComponent("dead-letters/\(f)")).count
            #expect(size == 0, "unexpected dead letters in \(f)")
        }
    }

    /// Replicas that die mid-message (abort after a few messages, again and again) are
    /// restarted, fetch re-sends what was not acknowledged, and every article is stored once.
    @Test func crashingReplicasLoseNothing() throws {
        let dir = try Harness.temporaryFolder()
        let yaml = dir.appendingPathComponent("pipeline.yaml")
        try Self.pipelineFile(workdir: dir, ports: Harness.ports(10), retryAfter: 3,
                         normalizeEnv: "{NEWSWIRE_FAULT_ABORT_AFTER: \"4\"}").write(to: yaml, atomically: true, encoding: .utf8)
        let result = try Harness.run("newswire", ["run", yaml.path, "--exit-when-done"], timeout: 420)
        let log = String(decoding: result.stderr, as: UTF8.self)
        #expect(result.status == 0, "newswire run failed; its last lines:\n\(log.split(separator: "\n").suffix(40).joined(separator: "\n"))")
        #expect(log.contains("restarting"), "no replica crashed: the fault was not injected")
        let pages = try FileManager.default.contentsOfDirectory(atPath: Harness.samples.path).filter { $0.hasSuffix(".html") }
        let store = try ArticleStore(path: dir.appendingPathComponent("newswire.sqlite").path)
        #expect(try store.count() == pages.count)
    }
}
