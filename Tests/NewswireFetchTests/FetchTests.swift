import Foundation
import NewswireFetch
import NewswireStageSDK
import NewswireWire
import Testing

func temporaryFolder() throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("newswire-fetch-\(UUID())")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir
}

@Suite struct FetchTargetTests {
    @Test func foldersExpandToTheirPagesSorted() throws {
        let dir = try temporaryFolder()
        for name in ["b.html", "a.htm", "notes.txt"] { try Data("x".utf8).write(to: dir.appendingPathComponent(name)) }
        let targets = try FetchTarget.expand([dir.path])
        #expect(targets.map { URL(fileURLWithPath: $0.url.replacingOccurrences(of: "file://", with: "")).lastPathComponent } == ["a.htm", "b.html"])
    }

    @Test func explainsWhatItCannotRead() {
        #expect(throws: FetchError.notFound("/no/such/place")) { try FetchTarget.expand(["/no/such/place"]) }
        #expect(throws: FetchError.unsupportedScheme("ftp://x/y")) { try FetchTarget.expand(["ftp://x/y"]) }
    }
}

@Suite struct FetcherTests {
    @Test func readsALocalFile() async throws {
        let dir = try temporaryFolder()
        let file = dir.appendingPathComponent("page.html")
        try Data("<p>hello</p>".utf8).write(to: file)
        let page = try await Fetcher().fetch(.file(path: file.path))
        #expect(page.bytes == Data("<p>hello</p>".utf8))
        #expect(page.body.contentType == "text/html")
        #expect(page.body.id == ArticleID.forURL(page.body.url))
        #expect(page.body.byteCount == 12)
    }

    @Test func refusesFilesOverTheLimit() async throws {
        let dir = try temporaryFolder()
        let file = dir.appendingPathComponent("big.html")
        try Data(count: 2048).write(to: file)
        var limits = Fetcher.Limits()
        limits.maxBytes = 1024
        await #expect(throws: FetchError.self) { try await Fetcher(limits: limits).fetch(.file(path: file.path)) }
    }

    @Test func charsetComesFromTheContentType() {
        #expect(Fetcher.charset(fromContentType: "text/html; charset=\"ISO-8859-1\"") == "iso-8859-1")
        #expect(Fetcher.charset(fromContentType: "text/html") == nil)
    }

    /// A real HTTP server on loopback (Python's http.server) serves a page and a 404.
    @Test func downloadsOverHTTP() async throws {
        let dir = try temporaryFolder()
        try Data("<html><body><p>served</p></body></html>".utf8).write(to: dir.appendingPathComponent("story.html"))
        let server = Process()
        server.executableURL = URL(fileURLWithPath: try realPython())
        let port = Int.random(in: 20000..<40000)
        server.arguments = ["-m", "http.server", "\(port)", "--bind", "127.0.0.1", "--directory", dir.path]
        server.standardError = FileHandle.nullDevice
        server.standardOutput = FileHandle.nullDevice
        try server.run()
        defer { stop(server) }
        let url = try #require(URL(string: "http://127.0.0.1:\(port)/story.html"))
        var page: FetchedPage?
        for _ in 0..<50 where page == nil {
            page = try? await Fetcher().fetch(.web(url))
            if page == nil { try await Task.sleep(for: .milliseconds(100)) }
        }
        let fetched = try #require(page)
        #expect(fetched.body.status == 200)
        #expect(fetched.body.contentType == "text/html")
        #expect(String(decoding: fetched.bytes, as: UTF8.self).contains("served"))
        let missing = try #require(URL(string: "http://127.0.0.1:\(port)/missing.html"))
        await #expect(throws: FetchError.http(url: missing.absoluteString, status: 404)) { try await Fetcher().fetch(.web(missing)) }
    }
}

/// The Python interpreter itself, not a version-manager shim that would outlive `terminate()`.
func realPython() throws -> String {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = ["python3", "-c", "import sys; print(sys.executable)"]
    let pipe = Pipe()
    p.standardOutput = pipe
    try p.run()
    let out = pipe.fileHandleForReading.readDataToEndOfFile()
    return String(decoding: out, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
}

/// Stops a child process. Bounded, and without `waitUntilExit`, which can spin forever
/// inside async tests on Linux.
func stop(_ process: Process) {
    process.terminate()
    let deadline = Date().addingTimeInterval(2)
    while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
    if process.isRunning { kill(process.processIdentifier, SIGKILL) }
}

/// A client for crawls that must not touch the network.
struct NoNetwork: WebClient {
    func get(_ request: WebRequest) async throws(WebError) -> WebResponse {
        throw .transport(url: request.url, reason: "no network in this test")
    }
}

@Suite struct CrawlSourceTests {
    func folder() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("newswire-fs-\(UUID())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    func crawl(_ inputs: [String], state: URL, once: Bool = false) async throws -> (CrawlSource, [String]) {
        let store = try CrawlStore(path: state.path)
        var settings = CrawlSettings(userAgent: "Newswire/test")
        settings.mode = .singlePass
        settings.skipsFilesAlreadyEmitted = once
        let crawler = try Crawler(inputs: inputs, settings: settings, store: store, client: NoNetwork(),
                                  counters: Counters(stage: "fetch", replica: "test"))
        await crawler.run()
        var source = CrawlSource(ready: crawler.ready, store: store, fetcher: Fetcher(), forgetsWhenDelivered: once)
        var origins: [String] = []
        while let o = try source.nextOrigin() { origins.append(o) }
        #expect(!source.mayHaveMore)
        return (source, origins)
    }

    @Test func savedPagesAreStableOriginsThatLoadAgain() async throws {
        let dir = try folder()
        for name in ["b page.html", "a.html", "notes.txt"] {
            try Data("<html><body><p>\(name)</p></body></html>".utf8).write(to: dir.appendingPathComponent(name))
        }
        let (source, origins) = try await crawl([dir.path], state: dir.appendingPathComponent("state.sqlite"))
        #expect(origins.count == 2)
        #expect(origins.allSatisfy { $0.hasPrefix("file://") })
        let again = try source.load(origins[1])
        #expect(again.header.id == source.id(for: origins[1]))
        #expect(again.raw.map { String(decoding: $0, as: UTF8.self).contains("b page.html") } == true)
        #expect(try FetchTarget.parse(origins[1]) == .file(path: dir.appendingPathComponent("b page.html").path))
    }

    @Test func aSecondOneShotPassEmitsOnlyWhatIsNew() async throws {
        let dir = try folder()
        let pages = dir.appendingPathComponent("pages")
        try FileManager.default.createDirectory(at: pages, withIntermediateDirectories: true)
        try Data("<html><p>one</p></html>".utf8).write(to: pages.appendingPathComponent("one.html"))
        let state = dir.appendingPathComponent("state.sqlite")
        let (first, origins) = try await crawl([pages.path], state: state, once: true)
        #expect(origins.count == 1)
        _ = try first.load(origins[0])
        try first.delivered(origins[0])
        try Data("<html><p>two</p></html>".utf8).write(to: pages.appendingPathComponent("two.html"))
        let (_, second) = try await crawl([pages.path], state: state, once: true)
        #expect(second.map { URL(string: $0)!.lastPathComponent } == ["two.html"])
    }

    @Test func aVanishedFileOrAnUnknownOriginIsAClearError() async throws {
        let dir = try folder()
        let (source, _) = try await crawl([], state: dir.appendingPathComponent("state.sqlite"))
        #expect(throws: FetchError.self) { try source.load("file:///no/such/page.html") }
        #expect(throws: CrawlError.self) { try source.load("https://example.com/never-fetched") }
        #expect(throws: FetchError.self) { try FetchTarget.parse("gopher://x") }
    }
}
