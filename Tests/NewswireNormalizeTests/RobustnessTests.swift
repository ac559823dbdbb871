import Foundation
import Testing
@testable import NewswireNormalize

@Suite("Bad input")
struct RobustnessTests {
    @Test func emptyAndBlankDocuments() {
        #expect(normalizeError(Data()) == .emptyDocument)
        #expect(normalizeError(Data("  \n\t ".utf8)) == .emptyDocument)
    }

    @Test func binaryJunkIsNotHTML() {
        var junk = Data()
        for i in 0..<4096 { junk.append(UInt8((i * 7919) % 256)) }
        guard case .notHTML(let reason)? = normalizeError(junk) else {
            Issue.record("expected notHTML"); return
        }
        #expect(reason.contains("binary"))
        var png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]); png += Data(repeating: 0, count: 64)
        #expect(normalizeError(png) == .notHTML("content is a PNG image, not HTML"))
        #expect(NormalizeError.notHTML("x").description.contains("Content-Type"))
    }

    @Test func oversizePagesAreRefusedWithTheLimit() {
        let error = normalizeError(Data(repeating: 0x20, count: 2048), options: .init(maxBytes: 1024))
        #expect(error == .tooLarge(bytes: 2048, limit: 1024))
        #expect(error?.description.contains("1024") == true)
    }

    @Test func pagesWithoutProseSayNoArticleText() {
        #expect(normalizeError(Data("<html><body><nav><a href='/'>Home</a></nav></body></html>".utf8)) == .noArticleText)
    }

    @Test func deepNestingDoesNotOverflowTheStack() throws {
        let depth = 100_000
        var html = "<html><body>"
        html += String(repeating: "<div>", count: depth)
        html += storyParagraphs.map { "<p>\($0)</p>" }.joined()
        html += String(repeating: "</div>", count: depth)
        html += "</body></html>"
        let start = Date()
        // libxml2 stops building the tree at its nesting limit (256 without HTML_PARSE_HUGE), so
        // the text below it is lost: the answer is a clear error, quickly, not a crash.
        #expect(normalizeError(Data(html.utf8)) == .noArticleText)
        #expect(Date().timeIntervalSince(start) < 3)
    }

    @Test func nestingBeyondTheKeptDepthKeepsText() throws {
        let depth = 200
        let html = "<html><body><div>" + String(repeating: "<span>", count: depth)
            + storyParagraphs.joined(separator: " ") + String(repeating: "</span>", count: depth)
            + "</div><p>A closing paragraph after the deep part, which must survive as well.</p></body></html>"
        let result = try Normalizer(options: .init(maxDepth: 20)).normalize(fetched(), bytes: Data(html.utf8))
        #expect(result.paragraphs == [storyParagraphs.joined(separator: " "),
                                      "A closing paragraph after the deep part, which must survive as well."])
        let doc = try #require(HTMLDocument.parse(utf8: Array(html.utf8), baseURL: nil, maxDepth: 20))
        #expect(doc.nodes.count < 30)
    }

    @Test func truncatedHTMLStillGivesText() throws {
        let full = newsPage()
        let cut = String(full.prefix(upTo: full.range(of: storyParagraphs[2])!.upperBound)) + "</p><p>The sea wall was"
        let result = try normalize(cut)
        #expect(result.paragraphs.prefix(3) == storyParagraphs.prefix(3))
    }

    @Test func largePageIsFast() throws {
        // About 2 MB: scoring and walking must stay linear.
        let filler = String(repeating: "<div class='teaser'><a href='/x'>Another headline that links elsewhere</a></div>\n", count: 20_000)
        let html = newsPage(extraBody: "").replacingOccurrences(of: "<footer>", with: filler + "<footer>")
        let start = Date()
        let result = try normalize(html)
        #expect(Date().timeIntervalSince(start) < 3)
        #expect(result.paragraphs == storyParagraphs)
    }
}
