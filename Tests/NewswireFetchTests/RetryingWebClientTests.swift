import Foundation
import NewswireFetchTesting
import NewswireFetch
import Testing

@Suite("RetryingWebClient")
struct RetryingWebClientTests {
    @Test func throttledThenOKHonoursRetryAfter() async throws {
        try await withLoopback { server, client in
            await server.route("/busy", .sequence([.throttled(retryAfter: "3"), .html("<p>ok</p>")]))
            let sleeps = SleepRecorder()
            let retrying = RetryingWebClient(
                base: client, policy: RetryPolicy(maxAttempts: 3, baseDelay: .milliseconds(10), maxDelay: .seconds(30)),
                sleep: { await sleeps.sleep($0) }, random: { 0 })
            let response = try await retrying.get(WebRequest(url: server.url("/busy")))
            #expect(response.status == 200)
            #expect(await sleeps.delays == [.seconds(3)])
            #expect(await server.requests(path: "/busy").count == 2)
        }
    }

    @Test func persistent503ExhaustsAttemptsAndReturnsTheLastResponse() async throws {
        try await withLoopback { server, client in
            await server.route("/down", .status(503))
            let sleeps = SleepRecorder()
            let retrying = RetryingWebClient(
                base: client, policy: RetryPolicy(maxAttempts: 3, baseDelay: .milliseconds(100), maxDelay: .seconds(1)),
                sleep: { await sleeps.sleep($0) }, random: { 0.5 })
            let response = try await retrying.get(WebRequest(url: server.url("/down")))
            #expect(response.status == 503)
            #expect(await sleeps.delays == [.milliseconds(50), .milliseconds(100)])
            #expect(await server.requests(path: "/down").count == 3)
        }
    }

    @Test func networkErrorsAreRetriedThenThrown() async throws {
        let script = ScriptedClient([.failure(.connectionClosed(url: ScriptedClient.url)), .failure(.timedOut(.read, url: ScriptedClient.url))])
        let retrying = RetryingWebClient(base: script, policy: RetryPolicy(maxAttempts: 2), sleep: { _ in }, random: { 0 })
        await #expect(throws: WebError.timedOut(.read, url: ScriptedClient.url)) {
            try await retrying.get(WebRequest(url: ScriptedClient.url))
        }
        #expect(await script.calls == 2)
    }

    @Test func permanentErrorsAreNotRetried() async throws {
        let script = ScriptedClient([.failure(.dnsFailed(host: "news.test"))])
        let retrying = RetryingWebClient(base: script, policy: RetryPolicy(maxAttempts: 5), sleep: { _ in }, random: { 0 })
        await #expect(throws: WebError.dnsFailed(host: "news.test")) {
            try await retrying.get(WebRequest(url: ScriptedClient.url))
        }
        #expect(await script.calls == 1)
    }

    @Test func cancelledSleepStopsRetrying() async throws {
        let script = ScriptedClient([.failure(.connectionClosed(url: ScriptedClient.url))])
        let retrying = RetryingWebClient(
            base: script, policy: RetryPolicy(maxAttempts: 5), sleep: { _ in throw CancellationError() }, random: { 0 })
        await #expect(throws: WebError.cancelled) { try await retrying.get(WebRequest(url: ScriptedClient.url)) }
        #expect(await script.calls == 1)
    }
}

/// A `WebClient` that plays back canned outcomes (the last one repeats) and counts calls.
actor ScriptedClient: WebClient {
    static let url = URL(string: "http://news.test/story")!
    private let outcomes: [Result<WebResponse, WebError>]
    private(set) var calls = 0

    init(_ outcomes: [Result<WebResponse, WebError>]) {
        self.outcomes = outcomes
    }

    func get(_ request: WebRequest) async throws(WebError) -> WebResponse {
        let outcome = outcomes[min(calls, outcomes.count - 1)]
        calls += 1
        return try outcome.get()
    }
}
