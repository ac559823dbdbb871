import Testing
import NewswireWire
@testable import NewswireExtract

/// Error kinds found on real news (Scripts/benchmarks/extract-annotations.json), each with
/// sentences written for the test.
@Suite struct RealNewsErrorTests {
    func typeOf(_ r: ArticleExtracted, _ mention: String) -> EntityType? {
        r.entities.first { $0.mentions.contains { $0.text == mention } }?.type
    }

    @Test func clubsByPrefixSuffixAndList() {
        let r = extract("""
            The coach has managed FC Lisboa, Inter Brava, Norwood and Real Castellan, and fans of Dunmore \
            cheered when Harbury Wanderers lost. Kestrel Hotspur said the deal was done. Kestrel fans were happy.
            """)
        for name in ["FC Lisboa", "Inter Brava", "Real Castellan", "Harbury Wanderers", "Kestrel Hotspur", "Norwood", "Dunmore"] {
            #expect(typeOf(r, name) == .organization, "\(name)")
        }
        // The lone first word points to the club.
        #expect(typeOf(r, "Kestrel") == .organization)
        #expect(!r.entities.contains { $0.type == .person })
        #expect(offsetErrors(r).isEmpty)
    }

    @Test func orgCueWords() {
        let r = extract("Earnings at the retailer Brandwell beat estimates. Corvane shares fell 3% after rival Talmont cut prices.")
        #expect(typeOf(r, "Brandwell") == .organization)
        #expect(typeOf(r, "Corvane") == .organization)
        #expect(typeOf(r, "Talmont") == .organization)
    }

    @Test func thingAcronymsAreNoOrganisations() {
        let r = extract("The new model comes with AWD as standard. Buyers of SUVs and an EV. pay less, the agency said.")
        #expect(typeOf(r, "AWD") == nil)
        #expect(typeOf(r, "SUVs") == nil)
        #expect(typeOf(r, "EV") == nil)
    }

    @Test func placesByContext() {
        let r = extract("The man lived in Marbury, a village southwest of Keldon. The attack was in Zarin province, HAYWARD, Calif. (AP) reported.")
        #expect(typeOf(r, "Marbury") == .location)
        #expect(typeOf(r, "Keldon") == .location)
        #expect(typeOf(r, "Zarin") == .location)
        #expect(typeOf(r, "Calif.") == .location)
        #expect(typeOf(r, "AP") == .organization)
    }

    @Test func venuesAreLocations() {
        let r = extract("The Wild won 4-1 in front of 15,000 fans at Brockton Arena on Tuesday.")
        #expect(typeOf(r, "Brockton Arena") == .location)
    }

    @Test func surnameAfterJuniorSuffix() {
        let r = extract("Patrick W. Dorlan Jr., 55, pleaded guilty. Dorlan faces ten years in prison.")
        #expect(typeOf(r, "Dorlan") == .person)
        #expect(r.entities.filter { $0.type == .person }.count == 1)
    }

    @Test func sentenceStartPositionIsARole() {
        let r = extract("The team lost. Defenseman Jonas Brekke had scored earlier. Employee Steve Carraway said he saw it.")
        #expect(entity(r, "Jonas Brekke")?.type == .person)
        #expect(entity(r, "Steve Carraway")?.type == .person)
        #expect(entity(r, "Defenseman") == nil)
        #expect(entity(r, "Employee") == nil)
    }

    @Test func andInsideAnOrganisationName() {
        let r = extract("WeWork is the subject of a U.S. Securities and Exchange Commission inquiry, sources said.")
        #expect(entity(r, "U.S. Securities and Exchange Commission")?.type == .organization)
    }

    @Test func camelCaseBrandIsNoPersonByRole() {
        let r = extract("After a lifeline from investor SoftBank, the firm cut jobs.")
        #expect(typeOf(r, "SoftBank") != .person)
    }

    @Test func amountsTakeTheNearestAttributionInTheirClause() throws {
        let r = extract("Police said 214 people were detained, while organisers put the figure at more than 600.")
        #expect(try #require(amount(r, "214 people")).source == "Police")
        let six = try #require(r.amounts.first { $0.value == 600 })
        #expect(six.source == "organisers")
    }

    @Test func amountsTakeTheSentenceAttribution() throws {
        let r = extract("""
            Dealers sold 30,154 new cars in October, according to the annual report from Carfax Data. \
            Harlow Motors expects 16.6 million vehicles will be sold this year.
            """)
        #expect(try #require(amount(r, "30,154 new cars")).source == "Carfax Data")
        #expect(try #require(r.amounts.first { abs(($0.value ?? 0) - 16_600_000) < 1 }).source == "Harlow Motors")
    }

    @Test func rolesBeforeANameGiveTheName() throws {
        let r = extract("\"Sales were below our expectations,\" chairman, CEO and president Craig Menwood said in the release.")
        let q = try #require(r.quotes.first)
        #expect(q.speaker == "Craig Menwood")
    }

    @Test func speakersAreNounPhrasesNeverClauses() {
        let texts = [
            "The report showed the cuts had been said to hurt growth.",
            "Figures published said the deficit grew.",
            "Lumenra received 22 million euros said to be a grant.",
            "Having said that, the plan will go ahead next year.",
            "Coastline Daily can said the ferry would stop.",
        ]
        for text in texts {
            let r = extract(text)
            for q in r.quotes {
                let s = q.speaker ?? ""
                for bad in ["had been", "published", "received", "Having", "can"] {
                    #expect(!s.contains(bad), "\(text) → \(s)")
                }
            }
        }
        // A real reporting clause still works.
        let r = extract("The port authority said the terminal would reopen on Monday.")
        #expect(r.quotes.first?.speaker == "The port authority" || r.quotes.first?.speaker == "port authority")
    }

    @Test func nonEnglishTextDoesNotPretend() {
        var a = article("""
            Il Giorno del Ringraziamento è vicino, ha detto Marco Bellini ieri. "Siamo pronti", ha detto il sindaco. \
            Secondo la polizia 300 persone erano in piazza a Roma.
            """)
        a.language = "it"
        let r = Extractor().extract(a)
        #expect(!r.entities.contains { $0.name.contains("Giorno") })
        #expect(r.quotes.allSatisfy { $0.kind == .direct && $0.speaker == nil })
        #expect(r.claims.isEmpty)
        #expect(r.amounts.allSatisfy { $0.source == nil })
        #expect(r.dates.isEmpty)
        #expect(r.tone == 0)
        // Strong evidence still counts: a known first name.
        #expect(entity(r, "Marco Bellini")?.type == .person)
    }
}
