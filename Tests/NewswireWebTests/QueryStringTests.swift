import NewswirePublish
@testable import NewswireWeb
import Testing

@Suite struct QueryStringTests {
    @Test func plusIsASpaceAndPercentEscapesAreDecoded() throws {
        let query = try QueryString("speaker=Ana+Ruiz&q=caf%C3%A9%20%2B%26&empty=&flag")
        #expect(query["speaker"] == "Ana Ruiz")
        #expect(query["q"] == "café +&")
        #expect(query["empty"] == "")
        #expect(query["flag"] == "")
        #expect(query["missing"] == nil)
    }

    @Test func brokenPercentEncodingIsABadParameter() {
        #expect(throws: WebError.badParameter(name: "q", reason: "not valid percent-encoded UTF-8")) { try QueryString("q=%E9%ZZ") }
    }

    @Test(arguments: ["-1", "0", "501", "abc", "1.5", ""])
    func limitsOutsideOneToFiveHundredAreRefused(raw: String) {
        #expect(throws: WebError.self) { try PageRequest(QueryString("limit=\(raw)")) }
    }

    @Test func limitDefaultsToFifty() throws {
        #expect(try PageRequest(QueryString(nil)).limit == 50)
        #expect(try PageRequest(QueryString("limit=500")).limit == 500)
    }

    @Test func cursorsRoundTripAndForgeriesAreRefused() throws {
        let cursor = PageCursor(key: "2026-11-17T10:00:00Z ü/+", rowid: 42)
        #expect(try CursorCoding.decode(CursorCoding.encode(cursor)) == cursor)
        #expect(!CursorCoding.encode(cursor).contains { "+/=".contains($0) })
        #expect(throws: WebError.self) { try CursorCoding.decode("not-a-cursor") }
        #expect(throws: WebError.self) { try CursorCoding.decode("e30") } // "{}"
    }

    @Test func onlyWebLinksAreClickable() {
        #expect(LinkView(url: "https://news.test/a").href == "https://news.test/a")
        #expect(LinkView(url: "HTTP://news.test/a").href != nil)
        #expect(LinkView(url: "javascript:alert(1)").href == nil)
        #expect(LinkView(url: "JavaScript://news.test/%0Aalert(1)").href == nil)
        #expect(LinkView(url: "file:///etc/passwd").href == nil)
        #expect(LinkView(url: "data:text/html,<b>x</b>").href == nil)
        #expect(LinkView(url: "/relative").href == nil)
    }

    @Test func searchWordsBecomeQuotedPhrases() {
        #expect(ArticleStore.ftsPhraseQuery(#"port "strike" OR x*"#) == #""port" """strike""" "OR" "x*""#)
        #expect(ArticleStore.ftsPhraseQuery("  ") == nil)
    }
}
