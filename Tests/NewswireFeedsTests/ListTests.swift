import Foundation
import Testing
@testable import NewswireFeeds

@Suite("Sitemaps and OPML")
struct ListTests {
    @Test func newsSitemap() throws {
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:n="http://www.google.com/schemas/sitemap-news/0.9">
              <url><loc>https://n.example.com/a</loc><lastmod>2026-03-01</lastmod>
                <n:news><n:publication><n:name>N</n:name></n:publication>
                  <n:publication_date>2026-03-01T12:00:00Z</n:publication_date><n:title>Storm &amp; rain</n:title></n:news></url>
              <url><loc> /b </loc></url>
              <url><lastmod>2026-03-01</lastmod></url>
            </urlset>
            """
        let sitemap = try SitemapParser.parse(Data(xml.utf8), url: URL(string: "https://n.example.com/sitemap.xml"))
        #expect(sitemap.urls == [
            SitemapURL(loc: "https://n.example.com/a", lastModified: utc(2026, 3, 1), newsTitle: "Storm & rain",
                       newsPublished: utc(2026, 3, 1, 12)),
            SitemapURL(loc: "https://n.example.com/b"),
        ])
        #expect(sitemap.sitemaps.isEmpty)
    }

    @Test func sitemapIndex() throws {
        let xml = """
            <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
              <sitemap><loc>https://n.example.com/s1.xml.gz</loc><lastmod>2026-03-01</lastmod></sitemap>
              <sitemap><loc>https://n.example.com/s2.xml</loc></sitemap></sitemapindex>
            """
        let index = try SitemapParser.parse(Data(xml.utf8), url: nil)
        #expect(index.sitemaps == ["https://n.example.com/s1.xml.gz", "https://n.example.com/s2.xml"])
        #expect(index.urls.isEmpty)
    }

    @Test func notASitemap() {
        #expect(throws: FeedError.notASitemap(reason: "the root element is <rss>")) {
            try SitemapParser.parse(Data("<rss version=\"2.0\"/>".utf8), url: nil)
        }
    }

    @Test func opml2NestedCategories() throws {
        let xml = """
            <opml version="2.0"><head><title>My feeds</title></head><body>
              <outline text="News"><outline text="World">
                  <outline type="rss" text="Wire" xmlUrl="https://wire.example.com/rss" htmlUrl="https://wire.example.com/"/>
                </outline>
                <outline text="Local" xmlurl="/local.xml"/></outline>
              <outline text="Loose" type="rss" xmlUrl="https://loose.example.com/feed" category="/Tech"/>
              <outline text="Just a link" type="link" url="https://link.example.com/"/>
            </body></opml>
            """
        let opml = try OPMLParser.parse(Data(xml.utf8), url: URL(string: "https://me.example.com/subs.opml"))
        #expect(opml.title == "My feeds")
        #expect(opml.outlines == [
            OPMLFeed(title: "Wire", xmlURL: "https://wire.example.com/rss", htmlURL: "https://wire.example.com/", category: "News/World"),
            OPMLFeed(title: "Local", xmlURL: "https://me.example.com/local.xml", htmlURL: nil, category: "News"),
            OPMLFeed(title: "Loose", xmlURL: "https://loose.example.com/feed", htmlURL: nil, category: "/Tech"),
        ])
    }

    @Test func opml1TitleAttribute() throws {
        let xml = """
            <?xml version="1.0" encoding="ISO-8859-1"?><opml version="1.0"><head><title>Old</title></head><body>
            <outline title="Caf\u{E9}" type="rss" xmlUrl="http://cafe.example.com/rss"/></body></opml>
            """
        let opml = try OPMLParser.parse(try #require(xml.data(using: .isoLatin1)), url: nil)
        #expect(opml.outlines == [OPMLFeed(title: "Café", xmlURL: "http://cafe.example.com/rss", htmlURL: nil, category: nil)])
    }

    @Test func notOPML() {
        #expect(throws: FeedError.notOPML(reason: "this is an HTML page")) {
            try OPMLParser.parse(Data("<html><body>x</body></html>".utf8), url: nil)
        }
    }
}
