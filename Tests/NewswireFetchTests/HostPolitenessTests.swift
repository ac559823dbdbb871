import Foundation
import Testing
@testable import NewswireFetch
import NewswireWire

private func token(_ result: HostPoliteness.Acquire) -> PolitenessToken? {
    if case .granted(let token) = result { return token }
    return nil
}

@Suite struct HostPolitenessTests {
    @Test func holdsTheMinimumDelayBetweenStarts() throws {
        var p = HostPoliteness(limits: PolitenessLimits(minimumDelay: 2, perHostConcurrency: 4))
        let first = try #require(token(p.tryAcquire(host: "a.example", now: t0)))
        p.release(first, now: t0 + 0.5)
        #expect(p.tryAcquire(host: "a.example", now: t0 + 1) == .wait(until: t0 + 2))
        #expect(p.nextStart(for: "a.example", now: t0 + 1) == t0 + 2)
        #expect(token(p.tryAcquire(host: "a.example", now: t0 + 2)) != nil)
    }

    @Test func delayIsPerHost() {
        var p = HostPoliteness(limits: PolitenessLimits(minimumDelay: 5))
        #expect(token(p.tryAcquire(host: "a.example", now: t0)) != nil)
        #expect(token(p.tryAcquire(host: "b.example", now: t0)) != nil)
        #expect(p.nextStart(for: "c.example", now: t0) == t0)
    }

    @Test func hostNamesAreCaseInsensitive() {
        var p = HostPoliteness(limits: PolitenessLimits(minimumDelay: 5))
        #expect(token(p.tryAcquire(host: "A.Example", now: t0)) != nil)
        #expect(p.tryAcquire(host: "a.example", now: t0 + 1) == .wait(until: t0 + 5))
    }

    @Test func robotsCrawlDelayWinsWhenLonger() {
        var p = HostPoliteness(limits: PolitenessLimits(minimumDelay: 1))
        p.setCrawlDelay(10, for: "slow.example")
        p.setCrawlDelay(0.2, for: "fast.example")
        #expect(p.delay(for: "slow.example") == 10)
        #expect(p.delay(for: "fast.example") == 1)
        _ = p.tryAcquire(host: "slow.example", now: t0)
        #expect(p.tryAcquire(host: "slow.example", now: t0 + 5) == .wait(until: t0 + 10))
    }

    @Test func limitsRequestsInFlightPerHost() throws {
        var p = HostPoliteness(limits: PolitenessLimits(minimumDelay: 0, perHostConcurrency: 2))
        let a = try #require(token(p.tryAcquire(host: "a.example", now: t0)))
        #expect(token(p.tryAcquire(host: "a.example", now: t0)) != nil)
        #expect(p.tryAcquire(host: "a.example", now: t0) == .atLimit(.host))
        #expect(p.inFlightCount(for: "a.example") == 2)
        p.release(a, now: t0 + 1)
        #expect(token(p.tryAcquire(host: "a.example", now: t0 + 1)) != nil)
    }

    @Test func limitsRequestsInFlightGlobally() throws {
        var p = HostPoliteness(limits: PolitenessLimits(minimumDelay: 0, perHostConcurrency: 5, globalConcurrency: 3))
        var tokens: [PolitenessToken] = []
        for host in ["a", "b", "c"] { tokens.append(try #require(token(p.tryAcquire(host: host, now: t0)))) }
        #expect(p.tryAcquire(host: "d", now: t0) == .atLimit(.global))
        #expect(p.inFlightCount == 3)
        p.release(tokens[1], now: t0)
        #expect(token(p.tryAcquire(host: "d", now: t0)) != nil)
    }

    @Test func releasingTwiceFreesOneSlot() throws {
        var p = HostPoliteness(limits: PolitenessLimits(minimumDelay: 0, perHostConcurrency: 1, globalConcurrency: 2))
        let a = try #require(token(p.tryAcquire(host: "a", now: t0)))
        _ = p.tryAcquire(host: "b", now: t0)
        p.release(a, now: t0)
        p.release(a, now: t0)
        #expect(p.inFlightCount == 1)
        #expect(p.inFlightCount(for: "b") == 1)
    }

    @Test func backOffHoldsTheHostAndNeverShortens() {
        var p = HostPoliteness(limits: PolitenessLimits(minimumDelay: 1))
        p.backOff(host: "busy.example", until: t0 + 300)
        p.backOff(host: "busy.example", until: t0 + 60)
        #expect(p.tryAcquire(host: "busy.example", now: t0 + 100) == .wait(until: t0 + 300))
        #expect(token(p.tryAcquire(host: "busy.example", now: t0 + 300)) != nil)
        #expect(token(p.tryAcquire(host: "calm.example", now: t0)) != nil)
    }

    @Test func idleHostsAreForgottenWithoutChangingDecisions() throws {
        var p = HostPoliteness(limits: PolitenessLimits(minimumDelay: 2))
        let a = try #require(token(p.tryAcquire(host: "a", now: t0)))
        p.release(a, now: t0 + 1)
        #expect(p.earliestStart(for: "a") == t0 + 2)
        let b = try #require(token(p.tryAcquire(host: "a", now: t0 + 2)))
        p.release(b, now: t0 + 10)
        #expect(p.earliestStart(for: "a") == .distantPast)
    }

    @Test func isDeterministic() {
        func run() -> [HostPoliteness.Acquire] {
            var p = HostPoliteness(limits: PolitenessLimits(minimumDelay: 1, perHostConcurrency: 1, globalConcurrency: 2))
            return (0..<12).map { i in p.tryAcquire(host: ["a", "b", "c"][i % 3], now: t0 + Double(i) * 0.4) }
        }
        #expect(run() == run())
    }
}
