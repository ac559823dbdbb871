import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Hummingbird
import HummingbirdTesting
import NewswirePublish
import NewswireStoreTesting
import NewswireWeb
import NewswireWire
import Testing

@Suite struct WebAPITests {
    @Test(arguments: StoreBackend.available) func articlesPageThroughEveryStoredArticleOnce(_ backend: StoreBackend) async throws {
        try await withWebApp(backend) { client, _ in
            let (items, pages) = try await client.allItems("/api/articles", limit: 3)
            let ids = items.compactMap { $0["id"] as? String }
            #expect(ids.count == Corpus.all.count)
            #expect(Set(ids) == Set(Corpus.all.map(\.article.id)))
            #expect(pages == 4)
            #expect(items.allSatisfy { ($0["storyId"] as? String)?.isEmpty == false })
            // Newest published first, undated last.
            #expect(ids.first == "h1")
            let dates = items.map { $0["publishedAt"] as? String ?? "" }
            #expect(dates == dates.sorted(by: >))
        }
    }

    @Test(arguments: StoreBackend.available) func defaultPageHasEverythingAndNoNextCursor(_ backend: StoreBackend) async throws {
        try await withWebApp(backend) { client, _ in
            let page = try await client.object("/api/articles")
            #expect((page["items"] as? [Any])?.count == Corpus.all.count)
            #expect(page["nextCursor"] is NSNull)
        }
    }

    @Test(arguments: StoreBackend.available) func anArticleIsItsStoredBodyWithItsStory(_ backend: StoreBackend) async throws {
        try await withWebApp(backend) { client, store in
            let body = try await client.object("/api/articles/a1")
            #expect(body["id"] as? String == "a1")
            #expect((body["quotes"] as? [Any])?.count == 2)
            let storyId = try #require(body["storyId"] as? String)
            #expect(try await store.articleRecord(id: "a1")?.storyId == storyId)
        }
    }

    @Test(arguments: StoreBackend.available) func storiesPageNewestFirstAndWireCopiesShareAStory(_ backend: StoreBackend) async throws {
        try await withWebApp(backend) { client, store in
            let (stories, _) = try await client.allItems("/api/stories", limit: 2)
            #expect(stories.count == (try await Corpus.storyCount(store)))
            #expect(Set(stories.compactMap { $0["id"] as? String }).count == stories.count)
            let updated = stories.compactMap { $0["updatedAt"] as? String }
            #expect(updated == updated.sorted(by: >))
            let protestId = try #require(try await store.articleRecord(id: "a1")?.storyId)
            #expect(try await store.articleRecord(id: "a2")?.storyId == protestId)
            let protest = try #require(stories.first { $0["id"] as? String == protestId })
            #expect((protest["articleCount"] as? Int ?? 0) >= 2)
            #expect((protest["outletCount"] as? Int ?? 0) >= 2)
        }
    }

    @Test(arguments: StoreBackend.available) func aStoryGroupsItsFiguresAndMarksTheConflict(_ backend: StoreBackend) async throws {
        try await withWebApp(backend) { client, _ in
            let a1 = try await client.object("/api/articles/a1")
            let storyId = try #require(a1["storyId"] as? String)
            let story = try await client.object("/api/stories/\(storyId)")
            let members = try #require((story["articles"] as? [[String: Any]])?.compactMap { $0["id"] as? String })
            #expect(members.contains("a1") && members.contains("a2"))
            let figures = try #require(story["figures"] as? [[String: Any]])
            #expect(figures.count == 1)
            let protesters = try #require(figures.first)
            #expect(protesters["about"] as? String == "protesters")
            #expect(protesters["conflict"] as? Bool == true)
            let claims = try #require(protesters["claims"] as? [[String: Any]])
            #expect(claims.count == 2)
            let police = try #require(claims.first { $0["source"] as? String == "police" })
            #expect(police["value"] as? Double == 214)
            #expect(police["articleId"] as? String == "a1")
            #expect(police["outlet"] as? String == "Harbour Times")
            #expect(police["outlets"] as? [String] == ["Harbour Times", "Coast Wire"])
            let quoted = Corpus.all.filter { members.contains($0.article.id) }.map(\.quotes.count).reduce(0, +)
            #expect((story["quotes"] as? [Any])?.count == quoted)
        }
    }

    @Test(arguments: StoreBackend.available) func quotesMatchTheSpeakerExactly(_ backend: StoreBackend) async throws {
        try await withWebApp(backend) { client, _ in
            for uri in ["/api/quotes?speaker=Ana+Ruiz", "/api/quotes?speaker=Ana%20Ruiz"] {
                let items = try #require(try await client.object(uri)["items"] as? [[String: Any]])
                #expect(items.count == 2, "\(uri)")
                #expect(items.allSatisfy { $0["speaker"] as? String == "Ana Ruiz" && $0["storyId"] is String })
            }
            for uri in ["/api/quotes?speaker=Ana", "/api/quotes?speaker=%25", "/api/quotes?speaker=_na%20Ruiz", "/api/quotes?speaker=ana+ruiz"] {
                #expect((try await client.object(uri)["items"] as? [Any])?.isEmpty == true, "\(uri)")
            }
            #expect((try await client.object("/api/quotes?speaker=Lena+%3CPark%3E")["items"] as? [Any])?.count == 1)
            let (all, pages) = try await client.allItems("/api/quotes", limit: 2)
            #expect(all.count == 4)
            #expect(pages == 2)
        }
    }

    @Test(arguments: StoreBackend.available) func searchFindsWordsInTitlesAndTexts(_ backend: StoreBackend) async throws {
        try await withWebApp(backend) { client, _ in
            let hits = try #require(try await client.object("/api/search?q=detain+protesters")["items"] as? [[String: Any]])
            #expect(Set(hits.compactMap { $0["id"] as? String }) == ["a1", "a2"])
            #expect(hits.allSatisfy { $0["snippet"] is String && $0["storyId"] is String })
            let text = try #require(try await client.object("/api/search?q=dockers")["items"] as? [[String: Any]])
            #expect(text.compactMap { $0["id"] as? String } == ["h1"])
            let (paged, pages) = try await client.allItems("/api/search?q=POLICE", limit: 1)
            #expect(Set(paged.compactMap { $0["id"] as? String }) == ["a1", "a2"])
            #expect(pages == 2)
        }
    }

    @Test(arguments: StoreBackend.available, [#"%22port"#, #"%22%22%22"#, "NEAR(a+b)", "x*", "title%3Aport", "a+OR+b+NOT+c", "-port",
                      "'%3B+DROP+TABLE+article%3B+--", "%27+OR+1%3D1+--", "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "%26amp%3B",
                      "(((", "%5E", "%E2%80%9C"])
    func searchTakesOperatorsAndMetacharactersAsText(backend: StoreBackend, q: String) async throws {
        try await withWebApp(backend) { client, store in
            let (status, body) = try await client.json("/api/search?q=\(q)")
            #expect(status == .ok)
            #expect((body as? [String: Any])?["items"] is [Any])
            #expect(try await store.count() == Corpus.all.count)
        }
    }

    @Test(arguments: StoreBackend.available) func searchFindsMarkupAsWords(_ backend: StoreBackend) async throws {
        try await withWebApp(backend) { client, _ in
            let hits = try #require(try await client.object("/api/search?q=%3Cb%3Eenough")["items"] as? [[String: Any]])
            #expect(hits.compactMap { $0["id"] as? String } == ["h1"])
        }
    }

    @Test(arguments: StoreBackend.available) func entitiesAreListedAndLookedUpByName(_ backend: StoreBackend) async throws {
        try await withWebApp(backend) { client, _ in
            let items = try #require(try await client.object("/api/entities")["items"] as? [[String: Any]])
            #expect(items.compactMap { $0["id"] as? String } == ["ana ruiz"])
            let entity = try await client.object("/api/entities/ana%20ruiz")
            #expect(entity["name"] as? String == "Ana Ruiz")
            #expect(entity["articleCount"] as? Int == 2)
            #expect(entity["roles"] as? [String] == ["Interior Minister"])
            #expect((entity["articles"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == ["a2", "a1"])
            #expect((entity["storyIds"] as? [String])?.count == 1)
        }
    }

    @Test(arguments: StoreBackend.available, ["/api/articles?limit=-1", "/api/articles?limit=abc", "/api/articles?limit=0", "/api/stories?limit=501",
                      "/api/articles?cursor=bogus", "/api/stories?cursor=e30", "/api/quotes?limit=1.5", "/api/entities?cursor=%25%25",
                      "/api/search", "/api/search?q=+++", "/api/search?q=%E9", "/?limit=x"])
    func badParametersAreA400WithAJSONError(backend: StoreBackend, uri: String) async throws {
        try await withWebApp(backend) { client, _ in
            let response = try await client.execute(uri: uri, method: .get)
            #expect(response.status == .badRequest)
            #expect(response.headers[.contentType]?.hasPrefix("application/json") == true)
            let body = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
            #expect((body?["error"] as? String)?.isEmpty == false)
            #expect(body?.count == 1)
        }
    }

    @Test(arguments: StoreBackend.available, ["/api/articles/nope", "/api/stories/nope", "/api/entities/nobody", "/api/nothing", "/no/such/page",
                      "/stories/nope", "/articles/nope", "/api/articles/a1/extra"])
    func unknownIdsAndRoutesAreA404WithAJSONError(backend: StoreBackend, uri: String) async throws {
        try await withWebApp(backend) { client, _ in
            let body = try await client.object(uri, expecting: .notFound)
            #expect((body["error"] as? String)?.isEmpty == false)
        }
    }

    @Test(arguments: StoreBackend.available) func openAPIDocumentDescribesEveryRoute(_ backend: StoreBackend) async throws {
        try await withWebApp(backend) { client, _ in
            let doc = try await client.object("/api/openapi.json")
            #expect(doc["openapi"] as? String == "3.1.0")
            let paths = try #require(doc["paths"] as? [String: Any])
            for path in ["/api/articles", "/api/articles/{id}", "/api/stories", "/api/stories/{id}", "/api/quotes",
                         "/api/search", "/api/entities", "/api/entities/{id}"] {
                #expect(paths[path] != nil, "\(path)")
            }
        }
    }

    /// What the API sends for a story is what its document says a story is, key for key.
    @Test(arguments: StoreBackend.available) func aStoryHasExactlyTheKeysTheDocumentRequires(_ backend: StoreBackend) async throws {
        try await withWebApp(backend) { client, store in
            let doc = try await client.object("/api/openapi.json")
            let schemas = try #require((doc["components"] as? [String: Any])?["schemas"] as? [String: Any])
            let required = try #require((schemas["Story"] as? [String: Any])?["required"] as? [String])
            let storyId = try #require(try await store.articleRecord(id: "a1")?.storyId)
            let story = try await client.object("/api/stories/\(storyId)")
            #expect(Set(story.keys) == Set(required))
            for (key, schema) in [("summary", "SummarySentence"), ("entities", "RankedEntity"), ("timeline", "TimelineEvent")] {
                let needed = try #require((schemas[schema] as? [String: Any])?["required"] as? [String])
                for item in (story[key] as? [[String: Any]]) ?? [] { #expect(Set(item.keys) == Set(needed), "\(key)") }
            }
        }
    }
}

@Suite struct WebPageTests {
    @Test(arguments: StoreBackend.available) func storyListShowsStoriesNewestFirstWithOutletCounts(_ backend: StoreBackend) async throws {
        try await withWebApp(backend) { client, store in
            let protestId = try #require(try await store.articleRecord(id: "a1")?.storyId)
            let protest = try #require(try await store.stories(after: nil, limit: 500).items.first { $0.id == protestId })
            let (status, page, type) = try await client.text("/")
            #expect(status == .ok)
            #expect(type?.hasPrefix("text/html") == true)
            #expect(page.contains("<h1>Stories</h1>"))
            #expect(page.contains("\(protest.outletCount) outlets · \(protest.articleCount) articles"))
            #expect(page.contains(#"name="viewport""#))
            #expect(page.contains(#"action="/search""#))
            let paged = try await client.text("/?limit=2").1
            #expect(paged.contains("Older stories"))
        }
    }

    @Test(arguments: StoreBackend.available) func storyPageShowsFiguresSideBySideConflictsAndSpeakers(_ backend: StoreBackend) async throws {
        try await withWebApp(backend) { client, store in
            let storyId = try #require(try await store.articleRecord(id: "a1")?.storyId)
            let (status, page, _) = try await client.text("/stories/\(storyId)")
            #expect(status == .ok)
            #expect(page.contains("<h1>Police detain 214 protesters in Port Avalon</h1>"))
            #expect(page.contains(#"class="figure conflict""#))
            #expect(page.contains("Sources disagree"))
            #expect(page.contains("214 protesters</strong> — police"))
            #expect(page.contains("in Harbour Times, Coast Wire"))
            #expect(page.contains("<h3>Ana Ruiz</h3>"))
            #expect(page.contains("<h3>Tomás Ortega</h3>"))
            #expect(page.contains(#"<a href="https://harbour-times.test/a1">"#))
            #expect(page.contains(#"href="/articles/a2""#))
        }
    }

    @Test(arguments: StoreBackend.available) func storyPageAndAPICarryTheSummaryEntitiesAndSources(_ backend: StoreBackend) async throws {
        try await withWebApp(backend) { client, store in
            let storyId = try #require(try await store.articleRecord(id: "a1")?.storyId)
            let story = try await client.object("/api/stories/\(storyId)")
            let summary = try #require(story["summary"] as? [[String: Any]])
            #expect(summary.first?["text"] as? String == Corpus.protestText)
            #expect(summary.count == 1)   // the wire copy says the same thing: shown once
            let entities = try #require(story["entities"] as? [[String: Any]])
            #expect(entities.first?["name"] as? String == "Ana Ruiz")
            #expect(entities.first?["articles"] as? Int == 2)
            #expect(story["timeline"] is [Any])
            let (_, page, _) = try await client.text("/stories/\(storyId)")
            #expect(page.contains(#"<div class="summary">"#))
            #expect(page.contains(#"<dt>People</dt><dd><a href="/entities/ana%20ruiz">Ana Ruiz</a>"#))
        }
    }

    @Test(arguments: StoreBackend.available) func entityPageChartsArticlesPerDayAndListsThem(_ backend: StoreBackend) async throws {
        try await withWebApp(backend) { client, _ in
            let (status, page, type) = try await client.text("/entities/ana%20ruiz")
            #expect(status == .ok)
            #expect(type?.hasPrefix("text/html") == true)
            #expect(page.contains("<h1>Ana Ruiz</h1>"))
            #expect(page.contains("named in 2 articles · Interior Minister"))
            #expect(page.contains("<svg role=\"img\""))
            #expect(page.contains("<title>2026-11-17: 2</title>"))
            #expect(page.contains(#"href="/articles/a1""#))
            let (missing, _, _) = try await client.text("/entities/nobody")
            #expect(missing == .notFound)
        }
    }

    @Test(arguments: StoreBackend.available) func markupFromArticlesIsEscapedAndJavascriptLinksAreText(_ backend: StoreBackend) async throws {
        try await withWebApp(backend) { client, store in
            let storyId = try #require(try await store.articleRecord(id: "h1")?.storyId)
            for uri in ["/stories/\(storyId)", "/articles/h1", "/"] {
                let page = try await client.text(uri).1
                #expect(!page.contains("<script>"), "\(uri)")
                #expect(!page.contains("<b>enough"), "\(uri)")
                #expect(!page.contains("<img"), "\(uri)")
                #expect(!page.contains("<Outlet>") && !page.contains("<Park>"), "\(uri)")
                #expect(!page.lowercased().contains(#"href="javascript:"#), "\(uri)")
            }
            #expect(try await client.text("/stories/\(storyId)").1.contains("&lt;script&gt;"))
            let article = try await client.text("/articles/h1").1
            #expect(article.contains("&lt;b&gt;enough&lt;/b&gt; &amp; left."))
            #expect(article.contains(#"<span class="url">javascript:alert(document.cookie)</span>"#))
        }
    }

    @Test(arguments: StoreBackend.available) func articlePageShowsTextQuotesAndStoryLink(_ backend: StoreBackend) async throws {
        try await withWebApp(backend) { client, store in
            let storyId = try #require(try await store.articleRecord(id: "a1")?.storyId)
            let (status, page, _) = try await client.text("/articles/a1")
            #expect(status == .ok)
            #expect(page.contains("<p>\(Corpus.protestText)</p>"))
            #expect(page.contains("Order was kept. — Ana Ruiz"))
            #expect(page.contains(#"href="/stories/\#(storyId)""#))
        }
    }

    @Test(arguments: StoreBackend.available) func searchPageEscapesTheQueryAndListsHits(_ backend: StoreBackend) async throws {
        try await withWebApp(backend) { client, _ in
            let (status, page, _) = try await client.text("/search?q=%22%3E%3Cscript%3Ex%3C%2Fscript%3E")
            #expect(status == .ok)
            #expect(!page.contains("<script>"))
            #expect(page.contains(#"value="&quot;&gt;&lt;script&gt;x&lt;/script&gt;""#))
            let hits = try await client.text("/search?q=lighthouses").1
            #expect(hits.contains(#"href="/articles/f1""#))
            #expect(try await client.text("/search").0 == .ok)
        }
    }
}

@Suite struct AtomFeedTests {
    @Test(arguments: StoreBackend.available) func feedIsAtomWithOneEntryPerStory(_ backend: StoreBackend) async throws {
        try await withWebApp(backend) { client, store in
            let response = try await client.execute(uri: "/stories.atom", method: .get)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType]?.hasPrefix("application/atom+xml") == true)
            let feed = try AtomReader(Data(buffer: response.body))
            #expect(feed.root == "feed")
            #expect(feed.namespace == "http://www.w3.org/2005/Atom")
            #expect(feed.entries.count == (try await Corpus.storyCount(store)))
            #expect(feed.entries.allSatisfy { !$0.id.isEmpty && !$0.title.isEmpty && !$0.updated.isEmpty })
            #expect(Set(feed.entries.map(\.id)).count == feed.entries.count)
            #expect(feed.entries.allSatisfy { $0.link.hasPrefix("http://localhost/stories/") })
        }
    }
}

/// Reads an Atom document with Foundation's XML parser: a parse error fails the test.
final class AtomReader: NSObject, XMLParserDelegate {
    struct Entry { var id = "", title = "", updated = "", link = "" }
    var root: String?
    var namespace: String?
    var entries: [Entry] = []
    private var current: Entry?
    private var text = ""

    init(_ data: Data) throws {
        super.init()
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = true
        parser.delegate = self
        guard parser.parse() else { throw parser.parserError ?? CocoaError(.coderReadCorrupt) }
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        if root == nil { root = name; namespace = namespaceURI }
        if name == "entry" { current = Entry() }
        if name == "link", attributes["rel"] == "alternate", current != nil { current?.link = attributes["href"] ?? "" }
        text = ""
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch name {
        case "id": current?.id = text
        case "title": current?.title = text
        case "updated": current?.updated = text
        case "entry": if let current { entries.append(current) }; current = nil
        default: break
        }
    }
}
