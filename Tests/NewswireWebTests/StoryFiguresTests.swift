import NewswirePublish
@testable import NewswireWeb
import Testing

@Suite struct StoryFiguresTests {
    func figure(_ value: Double?, _ source: String?, about object: String?, unit: String? = nil,
                article: String = "a1", outlet: String = "Harbour Times") -> StoredFigure {
        StoredFigure(articleId: article, outlet: outlet, text: "\(value.map { String(Int($0)) } ?? "some") \(object ?? unit ?? "")",
                     value: value, unit: unit, object: object, source: source)
    }

    @Test func differentSourcesWithDifferentValuesConflict() {
        let groups = StoryFigures([figure(214, "police", about: "protesters"),
                                   figure(600, "organisers", about: "protesters", article: "a2", outlet: "Coast Wire")]).groups
        #expect(groups.count == 1)
        #expect(groups[0].about == "protesters")
        #expect(groups[0].conflict)
        #expect(groups[0].claims.map(\.source) == ["police", "organisers"])
    }

    @Test func spellingsOfTheSameThingAreOneGroup() {
        let groups = StoryFigures([figure(214, "police", about: "Protesters"), figure(214, "Police", about: "the protester."),
                                   figure(3, "police", about: "cities"), figure(2, "mayor", about: "city")]).groups
        #expect(groups.map(\.about) == ["protesters", "cities"])
        #expect(groups[0].claims.count == 1)
        #expect(groups[1].conflict)
    }

    @Test func wireCopiesOfOneClaimAreCountedOnceListingOutlets() {
        let groups = StoryFigures([figure(214, "police", about: "protesters", article: "a1", outlet: "Harbour Times"),
                                   figure(214, "police", about: "protesters", article: "a2", outlet: "Coast Wire"),
                                   figure(214, "police", about: "protesters", article: "a3", outlet: "Coast Wire")]).groups
        let claims = groups[0].claims
        #expect(claims.count == 1)
        #expect(claims[0].articleId == "a1")
        #expect(claims[0].outlet == "Harbour Times")
        #expect(claims[0].outlets == ["Harbour Times", "Coast Wire"])
        #expect(claims[0].articleIds == ["a1", "a2", "a3"])
        #expect(!groups[0].conflict)
    }

    @Test func agreeingSourcesAndOneSourceRevisingItselfAreNoConflict() {
        #expect(!StoryFigures([figure(214, "police", about: "people"), figure(214, "organisers", about: "people")]).groups[0].conflict)
        #expect(!StoryFigures([figure(200, "police", about: "people"), figure(214, "police", about: "people")]).groups[0].conflict)
    }

    @Test func unattributedOrValuelessClaimsCannotConflict() {
        let groups = StoryFigures([figure(214, nil, about: "people"), figure(600, "organisers", about: "people"),
                                   figure(nil, "police", about: "people")]).groups
        #expect(!groups[0].conflict)
        #expect(groups[0].claims.count == 3)
    }

    @Test func amountsWithoutAnObjectAreGroupedByUnit() {
        let groups = StoryFigures([figure(3_500_000, "ministry", about: nil, unit: "EUR"),
                                   figure(4_000_000, "union", about: nil, unit: "eur"),
                                   figure(12, "union", about: nil, unit: "percent")]).groups
        #expect(groups.map(\.about) == ["eur", "percent"])
        #expect(groups[0].conflict)
    }

    @Test func noFiguresNoGroups() {
        #expect(StoryFigures([]).groups.isEmpty)
    }
}
