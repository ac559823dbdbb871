import Testing
import NewswireWire
@testable import NewswireExtract

@Suite struct QuoteTests {
    func direct(_ r: ArticleExtracted) -> [Quote] { r.quotes.filter { $0.kind == .direct } }

    @Test func splitQuoteIsOne() throws {
        let r = extract("Mayor John Carter spoke on Monday. \"We are ready,\" he said, \"and we will rebuild the bridge.\"")
        let q = try #require(direct(r).first)
        #expect(direct(r).count == 1)
        #expect(q.speaker == "John Carter")
        #expect(q.text == "We are ready, and we will rebuild the bridge.")
    }

    @Test func speakerBeforeColon() throws {
        let r = extract("Sarah Cohen told reporters: “The situation is getting worse every single day.”")
        #expect(direct(r).first?.speaker == "Sarah Cohen")
        #expect(direct(r).first?.verb == "told")
    }

    @Test func pronounResolvesToLastCompatiblePerson() throws {
        let r = extract("Maria Lopez met John Smith in Rome. \"It was a very productive meeting for everyone,\" she said. \"We disagree on almost everything here,\" he added.")
        let q = direct(r)
        #expect(q.count == 2)
        #expect(q.first?.speaker == "Maria Lopez")
        #expect(q.last?.speaker == "John Smith")
    }

    @Test func roleNounResolvesToPersonWithThatRole() {
        let r = extract("Interior Minister Ana Ruiz visited the site. \"Nobody will be left behind after this disaster,\" the minister said.")
        #expect(direct(r).first?.speaker == "Ana Ruiz")
    }

    @Test func guillemetsAndCurlyQuotes() {
        let r = extract("« Nous ne partirons pas d'ici avant la fin », a déclaré Marine Dupont. “We stay until the end of the week,” said Paul Weber.")
        let q = direct(r)
        #expect(q.count == 2)
        #expect(q.first?.text == "Nous ne partirons pas d'ici avant la fin")
        #expect(q.last?.speaker == "Paul Weber")
    }

    @Test func multiParagraphQuote() throws {
        let text = "Ana Ruiz described the night.\n\n\"We saw the crowd grow by the hour and the police could not hold the line.\n\n\"By midnight the square was full,\" she said."
        let r = extract(text)
        let q = try #require(direct(r).first)
        #expect(direct(r).count == 1)
        #expect(q.text.contains("hold the line") && q.text.contains("By midnight"))
        #expect(q.speaker == "Ana Ruiz")
        #expect(slice(text, q.start, q.end).hasPrefix("We saw"))
    }

    @Test func followOnQuoteInNewParagraphKeepsSpeaker() {
        let r = extract("\"The bridge will open next year as planned,\" said Tom Hale, the city engineer.\n\n\"Nothing has changed in the schedule.\"")
        let q = direct(r)
        #expect(q.count == 2)
        #expect(q.allSatisfy { $0.speaker == "Tom Hale" })
    }

    @Test func scareQuotesAreNotQuotes() {
        let r = extract("The so-called \"peace plan\" was rejected by the \"council\" yesterday.")
        #expect(direct(r).isEmpty)
    }

    @Test func indirectSpeechAndAccordingTo() {
        let r = extract("Police said that three people had been arrested. According to the Red Cross, the camp is full. The camp has no water, aid workers warned.")
        let ind = r.quotes.filter { $0.kind == .indirect }
        #expect(ind.contains { $0.speaker == "Police" && $0.text == "three people had been arrested" && $0.verb == "said" })
        #expect(ind.contains { $0.speaker == "Red Cross" && $0.text == "the camp is full" })
        #expect(ind.contains { $0.speaker == "aid workers" && $0.text == "The camp has no water" && $0.verb == "warned" })
        #expect(offsetErrors(r).isEmpty)
    }

    @Test func unnamedSpeakerKeepsTheWords() {
        let r = extract("\"They came at night and took everything we had,\" a local farmer said.")
        #expect(direct(r).first?.speaker == "a local farmer")
    }

    @Test func unbalancedQuotesDoNotCrash() {
        let r = extract("He said \"this never closes. And \"this one neither\n\nNew paragraph \" stray.")
        #expect(offsetErrors(r).isEmpty)
        #expect(r.quotes.allSatisfy { $0.start <= $0.end })
    }
}
