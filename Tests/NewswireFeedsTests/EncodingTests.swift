import Foundation
import Testing
@testable import NewswireFeeds

@Suite("Encodings and malformed XML")
struct EncodingTests {
    private func feed(title: String, declaration: String) -> String {
        "<?xml version=\"1.0\" \(declaration)?><rss version=\"2.0\"><channel><title>\(title)</title></channel></rss>"
    }

    @Test func iso88591Declaration() throws {
        let bytes = try #require(feed(title: "Zürich", declaration: #"encoding="ISO-8859-1""#).data(using: .isoLatin1))
        #expect(try FeedParser.parse(bytes, url: nil).title == "Zürich")
    }

    @Test func windows1252Declaration() throws {
        var bytes = Data(#"<?xml version="1.0" encoding="windows-1252"?><rss version="2.0"><channel><title>"#.utf8)
        bytes += Data([0x93, 0x43, 0x61, 0x66, 0xE9, 0x94, 0x20, 0x80, 0x35])  // “Café” €5
        bytes += Data("</title></channel></rss>".utf8)
        #expect(try FeedParser.parse(bytes, url: nil).title == "“Café” €5")
    }

    @Test func utf8ByteOrderMark() throws {
        let bytes = Data([0xEF, 0xBB, 0xBF]) + Data(feed(title: "Ελλάδα", declaration: "").utf8)
        #expect(try FeedParser.parse(bytes, url: nil).title == "Ελλάδα")
    }

    @Test func utf16WithByteOrderMark() throws {
        let xml = feed(title: "Ελλάδα", declaration: #"encoding="UTF-16""#)
        let le = Data([0xFF, 0xFE]) + (try #require(xml.data(using: .utf16LittleEndian)))
        let be = Data([0xFE, 0xFF]) + (try #require(xml.data(using: .utf16BigEndian)))
        #expect(try FeedParser.parse(le, url: nil).title == "Ελλάδα")
        #expect(try FeedParser.parse(be, url: nil).title == "Ελλάδα")
    }

    @Test func httpCharsetUsedOnlyWhenTheDocumentDeclaresNone() throws {
        let undeclared = try #require(feed(title: "Málaga", declaration: "").data(using: .isoLatin1))
        #expect(try FeedParser.parse(undeclared, url: nil, charset: "iso-8859-1").title == "Málaga")
        let declared = try #require(feed(title: "Łódź", declaration: #"encoding="ISO-8859-2""#).data(using: .isoLatin2))
        #expect(try FeedParser.parse(declared, url: nil, charset: "iso-8859-1").title == "Łódź")
    }

    @Test func declaredUTF8ThatIsReallyWindows1252() throws {
        var bytes = Data(#"<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Caf"#.utf8)
        bytes += Data([0xE9, 0x20, 0x96, 0x20])  // é – in Windows-1252
        bytes += Data("Müller</title><item><title>Still here</title></item></channel></rss>".utf8)
        let parsed = try FeedParser.parse(bytes, url: nil)
        #expect(parsed.title == "Café – Müller")
        #expect(parsed.items.first?.title == "Still here")
    }

    @Test func truncatedFileKeepsWhatWasRead() throws {
        let truncated = try parseFeed("""
            <rss version="2.0"><channel><title>Cut</title>
            <item><title>Complete</title><link>https://n.example.com/1</link></item>
            <item><title>Trunc</title><link>https://n.exa
            """)
        #expect(truncated.title == "Cut")
        #expect(truncated.items.map(\.title) == ["Complete", "Trunc"])
    }

    @Test func unclosedHTMLInTextDoesNotLoseLaterItems() throws {
        let parsed = try parseFeed(rss("""
            <item><title>One<br>line</title><link>https://n.example.com/1</link>
              <description>a<img src="x.png"> b <br/> c<br></br></description></item>
            <item><title>Two</title><link>https://n.example.com/2</link><description>text <p>unclosed</description></item>
            """))
        #expect(parsed.items.map(\.title) == ["One line", "Two"])
        #expect(parsed.items.map(\.url) == ["https://n.example.com/1", "https://n.example.com/2"])
        #expect(parsed.items.map(\.summary) == ["a b c", "text unclosed"])
    }

    @Test func bareAmpersandsAndHTMLEntitiesInXML() throws {
        let parsed = try parseFeed(rss("<item><title>Fish & chips &nbsp;&eacute;t&eacute; &bogus; AT&T</title></item>"))
        #expect(parsed.items.first?.title == "Fish & chips été &bogus; AT&T")
    }

    @Test func controlCharactersDoNotStopParsing() throws {
        let parsed = try parseFeed(rss("<item><title>Bad\u{0B}byte</title></item><item><title>Next</title></item>"))
        #expect(parsed.items.map(\.title) == ["Bad byte", "Next"])
    }

    @Test func externalEntitiesAreNeverLoaded() throws {
        let parsed = try parseFeed("""
            <?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/hostname"><!ENTITY co "Acme">]>
            <rss version="2.0"><channel><title>A&xxe;B &co;</title></channel></rss>
            """)
        #expect(parsed.title == "AB Acme", "internal entities expand, external ones are dropped")
    }

    @Test func nothingFeedLikeIsAnError() {
        #expect(throws: FeedError.notAFeed(reason: "the root element is <note>, not <rss>, <rdf:RDF> or <feed>")) {
            try parseFeed("<note><to>x</to></note>")
        }
        #expect(throws: FeedError.empty) { try parseFeed("  \n ") }
        #expect {
            try parseFeed("\u{01}\u{02} no markup at all")
        } throws: { error in
            if case .malformed? = error as? FeedError { return true } else { return false }
        }
    }
}
