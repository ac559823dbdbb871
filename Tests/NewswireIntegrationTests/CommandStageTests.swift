import Foundation
import NewswirePublish
import NewswireWire
import Testing

/// Any program as a stage (`newswire command-stage`, `kind: command`): real child programs,
/// including ones that crash, hang and print garbage.
@Suite struct CommandStageTests {
    static let example = Harness.root.appendingPathComponent("Pipelines/plugins/language_filter.py").path

    /// Three sample articles as extract sends them.
    static func threeArticles() throws -> URL {
        let lines = try String(contentsOf: try Harness.fixture("extracted.jsonl"), encoding: .utf8).split(separator: "\n").prefix(3)
        let file = try Harness.temporaryFolder().appendingPathComponent("three.jsonl")
        try (lines.joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    static func deadLetterReasons(_ file: URL) throws -> [String] {
        guard FileManager.default.fileExists(atPath: file.path) else { return [] }
        return try Harness.messages(in: file).map { letter in
            (try JSONSerialization.jsonObject(with: letter.body) as? [String: Any])?["error"] as? String ?? ""
        }
    }

    /// A script that answers by echoing, except as `behaviour` says for the second message.
    static func script(_ behaviour: String) throws -> URL {
        let file = try Harness.temporaryFolder().appendingPathComponent("stage.py")
        try """
            import sys, time
            n = 0
            for line in sys.stdin:
                n += 1
                if n == 2:
            \(behaviour)
                sys.stdout.write(line)
                sys.stdout.flush()
            """.write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    func runOnce(_ run: [String], timeout: Double = 30) throws -> (outputs: [Message], reasons: [String], stderr: String, status: Int32) {
        let deadLetters = try Harness.temporaryFolder().appendingPathComponent("dead.jsonl")
        let result = try Harness.run("newswire", ["command-stage", "--once", "--accepts", "article.extracted", "--timeout", String(timeout),
                                                  "--dead-letter-file", deadLetters.path] + run.flatMap { ["--run", $0] },
                                     stdin: try Self.threeArticles(), timeout: 120)
        let out = try Harness.temporaryFolder().appendingPathComponent("out.jsonl")
        try result.stdout.write(to: out)
        return (try Harness.messages(in: out), try Self.deadLetterReasons(deadLetters), String(decoding: result.stderr, as: UTF8.self),
                result.status)
    }

    @Test func theExampleTagsKeywordsAndDropsOtherLanguagesWithAReason() throws {
        let kept = try runOnce(["python3", Self.example, "--keep", "en"])
        #expect(kept.status == 0)
        #expect(kept.outputs.count == 3)
        #expect(kept.reasons.isEmpty)
        let body = try #require(try JSONSerialization.jsonObject(with: kept.outputs[0].body) as? [String: Any])
        #expect((body["keywords"] as? [String])?.contains("police") == true)
        #expect(try kept.outputs[0].decode(ArticleExtracted.self).article.id.isEmpty == false)

        let dropped = try runOnce(["python3", Self.example, "--keep", "de"])
        #expect(dropped.outputs.isEmpty)
        #expect(dropped.reasons.count == 3)
        #expect(dropped.reasons.allSatisfy { $0.hasPrefix("dropped by command: language 'en' is not among de") })
    }

    @Test func aProgramThatCrashesOnAMessageIsRestartedForTheNext() throws {
        let r = try runOnce(["python3", try Self.script("        sys.exit(3)").path])
        #expect(r.outputs.count == 2)
        #expect(r.reasons.count == 1)
        #expect(r.reasons.first?.contains("exited with status 3 while handling this message; it was restarted") == true)
    }

    @Test func aProgramThatHangsIsKilledAtTheTimeoutAndRestarted() throws {
        let start = Date()
        let r = try runOnce(["python3", try Self.script("        time.sleep(120)").path], timeout: 1)
        #expect(Date().timeIntervalSince(start) < 60)
        #expect(r.outputs.count == 2)
        #expect(r.reasons.count == 1)
        #expect(r.reasons.first?.contains("gave no answer within 1.0 seconds") == true)
    }

    @Test func garbageAnswersAreDeadLettersNamingWhatCameBack() throws {
        let r = try runOnce(["python3", try Self.script("        sys.stdout.write('not json at all\\n'); sys.stdout.flush(); continue").path])
        #expect(r.outputs.count == 2)
        #expect(r.reasons.count == 1)
        #expect(r.reasons.first?.contains("'not json at all'") == true)
    }

    @Test func aProgramThatCannotStartIsAStartupErrorNamingIt() throws {
        let r = try runOnce(["no-such-program-anywhere"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("cannot start the command stage's program `no-such-program-anywhere`"))
        #expect(r.stderr.contains("program not found"))
    }

    @Test func aCommandStageInAPipelineFileReachesTheStore() throws {
        let dir = try Harness.temporaryFolder()
        let p = Harness.ports(13)
        func tcp(_ i: Int) -> String { "\"tcp://127.0.0.1:\(p[i])\"" }
        // The script's path is relative to the pipeline file's folder.
        let plugins = dir.appendingPathComponent("plugins")
        try FileManager.default.createDirectory(at: plugins, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Self.example, toPath: plugins.appendingPathComponent("language_filter.py").path)
        let yaml = dir.appendingPathComponent("pipeline.yaml")
        try """
            name: command-stage
            workdir: \(dir.path)
            links:
              fetched:    { in: \(tcp(0)), out: \(tcp(1)) }
              normalized: { in: \(tcp(3)), out: \(tcp(4)) }
              extracted:  { in: \(tcp(6)), out: \(tcp(7)) }
              filtered:   { in: \(tcp(10)), out: \(tcp(11)) }
            stages:
              - { name: fetch, command: newswire-fetch, finite: true, output: fetched,
                  args: [\(Harness.samples.path), --acknowledgements, \(tcp(9))] }
              - { name: normalize, command: newswire-normalize, input: fetched, output: normalized }
              - { name: extract, command: newswire-extract, input: normalized, output: extracted }
              - { name: languages, kind: command, run: [python3, plugins/language_filter.py, --keep, en],
                  accepts: [article.extracted], input: extracted, output: filtered, replicas: 2 }
              - { name: publish, command: newswire-publish, input: filtered,
                  args: [--database, \(dir.path)/newswire.sqlite, --export, "", --acknowledgements, \(tcp(9))] }
            """.write(to: yaml, atomically: true, encoding: .utf8)
        let result = try Harness.run("newswire", ["run", yaml.path, "--exit-when-done"], timeout: 180)
        #expect(result.status == 0, "newswire run failed: \(String(decoding: result.stderr, as: UTF8.self))")
        let store = try ArticleStore(path: dir.appendingPathComponent("newswire.sqlite").path)
        let pages = try FileManager.default.contentsOfDirectory(atPath: Harness.samples.path).filter { $0.hasSuffix(".html") }
        #expect(try store.count() == pages.count)
        for id in try store.articleIDs() {
            let stored = try #require(try store.articleJSON(id: id))
            let body = try #require(try JSONSerialization.jsonObject(with: stored) as? [String: Any])
            #expect((body["keywords"] as? [String])?.isEmpty == false, "\(id) has no keywords")
        }
    }
}
