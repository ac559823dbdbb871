import Foundation
import NewswirePublish
import NewswireWire
import Testing

func article(_ id: String, title: String, names: [String], fingerprint: String = "0000000000000000",
             amounts: [Amount] = []) -> ArticleExtracted {
    let a = ArticleNormalized(id: id, url: "https://news.test/\(id)", title: title, text: "Text of \(id).",
                              paragraphs: ["Text of \(id)."], contentHash: "h-\(id)", fingerprint: fingerprint)
    return ArticleExtracted(article: a, entities: names.map { Entity(name: $0, type: .person, mentions: []) }, amounts: amounts)
}

func temporaryDatabase() -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent("newswire-\(UUID()).sqlite").path
}

@Suite struct ArticleStoreTests {
    @Test func storingTwiceIsIdempotent() throws {
        let store = try ArticleStore(path: temporaryDatabase())
        let a = article("a1", title: "Port strike enters second week", names: ["Ana Ruiz"])
        #expect(try store.store(a).0 == .inserted)
        #expect(try store.store(a).0 == .unchanged)
        var changed = a
        changed.tone = 0.5
        #expect(try store.store(changed).0 == .updated)
        #expect(try store.count() == 1)
        #expect(try store.article(id: "a1") == changed)
    }

    @Test func survivesReopening() throws {
        let path = temporaryDatabase()
        try ArticleStore(path: path).store(article("a1", title: "T", names: []))
        #expect(try ArticleStore(path: path).articleIDs() == ["a1"])
    }

    @Test func groupsArticlesOfTheSameStoryAndKeepsTheirClaims() throws {
        let store = try ArticleStore(path: temporaryDatabase())
        let police = Amount(text: "214 protesters", value: 214, unit: nil, object: "protesters", source: "police", start: 0, end: 3)
        let organisers = Amount(text: "more than 600", value: 600, unit: nil, object: "protesters", approximate: true, source: "organisers", start: 0, end: 3)
        let (_, s1) = try store.store(article("a1", title: "Police detain protesters in Port Avalon", names: ["Ana Ruiz", "Civic Front", "Port Avalon"], amounts: [police]))
        let (_, s2) = try store.store(article("a2", title: "Hundreds detained at Port Avalon march", names: ["Ana Ruiz", "Civic Front", "Tomás Ortega", "Port Avalon"], amounts: [organisers]))
        let (_, s3) = try store.store(article("a3", title: "Harbour cranes idle as dockers strike", names: ["Lena Park", "Dockworkers Union"], fingerprint: "ffffffffffffffff"))
        #expect(s1 == s2)
        #expect(s3 != s1)
        let story = try #require(try store.story(id: s1))
        #expect(story.articles.map(\.id) == ["a1", "a2"])
        #expect(Set(story.claims.compactMap(\.source)) == ["police", "organisers"])
    }
}

@Suite struct JSONLinesExportTests {
    @Test func appendsOneLinePerArticle() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("export-\(UUID()).jsonl").path
        let export = try JSONLinesExport(path: path)
        try export.append(article("a1", title: "T", names: []))
        try export.append(article("a2", title: "T", names: []))
        let lines = JSONLines.lines(in: try Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(lines.count == 2)
        #expect(try WireCoding.decoder.decode(ArticleExtracted.self, from: lines[1]).article.id == "a2")
    }
}

@Suite struct PluginFieldTests {
    @Test func bodiesAreStoredAsReceivedSoPluginFieldsSurvive() throws {
        let store = try ArticleStore(path: temporaryDatabase())
        let a = article("a1", title: "T", names: [])
        var object = try #require(try JSONSerialization.jsonObject(with: WireCoding.encoder.encode(a)) as? [String: Any])
        object["alerts"] = [["keyword": "strike"]]
        let body = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        try store.store(a, body: body)
        let stored = try #require(try store.articleJSON(id: "a1"))
        let back = try #require(try JSONSerialization.jsonObject(with: stored) as? [String: Any])
        #expect((back["alerts"] as? [[String: String]])?.first?["keyword"] == "strike")
        #expect(try store.article(id: "a1") == a)
    }
}
