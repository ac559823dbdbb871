import Foundation
import Testing
@testable import NewswireFeeds

@Suite("Feed formats")
struct FormatTests {
    @Test func rss20() throws {
        let feed = try parseFeed(rss("""
            <item><title>Storm hits coast</title><link>https://news.example.com/storm</link>
            <guid isPermaLink="false">storm-1</guid><description>Winds of 120 km/h.</description>
            <pubDate>Sun, 01 Mar 2026 12:00:00 GMT</pubDate><author>desk@example.com (Ana Ruiz)</author></item>
            """))
        #expect(feed.format == .rss20)
        #expect(feed.title == "Example News")
        #expect(feed.link == "https://news.example.com/")
        #expect(feed.items == [FeedItem(id: "storm-1", url: "https://news.example.com/storm", title: "Storm hits coast",
                                        summary: "Winds of 120 km/h.", published: utc(2026, 3, 1, 12),
                                        authors: ["Ana Ruiz"])])
    }

    @Test func rss091And092() throws {
        for version in ["0.91", "0.92"] {
            let feed = try parseFeed("""
                <rss version="\(version)"><channel><title>Old</title><link>http://old.example.com/</link>
                <item><title>First</title><link>http://old.example.com/1</link></item></channel></rss>
                """)
            #expect(feed.format == .rss09)
            #expect(feed.items.map(\.url) == ["http://old.example.com/1"])
            #expect(feed.items.first?.id == "http://old.example.com/1")
        }
    }

    @Test func rss10ItemsAreSiblingsOfTheChannel() throws {
        let feed = try parseFeed("""
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
                     xmlns:dc="http://purl.org/dc/elements/1.1/">
              <channel rdf:about="https://rdf.example.com/"><title>RDF News</title><link>https://rdf.example.com/</link></channel>
              <item rdf:about="https://rdf.example.com/a"><title>A</title><link>https://rdf.example.com/a</link>
                <dc:date>2026-03-01T09:30:00+01:00</dc:date><dc:creator>Jo Bloggs</dc:creator></item>
              <item rdf:about="https://rdf.example.com/b"><title>B</title></item>
            </rdf:RDF>
            """)
        #expect(feed.format == .rss10)
        #expect(feed.title == "RDF News")
        #expect(feed.items.map(\.title) == ["A", "B"])
        #expect(feed.items[0].published == utc(2026, 3, 1, 8, 30))
        #expect(feed.items[0].authors == ["Jo Bloggs"])
        #expect(feed.items[1].url == "https://rdf.example.com/b")
    }

    @Test func atom10() throws {
        let feed = try parseFeed("""
            <feed xmlns="http://www.w3.org/2005/Atom"><title type="text">Atom News</title>
              <link rel="self" href="https://atom.example.com/feed"/><link href="https://atom.example.com/"/>
              <author><name>Desk</name></author>
              <entry><id>tag:atom.example.com,2026:1</id><title type="html">Rates &amp;lt;b&amp;gt;rise&amp;lt;/b&amp;gt;</title>
                <link rel="alternate" type="text/html" href="https://atom.example.com/1"/>
                <published>2026-03-01T12:00:00Z</published><updated>2026-03-02T08:00:00Z</updated>
                <summary type="html">&lt;p&gt;Central bank&lt;/p&gt;&lt;p&gt;acts&lt;/p&gt;</summary></entry>
            </feed>
            """)
        #expect(feed.format == .atom10)
        #expect(feed.link == "https://atom.example.com/")
        let entry = try #require(feed.items.first)
        #expect(entry.id == "tag:atom.example.com,2026:1")
        #expect(entry.title == "Rates rise")
        #expect(entry.summary == "Central bank acts")
        #expect(entry.published == utc(2026, 3, 1, 12))
        #expect(entry.updated == utc(2026, 3, 2, 8))
        #expect(entry.authors == ["Desk"], "entries without authors inherit the feed's")
    }

    @Test func atom03ModifiedIssuedAndEscapedContent() throws {
        let feed = try parseFeed("""
            <feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>Old Atom</title>
              <link rel="alternate" type="text/html" href="http://a03.example.com/"/>
              <entry><title>Entry</title><link rel="alternate" type="text/html" href="http://a03.example.com/e"/>
                <id>urn:e1</id><issued>2026-03-01T10:00:00Z</issued><modified>2026-03-01T11:00:00Z</modified>
                <author><name>Kim</name></author>
                <content type="text/html" mode="escaped">&lt;p&gt;Escaped &amp;amp; body&lt;/p&gt;</content></entry>
            </feed>
            """)
        #expect(feed.format == .atom03)
        let entry = try #require(feed.items.first)
        #expect(entry.published == utc(2026, 3, 1, 10))
        #expect(entry.updated == utc(2026, 3, 1, 11))
        #expect(entry.summary == "Escaped & body")
        #expect(entry.authors == ["Kim"])
        #expect(entry.url == "http://a03.example.com/e")
    }

    @Test func jsonFeed10WithAuthor() throws {
        let feed = try parseFeed("""
            {"version": "https://jsonfeed.org/version/1", "title": "JSON News", "home_page_url": "https://j.example.com/",
             "author": {"name": "Feed Author"},
             "items": [{"id": 42, "url": "/posts/1", "title": "Caf&eacute; opens", "content_html": "<p>Hello <b>world</b></p>",
                        "date_published": "2026-03-01T12:00:00+00:00"}]}
            """, url: "https://j.example.com/feed.json")
        #expect(feed.format == .jsonFeed10)
        let item = try #require(feed.items.first)
        #expect(item.id == "42")
        #expect(item.url == "https://j.example.com/posts/1")
        #expect(item.title == "Café opens")
        #expect(item.summary == "Hello world")
        #expect(item.authors == ["Feed Author"])
        #expect(item.published == utc(2026, 3, 1, 12))
    }

    @Test func jsonFeed11WithAuthors() throws {
        let feed = try parseFeed("""
            {"version": "https://jsonfeed.org/version/1.1", "title": "J", "items": [
              {"id": "a", "url": "https://j.example.com/a", "summary": "Short", "content_text": "Long",
               "date_published": "2026-03-01T12:00:00Z", "date_modified": "2026-03-01T13:00:00Z",
               "authors": [{"name": "One"}, {"name": "Two"}]}]}
            """)
        #expect(feed.format == .jsonFeed11)
        #expect(feed.items.first?.authors == ["One", "Two"])
        #expect(feed.items.first?.summary == "Short")
        #expect(feed.items.first?.updated == utc(2026, 3, 1, 13))
    }

    @Test func jsonWithoutVersionIsNotAFeed() {
        #expect(throws: FeedError.notAFeed(reason: "the JSON object has no JSON Feed \"version\" (https://jsonfeed.org/version/1.1)")) {
            try parseFeed(#"{"items": []}"#)
        }
    }
}
