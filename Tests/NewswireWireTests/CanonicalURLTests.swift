import Foundation
import Testing
@testable import NewswireWire

@Suite struct CanonicalURLTests {
    @Test(arguments: [
        ("http://Example.com:80/a/../b/?utm_source=x#top", "http://example.com/b"),
        ("HTTPS://Example.COM:443/news/?utm_source=x&b=2&a=1#top", "https://example.com/news?a=1&b=2"),
        ("https://example.com:8443/a", "https://example.com:8443/a"),
        ("http://example.com:443/a", "http://example.com:443/a"),
        ("https://example.com/a/./b/../c", "https://example.com/a/c"),
        ("https://example.com/a/b/..", "https://example.com/a"),
        ("https://example.com/../../a", "https://example.com/a"),
        ("https://example.com/%7euser/caf%c3%a9", "https://example.com/~user/caf%C3%A9"),
        ("https://example.com/%41%2fb", "https://example.com/A%2Fb"),
        ("https://example.com/%2E%2E/x", "https://example.com/x"),
        ("https://example.com", "https://example.com/"),
        ("https://example.com/", "https://example.com/"),
        ("https://example.com?b=1", "https://example.com/?b=1"),
        ("https://example.com/a?", "https://example.com/a"),
        ("  https://example.com/a  ", "https://example.com/a"),
        ("https://example.com/a?id=7&fbclid=1&gclid=2&dclid=3&msclkid=4&igshid=5&yclid=6", "https://example.com/a?id=7"),
        ("https://example.com/a?_ga=1&_gl=2&ref_src=twsrc&cmpid=3&ocid=4&mc_cid=5&mc_eid=6", "https://example.com/a"),
        ("https://example.com/a?at_medium=x&AT_campaign=y&__twitter_impression=true&UTM_Medium=z", "https://example.com/a"),
        ("https://example.com/a?z=1&page=2&a=", "https://example.com/a?a=&page=2&z=1"),
        ("https://xn--bcher-kva.example/a", "https://xn--bcher-kva.example/a"),
    ])
    func canonicalises(_ input: String, _ expected: String) {
        #expect(CanonicalURL.canonicalize(input) == expected)
    }

    @Test(arguments: ["/relative/path", "//example.com/a", "not a url at all", "", "news/a?utm_source=x"])
    func leavesRelativeAndInvalidInputUnchanged(_ input: String) {
        #expect(CanonicalURL.canonicalize(input) == input)
    }

    /// Ids are hashes of the canonical form: URLs that need none of the new rules keep theirs.
    @Test(arguments: [
        "HTTPS://Example.COM:443/news/?utm_source=x&b=2&a=1#top",
        "http://example.com/2024/05/story.html",
        "https://example.com/a/b/?x=1&x=0",
        "https://example.com/search?q=a+b&lang=en",
        "https://example.com/q?name=caf%C3%A9&k=%26",
        "https://example.com:8080/story-123/",
        "https://example.com/",
        "https://Bücher.example/artikel",
        "mailto:Desk@Example.com",
    ])
    func agreesWithTheOriginalWhereNoNewRuleApplies(_ input: String) {
        #expect(CanonicalURL.canonicalize(input) == legacyCanonicalURL(input))
    }

    @Test func isIdempotent() {
        for input in ["http://Example.com:80/a/../b/?utm_source=x#top", "https://example.com/%7ea/?b=2&a=1",
                      "https://example.com", "https://example.com/a/./b/"] {
            let once = CanonicalURL.canonicalize(input)
            #expect(CanonicalURL.canonicalize(once) == once)
        }
    }

    @Test func removesDotSegmentsPerRFC3986() {
        #expect(CanonicalURL.removingDotSegments("/a/b/c/./../../g") == "/a/g")
        #expect(CanonicalURL.removingDotSegments("/mid/content=5/../6") == "/mid/6")
        #expect(CanonicalURL.removingDotSegments("/a/.") == "/a/")
        #expect(CanonicalURL.removingDotSegments("/..") == "/")
    }

    @Test func normalisesPercentEncoding() {
        #expect(CanonicalURL.normalizingPercentEncoding("/a%2fb%7E%zz") == "/a%2Fb~%zz")
        #expect(CanonicalURL.normalizingPercentEncoding("/café bar") == "/caf%C3%A9%20bar")
    }

    @Test(arguments: [
        ("../d", "https://example.com/a/d"),
        ("/e/./f/../g", "https://example.com/e/g"),
        ("//other.example/x", "https://other.example/x"),
        ("?page=2", "https://example.com/a/b/c.html?page=2"),
        ("  story.html ", "https://example.com/a/b/story.html"),
        ("", "https://example.com/a/b/c.html?x=1"),
        ("http://plain.example/x", "http://plain.example/x"),
    ])
    func resolvesLinksAgainstThePage(_ href: String, _ expected: String) {
        let base = url("https://example.com/a/b/c.html?x=1")
        #expect(CanonicalURL.resolve(href, against: base)?.absoluteString == expected)
    }

    @Test(arguments: ["javascript:alert(1)", "mailto:desk@example.com", "ftp://example.com/file", "data:text/plain,hi"])
    func refusesLinksACrawlerCannotFollow(_ href: String) {
        #expect(CanonicalURL.resolve(href, against: url("https://example.com/")) == nil)
    }
}
