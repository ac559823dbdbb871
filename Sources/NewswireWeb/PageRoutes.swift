import Foundation
import Hummingbird
import Mustache
import NewswirePublish
import NewswireWire

/// The pages for people (story list, story, article, search) and the Atom feed of stories.
struct PageRoutes: Sendable {
    /// How many stories the Atom feed carries.
    static let feedSize = 50

    let reader: StoreReader
    let templates: MustacheLibrary

    func register(on router: Router<BasicRequestContext>) {
        router.get("/") { request, _ in try await storyList(request) }
        router.get("/stories/:id") { _, context in try await story(try pathID(context)) }
        router.get("/articles/:id") { _, context in try await article(try pathID(context)) }
        router.get("/entities/:id") { _, context in try await entity(try pathID(context)) }
        router.get("/search") { request, _ in try await search(request) }
        router.get("/stories.atom") { request, _ in try await atom(request) }
    }

    func storyList(_ request: Request) async throws -> Response {
        let page = try PageRequest(QueryString(request.uri.query))
        let stories = try await reader.read { try await $0.stories(after: page.cursor, limit: page.limit) }
        return try html(StoryListView(stories), template: "stories")
    }

    func story(_ id: String) async throws -> Response {
        let (detail, digest) = try await reader.storyWithDigest(id: id)
        return try html(StoryView(detail, digest: digest), template: "story")
    }

    func article(_ id: String) async throws -> Response {
        let record = try await reader.require("article", id: id) { try await $0.articleRecord(id: id) }
        let extracted = try WireCoding.decoder.decode(ArticleExtracted.self, from: record.body)
        return try html(ArticleView(extracted, storyId: record.storyId), template: "article")
    }

    func entity(_ id: String) async throws -> Response {
        try html(EntityView(try await reader.require("entity", id: id) { try await $0.entity(id: id) }), template: "entity")
    }

    func search(_ request: Request) async throws -> Response {
        let query = try QueryString(request.uri.query)
        let page = try PageRequest(query)
        let text = query["q"] ?? ""
        guard !text.allSatisfy(\.isWhitespace) else { return try html(SearchView(text: text, page: nil), template: "search") }
        let hits = try await reader.read { try await $0.search(text, after: page.cursor, limit: page.limit) }
        return try html(SearchView(text: text, page: hits), template: "search")
    }

    func atom(_ request: Request) async throws -> Response {
        let stories = try await reader.read { try await $0.stories(after: nil, limit: Self.feedSize) }
        let view = AtomView(stories.items, baseURL: Self.baseURL(request))
        return try rendered(view, template: "atom", contentType: "application/atom+xml; charset=utf-8")
    }

    /// The scheme and host the client used, for the feed's absolute links.
    static func baseURL(_ request: Request) -> String {
        (request.head.scheme ?? "http") + "://" + (request.head.authority ?? "127.0.0.1")
    }

    func html(_ view: some Sendable, template: String) throws -> Response {
        try rendered(view, template: template, contentType: "text/html; charset=utf-8")
    }

    func rendered(_ view: some Sendable, template: String, contentType: String) throws -> Response {
        guard let text = templates.render(view, withTemplate: template) else { throw WebTemplateMissing(name: template) }
        return Response(status: .ok, headers: [.contentType: contentType], body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}

/// A page template is not among the bundled resources: the build did not copy `Templates`.
struct WebTemplateMissing: Error, CustomStringConvertible {
    var name: String
    var description: String { "template '\(name).mustache' is missing from NewswireWeb's resources; rebuild the package" }
}
