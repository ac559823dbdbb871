import Foundation
import Testing
@testable import NewswireFetch

@Suite("Content-Type and redirect resolution")
struct ParsingTests {
    @Test(arguments: [
        ("text/html; charset=UTF-8", "text/html", "utf-8"),
        ("Text/HTML;Charset=\"ISO-8859-1\"", "text/html", "iso-8859-1"),
        ("application/xhtml+xml", "application/xhtml+xml", nil),
        ("text/html; boundary=x; charset='windows-1252'", "text/html", "windows-1252"),
    ] as [(String, String, String?)])
    func contentTypeParts(_ value: String, _ type: String, _ charset: String?) {
        #expect(ContentType.mediaType(of: value) == type)
        #expect(ContentType.charset(of: value) == charset)
    }

    @Test func relativeAndAbsoluteLocationsResolve() throws {
        var chain = RedirectChain(requested: URL(string: "http://news.test/a/b")!, limit: 5)
        try chain.follow(location: "c")
        #expect(chain.current.absoluteString == "http://news.test/a/c")
        try chain.follow(location: "/root?q=1")
        #expect(chain.current.absoluteString == "http://news.test/root?q=1")
        try chain.follow(location: "//other.test/x")
        #expect(chain.current.absoluteString == "http://other.test/x")
        #expect(chain.redirects.map(\.absoluteString) == ["http://news.test/a/b", "http://news.test/a/c", "http://news.test/root?q=1"])
    }

    @Test func fragmentOnlyChangeIsALoop() {
        var chain = RedirectChain(requested: URL(string: "http://news.test/a#top")!, limit: 5)
        #expect(throws: WebError.self) { try chain.follow(location: "/a#bottom") }
    }

    @Test func errorsSayWhatToDo() {
        let url = URL(string: "http://news.test/")!
        #expect(WebError.tooLarge(url: url, limit: 10).description.contains("maxBodyBytes"))
        #expect(WebError.dnsFailed(host: "news.test").description.contains("news.test"))
        #expect(WebError.timedOut(.read, url: url).description.contains("read timeout"))
    }
}
