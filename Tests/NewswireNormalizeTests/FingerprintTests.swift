import Foundation
import Testing
import NewswireWire
@testable import NewswireNormalize

@Suite("Fingerprint")
struct FingerprintTests {
    private let story = storyParagraphs + [
        "The interior ministry said it would release emergency funds on Wednesday for families whose homes had been damaged.",
        "Insurers warned that claims could exceed last year's total, which was the highest in two decades, and urged patience.",
    ]

    @Test func isSixteenHexDigitsAndDeterministic() {
        let fp = SimHash.fingerprint(of: story.joined(separator: "\n\n"))
        #expect(fp.count == 16)
        #expect(fp.allSatisfy { "0123456789abcdef".contains($0) })
        #expect(fp == SimHash.fingerprint(of: story.joined(separator: "\n\n")))
        #expect(SimHash.fingerprint(of: "") == "0000000000000000")
    }

    @Test func sameStoryInTwoTemplatesIsNear() throws {
        // Outlet B runs the wire story with its own first line, a trimmed last paragraph and
        // different page furniture.
        var other = story
        other.insert("LONDON (Wire) —", at: 0)
        other[other.count - 1] = "Insurers warned that claims could exceed last year's total."
        let a = try normalize(newsPage(paragraphs: story))
        let bPage = newsPage(paragraphs: other)
            .replacingOccurrences(of: "article-body", with: "entry-content")
            .replacingOccurrences(of: "Daily Planet", with: "Morning Post")
        let b = try normalize(bPage)
        let d = try #require(Fingerprint.distance(a.fingerprint, b.fingerprint))
        #expect(d <= 10, "near-duplicates should be close, got \(d)")
    }

    @Test func unrelatedArticlesAreFar() {
        let other = [
            "The central bank kept interest rates unchanged on Thursday, saying inflation was easing more slowly than expected.",
            "Economists had forecast the decision, although two members of the committee voted for a cut of a quarter point.",
            "The governor told reporters that wage growth remained strong and that the bank would watch energy prices closely.",
            "Markets rose after the announcement, and the currency slipped against the dollar in late trading in London.",
        ]
        let a = SimHash.fingerprint(of: story.joined(separator: "\n\n"))
        let b = SimHash.fingerprint(of: other.joined(separator: "\n\n"))
        #expect(Fingerprint.distance(a, b)! >= 18)
    }

    @Test func hammingDistanceValidatesInput() {
        #expect(Fingerprint.distance("0000000000000000", "000000000000000f") == 4)
        #expect(Fingerprint.distance("ffffffffffffffff", "0000000000000000") == 64)
        #expect(Fingerprint.distance("xyz", "0000000000000000") == nil)
        #expect(Fingerprint.distance("0000000000000001", "0000000000000000") == 1)
    }
}
