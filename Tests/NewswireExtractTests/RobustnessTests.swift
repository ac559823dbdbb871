import Foundation
import Testing
import NewswireWire
@testable import NewswireExtract

@Suite struct RobustnessTests {
    @Test func emptyText() {
        let r = extract("")
        #expect(r.entities.isEmpty && r.quotes.isEmpty && r.amounts.isEmpty && r.dates.isEmpty)
        #expect(r.sentenceCount == 0 && r.tokenCount == 0 && r.tone == 0)
        #expect(extract("   \n\n  ").tokenCount == 0)
    }

    @Test func noPunctuationAtAll() {
        let text = String(repeating: "the quick brown fox jumps over the lazy dog ", count: 2_000)
        let r = extract(text)
        #expect(r.sentenceCount == 1)
        #expect(r.tokenCount == 18_000)
    }

    @Test func mixedScripts() {
        let text = "Президент Владимир Путин заявил «мы победим». 东京 2026年11月 发生了地震。 In Tokyo, Kenji Sato said 30 people were hurt. 서울에서 회의가 열렸다."
        let r = extract(text)
        #expect(offsetErrors(r).isEmpty)
        #expect(entity(r, "Tokyo")?.type == .location)
        #expect(amount(r, "30 people") != nil)
    }

    @Test func unbalancedAndStrayMarks() {
        let r = extract("“Open but never closed. ” » « ‘ ’ \" \" \"\n\n)(][ ... — – -- … ! ? ,")
        #expect(offsetErrors(r).isEmpty)
    }

    @Test func fiveMegabytesFinishesQuickly() {
        let para = "Interior Minister Ana Ruiz said on Tuesday that police had detained 214 protesters in the capital. \"We will not be intimidated,\" said Tomás Ortega.\n\n"
        var text = ""
        while text.utf8.count < 5_000_000 { text += para }
        let clock = ContinuousClock()
        var r: ArticleExtracted? = nil
        let elapsed = clock.measure { r = extract(text) }
        #expect(elapsed < .seconds(20))
        #expect((r?.tokenCount ?? 0) > 800_000)
        #expect(!(r?.entities.isEmpty ?? true))
    }

    @Test func deterministic() {
        let text = ExampleTests.text
        #expect(extract(text) == extract(text))
    }

    @Test func toneSign() {
        #expect(extract("The rescue was a great success and the community celebrated the victory.").tone > 0.3)
        #expect(extract("The attack killed dozens and the crisis deepened amid fear and violence.").tone < -0.3)
        #expect(extract("The plan was not good.").tone < 0)
        let t = extract("War, death, destruction, disaster, catastrophe, terror and fear.").tone
        #expect(t >= -1 && t <= 1)
    }
}

@Suite struct RoughCountTests {
    /// Counts past the analysis limit are approximations; they must stay close to the real ones.
    @Test func roughCountsTrackRealCounts() {
        let text = ExampleTests.text + "\n\n" + ExampleTests.text
        let doc = Document(text: text)
        let rough = Extractor.roughCounts(Array(text.unicodeScalars)[...])
        #expect(abs(rough.tokens - doc.tokens.count) * 10 <= doc.tokens.count)
        #expect(abs(rough.sentences - doc.sentences.count) <= 2)
    }
}
