import Testing
@testable import NewswireExtract

@Suite struct TokenizerTests {
    func words(_ s: String) -> [String] { Tokenizer().tokenize(Array(s.unicodeScalars)).map(\.text) }

    @Test func abbreviationsKeepTheirStop() {
        #expect(words("Gen. Smith and Sen. Jones met U.S. officials in Sept. at Acme Inc.") ==
                ["Gen.", "Smith", "and", "Sen.", "Jones", "met", "U.S.", "officials", "in", "Sept.", "at", "Acme", "Inc."])
    }

    @Test func numbersKeepSeparators() {
        #expect(words("3.5 million, 1,200 people and 20-30 cm") == ["3.5", "million", ",", "1,200", "people", "and", "20", "-", "30", "cm"])
    }

    @Test func possessivesAndContractions() {
        #expect(words("Ruiz's office didn't say") == ["Ruiz", "'s", "office", "didn't", "say"])
        #expect(words("O’Brien’s plan") == ["O’Brien", "’s", "plan"])
    }

    @Test func quoteDirection() {
        let t = Tokenizer().tokenize(Array("\"Yes,\" he said. “No” «Non»".unicodeScalars))
        let quotes = t.filter { $0.kind == .quote }
        #expect(quotes.map { $0.has(.quoteOpen) } == [true, false, true, false, true, false])
    }

    @Test func offsetsAreScalarOffsets() {
        let s = "Café “Zürich” 🇫🇷 3.5"
        let t = Tokenizer().tokenize(Array(s.unicodeScalars))
        for tok in t { #expect(slice(s, tok.start, tok.end) == tok.text) }
        #expect(t.last?.text == "3.5")
    }

    @Test func hyphenatedNames() {
        #expect(words("Jean-Pierre visited a Paris-based pro-Russian group") ==
                ["Jean-Pierre", "visited", "a", "Paris", "-", "based", "pro", "-", "Russian", "group"])
        #expect(words("Bashar al-Assad") == ["Bashar", "al-Assad"])
    }
}

@Suite struct SentenceSplitterTests {
    @Test func abbreviationsAndInitials() {
        let s = sentences("Gen. Mark Milley met J. K. Rowling on Nov. 14 in Washington. Mr. Smith left at 3.5 p.m. on Sept. 3. Then it rained.")
        #expect(s.count == 3)
        #expect(s.first?.hasSuffix("Washington.") == true)
    }

    @Test func sentenceEndingAbbreviation() {
        let s = sentences("The company moved to the U.S. The move was costly. It cost $1.2 billion.")
        #expect(s == ["The company moved to the U.S.", "The move was costly.", "It cost $1.2 billion."])
    }

    @Test func quotesAndQuestionMarks() {
        let s = sentences("\"Why now?\" he asked. \"Because.\" She left... And came back!")
        #expect(s == ["\"Why now?\" he asked.", "\"Because.\"", "She left...", "And came back!"])
    }

    @Test func headlinesAndParagraphs() {
        let s = sentences("Police Detain 214 Protesters\n\nThe march began at noon. It ended late\n\nNo full stop here")
        #expect(s == ["Police Detain 214 Protesters", "The march began at noon.", "It ended late", "No full stop here"])
    }

    @Test func decimalsDoNotSplit() {
        #expect(sentences("Growth was 3.5 percent. Inflation hit 1,200.5 points.").count == 2)
    }
}
