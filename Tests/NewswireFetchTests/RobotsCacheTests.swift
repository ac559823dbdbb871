import Foundation
import Testing
@testable import NewswireFetch
import NewswireWire

private let article = url("https://news.example/world/story")
private let origin = Origin(article)!
private let robotsURL = url("https://news.example/robots.txt")

private func body(_ text: String) -> Data { Data(text.utf8) }

private func cache() -> RobotsCache { RobotsCache(policy: RobotsPolicy(userAgent: "Newswire/0.2")) }

@Suite struct RobotsCacheTests {
    @Test func originIsSchemeHostAndPort() {
        #expect(Origin(url("HTTPS://News.Example/a"))?.description == "https://news.example")
        #expect(Origin(url("http://news.example:8080/a"))?.robotsURL.absoluteString == "http://news.example:8080/robots.txt")
        #expect(Origin(url("http://news.example:80/a")) == Origin(url("http://news.example/b")))
        #expect(Origin(url("https://news.example/")) != Origin(url("http://news.example/")))
        #expect(Origin(url("ftp://news.example/")) == nil)
    }

    @Test func firstAskHandsOutTheFetchAndOthersWait() {
        var c = cache()
        #expect(c.decision(for: article, now: t0) == .needsRobots(robotsURL))
        #expect(c.decision(for: url("https://news.example/other"), now: t0) == .waiting)
        #expect(c.decision(for: url("https://elsewhere.example/x"), now: t0)
                == .needsRobots(url("https://elsewhere.example/robots.txt")))
    }

    @Test func successfulFetchIsParsedAndGivesCrawlDelay() {
        var c = cache()
        _ = c.decision(for: article, now: t0)
        c.record(.response(status: 200, body: body("User-agent: *\nDisallow: /private\nCrawl-delay: 2\n")),
                 robotsURL: robotsURL, now: t0)
        #expect(c.decision(for: article, now: t0) == .allowed(crawlDelay: 2))
        guard case .disallowed(let reason) = c.decision(for: url("https://news.example/private/x"), now: t0) else {
            Issue.record("expected disallowed"); return
        }
        #expect(reason.contains("/private/x"))
    }

    @Test(arguments: [401, 403, 404, 410, 451, 301])
    func clientErrorsAndUnfollowedRedirectsAllowEverything(_ status: Int) {
        var c = cache()
        _ = c.decision(for: article, now: t0)
        c.record(.response(status: status, body: body("User-agent: *\nDisallow: /\n")), for: origin, now: t0)
        #expect(c.decision(for: article, now: t0) == .allowed(crawlDelay: nil))
    }

    @Test(arguments: [
        RobotsFetchOutcome.response(status: 500, body: Data()),
        .response(status: 503, body: Data()),
        .response(status: 429, body: Data()),
        .unreachable(reason: "connection refused"),
    ])
    func serverErrorsDisallowEverythingUntilARetry(_ outcome: RobotsFetchOutcome) {
        var c = cache()
        _ = c.decision(for: article, now: t0)
        c.record(outcome, for: origin, now: t0)
        guard case .disallowed(let reason) = c.decision(for: article, now: t0 + 30) else {
            Issue.record("expected disallowed"); return
        }
        #expect(reason.contains("robots.txt"))
        #expect(c.decision(for: article, now: t0 + 60) == .needsRobots(robotsURL))
    }

    @Test func retryDelayDoublesUpToADay() {
        var c = cache()
        var now = t0
        var delays: [TimeInterval] = []
        for _ in 0..<14 {
            #expect(c.decision(for: article, now: now) == .needsRobots(robotsURL))
            c.record(.unreachable(reason: "timeout"), for: origin, now: now)
            guard case .known(let entry)? = c.states[origin] else { Issue.record("no entry"); return }
            #expect(c.decision(for: article, now: entry.expires - 1) != .needsRobots(robotsURL))
            delays.append(entry.expires.timeIntervalSince(now))
            now = entry.expires
        }
        #expect(Array(delays.prefix(4)) == [60, 120, 240, 480])
        #expect(delays.last == 86400)
    }

    @Test func successResetsTheBackOff() {
        var c = cache()
        _ = c.decision(for: article, now: t0)
        c.record(.unreachable(reason: "timeout"), for: origin, now: t0)
        _ = c.decision(for: article, now: t0 + 60)
        c.record(.response(status: 200, body: body("")), for: origin, now: t0 + 60)
        #expect(c.decision(for: article, now: t0 + 61) == .allowed(crawlDelay: nil))
        if case .known(let entry)? = c.states[origin] { #expect(entry.consecutiveFailures == 0) }
    }

    @Test func rulesExpireAfterADayOrTheirMaxAge() {
        var c = cache()
        _ = c.decision(for: article, now: t0)
        c.record(.response(status: 200, body: body("")), for: origin, now: t0)
        #expect(c.decision(for: article, now: t0 + 86399) == .allowed(crawlDelay: nil))
        #expect(c.decision(for: article, now: t0 + 86400) == .needsRobots(robotsURL))

        var short = cache()
        _ = short.decision(for: article, now: t0)
        short.record(.response(status: 200, body: body(""), maxAge: 600), for: origin, now: t0)
        #expect(short.decision(for: article, now: t0 + 599) == .allowed(crawlDelay: nil))
        #expect(short.decision(for: article, now: t0 + 600) == .needsRobots(robotsURL))
    }

    @Test func maxAgeIsBounded() {
        var c = cache()
        _ = c.decision(for: article, now: t0)
        c.record(.response(status: 200, body: body(""), maxAge: 0), for: origin, now: t0)
        #expect(c.decision(for: article, now: t0 + 30) == .allowed(crawlDelay: nil))
        _ = c.decision(for: article, now: t0 + 60)
        c.record(.response(status: 200, body: body(""), maxAge: 30 * 86400), for: origin, now: t0 + 60)
        #expect(c.decision(for: article, now: t0 + 60 + 86400) == .needsRobots(robotsURL))
    }

    @Test func staleRulesKeepApplyingWhileRefreshing() {
        var c = cache()
        _ = c.decision(for: article, now: t0)
        c.record(.response(status: 200, body: body("User-agent: *\nDisallow: /private\n")), for: origin, now: t0)
        let later = t0 + 86400
        #expect(c.decision(for: article, now: later) == .needsRobots(robotsURL))
        #expect(c.decision(for: article, now: later + 1) == .allowed(crawlDelay: nil))
        guard case .disallowed = c.decision(for: url("https://news.example/private/a"), now: later + 1) else {
            Issue.record("stale rules should still disallow"); return
        }
    }

    @Test func aFailedRefreshKeepsTheLastGoodRules() {
        var c = cache()
        _ = c.decision(for: article, now: t0)
        c.record(.response(status: 200, body: body("User-agent: *\nDisallow: /private\n")), for: origin, now: t0)
        _ = c.decision(for: article, now: t0 + 86400)
        c.record(.response(status: 503, body: Data()), for: origin, now: t0 + 86400)
        #expect(c.decision(for: article, now: t0 + 86410) == .allowed(crawlDelay: nil))
        #expect(c.decision(for: article, now: t0 + 86460) == .needsRobots(robotsURL))
    }

    @Test func aLostFetchIsHandedOutAgain() {
        var c = cache()
        _ = c.decision(for: article, now: t0)
        #expect(c.decision(for: article, now: t0 + 119) == .waiting)
        #expect(c.decision(for: article, now: t0 + 120) == .needsRobots(robotsURL))
    }

    @Test func nonHTTPURLsAreDisallowed() {
        var c = cache()
        guard case .disallowed = c.decision(for: url("file:///etc/passwd"), now: t0) else {
            Issue.record("expected disallowed"); return
        }
    }
}
