import Foundation
import NewswireFetch
import NewswireWARC
import NewswireWire
import Testing

@Suite struct CrawlPageTests {
    @Test func thePageMessageComesFromTheExchangeAlone() throws {
        let exchange = HTTPExchange(url: "https://news.test/a.html", date: Date(timeIntervalSince1970: 1_780_000_000.123456),
                                    requestHeaders: [("Referer", "https://news.test/feed.xml")], status: 200, reason: "OK",
                                    responseHeaders: [("Content-Type", "text/html; charset=ISO-8859-1"), ("ETag", "\"x\"")],
                                    body: Data("<html></html>".utf8))
        let page = CrawlPage.page(from: exchange, source: CrawlPage.source(ofRequest: exchange.requestHeaders))
        #expect(page.body.id == ArticleID.forURL("https://news.test/a.html"))
        #expect(page.body.contentType == "text/html")
        #expect(page.body.charset == "iso-8859-1")
        #expect(page.body.etag == "\"x\"")
        #expect(page.body.source == "https://news.test/feed.xml")
        #expect(page.body.byteCount == 13)
        #expect(CrawlPage.source(ofRequest: []) == CrawlPage.commandLine)
    }

    @Test func theArchivedDateIsTheOneTheMessageCarries() throws {
        let request = WebRequest(url: URL(string: "https://news.test/a")!)
        let response = WebResponse(requestedURL: request.url, finalURL: request.url, status: 200, headers: [], body: Data(),
                                   redirects: [], etag: nil, lastModified: nil, contentType: nil, charset: nil, retryAfter: nil)
        let exchange = CrawlPage.exchange(for: response, request: request, userAgent: "Newswire/test",
                                          at: Date(timeIntervalSince1970: 1_780_000_000.1234567))
        #expect(WARCDate.date(from: WARCDate.string(from: exchange.date)) == exchange.date)
        #expect(exchange.requestHeaders.first { $0.0 == "User-Agent" }?.1 == "Newswire/test")
    }

    @Test(arguments: [
        ("<head><link rel=\"canonical\" href=\"/story/1\"></head>", "https://news.test/story/1"),
        ("<head><LINK href='https://other.test/x' REL='canonical'/></head>", "https://other.test/x"),
        ("<head><link rel=\"alternate\" href=\"/feed\"></head>", nil),
    ] as [(String, String?)])
    func canonicalLinksAreFoundAndResolved(html: String, expected: String?) {
        let url = CrawlPage.canonicalLink(in: Data(html.utf8), pageURL: URL(string: "https://news.test/a/b.html")!)
        #expect(url?.absoluteString == expected)
    }

    @Test func theBusiestHostsComeFromTheMetrics() {
        let text = """
        newswire_fetch_responses_total{stage="fetch",replica="0",class="2xx",host="a.test"} 7
        newswire_fetch_responses_total{stage="fetch",replica="0",class="5xx",host="a.test"} 2
        newswire_fetch_responses_total{stage="fetch",replica="0",class="error",host="b.test"} 3
        newswire_messages_in_total{stage="fetch",replica="0"} 12
        """
        let hosts = CrawlStatus.responsesByHost(prometheusTexts: [text])
        #expect(hosts.map(\.host) == ["a.test", "b.test"])
        #expect(hosts[0].responses == 9 && hosts[0].errors == 2)
        #expect(hosts[1].errors == 3)
    }
}
