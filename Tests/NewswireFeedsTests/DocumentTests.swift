import Foundation
import Testing
@testable import NewswireFeeds

@Suite("HTML pages, document kinds, JSON output")
struct DocumentTests {
    private let page = """
        <!DOCTYPE html><html><head><title>Site</title><base href="https://www.example.com/sub/">
        <link rel="alternate" type="application/rss+xml" title="RSS" href="feed.xml">
        <link rel="Alternate" type="application/atom+xml" href="https://www.example.com/atom">
        <link rel="alternate" type="application/json" href="/wp-json/posts/1">
        <link rel="stylesheet" href="style.css"></head><body><p>Hello</p></body></html>
        """

    @Test func htmlPageIsRejectedNamingItsFeeds() throws {
        let expected = ["https://www.example.com/sub/feed.xml", "https://www.example.com/atom"]
        #expect(throws: FeedError.htmlPage(feedLinks: expected)) { try parseFeed(page) }
        #expect(FeedParser.discoverFeeds(inHTML: Data(page.utf8), url: URL(string: "https://www.example.com/")) == expected)
        #expect(FeedError.htmlPage(feedLinks: expected).description.contains("https://www.example.com/atom"))
    }

    @Test func htmlPageWithoutFeedsSaysSo() {
        let error = FeedError.htmlPage(feedLinks: [])
        #expect(throws: error) { try parseFeed("<html><body><p>No feeds here</p></body></html>") }
        #expect(error.description.contains("HTML page"))
    }

    @Test(arguments: [
        ("<?xml version=\"1.0\"?><!-- c --><rss version=\"2.0\"/>", DocumentKind.feed),
        ("<rdf:RDF xmlns:rdf=\"x\"/>", .feed),
        ("\u{FEFF}  <feed xmlns=\"http://www.w3.org/2005/Atom\"/>", .feed),
        ("<opml version=\"2.0\"/>", .opml),
        ("<urlset/>", .sitemap),
        ("<?xml version=\"1.0\"?><sitemapindex/>", .sitemapIndex),
        ("<!doctype html><p>hi", .html),
        ("<html lang=\"en\">", .html),
        ("{\"version\": \"https://jsonfeed.org/version/1.1\"}", .jsonFeed),
        ("WARC/1.1\r\nWARC-Type: warcinfo", .warc),
        ("plain text", .unknown),
        ("<note/>", .unknown),
    ])
    func detectsKindFromContent(text: String, kind: DocumentKind) {
        #expect(DocumentKind.detect(Data(text.utf8)) == kind)
    }

    @Test func jsonShapeHasEveryKeyWithNullsAndISODates() throws {
        let feed = Feed(format: .rss20, title: "T", link: nil, items: [
            FeedItem(id: "1", url: "https://n.example.com/1", title: "A", summary: nil,
                     published: utc(2026, 3, 1, 12), updated: nil, authors: ["X"]),
        ])
        let json = String(decoding: feed.jsonData(pretty: false), as: UTF8.self)
        #expect(json == #"{"format":"rss-2.0","items":[{"authors":["X"],"id":"1","published":"2026-03-01T12:00:00Z","#
            + #""summary":null,"title":"A","updated":null,"url":"https://n.example.com/1"}],"link":null,"title":"T"}"#)
        let pretty = try JSONSerialization.jsonObject(with: feed.jsonData(pretty: true)) as? [String: Any]
        #expect(Set(pretty?.keys ?? [:].keys) == ["format", "title", "link", "items"])
    }
}
