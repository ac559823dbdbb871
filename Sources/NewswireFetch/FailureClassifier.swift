import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix

/// Turns the errors AsyncHTTPClient and NIO throw into `WebError`s that say what went wrong.
struct FailureClassifier {
    let url: URL

    private var host: String { url.host ?? url.absoluteString }
    private var port: Int { url.port ?? (url.scheme?.lowercased() == "https" ? 443 : 80) }

    /// An error from sending the request or waiting for the response head.
    func whileRequesting(_ error: any Error) -> WebError {
        if error is CancellationError { return .cancelled }
        if let error = error as? HTTPClientError { return clientError(error) }
        if let error = error as? HTTPParserError { return parserError(error) }
        if let error = error as? NIOConnectionError { return connectionError(error) }
        if error is SocketAddressError { return .dnsFailed(host: host) }
        if let error = error as? IOError { return .connectFailed(host: host, port: port, reason: error.description) }
        return .transport(url: url, reason: String(describing: error))
    }

    /// An error while the body streams in; `encoded` says whether AsyncHTTPClient was decompressing it.
    func whileReadingBody(_ error: any Error, encoded: Bool, limit: Int) -> WebError {
        if error is CancellationError { return .cancelled }
        if let error = error as? HTTPClientError { return clientError(error) }
        if let error = error as? HTTPParserError { return parserError(error) }
        if encoded, Self.isDecompressionLimit(error) { return .tooLarge(url: url, limit: limit) }
        if encoded { return .decodingFailed(url: url, reason: String(describing: error)) }
        return .transport(url: url, reason: String(describing: error))
    }

    private func clientError(_ error: HTTPClientError) -> WebError {
        switch error {
        case .connectTimeout: .timedOut(.connect, url: url)
        case .readTimeout: .timedOut(.read, url: url)
        case .deadlineExceeded: .timedOut(.total, url: url)
        case .remoteConnectionClosed: .connectionClosed(url: url)
        case .cancelled: .cancelled
        case .invalidURL, .emptyHost, .emptyScheme: .invalidURL(url.absoluteString)
        default: .transport(url: url, reason: error.description)
        }
    }

    /// A body cut short by the peer closing surfaces as the parser meeting EOF mid-message.
    private func parserError(_ error: HTTPParserError) -> WebError {
        if error == .invalidEOFState { return .connectionClosed(url: url) }
        return .transport(url: url, reason: "malformed HTTP response: \(error)")
    }

    private func connectionError(_ error: NIOConnectionError) -> WebError {
        if error.connectionErrors.isEmpty, error.dnsAError != nil || error.dnsAAAAError != nil {
            return .dnsFailed(host: error.host)
        }
        let reasons = error.connectionErrors.map { String(describing: $0.error) }
        let reason = reasons.first ?? error.description
        return .connectFailed(host: error.host, port: error.port, reason: reason)
    }

    /// AsyncHTTPClient does not re-export the decompression module, so its limit error is recognised
    /// by its fully qualified case name rather than by type.
    private static func isDecompressionLimit(_ error: any Error) -> Bool {
        String(reflecting: error).hasSuffix("DecompressionError.limit")
    }
}
