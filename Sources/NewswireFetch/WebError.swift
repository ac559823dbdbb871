import Foundation

/// Why a GET produced no response. Each description names the URL or host and what to check.
public enum WebError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Which of the client's time limits ran out.
    public enum Timeout: String, Sendable, Equatable {
        case connect, read, total
    }

    case invalidURL(String)
    case unsupportedScheme(URL)
    case dnsFailed(host: String)
    case connectFailed(host: String, port: Int, reason: String)
    case timedOut(Timeout, url: URL)
    case tooLarge(url: URL, limit: Int)
    case redirectLoop([URL])
    case tooManyRedirects(url: URL, limit: Int)
    case badRedirect(from: URL, location: String)
    case connectionClosed(url: URL)
    case decodingFailed(url: URL, reason: String)
    case transport(url: URL, reason: String)
    case cancelled

    public var description: String {
        switch self {
        case .invalidURL(let text):
            "'\(text)' is not a valid http(s) URL: it needs a scheme and a host"
        case .unsupportedScheme(let url):
            "\(url.absoluteString): only http and https URLs can be fetched from the web"
        case .dnsFailed(let host):
            "cannot resolve host '\(host)': check the spelling of the URL or the machine's DNS"
        case .connectFailed(let host, let port, let reason):
            "cannot connect to \(host):\(port) (\(reason)): the server is down or refuses connections"
        case .timedOut(let which, let url):
            "\(url.absoluteString): the \(which.rawValue) timeout ran out; raise it in the fetch settings if the site is just slow"
        case .tooLarge(let url, let limit):
            "\(url.absoluteString) is larger than the limit of \(limit) bytes; raise maxBodyBytes if such pages are wanted"
        case .redirectLoop(let chain):
            "redirect loop: \(chain.map(\.absoluteString).joined(separator: " → "))"
        case .tooManyRedirects(let url, let limit):
            "\(url.absoluteString) redirected more than \(limit) times; raise maxRedirects or fetch the final URL directly"
        case .badRedirect(let url, let location):
            "\(url.absoluteString) redirected to '\(location)', which is not a usable http(s) URL"
        case .connectionClosed(let url):
            "\(url.absoluteString): the server closed the connection before the response was complete"
        case .decodingFailed(let url, let reason):
            "\(url.absoluteString): the compressed body could not be decoded (\(reason))"
        case .transport(let url, let reason):
            "cannot fetch \(url.absoluteString): \(reason)"
        case .cancelled:
            "the fetch was cancelled"
        }
    }

    /// Whether trying again later may succeed: network trouble, not a property of the page or URL.
    public var isRetryable: Bool {
        switch self {
        case .connectFailed, .timedOut, .connectionClosed, .transport: true
        case .invalidURL, .unsupportedScheme, .dnsFailed, .tooLarge, .redirectLoop, .tooManyRedirects,
             .badRedirect, .decodingFailed, .cancelled: false
        }
    }
}
