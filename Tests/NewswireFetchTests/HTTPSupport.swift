import Foundation
import NewswireFetchTesting
import NewswireFetch

extension WebClientSettings {
    /// Short limits so failure tests finish quickly on loopback.
    static func testing(
        connectTimeout: Duration = .seconds(1), readTimeout: Duration = .seconds(3),
        totalTimeout: Duration = .seconds(10), maxBodyBytes: Int = 1 << 20, maxRedirects: Int = 5,
        hostOverrides: [String: String] = [:]
    ) -> WebClientSettings {
        WebClientSettings(
            userAgent: WebClientSettings.userAgent(contact: "https://newswire.test/contact"),
            connectTimeout: connectTimeout, readTimeout: readTimeout, totalTimeout: totalTimeout,
            maxBodyBytes: maxBodyBytes, maxRedirects: maxRedirects, hostOverrides: hostOverrides)
    }
}

/// Runs `body` with a fresh loopback server and client, shutting both down however it ends.
func withLoopback<T>(
    _ settings: WebClientSettings = .testing(),
    _ body: (LoopbackServer, HTTPWebClient) async throws -> T
) async throws -> T {
    let server = try await LoopbackServer.start()
    let client = HTTPWebClient(settings: settings)
    do {
        let result = try await body(server, client)
        try await client.shutdown()
        await server.shutdown()
        return result
    } catch {
        try? await client.shutdown()
        await server.shutdown()
        throw error
    }
}

/// Records the waits a `RetryingWebClient` asks for instead of sleeping.
actor SleepRecorder {
    private(set) var delays: [Duration] = []

    func sleep(_ delay: Duration) {
        delays.append(delay)
    }
}
