import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOHTTP1

/// The real `WebClient`: AsyncHTTPClient with our own redirect handling (to record the chain and
/// catch loops), a streaming body cap, and connect / read / total time limits.
public final class HTTPWebClient: WebClient, Sendable {
    public let settings: WebClientSettings
    private let client: HTTPClient
    private let logger: Logger

    /// One client holds a connection pool; share it across fetches and call `shutdown()` when done.
    public init(
        settings: WebClientSettings = WebClientSettings(),
        eventLoopGroup: any EventLoopGroup = HTTPClient.defaultEventLoopGroup,
        logger: Logger = Logger(label: "newswire.http")
    ) {
        self.settings = settings
        self.logger = logger
        self.client = HTTPClient(eventLoopGroup: eventLoopGroup, configuration: Self.configuration(for: settings))
    }

    /// Closes pooled connections; required before the client is released.
    public func shutdown() async throws {
        try await client.shutdown()
    }

    public func get(_ request: WebRequest) async throws(WebError) -> WebResponse {
        let url = try WebURL.validated(request.url)
        let deadline = TotalDeadline(limit: settings.totalTimeout, url: url)
        return try await deadline.run { () async throws(WebError) -> WebResponse in
            try await self.followRedirects(request, from: url)
        }
    }

    private static func configuration(for settings: WebClientSettings) -> HTTPClient.Configuration {
        var configuration = HTTPClient.Configuration(
            redirectConfiguration: .disallow,
            timeout: .init(connect: TimeAmount(settings.connectTimeout), read: TimeAmount(settings.readTimeout)),
            decompression: .enabled(limit: .size(settings.maxBodyBytes)))
        configuration.httpVersion = .automatic
        configuration.dnsOverride = settings.hostOverrides
        return configuration
    }

    private func followRedirects(_ request: WebRequest, from url: URL) async throws(WebError) -> WebResponse {
        var chain = RedirectChain(requested: url, limit: settings.maxRedirects)
        while true {
            let hop = try await fetchHop(chain.current, request: request)
            guard RedirectChain.isRedirect(status: hop.status), let location = hop.headers.first(name: "location") else {
                return hop.response(for: request, chain: chain)
            }
            logger.debug("redirect", metadata: ["from": "\(chain.current)", "to": "\(location)"])
            try chain.follow(location: location)
        }
    }

    private func fetchHop(_ url: URL, request: WebRequest) async throws(WebError) -> Hop {
        let response: HTTPClientResponse
        do {
            response = try await client.execute(
                outgoingRequest(to: url, for: request), timeout: TimeAmount(settings.totalTimeout), logger: logger)
        } catch {
            throw FailureClassifier(url: url).whileRequesting(error)
        }
        let body = try await readBody(of: response, from: url)
        return Hop(url: url, status: Int(response.status.code), headers: response.headers, body: body)
    }

    private func outgoingRequest(to url: URL, for request: WebRequest) -> HTTPClientRequest {
        var outgoing = HTTPClientRequest(url: url.absoluteString)
        outgoing.method = .GET
        for field in request.headerFields(userAgent: settings.userAgent) {
            outgoing.headers.add(name: field.name, value: field.value)
        }
        return outgoing
    }

    /// Streams the body into a capped buffer; leaving the loop early drops the stream, which makes
    /// AsyncHTTPClient cancel the request and close the connection instead of reading on.
    private func readBody(of response: HTTPClientResponse, from url: URL) async throws(WebError) -> Data {
        var buffer = BodyBuffer(limit: settings.maxBodyBytes, url: url)
        try buffer.checkDeclaredLength(response.headers.first(name: "content-length"))
        let encoded = response.headers.contains(name: "content-encoding")
        do {
            for try await chunk in response.body { try buffer.append(chunk) }
        } catch let error as WebError {
            throw error
        } catch {
            throw FailureClassifier(url: url).whileReadingBody(error, encoded: encoded, limit: settings.maxBodyBytes)
        }
        return buffer.data
    }
}

/// One request/response exchange inside a GET.
private struct Hop {
    let url: URL
    let status: Int
    let headers: HTTPHeaders
    let body: Data

    func response(for request: WebRequest, chain: RedirectChain) -> WebResponse {
        let contentType = headers.first(name: "content-type")
        return WebResponse(
            requestedURL: chain.requested, finalURL: url, status: status,
            headers: headers.map { (name: $0.name, value: $0.value) }, body: body,
            redirects: chain.redirects,
            etag: headers.first(name: "etag") ?? (status == 304 ? request.etag : nil),
            lastModified: headers.first(name: "last-modified") ?? (status == 304 ? request.lastModified : nil),
            contentType: contentType.flatMap(ContentType.mediaType(of:)),
            charset: contentType.flatMap(ContentType.charset(of:)),
            retryAfter: headers.first(name: "retry-after").flatMap { RetryAfter.parse($0) })
    }
}

extension TimeAmount {
    /// NIO's time type from a Swift `Duration`, rounded down to nanoseconds.
    init(_ duration: Duration) {
        let (seconds, attoseconds) = duration.components
        self = .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }
}
