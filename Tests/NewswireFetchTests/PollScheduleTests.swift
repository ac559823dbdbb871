import Foundation
import Testing
@testable import NewswireFetch
import NewswireWire

private let noJitter = PollSchedule.Configuration(jitter: 0)

@Suite struct PollScheduleTests {
    @Test func aNewFeedIsDueAtOnce() {
        let s = PollSchedule(now: t0)
        #expect(s.isDue(now: t0))
        #expect(s.nextPoll(now: t0) == t0)
        #expect(s.interval == 30 * 60)
    }

    @Test func findingNothingGrowsTheIntervalUpToTheMaximum() {
        var s = PollSchedule(configuration: noJitter, now: t0)
        var random = SeededRandom(seed: 1)
        s.record(.unchanged, at: t0, random: &random)
        #expect(s.interval == 45 * 60)
        #expect(s.nextPoll(now: t0) == t0 + 45 * 60)
        for _ in 0..<20 { s.record(.unchanged, at: t0, random: &random) }
        #expect(s.interval == 6 * 3600)
    }

    @Test func firstNewItemsHalveTheInterval() {
        var s = PollSchedule(configuration: noJitter, now: t0)
        var random = SeededRandom(seed: 1)
        s.record(.newItems(count: 3), at: t0, random: &random)
        #expect(s.interval == 15 * 60)
        #expect(!s.isDue(now: t0 + 15 * 60 - 1))
        #expect(s.isDue(now: t0 + 15 * 60))
    }

    @Test func intervalTracksTheObservedGapBetweenItems() {
        var s = PollSchedule(configuration: PollSchedule.Configuration(initialInterval: 3600, jitter: 0), now: t0)
        var random = SeededRandom(seed: 1)
        s.record(.newItems(count: 1), at: t0, random: &random)
        #expect(s.interval == 1800)
        // 4 items in 40 minutes: one every 10 minutes.
        s.record(.newItems(count: 4), at: t0 + 2400, random: &random)
        #expect(s.meanItemGap == 600)
        #expect(s.interval == 600)
    }

    @Test func neverLeavesTheConfiguredBounds() {
        var s = PollSchedule(configuration: noJitter, now: t0)
        var random = SeededRandom(seed: 1)
        var now = t0
        for _ in 0..<10 {
            s.record(.newItems(count: 50), at: now, random: &random)
            now += 60
            #expect(s.interval >= 5 * 60)
        }
        #expect(s.interval == 5 * 60)
    }

    @Test func failuresBackOffExponentiallyAndSuccessResets() {
        var s = PollSchedule(configuration: noJitter, now: t0)
        var random = SeededRandom(seed: 1)
        let delays = (0..<4).map { _ -> TimeInterval in
            s.record(.failed(), at: t0, random: &random)
            return s.scheduledAt.timeIntervalSince(t0)
        }
        #expect(delays == [3600, 7200, 14400, 28800])
        #expect(s.consecutiveFailures == 4)
        for _ in 0..<20 { s.record(.failed(), at: t0, random: &random) }
        #expect(s.scheduledAt == t0 + 24 * 3600)
        s.record(.unchanged, at: t0, random: &random)
        #expect(s.consecutiveFailures == 0)
        #expect(s.scheduledAt == t0 + 45 * 60)
    }

    @Test func retryAfterIsHonoured() {
        var s = PollSchedule(configuration: noJitter, now: t0)
        var random = SeededRandom(seed: 1)
        s.record(.failed(retryAfter: 5 * 3600), at: t0, random: &random)
        #expect(s.scheduledAt == t0 + 5 * 3600)
    }

    @Test func jitterStaysWithinTenPercentAndIsReproducible() {
        func delays(seed: UInt64) -> [TimeInterval] {
            var random = SeededRandom(seed: seed)
            return (0..<50).map { _ in
                var s = PollSchedule(now: t0)
                s.record(.unchanged, at: t0, random: &random)
                return s.scheduledAt.timeIntervalSince(t0)
            }
        }
        let a = delays(seed: 42)
        #expect(a == delays(seed: 42))
        #expect(a != delays(seed: 43))
        #expect(a.allSatisfy { $0 >= 2700 * 0.9 && $0 <= 2700 * 1.1 })
        #expect(Set(a).count > 1)
    }

    @Test func survivesAJSONRoundTrip() throws {
        var s = PollSchedule(now: t0)
        var random = SeededRandom(seed: 7)
        s.record(.newItems(count: 2), at: t0, random: &random)
        s.record(.newItems(count: 1), at: t0 + 900, random: &random)
        s.record(.failed(), at: t0 + 1800, random: &random)
        let decoded = try JSONDecoder().decode(PollSchedule.self, from: JSONEncoder().encode(s))
        #expect(decoded == s)
    }
}
