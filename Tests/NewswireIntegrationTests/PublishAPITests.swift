import Foundation
import NewswireWire
import Testing

/// The publish process over real sockets, read back through its HTTP API on loopback.
@Suite(.serialized) struct PublishAPITests {
    func get(_ url: String) -> Data? {
        guard let u = URL(string: url) else { return nil }
        return try? Data(contentsOf: u)
    }

    @Test func storedArticlesAndStoriesAreServed() throws {
        let dir = try Harness.temporaryFolder()
        let p = Harness.ports(2)
        let input = "tcp://127.0.0.1:\(p[0])"
        let publish = try Harness.start("newswire-publish", [
            "--input", input, "--bind-input", "--database", dir.appendingPathComponent("db.sqlite").path,
            "--export", dir.appendingPathComponent("articles.jsonl").path, "--http-port", "\(p[1])",
            "--dead-letter-file", dir.appendingPathComponent("dead.jsonl").path,
        ], log: dir.appendingPathComponent("publish.log"))
        defer { Harness.stop(publish) }

        let recorded = try Harness.messages(in: try Harness.fixture("extracted.jsonl"))
        let replay = try Harness.run("newswire", ["replay", try Harness.fixture("extracted.jsonl").path, input])
        #expect(replay.status == 0)

        let base = "http://127.0.0.1:\(p[1])"
        var summaries: [[String: Any]] = []
        let deadline = Date().addingTimeInterval(30)
        while summaries.count < recorded.count && Date() < deadline {
            Thread.sleep(forTimeInterval: 0.2)
            summaries = get("\(base)/api/articles").flatMap { try? JSONSerialization.jsonObject(with: $0) as? [[String: Any]] } ?? []
        }
        #expect(summaries.count == recorded.count)

        let id = recorded[0].header.id
        let article = try #require(get("\(base)/api/articles/\(id)"))
        #expect(try WireCoding.decoder.decode(ArticleExtracted.self, from: article).article.id == id)
        #expect(get("\(base)/api/articles/does-not-exist") == nil)

        let stories = try #require(get("\(base)/api/stories").flatMap { try JSONSerialization.jsonObject(with: $0) as? [[String: Any]] })
        let validator = SchemaValidator()
        let schema = try #require(try Schemas.schema(for: MessageKind.storyUpdated))
        for s in stories { #expect(validator.violations(of: s, against: schema) == []) }
        // Several outlets cover the same events in the sample corpus: some stories group articles.
        #expect(stories.contains { ($0["articles"] as? [Any])?.count ?? 0 > 1 })
        #expect(stories.count < recorded.count)

        let page = try #require(get("\(base)/").map { String(decoding: $0, as: UTF8.self) })
        #expect(page.contains("<h1>Stories</h1>"))
        let exported = JSONLines.lines(in: try Data(contentsOf: dir.appendingPathComponent("articles.jsonl")))
        #expect(exported.count == recorded.count)
    }
}
