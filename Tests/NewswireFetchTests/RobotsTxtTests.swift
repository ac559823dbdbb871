import Foundation
import Testing
@testable import NewswireFetch
import NewswireWire

/// The example file of RFC 9309 §5.1.
private let rfcExample = """
    User-Agent: *
    Disallow: *.gif$
    Disallow: /example/
    Allow: /publications/

    User-Agent: foobot
    Disallow:/
    Allow:/example/page.html
    Allow:/example/allowed.gif

    User-Agent: barbot
    User-Agent: bazbot
    Disallow: /example/page.html

    User-Agent: quxbot

    """

private func robots(_ text: String, agent: String = "Newswire") -> RobotsTxt { RobotsTxt(text, userAgent: agent) }

@Suite struct RobotsRFCExampleTests {
    @Test func foobotGetsItsOwnGroup() {
        let r = robots(rfcExample, agent: "FooBot/1.0")
        #expect(r.isAllowed(pathAndQuery: "/example/page.html"))
        #expect(r.isAllowed(pathAndQuery: "/example/allowed.gif"))
        #expect(!r.isAllowed(pathAndQuery: "/example/other.html"))
        #expect(!r.isAllowed(pathAndQuery: "/"))
    }

    @Test func agentsListedTogetherShareAGroupAndDoNotInheritStar() {
        for agent in ["barbot", "BazBot"] {
            let r = robots(rfcExample, agent: agent)
            #expect(!r.isAllowed(pathAndQuery: "/example/page.html"))
            #expect(r.isAllowed(pathAndQuery: "/example/other.html"))
            #expect(r.isAllowed(pathAndQuery: "/picture.gif"))
        }
    }

    @Test func anEmptyGroupAllowsEverything() {
        let r = robots(rfcExample, agent: "quxbot")
        #expect(r.isAllowed(pathAndQuery: "/example/page.html"))
        #expect(r.isAllowed(pathAndQuery: "/a.gif"))
    }

    @Test func unknownAgentsFallBackToStar() {
        let r = robots(rfcExample)
        #expect(!r.isAllowed(pathAndQuery: "/a/picture.gif"))
        #expect(r.isAllowed(pathAndQuery: "/a/picture.gif?size=2"))
        #expect(!r.isAllowed(pathAndQuery: "/example/x"))
        #expect(r.isAllowed(pathAndQuery: "/publications/2024"))
        #expect(r.isAllowed(pathAndQuery: "/news"))
    }

    @Test func longestMatchWins() {
        let r = robots("User-Agent: *\nAllow: /example/page/\nDisallow: /example/page/disallowed.gif\n")
        #expect(r.isAllowed(pathAndQuery: "/example/page/"))
        #expect(r.isAllowed(pathAndQuery: "/example/page/other.gif"))
        #expect(!r.isAllowed(pathAndQuery: "/example/page/disallowed.gif"))
    }

    @Test func allowWinsATie() {
        let r = robots("User-agent: *\nDisallow: /*.ph\nAllow: /page\n")
        #expect(r.isAllowed(pathAndQuery: "/page.php"))
        #expect(!r.isAllowed(pathAndQuery: "/other.php"))
    }

    @Test func rootOnlyAllowedWithDollar() {
        let r = robots("User-agent: *\nAllow: /$\nDisallow: /\n")
        #expect(r.isAllowed(pathAndQuery: "/"))
        #expect(r.isAllowed(url("https://example.com")))
        #expect(!r.isAllowed(pathAndQuery: "/page.htm"))
    }
}

@Suite struct RobotsPatternTests {
    @Test(arguments: [
        ("/fish", "/fish", true), ("/fish", "/fish.html", true), ("/fish", "/fish/salmon.html", true),
        ("/fish", "/fishheads", true), ("/fish", "/fish.php?id=anything", true),
        ("/fish", "/Fish.asp", false), ("/fish", "/catfish", false), ("/fish", "/", false),
        ("/fish*", "/fishheads/yummy.html", true), ("/fish*", "/catfish", false),
        ("/*.php", "/index.php", true), ("/*.php", "/folder/any.php?x=1", true), ("/*.php", "/", false),
        ("/*.php$", "/filename.php", true), ("/*.php$", "/folder/filename.php", true),
        ("/*.php$", "/filename.php?parameters", false), ("/*.php$", "/filename.php/", false),
        ("/*.php$", "/filename.php5", false),
        ("/fish*.php", "/fish.php", true), ("/fish*.php", "/fishheads/catfish.php?parameters", true),
        ("/fish*.php", "/Fish.PHP", false),
        ("/a*b*c$", "/axxbyyc", true), ("/a*b*c$", "/axxbyycz", false), ("/a*b*c$", "/acb", false),
        ("*/private", "/x/private/y", true), ("/$", "/", true), ("/$", "/a", false),
        ("/a$b", "/a$b", true),
    ])
    func matchesLikeRFC9309(_ pattern: String, _ path: String, _ expected: Bool) {
        #expect(RobotsPattern(pattern)!.matches(Array(CanonicalURL.normalizingPercentEncoding(path).utf8)) == expected)
    }

    @Test func percentEncodingIsComparedNormalised() {
        let r = robots("User-agent: *\nDisallow: /foo/bar/ツ\nDisallow: /%62%61%7A\nDisallow: /path%2fx\n")
        #expect(!r.isAllowed(pathAndQuery: "/foo/bar/%E3%83%84"))
        #expect(!r.isAllowed(url("https://example.com/foo/bar/%e3%83%84")))
        #expect(!r.isAllowed(pathAndQuery: "/baz"))
        #expect(!r.isAllowed(pathAndQuery: "/path%2Fx"))
        #expect(r.isAllowed(pathAndQuery: "/path/x"))
    }
}

@Suite struct RobotsParsingTests {
    @Test func fieldNamesAreCaseInsensitiveAndCommentsIgnored() {
        let r = robots("# site rules\nUSER-AGENT: *   # everyone\ndisALLOW: /private # keep out\n")
        #expect(!r.isAllowed(pathAndQuery: "/private/a"))
        #expect(r.isAllowed(pathAndQuery: "/public"))
    }

    @Test(arguments: ["\r\n", "\r", "\n"])
    func acceptsEveryLineEnding(_ newline: String) {
        let text = ["User-agent: other", "Disallow: /", "User-agent: *", "Disallow: /x", "Allow: /x/y"]
            .joined(separator: newline)
        let r = robots(text)
        #expect(!r.isAllowed(pathAndQuery: "/x/z"))
        #expect(r.isAllowed(pathAndQuery: "/x/y"))
        #expect(r.isAllowed(pathAndQuery: "/a"))
    }

    @Test func skipsAByteOrderMark() {
        let data = Data([0xEF, 0xBB, 0xBF]) + Data("User-agent: *\nDisallow: /\n".utf8)
        #expect(!RobotsTxt(data: data, userAgent: "Newswire").isAllowed(pathAndQuery: "/a"))
    }

    @Test func ignoresRulesOutsideAnyGroup() {
        let r = robots("Disallow: /\nUser-agent: *\nDisallow: /x\n")
        #expect(r.isAllowed(pathAndQuery: "/a"))
        #expect(!r.isAllowed(pathAndQuery: "/x"))
    }

    @Test func emptyDisallowAllowsEverything() {
        let r = robots("User-agent: *\nDisallow:\n")
        #expect(r.isAllowed(pathAndQuery: "/anything"))
    }

    @Test func productTokenIgnoresVersionAndCase() {
        let text = "User-agent: *\nDisallow: /\n\nUser-agent: newswire/0.2\nDisallow: /private\n"
        for agent in ["Newswire", "Newswire/0.3 (+https://example.invalid/newswire)", "NEWSWIRE"] {
            let r = robots(text, agent: agent)
            #expect(r.isAllowed(pathAndQuery: "/news"), "agent \(agent)")
            #expect(!r.isAllowed(pathAndQuery: "/private"))
        }
        #expect(!robots(text, agent: "newswirebot").isAllowed(pathAndQuery: "/news"))
    }

    @Test func mergesSeveralGroupsForTheSameAgent() {
        let text = """
            User-agent: newswire
            Disallow: /a
            User-agent: *
            Disallow: /
            User-agent: Newswire
            Disallow: /b
            Crawl-delay: 3
            """
        let r = robots(text)
        #expect(!r.isAllowed(pathAndQuery: "/a"))
        #expect(!r.isAllowed(pathAndQuery: "/b"))
        #expect(r.isAllowed(pathAndQuery: "/c"))
        #expect(r.crawlDelay == 3)
    }

    @Test func crawlDelayComesFromTheSelectedGroup() {
        let text = "User-agent: *\nCrawl-delay: 10\n\nUser-agent: newswire\nCrawl-delay: 0.5\nDisallow: /x\n"
        #expect(robots(text).crawlDelay == 0.5)
        #expect(robots(text, agent: "otherbot").crawlDelay == 10)
    }

    @Test(arguments: [("86400", 60.0), ("2.5", 2.5), ("abc", nil), ("-3", nil), ("inf", nil), ("nan", nil)] as [(String, Double?)])
    func crawlDelayIsValidatedAndCapped(_ value: String, _ expected: Double?) {
        #expect(robots("User-agent: *\nCrawl-delay: \(value)\n").crawlDelay == expected)
    }

    @Test func collectsSitemapsFromAnywhere() {
        let text = """
            Sitemap: https://example.com/sitemap.xml
            User-agent: otherbot
            Disallow: /
            sitemap: https://example.com/news-sitemap.xml
            Sitemap: not a url
            """
        let r = robots(text)
        #expect(r.sitemaps.map(\.absoluteString) == ["https://example.com/sitemap.xml", "https://example.com/news-sitemap.xml"])
        #expect(r.isAllowed(pathAndQuery: "/a"))
    }

    @Test func sitemapLineDoesNotEndAGroup() {
        let text = "User-agent: otherbot\nSitemap: https://example.com/s.xml\nUser-agent: newswire\nDisallow: /x\n"
        #expect(!robots(text, agent: "otherbot").isAllowed(pathAndQuery: "/x"))
        #expect(!robots(text).isAllowed(pathAndQuery: "/x"))
    }

    @Test func robotsTxtItselfIsAlwaysAllowed() {
        let r = robots("User-agent: *\nDisallow: /\n")
        #expect(r.isAllowed(url("https://example.com/robots.txt")))
        #expect(!r.isAllowed(url("https://example.com/robots.txt.bak")))
        #expect(RobotsTxt.disallowingAll.isAllowed(pathAndQuery: "/robots.txt"))
        #expect(!RobotsTxt.disallowingAll.isAllowed(pathAndQuery: "/"))
    }

    @Test func onlyTheFirst500KiBAreRead() {
        var text = "User-agent: *\nDisallow: /early\n"
        text += String(repeating: "# padding\n", count: RobotsTxt.maxParsedBytes / 10)
        text += "Disallow: /late\n"
        let r = robots(text)
        #expect(!r.isAllowed(pathAndQuery: "/early"))
        #expect(r.isAllowed(pathAndQuery: "/late"))
    }

    @Test func aLineCutByTheLimitIsDropped() {
        // The limit falls right after "Disallow: /" of the last line, which would otherwise
        // be read as disallowing everything.
        let filler = "User-agent: *\n" + String(repeating: "#", count: RobotsTxt.maxParsedBytes - 26) + "\n"
        let r = robots(filler + "Disallow: /abcdefghij\n")
        #expect(r.isAllowed(pathAndQuery: "/x"))
        #expect(r.isAllowed(pathAndQuery: "/abcdefghij"))
        #expect(!robots(filler + "Disallow: /").isAllowed(pathAndQuery: "/x"))
    }

    @Test func anHTMLPageIsTreatedAsNoRules() {
        let r = robots("\n  <!DOCTYPE html>\n<html><body>Disallow: /</body></html>")
        #expect(r.isAllowed(pathAndQuery: "/anything"))
        #expect(r.ignoredReason?.contains("HTML") == true)
        #expect(robots("User-agent: *\nDisallow: /\n").ignoredReason == nil)
    }

    @Test func isAllowedReadsPathAndQueryOfAURL() {
        let r = robots("User-agent: *\nDisallow: /*?print=1\n")
        #expect(!r.isAllowed(url("https://example.com/story?print=1")))
        #expect(r.isAllowed(url("https://example.com/story?page=2")))
    }
}
