import Foundation
import Hummingbird
import NewswirePublish
import NewswireWire

/// The read side of the store over HTTP on loopback: JSON for programs, one page for people.
struct APIServer: Sendable {
    let store: ArticleStore
    let port: Int

    func run() async throws {
        let router = Router()
        router.get("/healthz") { _, _ in "ok" }
        router.get("/api/articles") { request, _ in
            let limit = request.uri.queryParameters.get("limit", as: Int.self) ?? 100
            let offset = request.uri.queryParameters.get("offset", as: Int.self) ?? 0
            return try json(store.articleSummaries(limit: min(limit, 1000), offset: offset))
        }
        router.get("/api/articles/:id") { _, context in
            let id = try context.parameters.require("id")
            guard let body = try store.articleJSON(id: id) else { throw HTTPError(.notFound, message: "no article \(id)") }
            return Response(status: .ok, headers: [.contentType: "application/json"],
                            body: .init(byteBuffer: ByteBuffer(bytes: body)))
        }
        router.get("/api/stories") { _, _ in
            try json(store.storyIDs().compactMap { try store.story(id: $0) })
        }
        router.get("/api/stories/:id") { _, context in
            let id = try context.parameters.require("id")
            guard let s = try store.story(id: id) else { throw HTTPError(.notFound, message: "no story \(id)") }
            return try json(s)
        }
        router.get("/api/quotes") { request, _ in
            try json(store.quotes(speaker: request.uri.queryParameters.get("speaker")))
        }
        router.get("/") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8"],
                     body: .init(byteBuffer: ByteBuffer(string: try StoryPage.render(store))))
        }
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: port)))
        try await app.runService()
    }
}

private func json<T: Encodable>(_ value: T) throws -> Response {
    let data = try WireCoding.encoder.encode(value)
    return Response(status: .ok, headers: [.contentType: "application/json"],
                    body: .init(byteBuffer: ByteBuffer(bytes: data)))
}

/// A plain HTML page of stories: each story's articles side by side with the amounts each claims.
enum StoryPage {
    static func render(_ store: ArticleStore) throws -> String {
        var html = """
        <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Newswire stories</title>
        <style>body{font:15px/1.4 system-ui,sans-serif;max-width:70em;margin:2em auto;padding:0 1em}
        section{border-top:1px solid #ccc;padding:.5em 0}td,th{padding:.2em .6em;text-align:left;vertical-align:top}
        .src{color:#555}</style></head><body><h1>Stories</h1>
        """
        for id in try store.storyIDs() {
            guard let s = try store.story(id: id) else { continue }
            html += "<section id=\"\(escape(id))\"><h2>\(escape(s.title))</h2><ul>"
            for a in s.articles {
                html += "<li><a href=\"\(escape(a.url))\">\(escape(a.title ?? a.url))</a> <span class=src>\(escape(a.siteName ?? ""))</span></li>"
            }
            html += "</ul>"
            let claims = s.claims.filter { $0.source != nil }
            if !claims.isEmpty {
                html += "<table><tr><th>claim</th><th>by</th><th>counts</th></tr>"
                for c in claims {
                    html += "<tr><td>\(escape(c.text))</td><td>\(escape(c.source ?? ""))</td><td>\(escape(c.object ?? c.unit ?? ""))</td></tr>"
                }
                html += "</table>"
            }
            html += "</section>"
        }
        return html + "</body></html>"
    }

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
