import Testing
import NewswireWire
@testable import NewswireExtract

/// Speaker attribution patterns common in news, one sentence (written for these tests) each.
@Suite struct AttributionPatternTests {
    func speakers(_ text: String) -> [String?] { extract(text).quotes.filter { $0.kind == .direct }.map(\.speaker) }

    @Test func speakerAfterRelativeClause() {
        #expect(speakers("\"We will not tolerate any violence at the border,\" Interior Minister Ana Ruiz, who took office in May after the election, said on Monday.") == ["Ana Ruiz"])
    }

    @Test func appositionBeforeSaid() {
        #expect(speakers("\"Prices will keep rising through the spring,\" Laura Bennett, the bank's chief economist for Europe, said.") == ["Laura Bennett"])
    }

    @Test func roleThenNameApposition() {
        #expect(speakers("The family's lawyer, Daniel Price, said: \"My client never meant to hurt anyone at all.\"") == ["Daniel Price"])
    }

    @Test func appositionAndRelativeClauseBeforeTold() {
        #expect(speakers("Mayor Lisa Moreno, who has clashed with the council over the budget for months, told residents that they were not \"asking for too much\".") == ["Lisa Moreno"])
    }

    @Test func saidNameComma() {
        #expect(speakers("\"The talks will resume next week in Geneva,\" said Omar Haddad, a spokesman for the ministry.") == ["Omar Haddad"])
    }

    @Test func spokespersonForOrganisation() {
        #expect(speakers("A spokesperson for the Red Cross said the agency \"will stay in the city as long as it is needed by the people there\".") == ["A spokesperson for the Red Cross"])
    }

    @Test func toldReuters() {
        #expect(speakers("\"We expect a decision before the end of the year,\" Julia Stone told Reuters.") == ["Julia Stone"])
    }

    @Test func saidInAStatementColon() {
        #expect(speakers("Helen Clark said in a statement: \"The company regrets the delay and will refund all customers.\"") == ["Helen Clark"])
    }

    @Test func accordingTo() {
        #expect(speakers("\"We expect a decision before the end of the year,\" according to Julia Stone, the agency director.") == ["Julia Stone"])
    }

    @Test func dashAttribution() {
        #expect(speakers("\"Nobody wins a trade war in the long run.\" — Maria Santos") == ["Maria Santos"])
    }

    @Test func colonAttribution() {
        #expect(speakers("Angela Merkel: \"We will manage this crisis together, whatever it costs.\"") == ["Angela Merkel"])
    }

    @Test func pronounSkipsNamesInsideQuotes() {
        #expect(speakers("Senator Paul Grant spoke after the vote. \"Nobody expected Peter Lind to resign this week,\" he said.") == ["Paul Grant"])
    }

    @Test func pronounPrefersPreviousSubjectAndNotTheListener() {
        let s = speakers("Anna Berg thanked Paul Novak on stage. Novak said the feeling was mutual. \"I admire the way you run this company,\" he told Berg.")
        #expect(s == ["Paul Novak"])
    }

    @Test func pronounFollowsAChainOfSameSentenceSubjects() {
        let s = speakers("Ivan Petrov, 55, pleaded guilty on Monday. He was arrested in April after a call to the office of Mayor Dana Wills. \"I never meant it,\" he said.")
        #expect(s == ["Ivan Petrov"])
    }

    @Test func innerSpeakerOfNestedQuote() {
        let s = speakers("During the call, John Hart shouted at the clerk and said, \"somebody should teach you a lesson tonight,\" the prosecutor's office said.")
        #expect(s == ["John Hart"])
    }

    @Test func calledItAQuote() {
        #expect(speakers("Senator Ben Carter called the ruling \"a betrayal of voters\".") == ["Ben Carter"])
    }

    @Test func questionMarkBeforeAttribution() {
        #expect(speakers("\"Why did nobody check the cells that night?\" Ben Carter asked.") == ["Ben Carter"])
    }

    @Test func participleSaying() {
        #expect(speakers("After the hearing, Ana Ruiz issued a statement, saying, \"We will appeal this decision in the coming weeks.\"") == ["Ana Ruiz"])
    }

    @Test func longQuoteInsideReportedSpeech() {
        #expect(speakers("Tom Hale said the firm employs 450 people, and he sees \"every day how much they care about this town\".") == ["Tom Hale"])
    }

    @Test func verbOfThinkingInsideReportedSpeech() {
        #expect(speakers("Ana Ruiz said that after a long review Washington had concluded the deal was \"fully consistent with the law and the treaty\".") == ["Ana Ruiz"])
    }

    @Test func quoteParagraphAfterIndirectSpeech() {
        let s = speakers("Mayor Lisa Moreno said the city would rebuild the bridge.\n\n\"We owe it to every family that lost someone in the flood.\"")
        #expect(s == ["Lisa Moreno"])
    }

    @Test func quoteAfterIndirectSpeechWithPronoun() {
        let s = speakers("\"We did our best,\" said Mark Ellis, the coach.\n\nSometimes players make mistakes, he said. \"But does that mean the whole season is lost for this team?\"")
        #expect(s == ["Mark Ellis", "Mark Ellis"])
    }

    @Test func strongerNameKeepsItsSurname() {
        let r = extract("Apple chief executive Tim Cook spoke first. Hosting Cook at the event was an honour, the host said. Cook thanked the audience.")
        let cook = entity(r, "Tim Cook")
        #expect((cook?.mentions.count ?? 0) >= 2)
    }

    @Test func scareQuoteInReportedSpeechStaysUnattributed() {
        // Short quotes far from any verb of speech are not given one.
        #expect(speakers("Police said on Tuesday that the long-delayed and widely criticised so-called \"peace plan\" was never discussed.").allSatisfy { $0 == nil })
    }
}
