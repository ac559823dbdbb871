import Foundation
import NewswireFetchTesting
import NewswireFetch
import Testing

@Suite("HTTPWebClient against a loopback server")
struct HTTPWebClientTests {
    @Test func okResponseCarriesHeadersCharsetAndUserAgent() async throws {
        try await withLoopback { server, client in
            await server.route("/page", .fixed(status: 200, headers: [
                ("Content-Type", "Text/HTML; charset=\"ISO-8859-1\""), ("X-First", "1"), ("X-Second", "2"),
            ], body: Data("<p>hello</p>".utf8)))
            let url = server.url("/page")
            let response = try await client.get(WebRequest(url: url))

            #expect(response.status == 200)
            #expect(response.isSuccess && !response.isNotModified)
            #expect(response.body == Data("<p>hello</p>".utf8))
            #expect(response.contentType == "text/html")
            #expect(response.charset == "iso-8859-1")
            #expect(response.finalURL == url && response.requestedURL == url && response.redirects.isEmpty)
            let names = response.headers.map(\.name).filter { $0.hasPrefix("X-") || $0.hasPrefix("x-") }
            #expect(names.map { $0.lowercased() } == ["x-first", "x-second"])
            #expect(response.header("x-second") == "2")

            let seen = try #require(await server.requests(path: "/page").first)
            #expect(seen.method == "GET")
            #expect(seen.header("User-Agent") == "Newswire/0.2 (+https://newswire.test/contact)")
            #expect(seen.header("Accept-Encoding") == "gzip, deflate")
            #expect(seen.header("If-None-Match") == nil)
        }
    }

    @Test func secondConditionalRequestIsNotModified() async throws {
        try await withLoopback { server, client in
            let modified = "Wed, 21 Oct 2015 07:28:00 GMT"
            await server.route("/feed", .conditional(
                body: Data("v1".utf8), etag: "\"v1\"", lastModified: modified, contentType: "text/html"))
            let url = server.url("/feed")
            let first = try await client.get(WebRequest(url: url))
            #expect(first.status == 200 && first.etag == "\"v1\"" && first.lastModified == modified)

            let second = try await client.get(WebRequest(url: url, etag: first.etag, lastModified: first.lastModified))
            #expect(second.isNotModified && second.isSuccess)
            #expect(second.body.isEmpty)
            #expect(second.etag == "\"v1\"")

            let seen = await server.requests(path: "/feed")
            #expect(seen.count == 2)
            #expect(seen[0].header("If-None-Match") == nil)
            #expect(seen[1].header("If-None-Match") == "\"v1\"")
            #expect(seen[1].header("If-Modified-Since") == modified)
        }
    }

    @Test func gzipBodyIsDecoded() async throws {
        try await withLoopback { server, client in
            let html = String(repeating: "<p>compressible news text</p>\n", count: 2_000)
            await server.route("/gz", .gzip(body: Data(html.utf8), contentType: "text/html; charset=utf-8"))
            let response = try await client.get(WebRequest(url: server.url("/gz")))
            #expect(response.header("Content-Encoding") == "gzip")
            #expect(String(decoding: response.body, as: UTF8.self) == html)
        }
    }

    @Test func gzipBombIsRefusedAtTheCap() async throws {
        try await withLoopback(.testing(maxBodyBytes: 1 << 20)) { server, client in
            await server.route("/bomb", .gzip(body: Data(count: 8 << 20), contentType: "text/html"))
            let url = server.url("/bomb")
            await #expect(throws: WebError.tooLarge(url: url, limit: 1 << 20)) {
                try await client.get(WebRequest(url: url))
            }
        }
    }

    @Test func redirectChainIsRecordedAndRelativeLocationsResolved() async throws {
        try await withLoopback { server, client in
            await server.route("/a", .redirect(to: server.url("/dir/b").absoluteString, status: 301))
            await server.route("/dir/b", .redirect(to: "c?x=1", status: 302))
            await server.route("/dir/c", .html("<p>final</p>"))
            let response = try await client.get(WebRequest(url: server.url("/a")))
            #expect(response.status == 200)
            #expect(response.redirects == [server.url("/a"), server.url("/dir/b")])
            #expect(response.finalURL == server.url("/dir/c?x=1"))
            #expect(response.requestedURL == server.url("/a"))
            #expect(await server.requests(path: "/dir/c").first?.query == "x=1")
        }
    }

    @Test func redirectLoopIsAnError() async throws {
        try await withLoopback { server, client in
            await server.route("/x", .redirect(to: "/y", status: 302))
            await server.route("/y", .redirect(to: "/x", status: 307))
            let (x, y) = (server.url("/x"), server.url("/y"))
            await #expect(throws: WebError.redirectLoop([x, y, x])) {
                try await client.get(WebRequest(url: x))
            }
        }
    }

    @Test func tooManyRedirectsStopsAtTheLimit() async throws {
        try await withLoopback(.testing(maxRedirects: 3)) { server, client in
            for hop in 0..<10 { await server.route("/r\(hop)", .redirect(to: "/r\(hop + 1)", status: 302)) }
            let start = server.url("/r0")
            await #expect(throws: WebError.tooManyRedirects(url: start, limit: 3)) {
                try await client.get(WebRequest(url: start))
            }
            #expect(await server.requests.count == 4)
        }
    }

    @Test func redirectToAnotherSchemeIsRefused() async throws {
        try await withLoopback { server, client in
            await server.route("/ftp", .redirect(to: "ftp://files.test/x", status: 302))
            await #expect(throws: WebError.badRedirect(from: server.url("/ftp"), location: "ftp://files.test/x")) {
                try await client.get(WebRequest(url: server.url("/ftp")))
            }
        }
    }

    @Test func silentServerHitsTheReadTimeout() async throws {
        try await withLoopback(.testing(readTimeout: .milliseconds(300))) { server, client in
            await server.route("/slow", .trickle(totalBytes: 100, bytesPerSecond: 1))
            let url = server.url("/slow")
            await #expect(throws: WebError.timedOut(.read, url: url)) {
                try await client.get(WebRequest(url: url))
            }
        }
    }

    @Test func steadyTrickleHitsTheTotalTimeout() async throws {
        try await withLoopback(.testing(readTimeout: .seconds(30), totalTimeout: .milliseconds(800))) { server, client in
            await server.route("/trickle", .trickle(totalBytes: 100_000, bytesPerSecond: 100))
            let url = server.url("/trickle")
            await #expect(throws: WebError.timedOut(.total, url: url)) {
                try await client.get(WebRequest(url: url))
            }
            #expect(await server.bytesWritten(path: "/trickle") < 100_000)
        }
    }

    @Test func hugeStreamedBodyIsCutOffAtTheCap() async throws {
        let twoGigabytes = 2 << 30
        try await withLoopback(.testing(maxBodyBytes: 1 << 20)) { server, client in
            await server.route("/huge", .stream(totalBytes: twoGigabytes, declaresLength: false))
            let url = server.url("/huge")
            await #expect(throws: WebError.tooLarge(url: url, limit: 1 << 20)) {
                try await client.get(WebRequest(url: url))
            }
            // The client, not the test's shutdown, must have hung up.
            #expect(await server.waitForBodyEnd(path: "/huge") == .cutOff)
            let written = await server.bytesWritten(path: "/huge")
            #expect(written > 1 << 20)
            // Loopback socket buffers alone hold ~30 MB; anything near 2 GB means the cap did not stop the read.
            #expect(written < 512 << 20)
        }
    }

    @Test func declaredLengthOverTheCapIsRefusedBeforeReading() async throws {
        try await withLoopback(.testing(maxBodyBytes: 1 << 20)) { server, client in
            await server.route("/declared", .stream(totalBytes: 2 << 30, declaresLength: true))
            let url = server.url("/declared")
            await #expect(throws: WebError.tooLarge(url: url, limit: 1 << 20)) {
                try await client.get(WebRequest(url: url))
            }
            #expect(await server.waitForBodyEnd(path: "/declared") == .cutOff)
            #expect(await server.bytesWritten(path: "/declared") < 512 << 20)
        }
    }

    @Test func completeStreamIsReportedAsCompleted() async throws {
        try await withLoopback { server, client in
            await server.route("/small", .stream(totalBytes: 100_000, declaresLength: false))
            let response = try await client.get(WebRequest(url: server.url("/small")))
            #expect(response.body.count == 100_000)
            #expect(await server.waitForBodyEnd(path: "/small") == .completed)
            #expect(await server.bytesWritten(path: "/small") == 100_000)
        }
    }

    @Test func connectionDroppedMidBodyIsAnError() async throws {
        try await withLoopback { server, client in
            await server.route("/cut", .closeMidBody(declaredBytes: 10_000, sentBytes: 1_000))
            let url = server.url("/cut")
            await #expect(throws: WebError.connectionClosed(url: url)) {
                try await client.get(WebRequest(url: url))
            }
        }
    }

    @Test func virtualHostsAreServedByHostHeader() async throws {
        let overrides = ["alpha.test": "127.0.0.1", "beta.test": "127.0.0.1"]
        try await withLoopback(.testing(hostOverrides: overrides)) { server, client in
            await server.route("/", host: "alpha.test", .html("alpha"))
            await server.route("/", host: "beta.test", .html("beta"))
            let alpha = try await client.get(WebRequest(url: server.url("/", host: "alpha.test")))
            let beta = try await client.get(WebRequest(url: server.url("/", host: "beta.test")))
            #expect(String(decoding: alpha.body, as: UTF8.self) == "alpha")
            #expect(String(decoding: beta.body, as: UTF8.self) == "beta")
            #expect(await server.requests(path: "/", host: "beta.test").count == 1)
        }
    }

    @Test func manyConcurrentRequestsAllSucceed() async throws {
        // Requests beyond the pool's connections per host wait for one within the connect timeout.
        try await withLoopback(.testing(connectTimeout: .seconds(10))) { server, client in
            await server.route("/item", .html("<p>item</p>"))
            let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
                for index in 0..<64 {
                    let url = server.url("/item?n=\(index)")
                    group.addTask { try await client.get(WebRequest(url: url)).status }
                }
                return try await group.reduce(into: [Int]()) { $0.append($1) }
            }
            #expect(statuses.count == 64 && statuses.allSatisfy { $0 == 200 })
            let queries = Set(await server.requests(path: "/item").compactMap(\.query))
            #expect(queries.count == 64)
        }
    }
}

@Suite("HTTPWebClient failures without a server")
struct HTTPWebClientFailureTests {
    @Test func refusedConnectionIsAnErrorNotAHang() async throws {
        let server = try await LoopbackServer.start()
        let deadURL = server.url("/gone")
        await server.shutdown()
        let client = HTTPWebClient(settings: .testing(connectTimeout: .milliseconds(500)))
        let error = await #expect(throws: WebError.self) { try await client.get(WebRequest(url: deadURL)) }
        try await client.shutdown()
        switch error {
        case .connectFailed(let host, let port, _)?:
            #expect(host == "127.0.0.1" && port == server.port)
        case .timedOut(.connect, _)?: break
        default: Issue.record("expected a connect failure, got \(String(describing: error))")
        }
        #expect(error?.isRetryable == true)
    }

    @Test func unknownHostIsADNSFailure() async throws {
        let client = HTTPWebClient(settings: .testing())
        let url = URL(string: "http://no-such-host.invalid/")!
        await #expect(throws: WebError.dnsFailed(host: "no-such-host.invalid")) {
            try await client.get(WebRequest(url: url))
        }
        try await client.shutdown()
    }

    @Test(arguments: ["ftp://files.test/x", "file:///etc/hosts", "mailto:desk@news.test"])
    func nonWebSchemesAreRefused(_ text: String) async throws {
        let client = HTTPWebClient(settings: .testing())
        let url = try #require(URL(string: text))
        await #expect(throws: WebError.unsupportedScheme(url)) { try await client.get(WebRequest(url: url)) }
        try await client.shutdown()
    }

    @Test func urlWithoutHostIsInvalid() async throws {
        let client = HTTPWebClient(settings: .testing())
        let url = try #require(URL(string: "http:///only-a-path"))
        await #expect(throws: WebError.invalidURL("http:///only-a-path")) { try await client.get(WebRequest(url: url)) }
        try await client.shutdown()
    }
}
