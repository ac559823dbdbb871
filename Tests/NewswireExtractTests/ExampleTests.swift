import Testing
import NewswireWire
@testable import NewswireExtract

/// The example from the issue, checked field by field.
@Suite struct ExampleTests {
    static let text = """
    Interior Minister Ana Ruiz said on Tuesday that police had detained 214 protesters in the capital, while organisers of the march put the number at more than 600. "We will not be intimidated," said Tomás Ortega, a spokesman for the Civic Front. "The marches continue." According to the Red Cross, about 40 people were treated for injuries over the past two days, and the city estimates the damage at 3.5 million euros (roughly $3.8 million).
    """
    let r = extract(ExampleTests.text)

    @Test func entitiesAndRoles() {
        let ruiz = entity(r, "Ana Ruiz")
        #expect(ruiz?.type == .person)
        #expect(ruiz?.roles == ["Interior Minister"])
        let ortega = entity(r, "Tomás Ortega")
        #expect(ortega?.type == .person)
        #expect(ortega?.roles.first?.hasPrefix("spokesman") == true)
        #expect(ortega?.roles.first?.contains("Civic Front") == true)
        #expect(entity(r, "Civic Front")?.type == .organization)
        #expect(entity(r, "Red Cross")?.type == .organization)
        #expect(!r.entities.contains { $0.name == "Interior Minister Ana Ruiz" || $0.name == "Tuesday" })
    }

    @Test func amountsWithSources() throws {
        let a = try #require(amount(r, "214 protesters"))
        #expect(a.value == 214 && a.object == "protesters" && a.source == "Ana Ruiz" && !a.approximate)
        let b = try #require(amount(r, "more than 600"))
        #expect(b.value == 600 && b.bound == .lower && b.approximate && b.source == "organisers")
        let c = try #require(amount(r, "about 40 people"))
        #expect(c.value == 40 && c.approximate && c.object == "people" && c.source == "Red Cross")
        let d = try #require(amount(r, "3.5 million euros"))
        #expect(d.value == 3_500_000 && d.unit == "EUR")
        #expect(d.renderings == [AmountRendering(value: 3_500_000, unit: "EUR"), AmountRendering(value: 3_800_000, unit: "USD")])
        #expect(!r.amounts.contains { $0.text.contains("3.8") }, "the conversion is a rendering, not a second amount")
        #expect(r.amounts.count == 4)
    }

    @Test func quoteSpansBothSentences() throws {
        let direct = r.quotes.filter { $0.kind == .direct }
        #expect(direct.count == 1)
        let q = try #require(direct.first)
        #expect(q.speaker == "Tomás Ortega")
        #expect(q.verb == "said")
        #expect(q.text.contains("We will not be intimidated") && q.text.contains("The marches continue"))
        #expect(slice(ExampleTests.text, q.start, q.end).hasPrefix("We will not"))
        #expect(slice(ExampleTests.text, q.start, q.end).hasSuffix("continue."))
        let indirect = r.quotes.filter { $0.kind == .indirect }
        #expect(indirect.contains { $0.speaker == "Ana Ruiz" && $0.text.hasPrefix("police had detained") })
    }

    @Test func datesResolved() {
        // Published Thursday 2026-11-19.
        #expect(date(r, "Tuesday")?.value == "2026-11-17")
        #expect(date(r, "the past two days")?.value == "2026-11-17/2026-11-19")
    }

    @Test func claimsAndCounts() {
        #expect(r.claims.contains { $0.source == "Ana Ruiz" && $0.text.contains("214 protesters") })
        #expect(r.claims.contains { $0.source == "Red Cross" && $0.text.contains("40 people") })
        #expect(r.claims.contains { $0.source == "organisers" })
        #expect(r.sentenceCount == 4)
        #expect(r.tokenCount > 80 && r.tokenCount < 100)
        #expect(r.tone < 0)
        #expect(offsetErrors(r).isEmpty)
    }
}
