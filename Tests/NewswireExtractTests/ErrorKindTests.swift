import Testing
import NewswireWire
@testable import NewswireExtract

/// The error kinds of issue 11 (direct and indirect quotations, speakers, amount objects and
/// sources, events typed as people), each on sentences written for these tests.
@Suite struct ErrorKindTests {
    func direct(_ text: String) -> [Quote] { extract(text).quotes.filter { $0.kind == .direct } }
    func indirect(_ text: String) -> [Quote] { extract(text).quotes.filter { $0.kind == .indirect } }
    func speakers(_ text: String) -> [String?] { direct(text).map(\.speaker) }

    // MARK: Direct quotations not found

    @Test func partOfASentenceIsAQuotation() {
        let q = direct("Senator Ada Quell pledged to scrap \"the costliest subsidy this state has ever paid.\"")
        #expect(q.count == 1)
        #expect(q.first?.speaker == "Ada Quell")
    }

    @Test func nestedQuotationMarksStayInsideOneQuotation() throws {
        let q = direct("\"She looked at me and said, 'you will never work here again,' and then she walked out,\" said Carl Owens.")
        #expect(q.count == 1)
        let first = try #require(q.first)
        #expect(first.speaker == "Carl Owens")
        #expect(first.text.contains("never work here again") && first.text.contains("walked out"))
    }

    @Test func doubleMarksNestedInSingleOnes() {
        let q = direct("‘She told me “not in a million years” and then she hung up the phone,’ said Carl Owens.")
        #expect(q.count == 1)
        #expect(q.first?.speaker == "Carl Owens")
        #expect(q.first?.text.contains("hung up") == true)
    }

    @Test func straightMarksNestedInStraightOnes() {
        let q = direct("\"The mayor called it \"a proud day for the town\" and we all agreed with him,\" said Carl Owens.")
        #expect(q.count == 1)
        #expect(q.first?.speaker == "Carl Owens")
        #expect(q.first?.text.contains("agreed with him") == true)
    }

    @Test func multiParagraphQuotationLeftOpenBeforeAnEmbed() throws {
        let q = direct("""
            The club said in a statement: "Anna is one of the finest coaches of her generation.

            "She has won the league in three countries and we are proud to welcome her.

            Club statement

            — Harbury Wanderers (@HarburyFC) May 3
            """)
        let first = try #require(q.first)
        #expect(first.text.contains("three countries"))
    }

    @Test func colonAfterNameAndRole() {
        #expect(speakers("Hugo Brandt, director of the Marlow Trust: \"We will fund the school for another decade at least.\"") == ["Hugo Brandt"])
    }

    @Test func dashLineAfterTheQuotation() {
        let s = speakers("\"Tonight the people of this valley were ignored yet again.\"\n\n-Senator Rosa Vance, tweeting after the hearing")
        #expect(s == ["Rosa Vance"])
    }

    @Test func dashLineOfAnEmbeddedPost() {
        let s = speakers("\"Tonight we celebrate every volunteer who made this possible.\"\n\n— Rosa Vance (@rosavance) May 3, 2026")
        #expect(s == ["Rosa Vance"])
    }

    @Test func tweetsPostsAndWrittenStatements() {
        #expect(speakers("Mayor Kim Ortega wrote on Facebook: \"Our town will not be split apart by this ugly campaign.\"") == ["Kim Ortega"])
        #expect(speakers("\"These rules will hurt every small shop in the county,\" Senator Alma Reyes tweeted.") == ["Alma Reyes"])
        let s = speakers("\"We are shocked by the loss of a much loved colleague,\" the company said in a statement.")
        #expect(s == ["the company"])
    }

    // MARK: Found without a speaker

    @Test func quotationAfterAParticipialClause() {
        let s = speakers("The envoy, speaking from the capital, voiced hope for the ceasefire, stating, \"We have never been this close to peace.\"")
        #expect(s == ["The envoy"])
    }

    @Test func speakerNamedInTheNextSentence() {
        let a = speakers("\"Every family that lost a home will get a new one.\" The promise came from Governor Ines Carvalho on Monday.")
        #expect(a == ["Ines Carvalho"])
        let b = speakers("\"We will win this race by a wide margin.\" Carvalho said on Monday.")
        #expect(b == ["Carvalho"])
    }

    @Test func pronounWithItsReferentParagraphsBack() {
        let s = speakers("""
            Mark Ellis runs the shelter.

            The shelter opened in 2001 and houses 300 people a night.

            Funding has been cut twice since then.

            "We cannot keep the doors open without help," he said.
            """)
        #expect(s == ["Mark Ellis"])
    }

    // MARK: Wrong speaker

    @Test func speakerIsNeverANumberOrAThing() {
        for text in [
            "Sixty-two percent of members said \"no more strikes this year at any price\" in the ballot.",
            "The shares fell again. \"It was a dreadful quarter for the whole sector,\" the stock said.",
            "\"It will change the way the whole region trades,\" a deal signed on Monday said.",
        ] {
            for q in direct(text) {
                let s = q.speaker ?? ""
                #expect(!s.contains("percent") && !s.contains("stock") && !s.contains("deal"), "\(text) → \(s)")
            }
        }
    }

    @Test func pronounSkipsAPersonInALeadingSubordinateClause() {
        #expect(speakers("When Tom Hale phoned, Mark Ellis was abroad. \"I told him to wait a week,\" he said.") == ["Mark Ellis"])
    }

    @Test func pronounInTheMainClauseAfterItsReferentsSubordinateClause() {
        let s = speakers("Mark Ellis spoke first. When Tom Hale was asked about the vote, he said: \"I never take sides in these fights.\"")
        #expect(s == ["Tom Hale"])
    }

    @Test func ageDescriptorIsAPersonPhrase() {
        let s = speakers("The 61-year-old said after the vote: \"I am proud of every single volunteer.\"")
        #expect(s == ["The 61-year-old"])
    }

    @Test func eventNamedNearTheQuotationIsNoSpeaker() {
        for q in direct("\"Trade barriers hurt the poorest countries first,\" the Kelby forum said.") {
            #expect(q.speaker != "Kelby")
        }
    }

    @Test func subjectOfTheVerbNotTheNearestName() {
        #expect(speakers("\"We are not going anywhere, whatever they do,\" said Ana Ruiz, who was elected with the backing of Mayor Lisa Moreno.") == ["Ana Ruiz"])
        #expect(indirect("The chief executive, Dana Holt, said on Monday that profits would fall.").first?.speaker == "Dana Holt")
    }

    // MARK: Indirect speech

    @Test func toldReportersWithoutThat() {
        let q = indirect("Maria Lund told reporters the company would close two plants.")
        #expect(q.first?.speaker == "Maria Lund")
        #expect(q.first?.text == "the company would close two plants")
    }

    @Test func withSpokespersonIndicatingThat() {
        let q = indirect("The government defended the plan, with spokesperson Tara Quinn indicating that the cuts would stay.")
        #expect(q.contains { $0.speaker == "Tara Quinn" && $0.text == "the cuts would stay" })
    }

    @Test func invertedSaidBeforeASubordinateClause() {
        let q = indirect("The old mill will be turned into a school, the region's education minister said on Monday, after years of debate.")
        #expect(q.first?.text == "The old mill will be turned into a school")
        #expect(q.first?.speaker == "the region's education minister")
    }

    @Test func reportedClauseStartsAtItsSubjectNotAtALaterThat() {
        let q = indirect("Rosa Vance, the county prosecutor, said the verdict shows that threats have consequences.")
        #expect(q.first?.speaker == "Rosa Vance")
        #expect(q.first?.text.hasPrefix("the verdict shows") == true)
    }

    @Test func longOrganisationNameAsInvertedSubject() {
        let q = indirect("Two men were charged with fraud, the U.S. Attorney’s Office for the Northern District of Ohio said.")
        #expect(q.first?.speaker?.contains("Northern District of Ohio") == true)
    }

    @Test func placeBeforeABodyIsPartOfTheSpeaker() {
        let q = indirect("Three soldiers were hurt in the crash, the US military said in a statement.")
        #expect(q.first?.speaker == "the US military")
    }

    @Test func moreVerbsOfIndirectSpeech() {
        #expect(indirect("The minister stressed that no decision had been taken.").first?.speaker == "The minister")
        #expect(indirect("The mayor vowed that every bridge would be rebuilt.").first?.speaker == "The mayor")
        #expect(indirect("The mayor vowed to rebuild every bridge in the city.").isEmpty)
        #expect(indirect("Ruiz complained that the talks had stalled for months.").first?.speaker == "Ruiz")
    }

    @Test func speakerBeforeAnInterjectedParticipialPhrase() {
        let q = indirect("Ruiz, speaking on local radio, said the army would withdraw by May.")
        #expect(q.first?.speaker == "Ruiz")
        #expect(q.first?.text == "the army would withdraw by May")
    }

    @Test func invertedSaidFollowedByWhereItWasSaid() {
        let q = indirect("The army will withdraw by May, Ruiz said in an interview with local radio.")
        #expect(q.first?.text == "The army will withdraw by May")
        let r = extract("State police reported at least 2,000 people entered the hall, but the agency gave no total.")
        #expect(r.amounts.first { $0.value == 2000 }?.source == "State police")
    }

    @Test func reportedClauseAfterANounOrADay() {
        #expect(indirect("Li Wen said in a blog post that the couple had left the city.").first?.text == "the couple had left the city")
        #expect(indirect("Ruiz said on Tuesday the army would withdraw by May.").first?.text == "the army would withdraw by May")
        #expect(indirect("Residents complained of poor service for months.").isEmpty)
    }

    @Test func sourcePhrasesOfPeopleMediaAndDocuments() {
        #expect(indirect("A person familiar with the talks told Reuters that the deal was close.").first?.speaker == "A person familiar")
        #expect(indirect("State media have reported that the dam had burst.").first?.speaker == "State media")
        #expect(indirect("Other studies indicate that walking lowers blood pressure.").first?.speaker == "Other studies")
        #expect(indirect("Scientists now say that the virus spreads in the air.").first?.speaker == "Scientists")
        let q = indirect("Kestrel Air ordered 30 jets, executives of both firms announced Wednesday at the Dubai show.")
        #expect(q.first?.text == "Kestrel Air ordered 30 jets")
    }

    @Test func verbWithAPlainObjectIsAClaimNotSpeech() throws {
        let r = extract("Harlow Motors reported third-quarter earnings that beat estimates. Police reported 12 arrests near the stadium.")
        #expect(!r.quotes.contains { $0.kind == .indirect && $0.text.hasPrefix("third-quarter") })
        #expect(try #require(r.amounts.first { $0.value == 12 }).source == "Police")
        #expect(indirect("Police reported that 12 people had been arrested.").first?.speaker == "Police")
        #expect(indirect("The Courier reported Harlow Motors is the target of a tax inquiry.").first?.speaker?.hasSuffix("Courier") == true)
    }

    @Test func peopleNounsAndTimePhrasesBeforeThat() {
        #expect(indirect("The suspect said he needed to get dressed first.").first?.speaker == "The suspect")
        let q = indirect("The trade ministry said this month that lifting tariffs is a condition for any deal.")
        #expect(q.first?.text == "lifting tariffs is a condition for any deal")
    }

    @Test func participialPhraseIsNoIndirectQuotation() {
        #expect(indirect("Speaking to reporters at the ministry on Tuesday morning, the minister said.").isEmpty)
        #expect(indirect("Carvalho said on Monday.").isEmpty)
    }

    @Test func scareQuotesAreNoQuotations() {
        #expect(direct("Staff felt \"cornered.\" The board denied it.").isEmpty)
        #expect(direct("Several nurses said they were made to feel \"cornered.\" The board denied it.").isEmpty)
        #expect(direct("Mara Quist called her work \"stunning\" and left.").count == 1)
    }

    // MARK: Amounts

    @Test func countedObjectOfTheNounPhrase() {
        let r = extract("""
            Roughly 3,000 foreign volunteers crossed the border. The blaze burned about 450 square kilometres of forest. \
            Both sides signed a 90-day moratorium. Nearly 40 percent of the staff stayed home.
            """)
        #expect(r.amounts.first { $0.value == 3000 }?.object == "foreign volunteers")
        #expect(r.amounts.first { $0.value == 450 }?.object == "square kilometres")
        let m = r.amounts.first { $0.value == 90 }
        #expect(m?.object == "day moratorium")
        #expect(r.amounts.first { $0.value == 40 }?.object == "staff")
        #expect(offsetErrors(r).isEmpty)
    }

    @Test func objectsOfSharesDurationsAndPlaceModifiers() {
        let r = extract("Some 4,000 US troops stayed for 12 years. The union wants 15 per cent of the total.")
        #expect(r.amounts.first { $0.value == 4000 }?.object == "US troops")
        #expect(r.amounts.first { $0.value == 12 }?.object == "years")
        #expect(r.amounts.first { $0.value == 15 }?.object == "total")
    }

    @Test func hyphenatedNumberWords() {
        let r = extract("Forty-two percent of the voters stayed away.")
        #expect(r.amounts.first?.value == 42)
        #expect(r.amounts.first?.unit == "percent")
    }

    @Test func sourceIsTheClauseAttribution() throws {
        let a = extract("312 people were arrested, the police said, though organisers said the real number was far higher.")
        #expect(try #require(a.amounts.first { $0.value == 312 }).source == "the police")
        let b = extract("Organisers said some 20,000 people attended, three times the police estimate.")
        #expect(try #require(b.amounts.first { $0.value == 20_000 }).source == "Organisers")
        let c = extract("About 70 percent of the dock workers have returned, the harbour master said, but the union disputed the figure.")
        #expect(try #require(c.amounts.first { $0.value == 70 }).source == "the harbour master")
    }

    @Test func recordsAndReportsCanBeSources() throws {
        let r = extract("Twelve of the 30 guards on the night shift were working overtime, according to court records.")
        #expect(try #require(r.amounts.first { $0.value == 30 }).source == "court records")
    }

    @Test func sourceNeverTheNearestNameOutsideTheClause() throws {
        let a = extract("The rebels hold some 600 square kilometres, and the army, which says it has 4,000 troops there, disputes that.")
        #expect(try #require(a.amounts.first { $0.value == 600 }).source == nil)
        #expect(try #require(a.amounts.first { $0.value == 4000 }).source == "the army")
        let b = extract("The ministry denied reports that it had jailed 120 students last month.")
        #expect(try #require(b.amounts.first { $0.value == 120 }).source == nil)
    }

    @Test func subjectBeforeASentenceAdverb() throws {
        let r = extract("The police counted 900 marchers. Organisers, however, said that more than 3,000 had come.")
        #expect(try #require(r.amounts.first { $0.value == 3000 }).source == "Organisers")
    }

    @Test func timeAdverbAfterTheVerbIsNoReportedSpeech() {
        #expect(indirect("The 9-member commission will report next spring.").isEmpty)
    }

    @Test func multiplierIsNoCountedObject() throws {
        let r = extract("Organisers said 8,000 people came, four times the police figure.")
        #expect(r.amounts.allSatisfy { $0.object != "times" })
    }

    @Test func invertedSaidWithATimeAfterItAndBodiesAsSpeakers() throws {
        let a = extract("Guards held 90 people after the match, the city police said early Sunday.")
        #expect(try #require(a.amounts.first { $0.value == 90 }).source == "the city police")
        let b = extract("The federation says 200 jobs will go within three years.")
        #expect(try #require(b.amounts.first { $0.value == 200 }).source == "The federation")
        let c = extract("Harlow Motors expects to book charges of about 40 million euros in the fourth quarter.")
        #expect(try #require(c.amounts.first { $0.value == 40_000_000 }).source == "Harlow Motors")
    }

    @Test func documentBeforeAParticipleIsTheSource() throws {
        let r = extract("Guards detained 160 people, according to official figures released early on Monday, but organisers said the number was higher.")
        #expect(try #require(r.amounts.first { $0.value == 160 }).source == "official figures")
    }

    @Test func reportedSpeechAroundAPartialQuoteKeepsItsSources() throws {
        let r = extract("Company spokesman Tiago Reis said the faults had been 'fixed within a week' and that all 90 staff were safe.")
        #expect(try #require(r.amounts.first { $0.value == 90 }).source == "Tiago Reis")
        let u = extract("At least 20 workers were hurt in the blaze, union leaders said last night — twice the official figure.")
        #expect(try #require(u.amounts.first { $0.value == 20 }).source == "union leaders")
    }

    @Test func documentPublishedByAnOrganisation() throws {
        let r = extract("Harlow Motors received 12 million euros in grants, according to figures published by the Ministry of Economy.")
        #expect(try #require(r.amounts.first { $0.value == 12_000_000 }).source == "Ministry of Economy")
        let d = extract("Three in four dockers walked out on Monday, according to the Dockworkers’ Federation, which said the port had been “paralysed”.")
        #expect(try #require(d.amounts.first).source?.contains("Federation") == true)
    }

    @Test func unattributedNumberHasNoSideAsSource() throws {
        let r = extract("The rebels said reports indicate that the army has detained 300 people in the north.")
        let a = try #require(r.amounts.first { $0.value == 300 })
        #expect(a.source == nil || a.source == "reports")
    }

    // MARK: Entities

    @Test func companiesByIndustryWordAndStaffCue() {
        let r = extract("Brennan Holdings bought Corlin Software and Velmar Telecom. Analysts at Pellman Sachs and Harwick Pharma agreed.")
        for name in ["Corlin Software", "Velmar Telecom", "Pellman Sachs", "Harwick Pharma"] {
            #expect(r.entities.first { $0.name == name }?.type == .organization, "\(name)")
        }
    }

    @Test func eventsAreNoPersons() {
        let r = extract("Dara Quint lifted the Morrow Cup in May, won the Caldon Marathon and then the Lusmar Open.")
        for name in ["Morrow Cup", "Caldon Marathon", "Lusmar Open"] {
            #expect(r.entities.first { $0.name == name }?.type != .person, "\(name)")
        }
        #expect(entity(r, "Dara Quint")?.type == .person)
    }
}
