import Foundation
import NewswireWire
import Testing

/// One-shot runs of each stage on the recorded sample corpus give exactly the recorded next
/// step. Re-record with `Scripts/record-fixtures` after changing a stage on purpose.
@Suite(.serialized) struct GoldenTests {
    func check(stage: String, input: String, expected: String) throws {
        let result = try Harness.run(stage, ["--once"], stdin: try Harness.fixture(input))
        #expect(result.status == 0, "\(String(decoding: result.stderr, as: UTF8.self))")
        let got = try JSONLines.lines(in: result.stdout).map { try JSONLines.message(from: $0) }
        let want = try Harness.messages(in: try Harness.fixture(expected))
        #expect(got.count == want.count)
        for (g, w) in zip(got, want) {
            #expect(g.header.id == w.header.id)
            #expect(g.header.kind == w.header.kind)
            #expect(try Harness.bodyObject(g) == Harness.bodyObject(w), "\(stage) output for \(w.header.id) differs from \(expected)")
        }
    }

    @Test func normalizeMatchesTheRecording() throws {
        try check(stage: "newswire-normalize", input: "fetched.jsonl", expected: "normalized.jsonl")
    }

    @Test func extractMatchesTheRecording() throws {
        try check(stage: "newswire-extract", input: "normalized.jsonl", expected: "extracted.jsonl")
    }

    @Test func publishAcknowledgesEveryRecordedArticle() throws {
        let dir = try Harness.temporaryFolder()
        let result = try Harness.run("newswire-publish", ["--once", "--database", dir.appendingPathComponent("db.sqlite").path,
                                                          "--export", dir.appendingPathComponent("a.jsonl").path],
                                     stdin: try Harness.fixture("extracted.jsonl"))
        #expect(result.status == 0)
        let out = try JSONLines.lines(in: result.stdout).map { try JSONLines.message(from: $0) }
        let acks = out.filter { $0.header.kind == MessageKind.ack }
        let recorded = try Harness.messages(in: try Harness.fixture("extracted.jsonl"))
        #expect(Set(acks.map(\.header.id)) == Set(recorded.map(\.header.id)))
        #expect(out.contains { $0.header.kind == MessageKind.storyUpdated })
    }

    @Test func fetchRecordingCoversEverySamplePage() throws {
        let pages = try FileManager.default.contentsOfDirectory(atPath: Harness.samples.path).filter { $0.hasSuffix(".html") }
        let fetched = try Harness.messages(in: try Harness.fixture("fetched.jsonl"))
        #expect(pages.count >= 15)
        let names = try fetched.map { URL(string: try fetched0($0).url)?.lastPathComponent ?? "" }
        #expect(Set(names) == Set(pages))
    }

    private func fetched0(_ m: Message) throws -> ArticleFetched {
        try m.decode(ArticleFetched.self)
    }

    /// The wire story the sample corpus carries in three outlets' templates comes out as
    /// near-duplicates (SimHash within 10 bits); no other pair of sample articles does.
    @Test func syndicatedCopiesAreNearDuplicates() throws {
        let articles = try Harness.messages(in: try Harness.fixture("normalized.jsonl")).map {
            try $0.decode(ArticleNormalized.self)
        }
        var close: Set<String> = []
        for (i, a) in articles.enumerated() {
            for b in articles[(i + 1)...] {
                let d = (UInt64(a.fingerprint, radix: 16)! ^ UInt64(b.fingerprint, radix: 16)!).nonzeroBitCount
                if d <= 10 {
                    close.insert(URL(string: a.url)!.lastPathComponent)
                    close.insert(URL(string: b.url)!.lastPathComponent)
                }
            }
        }
        #expect(close == ["coastline-daily-2026-11-11-lumenra-job-cuts.html", "meridian-herald-2026-11-10-lumenra-layoffs.html",
                          "valley-wire-2026-11-10-lumenra-job-cuts.html"])
    }
}
