import Foundation
import Hummingbird
import NewswirePublish

/// The JSON API under `/api`: lists are cursor-paginated, every failure is a JSON error.
struct APIRoutes: Sendable {
    let reader: StoreReader
    let openAPIDocument: Data

    func register(on router: Router<BasicRequestContext>) {
        let api = router.group("api")
        api.get("openapi.json") { _, _ in JSONResponse.response(data: openAPIDocument) }
        api.get("articles") { request, _ in try await articles(request) }
        api.get("articles/:id") { _, context in try await article(try pathID(context)) }
        api.get("stories") { request, _ in try await stories(request) }
        api.get("stories/:id") { _, context in try await story(try pathID(context)) }
        api.get("quotes") { request, _ in try await quotes(request) }
        api.get("search") { request, _ in try await search(request) }
        api.get("entities") { request, _ in try await entities(request) }
        api.get("entities/:id") { _, context in try await entity(try pathID(context)) }
    }

    func articles(_ request: Request) async throws -> Response {
        let page = try PageRequest(QueryString(request.uri.query))
        return JSONResponse.response(PageBody(try await reader.read { try await $0.articles(after: page.cursor, limit: page.limit) }))
    }

    func article(_ id: String) async throws -> Response {
        let record = try await reader.require("article", id: id) { try await $0.articleRecord(id: id) }
        return JSONResponse.response(data: try ArticleBody.json(body: record.body, storyId: record.storyId))
    }

    func stories(_ request: Request) async throws -> Response {
        let page = try PageRequest(QueryString(request.uri.query))
        return JSONResponse.response(PageBody(try await reader.read { try await $0.stories(after: page.cursor, limit: page.limit) }))
    }

    func story(_ id: String) async throws -> Response {
        let (detail, digest) = try await reader.storyWithDigest(id: id)
        return JSONResponse.response(StoryBody(detail, digest: digest))
    }

    func quotes(_ request: Request) async throws -> Response {
        let query = try QueryString(request.uri.query)
        let page = try PageRequest(query)
        let speaker = query["speaker"]
        return JSONResponse.response(PageBody(try await reader.read {
            try await $0.quotes(speaker: speaker, after: page.cursor, limit: page.limit)
        }))
    }

    func search(_ request: Request) async throws -> Response {
        let query = try QueryString(request.uri.query)
        let page = try PageRequest(query)
        let text = try Self.searchText(query)
        let hits = try await reader.read { try await $0.search(text, after: page.cursor, limit: page.limit) }
        return JSONResponse.response(PageBody(hits, transform: SearchHitBody.init(hit:)))
    }

    func entities(_ request: Request) async throws -> Response {
        let page = try PageRequest(QueryString(request.uri.query))
        return JSONResponse.response(PageBody(try await reader.read { try await $0.entities(after: page.cursor, limit: page.limit) }))
    }

    func entity(_ id: String) async throws -> Response {
        JSONResponse.response(EntityBody(detail: try await reader.require("entity", id: id) { try await $0.entity(id: id) }))
    }

    /// The words to search for: `q`, required and not blank.
    static func searchText(_ query: QueryString) throws(WebError) -> String {
        guard let text = query["q"], !text.allSatisfy(\.isWhitespace) else {
            throw .badParameter(name: "q", reason: "give the words to search for, e.g. ?q=port+strike")
        }
        return text
    }
}

/// The `:id` path segment, percent-decoded (entity ids are names and may hold spaces).
func pathID(_ context: BasicRequestContext) throws -> String {
    let raw = try context.parameters.require("id")
    guard let id = raw.removingPercentEncoding else {
        throw WebError.badParameter(name: "id", reason: "not valid percent-encoded UTF-8")
    }
    return id
}
