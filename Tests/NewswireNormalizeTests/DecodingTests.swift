import Foundation
import Testing
@testable import NewswireNormalize

@Suite("Charset decoding")
struct DecodingTests {
    /// A page whose first paragraph contains `word`, encoded by `encode`.
    private func page(_ word: String, meta: String = "") -> String {
        "<html><head>\(meta)</head><body><div><p>\(word) said the storm was the worst in years, and the clean-up would take weeks.</p>"
            + storyParagraphs.map { "<p>\($0)</p>" }.joined() + "</div></body></html>"
    }

    private func firstParagraph(_ bytes: Data, charset: String? = nil) throws -> String {
        try #require(try Normalizer().normalize(fetched(charset: charset), bytes: bytes).paragraphs.first)
    }

    @Test func windows1252BytesWithoutDeclaration() throws {
        // 0x93/0x94 are curly quotes and 0xE9 is é in Windows-1252; invalid as UTF-8.
        var bytes = Data("<html><body><div><p>".utf8)
        bytes += Data([0x93, 0x43, 0x61, 0x66, 0xE9, 0x94])
        bytes += Data(" owner Jos\u{e9}".utf8.map { $0 }.prefix(0))
        bytes += Data(" said the storm was the worst in years, and the clean-up would take weeks.</p>".utf8)
        bytes += Data((storyParagraphs.map { "<p>\($0)</p>" }.joined() + "</div></body></html>").utf8)
        #expect(try firstParagraph(bytes).hasPrefix("“Café” said"))
    }

    @Test func iso88592FromMetaCharset() throws {
        let html = page("Łódź", meta: #"<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-2">"#)
        let bytes = try #require(html.data(using: .isoLatin2))
        #expect(try firstParagraph(bytes).hasPrefix("Łódź said"))
    }

    @Test func httpCharsetWinsOverMeta() throws {
        let html = page("Zürich", meta: #"<meta charset="utf-8">"#)
        let bytes = try #require(html.data(using: .windowsCP1252))
        #expect(try firstParagraph(bytes, charset: "ISO-8859-1").hasPrefix("Zürich said"))
    }

    @Test func utf16WithByteOrderMark() throws {
        let html = page("Ελλάδα")
        var le = Data([0xFF, 0xFE]); le += try #require(html.data(using: .utf16LittleEndian))
        var be = Data([0xFE, 0xFF]); be += try #require(html.data(using: .utf16BigEndian))
        #expect(try firstParagraph(le).hasPrefix("Ελλάδα said"))
        #expect(try firstParagraph(be).hasPrefix("Ελλάδα said"))
    }

    @Test func utf8BOMAndUTF8DeclaredAsLatin1() throws {
        var bom = Data([0xEF, 0xBB, 0xBF]); bom += Data(page("Müller").utf8)
        #expect(try firstParagraph(bom).hasPrefix("Müller said"))
        // A page converted to UTF-8 that still declares its old charset.
        let stale = Data(page("Müller", meta: #"<meta charset="windows-1252">"#).utf8)
        #expect(try firstParagraph(stale).hasPrefix("Müller said"))
    }

    @Test func brokenUTF8BecomesReplacementCharactersOnlyWhereBroken() throws {
        var bytes = Data("<html><body><div><p>Müller and Łódź, then a broken byte ".utf8)
        bytes += Data([0xC3])  // a lead byte without its continuation
        bytes += Data(" here, and the rest of this sentence is fine and long enough.</p>".utf8)
        bytes += Data((storyParagraphs.map { "<p>\($0)</p>" }.joined() + "</div></body></html>").utf8)
        let p = try firstParagraph(bytes)
        #expect(p == "Müller and Łódź, then a broken byte \u{FFFD} here, and the rest of this sentence is fine and long enough.")
    }

    @Test func charsetLabels() {
        #expect(Charset(label: "ISO-8859-1") == .windows1252)
        #expect(Charset(label: " \"UTF8\" ") == .utf8)
        #expect(Charset(label: "windows-1251")?.name == "windows-1251")
        #expect(Charset(label: "x-made-up") == nil)
        #expect(PageDecoder.windows1252([0x80, 0x41, 0x9F]) == "€AŸ")
    }
}
