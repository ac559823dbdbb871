import Foundation
import NewswirePublish
import NewswireWire
import Testing

@Suite struct StoryDigestTests {
    static func report(_ id: String, site: String, published: String, paragraphs: [String],
                       entities: [Entity] = [], dates: [(String, String?)] = []) -> ArticleExtracted {
        let text = paragraphs.joined(separator: "\n\n")
        let scalars = Array(text.unicodeScalars)
        let mentions = dates.map { phrase, value -> DateMention in
            let start = Self.offset(of: phrase, in: scalars)
            return DateMention(text: phrase, value: value, start: start, end: start + phrase.unicodeScalars.count)
        }
        let a = ArticleNormalized(id: id, url: "https://\(site)/\(id)", title: "T \(id)", publishedAt: published, siteName: site,
                                  text: text, paragraphs: paragraphs, contentHash: id, fingerprint: "0000000000000000")
        return ArticleExtracted(article: a, entities: entities, dates: mentions)
    }

    static func offset(of phrase: String, in scalars: [Unicode.Scalar]) -> Int {
        let p = Array(phrase.unicodeScalars)
        return (0...(scalars.count - p.count)).first { Array(scalars[$0..<$0 + p.count]) == p }!
    }

    static let strike = [
        report("a1", site: "harbour.test", published: "2026-11-24T08:00:00Z", paragraphs: [
            "Dockworkers walked out at Port Avalon on Monday, halting the container terminal. The union said pay talks had failed.",
            "Ships queued outside the harbour."],
            entities: [Entity(name: "Port Avalon", type: .location, mentions: [Mention(text: "Port Avalon", start: 0, end: 1), Mention(text: "Port Avalon", start: 2, end: 3)]),
                       Entity(name: "Marta Neves", type: .person, mentions: [])],
            dates: [("Monday", "2026-11-23")]),
        report("a2", site: "wire.test", published: "2026-11-24T09:00:00Z", paragraphs: [
            "The container terminal at Port Avalon was halted after dockworkers walked out over pay on Monday.",
            "Talks are due to resume on Thursday, Nov. 26, the port authority said."],
            entities: [Entity(name: "Port Avalon", type: .location, mentions: []),
                       Entity(name: "Port Authority", type: .organization, mentions: [])],
            dates: [("Thursday, Nov. 26", "2026-11-26"), ("Monday", nil)]),
        report("a3", site: "daily.test", published: "2026-11-25T07:00:00Z", paragraphs: [
            "Dockworkers at Port Avalon kept the container terminal shut for a second day on Tuesday, after the walkout on Monday."],
            entities: [Entity(name: "Port Avalon", type: .location, mentions: [])],
            dates: [("Tuesday", "2026-11-24"), ("Monday", "2026-11-23")]),
    ]

    @Test func theSummaryIsSentencesOutletsPrintedAboutWhatTheyShare() {
        let digest = StoryDigest(articles: Self.strike)
        #expect(!digest.summary.isEmpty && digest.summary.count <= StoryDigest.summarySentences)
        let allText = Self.strike.map(\.article.text).joined(separator: " ")
        for sentence in digest.summary {
            #expect(allText.contains(sentence.text), "not printed by any outlet: \(sentence.text)")
            #expect(sentence.text.contains("container terminal") || sentence.text.contains("Dockworkers"))
        }
        // In the order the articles appeared, at most one sentence from each.
        let ids = digest.summary.map(\.articleId)
        #expect(ids == ids.sorted())
        #expect(Set(ids).count == ids.count)
    }

    @Test func nearlyIdenticalSentencesAreNotRepeated() {
        let copy = Self.report("a4", site: "copy.test", published: "2026-11-24T08:30:00Z",
                               paragraphs: [Self.strike[0].article.paragraphs[0]])
        let digest = StoryDigest(articles: Self.strike + [copy])
        let texts = digest.summary.map(\.text)
        #expect(Set(texts).count == texts.count)
    }

    @Test func entitiesAreRankedByHowManyArticlesNameThem() {
        let digest = StoryDigest(articles: Self.strike)
        #expect(digest.entities.first?.name == "Port Avalon")
        #expect(digest.entities.first?.articles == 3)
        #expect(digest.entities.first?.mentions == 4)
        #expect(digest.entities.first?.id == "port avalon")
        #expect(Set(digest.entities.map(\.name)) == ["Port Avalon", "Marta Neves", "Port Authority"])
    }

    @Test func theTimelineHasOneEventPerResolvedDateEarliestFirstWithItsSentence() {
        let digest = StoryDigest(articles: Self.strike)
        #expect(digest.timeline.map(\.date) == ["2026-11-23", "2026-11-24", "2026-11-26"])
        let monday = digest.timeline[0]
        #expect(monday.text == "Dockworkers walked out at Port Avalon on Monday, halting the container terminal.")
        #expect(monday.articleId == "a1" && monday.outlet == "harbour.test")
        #expect(monday.articles == 2)   // a2's "Monday" was not resolved, a3's was
        #expect(digest.timeline[2].text == "Talks are due to resume on Thursday, Nov. 26, the port authority said.")
    }

    @Test func aStoryWithoutDatesOrSharedWordsStillHasALead() {
        let lone = Self.report("b1", site: "x.test", published: "2026-11-01T00:00:00Z", paragraphs: ["A single report about a quiet harbour town."])
        let digest = StoryDigest(articles: [lone])
        #expect(digest.summary.map(\.text) == ["A single report about a quiet harbour town."])
        #expect(digest.timeline.isEmpty)
        #expect(StoryDigest(articles: []).summary.isEmpty)
    }

    @Test func aDekRunIntoTheLeadIsNotASummarySentence() {
        let runOn = "Terminal ran at about 70 percent of normal capacity on Monday, port chief says; union insists the port is "
            + "paralysed Cranes kept moving at the Port Avalon Container Terminal on Monday despite the first day of a 48-hour strike "
            + "by dockworkers, with the port authority saying about 40 percent of workers had stayed away from their shifts."
        let a = Self.report("c1", site: "a.test", published: "2026-11-24T08:00:00Z",
                            paragraphs: [runOn, "The port authority said the container terminal kept working on Monday."])
        let b = Self.report("c2", site: "b.test", published: "2026-11-24T09:00:00Z",
                            paragraphs: ["The container terminal at Port Avalon kept working on Monday, the port authority said."])
        let digest = StoryDigest(articles: [a, b])
        #expect(!digest.summary.isEmpty)
        #expect(digest.summary.allSatisfy { $0.text.count <= 280 })
    }
}
