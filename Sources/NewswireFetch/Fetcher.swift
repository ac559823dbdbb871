import Foundation
import NewswireWire

/// A fetched page: the `article.fetched` body and the bytes for the raw frame.
public struct FetchedPage: Sendable {
    public var body: ArticleFetched
    public var bytes: Data

    /// The wire message for this page.
    public func message() throws -> Message {
        try Message(id: body.id, body: body, raw: bytes)
    }
}

/// Reads pages from disk and the web, within size and time limits.
public struct Fetcher: Sendable {
    public struct Limits: Sendable {
        /// Pages larger than this are refused rather than read into memory.
        public var maxBytes = 50 << 20
        public var timeout: TimeInterval = 30
        public init() {}
    }

    public var limits: Limits
    public var userAgent = WebClientSettings.userAgent(contact: "https://github.com/newswire/newswire")

    public init(limits: Limits = Limits()) { self.limits = limits }

    public func fetch(_ target: FetchTarget, source: String? = nil) async throws(FetchError) -> FetchedPage {
        switch target {
        case .file(let path): return try readFile(path, source: source)
        case .web(let url): return try await download(url, source: source)
        }
    }

    /// Reads a saved page (synchronous: a file read needs no event loop).
    public func readFile(_ path: String, source: String?) throws(FetchError) -> FetchedPage {
        let url = URL(fileURLWithPath: path)
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        guard size <= limits.maxBytes else { throw .tooLarge(url: url.absoluteString, limit: limits.maxBytes) }
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw .unreadable(path: path, reason: error.localizedDescription)
        }
        let ext = url.pathExtension.lowercased()
        let type = ["html", "htm", "xhtml"].contains(ext) ? "text/html" : nil
        let body = ArticleFetched(
            id: ArticleID.forURL(url.absoluteString), url: url.absoluteString,
            fetchedAt: Timestamp.string(from: Date()), status: 200, contentType: type,
            source: source, byteCount: data.count)
        return FetchedPage(body: body, bytes: data)
    }

    /// One page over HTTP (AsyncHTTPClient, with retries), as the crawler would record it.
    public func download(_ url: URL, source: String?) async throws(FetchError) -> FetchedPage {
        let settings = WebClientSettings(userAgent: userAgent, totalTimeout: .seconds(limits.timeout), maxBodyBytes: limits.maxBytes)
        let client = HTTPWebClient(settings: settings)
        let request = WebRequest(url: url)
        let result: Result<WebResponse, WebError>
        do { result = .success(try await RetryingWebClient(base: client).get(request)) } catch { result = .failure(error) }
        try? await client.shutdown()
        switch result {
        case .failure(let error):
            throw .transport(url: url.absoluteString, reason: "\(error)")
        case .success(let response):
            guard (200..<300).contains(response.status) else { throw .http(url: url.absoluteString, status: response.status) }
            let exchange = CrawlPage.exchange(for: response, request: request, userAgent: userAgent, at: Date())
            return CrawlPage.page(from: exchange, source: source)
        }
    }

    /// `text/html; charset=ISO-8859-1` → `iso-8859-1`.
    public static func charset(fromContentType value: String) -> String? {
        for part in value.split(separator: ";").dropFirst() {
            let kv = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if kv.count == 2, kv[0].lowercased() == "charset" {
                return kv[1].trimmingCharacters(in: CharacterSet(charactersIn: "\"'")).lowercased()
            }
        }
        return nil
    }
}
