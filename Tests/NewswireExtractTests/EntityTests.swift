import Testing
import NewswireWire
@testable import NewswireExtract

@Suite struct EntityTests {
    @Test func coreferenceMergesSurname() throws {
        let r = extract("Ana Ruiz arrived in Madrid on Monday. Ruiz said the talks had failed. Later, Ms Ruiz left.")
        let ruiz = try #require(entity(r, "Ana Ruiz"))
        #expect(ruiz.mentions.map(\.text) == ["Ana Ruiz", "Ruiz", "Ruiz"])
        #expect(r.entities.filter { $0.type == .person }.count == 1)
        #expect(offsetErrors(r).isEmpty)
    }

    @Test func locationsGetCoordinates() throws {
        let r = extract("Protests spread from Paris to Lyon and across France, officials in Kyiv said.")
        let paris = try #require(entity(r, "Paris"))
        #expect(paris.type == .location)
        #expect(paris.geo?.countryCode == "FR")
        #expect(abs((paris.geo?.latitude ?? 0) - 48.85) < 0.1)
        #expect(entity(r, "France")?.type == .location)
        #expect(entity(r, "Kyiv")?.geo?.countryCode == "UA")
    }

    @Test func organisationsBySuffixAndList() {
        let r = extract("The Ministry of Defence and Acme Holdings Inc. asked NATO and the University of Oxford to help the Green Party.")
        for name in ["Ministry of Defence", "Acme Holdings Inc.", "NATO", "University of Oxford", "Green Party"] {
            #expect(entity(r, name)?.type == .organization, "\(name)")
        }
    }

    @Test func demonymsAreGroups() {
        let r = extract("Russian and Ukrainian negotiators met, and many Americans watched.")
        #expect(entity(r, "Russian")?.type == .group)
        #expect(entity(r, "Ukrainian")?.type == .group)
        #expect(entity(r, "Americans")?.type == .group)
    }

    @Test func titlesBecomeRolesNotNames() throws {
        let r = extract("US President Joe Biden spoke with German Chancellor Olaf Scholz. Secretary of State Antony Blinken listened.")
        #expect(entity(r, "Joe Biden")?.roles == ["US President"])
        #expect(entity(r, "Olaf Scholz")?.roles == ["German Chancellor"])
        #expect(entity(r, "Antony Blinken")?.roles == ["Secretary of State"])
        #expect(entity(r, "US")?.type == .location)
        #expect(!r.entities.contains { $0.name.contains("President") })
    }

    @Test func appositionAndLowercaseRoles() {
        let r = extract("The decision was announced by spokesman Ivan Petrov. Maria Lopez, a lawyer for the victims, disagreed. WeWork's founder and former CEO, Adam Neumann, declined to comment.")
        #expect(entity(r, "Ivan Petrov")?.roles == ["spokesman"])
        #expect(entity(r, "Maria Lopez")?.roles == ["lawyer for the victims"])
        #expect(entity(r, "Adam Neumann")?.roles == ["WeWork's founder and former CEO"])
    }

    @Test func sentenceInitialCommonWordsAreNotNames() {
        let r = extract("Police said the march was peaceful. Officials in Brussels agreed. However, Europe stayed calm.")
        #expect(!r.entities.contains { ["Police", "Officials", "However"].contains($0.name) })
        #expect(entity(r, "Brussels")?.type == .location)
        #expect(entity(r, "Europe")?.type == .location)
    }

    @Test func headlineCapitalsNeedEvidence() {
        let r = extract("Police Detain Hundreds After Violent March In Madrid\n\nThe march was large.")
        #expect(!r.entities.contains { $0.name.contains("Detain") || $0.name.contains("Violent") })
        #expect(entity(r, "Madrid")?.type == .location)
    }

    @Test func unknownNamesByContext() {
        let r = extract("Kwame Nkrumah-Boateng said the vote was fair. Fiona Obuya, 52, disagreed.")
        #expect(entity(r, "Kwame Nkrumah-Boateng")?.type == .person)
        #expect(entity(r, "Fiona Obuya")?.type == .person)
    }

    @Test func acronymInBracketsJoinsOrganisation() throws {
        let r = extract("The Office for National Statistics (ONS) said prices rose. The ONS will report again.")
        let ons = try #require(entity(r, "Office for National Statistics"))
        #expect(ons.mentions.count == 3)
    }
}
