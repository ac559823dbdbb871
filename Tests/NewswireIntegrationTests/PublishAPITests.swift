import Foundation
import NewswireWire
import Testing

/// The publish process over real sockets, read back through its HTTP API on loopback.
@Suite(.serialized) struct PublishAPITests {
    func get(_ url: String) -> Data? {
        guard let u = URL(string: url) else { return nil }
        return try? Data(contentsOf: u)
    }

    /// The `items` of a page of the API.
    func items(_ data: Data?) -> [[String: Any]] {
        data.flatMap { try? JSONSerialization.jsonObject(with: $0) as? [String: Any] }?["items"] as? [[String: Any]] ?? []
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
            summaries = items(get("\(base)/api/articles?limit=500"))
        }
        #expect(summaries.count == recorded.count)

        let id = recorded[0].header.id
        let article = try #require(get("\(base)/api/articles/\(id)"))
        #expect(try WireCoding.decoder.decode(ArticleExtracted.self, from: article).article.id == id)
        #expect(get("\(base)/api/articles/does-not-exist") == nil)

        let stories = items(get("\(base)/api/stories?limit=500"))
        // Several outlets cover the same events in the sample corpus: some stories group articles.
        let grouped = try #require(stories.first { ($0["articleCount"] as? Int ?? 0) > 1 })
        #expect(stories.count < recorded.count)
        let story = try #require(get("\(base)/api/stories/\(grouped["id"] as? String ?? "")")
            .flatMap { try JSONSerialization.jsonObject(with: $0) as? [String: Any] })
        #expect((story["articles"] as? [Any])?.count == grouped["articleCount"] as? Int)
        #expect(story["figures"] is [Any])

        let page = try #require(get("\(base)/").map { String(decoding: $0, as: UTF8.self) })
        #expect(page.contains("<h1>Stories</h1>"))
        let exported = JSONLines.lines(in: try Data(contentsOf: dir.appendingPathComponent("articles.jsonl")))
        #expect(exported.count == recorded.count)
    }
}
