import Foundation
import NewswireStageSDK
import NewswireStages
import NewswireWire
import Testing

/// The normalize and extract stages in-process, through the same StageProcessor the socket
/// runner and the one-shot mode use: no process, no socket.
@Suite struct StagesTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../NewswireIntegrationTests/Fixtures").standardizedFileURL

    static func recorded(_ name: String) throws -> [Message] {
        let data = try Data(contentsOf: fixtures.appendingPathComponent(name))
        return try JSONLines.lines(in: data).map { try JSONLines.message(from: $0) }
    }

    static func outputs(_ stage: any Stage, _ message: Message) throws -> [Message] {
        switch StageProcessor(stage: stage, replica: "test").handle(message) {
        case .outputs(let out): return out
        case .deadLetter(_, let reason): Issue.record("dead letter: \(reason)"); return []
        }
    }

    @Test func normalizeTurnsEachRecordedPageIntoItsRecordedArticle() throws {
        let expected = Dictionary(uniqueKeysWithValues: try Self.recorded("normalized.jsonl").map { ($0.header.id, $0) })
        for page in try Self.recorded("fetched.jsonl").prefix(5) {
            let out = try Self.outputs(NormalizeStage(), page)
            #expect(out.count == 1)
            let got = try out[0].decode(ArticleNormalized.self)
            let want = try #require(expected[page.header.id]).decode(ArticleNormalized.self)
            #expect(got.text == want.text)
            #expect(got.title == want.title)
            #expect(out[0].header.trace.last?.stage == "normalize")
        }
    }

    @Test func extractFindsTheRecordedFacts() throws {
        let expected = Dictionary(uniqueKeysWithValues: try Self.recorded("extracted.jsonl").map { ($0.header.id, $0) })
        for article in try Self.recorded("normalized.jsonl").prefix(5) {
            let out = try Self.outputs(ExtractStage(), article)
            let got = try #require(out.first).decode(ArticleExtracted.self)
            let want = try #require(expected[article.header.id]).decode(ArticleExtracted.self)
            #expect(got.quotes == want.quotes)
            #expect(got.amounts == want.amounts)
            #expect(got.entities.map(\.name) == want.entities.map(\.name))
        }
    }

    @Test func aPageWithoutItsBytesIsADeadLetterSayingSo() throws {
        var page = try #require(try Self.recorded("fetched.jsonl").first)
        page.raw = nil
        guard case .deadLetter(_, let reason) = StageProcessor(stage: NormalizeStage(), replica: "t").handle(page) else {
            Issue.record("expected a dead letter"); return
        }
        #expect(reason.contains("no raw frame with the page bytes"))
    }
}
