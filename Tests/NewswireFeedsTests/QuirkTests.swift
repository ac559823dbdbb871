import Foundation
import Testing
@testable import NewswireFeeds

@Suite("Text, links and namespaces")
struct QuirkTests {
    @Test func cdataTitle() throws {
        let feed = try parseFeed(rss("<item><title><![CDATA[Fish & <i>chips</i>]]></title><link>https://n.example.com/f</link></item>"))
        #expect(feed.items.first?.title == "Fish & chips")
    }

    @Test func htmlAndEntitiesInTitlesAndSummaries() throws {
        let feed = try parseFeed(rss("""
            <item><title>Caf&amp;eacute; &amp;#8220;quoted&amp;#x201D; &amp;amp; more</title>
            <description>&lt;p&gt;One&lt;br/&gt;two&lt;/p&gt;&lt;script&gt;alert(1)&lt;/script&gt;  &amp;nbsp;three</description></item>
            """))
        #expect(feed.items.first?.title == "Café “quoted” & more")
        #expect(feed.items.first?.summary == "One two three")
    }

    @Test func doubleEscapedMarkupBecomesPlainText() throws {
        let feed = try parseFeed(rss("<item><title>A &amp;lt;b&amp;gt;bold&amp;lt;/b&amp;gt; move</title></item>"))
        #expect(feed.items.first?.title == "A bold move")
    }

    @Test func plainTextKeepsLiteralLessThanAndDecodesLegacyEntities() {
        #expect(PlainText.fromHTML("a < b &amp c &#150; d &unknown; e") == "a < b & c – d &unknown; e")
        #expect(PlainText.fromHTML("<div>x</div>\n\n<div>y</div><!-- note --><style>p{}</style>") == "x y")
    }

    @Test func xmlBaseOnFeedEntryAndElementNests() throws {
        let feed = try parseFeed("""
            <feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://base.example.com/news/">
              <link href="./"/>
              <entry xml:base="2026/"><id>1</id><link href="storm.html"/></entry>
              <entry xml:base="2026/"><id>2</id><link xml:base="/other/" href="x.html"/></entry>
            </feed>
            """)
        #expect(feed.link == "https://base.example.com/news/")
        #expect(feed.items.map(\.url) == ["https://base.example.com/news/2026/storm.html", "https://base.example.com/other/x.html"])
    }

    @Test func relativeLinksResolveAgainstTheFeedURL() throws {
        let feed = try parseFeed(rss("<item><link>/2026/03/story</link></item>", channel: "<link>/</link>"),
                                 url: "https://site.example.com/rss/feed.xml")
        #expect(feed.link == "https://site.example.com/")
        #expect(feed.items.first?.url == "https://site.example.com/2026/03/story")
    }

    @Test func atomLinkSelectionPrefersHTMLAlternate() throws {
        let feed = try parseFeed("""
            <feed xmlns="http://www.w3.org/2005/Atom"><entry><id>x</id>
              <link rel="self" href="https://a.example.com/self"/>
              <link rel="alternate" type="application/json" href="https://a.example.com/x.json"/>
              <link rel="alternate" type="text/html" href="https://a.example.com/x"/>
              <link rel="enclosure" href="https://a.example.com/x.mp3"/></entry>
              <entry><id>y</id><link rel="replies" href="https://a.example.com/c"/><link href="https://a.example.com/y"/></entry>
            </feed>
            """)
        #expect(feed.items.map(\.url) == ["https://a.example.com/x", "https://a.example.com/y"])
    }

    @Test func guidPermalinkIsTheURLWhenThereIsNoLink() throws {
        let feed = try parseFeed(rss("""
            <item><title>A</title><guid>https://n.example.com/a</guid></item>
            <item><title>B</title><guid isPermaLink="false">https://n.example.com/b</guid></item>
            <item><title>C</title><guid>post-17</guid></item>
            """))
        #expect(feed.items.map(\.url) == ["https://n.example.com/a", nil, nil])
        #expect(feed.items.map(\.id) == ["https://n.example.com/a", "https://n.example.com/b", "post-17"])
    }

    @Test func dublinCoreContentEncodedAndMediaElements() throws {
        let feed = try parseFeed(rss("""
            <item><title>T</title><link>https://n.example.com/t</link>
              <media:content url="https://n.example.com/t.jpg" medium="image"><media:title>Photo</media:title></media:content>
              <media:thumbnail url="https://n.example.com/t-small.jpg"/>
              <content:encoded><![CDATA[<p>Full <em>text</em></p>]]></content:encoded>
              <dc:date>2026-03-01T12:00:00Z</dc:date><dc:creator>Ann</dc:creator><dc:creator>Bo</dc:creator></item>
            """, namespaces: """
            xmlns:media="http://search.yahoo.com/mrss/" xmlns:content="http://purl.org/rss/1.0/modules/content/" \
            xmlns:dc="http://purl.org/dc/elements/1.1/"
            """))
        let item = try #require(feed.items.first)
        #expect(item.summary == "Full text", "content:encoded is the fallback summary")
        #expect(item.published == utc(2026, 3, 1, 12))
        #expect(item.authors == ["Ann", "Bo"])
    }

    @Test func authorForms() throws {
        let feed = try parseFeed(rss("""
            <item><author>jo@example.com (Jo Bloggs)</author><author>Sam Lee &lt;sam@example.com&gt;</author>
            <author>plain@example.com</author></item>
            """))
        #expect(feed.items.first?.authors == ["Jo Bloggs", "Sam Lee", "plain@example.com"])
        let atom = try parseFeed("""
            <feed xmlns="http://www.w3.org/2005/Atom"><entry><id>1</id>
            <author><name>A One</name></author><author><name>B Two</name><email>b@x</email></author></entry></feed>
            """)
        #expect(atom.items.first?.authors == ["A One", "B Two"])
    }

    @Test func unusualPrefixesAreMatchedByNamespaceURI() throws {
        let feed = try parseFeed("""
            <a:feed xmlns:a="http://www.w3.org/2005/Atom" xmlns:meta="http://purl.org/dc/elements/1.1/">
              <a:title>Prefixed</a:title><a:entry><a:id>1</a:id><a:title>Entry</a:title></a:entry></a:feed>
            """)
        #expect(feed.format == .atom10)
        #expect(feed.title == "Prefixed")
        #expect(feed.items.first?.title == "Entry")
        let rssFeed = try parseFeed(rss("<item><creatorNS:creator>Eve</creatorNS:creator><x:date>2026-03-01</x:date></item>",
                                        namespaces: #"xmlns:creatorNS="http://purl.org/dc/elements/1.1/" xmlns:x="http://purl.org/dc/elements/1.1/""#))
        #expect(rssFeed.items.first?.authors == ["Eve"])
        #expect(rssFeed.items.first?.published == utc(2026, 3, 1))
    }

    @Test func elementsInAnotherNamespaceAreNotTakenForCoreOnes() throws {
        let feed = try parseFeed(rss("<item><title>Real</title><other:title>Wrong</other:title></item>",
                                     channel: #"<atom:link rel="self" href="https://n.example.com/feed"/><link>https://n.example.com/</link>"#,
                                     namespaces: #"xmlns:other="https://other.example.com/ns" xmlns:atom="http://www.w3.org/2005/Atom""#))
        #expect(feed.items.first?.title == "Real")
        #expect(feed.link == "https://n.example.com/", "atom:link is not RSS's link")
    }

    @Test func undeclaredDublinCorePrefixStillCounts() throws {
        let feed = try parseFeed(rss("<item><title>T</title><dc:creator>Undeclared</dc:creator></item>"))
        #expect(feed.items.first?.authors == ["Undeclared"])
    }

    @Test func defaultNamespaceOnRSS10() throws {
        let feed = try parseFeed("""
            <RDF xmlns="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><channel xmlns="http://purl.org/rss/1.0/"><title>D</title></channel>
            <item xmlns="http://purl.org/rss/1.0/"><title>Item</title><link>https://d.example.com/i</link></item></RDF>
            """)
        #expect(feed.format == .rss10)
        #expect(feed.items.first?.url == "https://d.example.com/i")
    }
}
