/// Something that can GET a web page; the fetch stage depends on this so tests and retries can wrap it.
public protocol WebClient: Sendable {
    /// Fetches `request.url`, following redirects. Any HTTP status is a response (check `isSuccess`);
    /// only failures to obtain one are errors.
    func get(_ request: WebRequest) async throws(WebError) -> WebResponse
}
