import Foundation
import Hummingbird
import Mustache
import NewswirePublish

/// The read side of a store over HTTP: the JSON API, the pages and the Atom feed, on loopback.
///
/// Built as a library so newswire-publish serves it and tests drive it in-process
/// (`app.test(.router)`) against a real store, with no socket or port involved.
public enum WebApp {
    /// The router with every route, for a store.
    public static func router(store: any NewsStore) async throws -> Router<BasicRequestContext> {
        let reader = StoreReader(store: store)
        let router = Router()
        router.add(middleware: JSONErrorMiddleware())
        router.get("/healthz") { _, _ in "ok" }
        APIRoutes(reader: reader, openAPIDocument: try WebResources.openAPIDocument()).register(on: router)
        PageRoutes(reader: reader, templates: try await WebResources.templates()).register(on: router)
        return router
    }

    /// The application serving `store` on `127.0.0.1:port`.
    public static func application(store: any NewsStore, port: Int) async throws -> some ApplicationProtocol {
        Application(router: try await router(store: store),
                    configuration: .init(address: .hostname("127.0.0.1", port: port), serverName: "newswire"))
    }

    /// Serves `store` until the task is cancelled or the process is signalled.
    public static func serve(store: any NewsStore, port: Int) async throws {
        try await application(store: store, port: port).runService()
    }
}

/// The files bundled with NewswireWeb: page templates and the OpenAPI document.
enum WebResources {
    static var folder: URL { Bundle.module.resourceURL!.appendingPathComponent("Templates") }

    static func templates() async throws -> MustacheLibrary {
        try await MustacheLibrary(directory: folder.path)
    }

    static func openAPIDocument() throws -> Data {
        try Data(contentsOf: folder.appendingPathComponent("openapi.json"))
    }
}
