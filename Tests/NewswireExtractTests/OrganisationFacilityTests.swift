import Testing
import NewswireWire
@testable import NewswireExtract

/// Organisation and facility names: long names, buildings, company names and neighbouring capitals.
@Suite struct OrganisationFacilityTests {
    @Test func possessiveInsideOrganisationName() {
        let r = extract("A clerk at the Leeds Magistrate's Court said the U.S. Attorney’s Office for the Northern District of Ohio had called.")
        #expect(entity(r, "Leeds Magistrate's Court")?.type == .organization)
        #expect(entity(r, "U.S. Attorney’s Office for the Northern District of Ohio")?.type == .organization)
        #expect(offsetErrors(r).isEmpty)
    }

    @Test func placePossessiveStaysTwoNames() {
        let r = extract("Canada’s Ministry of Trade, Industry and Energy published a plan on Tuesday.")
        #expect(entity(r, "Canada")?.type == .location)
        #expect(entity(r, "Ministry of Trade, Industry and Energy")?.type == .organization)
    }

    @Test func titleWordAfterOfInsideOrganisation() {
        let r = extract("The Permanent Court of Justice heard the case, and the Department of Justice objected. Minister of Justice Ana Ruiz said so.")
        #expect(entity(r, "Permanent Court of Justice")?.type == .organization)
        #expect(entity(r, "Department of Justice")?.type == .organization)
        #expect(entity(r, "Ana Ruiz")?.type == .person)
    }

    @Test func agencyNamesJoinedByAnd() {
        let r = extract("Officers from Immigration and Customs Enforcement met staff of the Wichita Daily-Herald on Monday.")
        #expect(entity(r, "Immigration and Customs Enforcement")?.type == .organization)
        #expect(entity(r, "Wichita Daily-Herald")?.type == .organization)
    }

    @Test func facilitiesAreLocations() {
        let r = extract("Teachers marched to the Statehouse on Monday. Later they met at the Brockway Center downtown.")
        #expect(entity(r, "Statehouse")?.type == .location)
        #expect(entity(r, "Brockway Center")?.type == .location)
    }

    @Test func twoWordCompanyNames() {
        let r = extract("Executives of Lumen Studios, Orbit Animation and Hulu Channel met in Toronto on Friday.")
        #expect(entity(r, "Lumen Studios")?.type == .organization)
        #expect(entity(r, "Orbit Animation")?.type == .organization)
        #expect(entity(r, "Toronto")?.type == .location)
    }

    @Test func knownOrganisationHeadMakesCompany() {
        let r = extract("Sales rose after Netflix bought rights for the Netflix Kids catalogue.")
        #expect(entity(r, "Netflix Kids")?.type != .person)
    }

    @Test func sentenceInitialModifierIsNoPartOfName() {
        let r = extract("Chief executive Tim Cook arrived. Welcoming Cook to the stage, the host smiled. Former National Security Council aide Ana Ruiz testified.")
        #expect(entity(r, "Welcoming Cook") == nil)
        #expect(entity(r, "Tim Cook")?.mentions.count == 2)
        #expect(entity(r, "Former National Security Council") == nil)
        #expect(entity(r, "National Security Council")?.type == .organization)
    }

    @Test func knownNameThenKnownPlaceSplits() {
        let r = extract("A Kremlin Russia adviser and a Pentagon Ukraine expert were questioned.")
        #expect(entity(r, "Russia")?.type == .location)
        #expect(entity(r, "Ukraine")?.type == .location)
    }

    @Test func titlePlaceThenGivenName() {
        let r = extract("Special Envoy Ukraine Marie Dubois resigned on Friday.")
        #expect(entity(r, "Marie Dubois")?.type == .person)
        #expect(entity(r, "Ukraine")?.type == .location)
    }

    @Test func commonWordsOnSignsAreNoOrganisations() {
        let r = extract("Protesters held signs reading Money, Testing and Students. The students said the money for testing was wasted.")
        #expect(entity(r, "Money")?.type != .organization)
        #expect(entity(r, "Testing")?.type != .organization)
        #expect(entity(r, "Students")?.type != .organization)
    }

    @Test func powerUnitsAreNoNames() {
        let r = extract("Hanwha Q Cells had 3.7 GW of capacity, and another maker had 600 MW in the Saemangeum area.")
        #expect(entity(r, "GW") == nil)
        #expect(entity(r, "MW") == nil)
        #expect(entity(r, "Saemangeum")?.type == .location)
    }

    @Test func areaNamesArePlaces() {
        let r = extract("Power was cut in the northern Puget Sound Area, and the Tri-Valley Area escaped.")
        #expect(entity(r, "Puget Sound Area")?.type == .location)
    }

    @Test func organisationByKeywordThenPerson() throws {
        let r = extract("Chair of the Joint Chiefs of Staff Ana Ruiz spoke before the Joint Chiefs of Staff met.")
        let chiefs = try #require(entity(r, "Joint Chiefs of Staff"))
        #expect(chiefs.type == .organization)
        #expect(chiefs.mentions.count == 2)
        #expect(entity(r, "Ana Ruiz")?.type == .person)
    }
}
