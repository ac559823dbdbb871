import Foundation
import NewswireStageSDK
import NewswireWire
import Testing

func temporaryPath(_ name: String) -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent("newswire-sdk-\(UUID())-\(name)").path
}

@Suite struct DeliveryWindowTests {
    let t0 = Date(timeIntervalSince1970: 1_000_000)

    @Test func holdsAtMostItsCapacity() {
        var w = DeliveryWindow(capacity: 2)
        w.sent("a", at: t0)
        #expect(w.hasRoom)
        w.sent("b", at: t0)
        #expect(!w.hasRoom)
        let first = w.settled("a", at: t0)
        #expect(first)
        #expect(w.hasRoom)
        let again = w.settled("a", at: t0)
        #expect(!again, "a duplicate acknowledgement settles nothing")
    }

    @Test func beforeAnyAcknowledgementTheInitialTimeoutApplies() {
        var w = DeliveryWindow(capacity: 10, minimumTimeout: 10, maximumTimeout: 100)
        w.initialTimeout = 30
        w.sent("a", at: t0)
        #expect(w.overdue(at: t0.addingTimeInterval(29.9)).isEmpty)
        #expect(w.overdue(at: t0.addingTimeInterval(30)) == ["a"])
    }

    @Test func aSlowPipelineGetsLongerTimeoutsThanAFastOne() {
        func window(acksPerSecond: Double) -> DeliveryWindow {
            var w = DeliveryWindow(capacity: 200, minimumTimeout: 1, maximumTimeout: 1000)
            for i in 0..<100 {
                w.sent("x\(i)", at: t0)
                w.settled("x\(i)", at: t0.addingTimeInterval(Double(i) / acksPerSecond))
            }
            for i in 0..<100 { w.sent("p\(i)", at: t0) }
            return w
        }
        let slow = window(acksPerSecond: 5), fast = window(acksPerSecond: 500)
        // 100 in flight at 5/s is 20 s of work: a 10 s old article is not late yet.
        #expect(slow.timeout(attempts: 1) > 20)
        #expect(fast.timeout(attempts: 1) == 1)
        #expect(slow.overdue(at: t0.addingTimeInterval(10)).isEmpty)
        #expect(fast.overdue(at: t0.addingTimeInterval(10)).count == 100)
    }

    @Test func backsOffPerAttemptUpToTheMaximum() {
        var w = DeliveryWindow(capacity: 10, minimumTimeout: 10, maximumTimeout: 50)
        w.initialTimeout = 0
        #expect(w.timeout(attempts: 1) == 10)
        #expect(w.timeout(attempts: 2) == 20)
        #expect(w.timeout(attempts: 3) == 40)
        #expect(w.timeout(attempts: 4) == 50)
        w.sent("a", at: t0)
        w.sent("a", at: t0.addingTimeInterval(10))
        #expect(w.flights["a"]?.attempts == 2)
        #expect(w.overdue(at: t0.addingTimeInterval(29)).isEmpty)
        #expect(w.overdue(at: t0.addingTimeInterval(30)) == ["a"])
    }
}

@Suite struct DeliveryJournalTests {
    @Test func recordsAcceptedStoredAndFailedArticles() throws {
        let j = try DeliveryJournal(path: temporaryPath("journal.sqlite"))
        #expect(try j.accept(origin: "file:///a.html", id: "a"))
        #expect(try j.accept(origin: "file:///b.html", id: "b"))
        #expect(try j.accept(origin: "file:///c.html", id: "c"))
        #expect(try j.knows(origin: "file:///a.html"))
        #expect(try !j.knows(origin: "file:///z.html"))
        let changed = try j.settle([.stored(id: "a"), .failed(id: "b", reason: "normalize: no article text found"),
                                    .stored(id: "unknown")])
        #expect(changed == ["a", "b"])
        #expect(try j.pending().map(\.id) == ["c"])
        #expect(try j.entry(id: "b")?.reason == "normalize: no article text found")
        let t = try j.totals()
        #expect(t.accepted == 3 && t.stored == 1 && t.failed == 1 && t.pending == 1)
    }

    @Test func aSecondOriginWithTheSameIdIsADuplicateNotASecondDelivery() throws {
        let j = try DeliveryJournal(path: temporaryPath("journal.sqlite"))
        #expect(try j.accept(origin: "https://x.test/a?utm_source=feed", id: "a"))
        #expect(try !j.accept(origin: "https://x.test/a", id: "a"))
        #expect(try j.totals().duplicate == 1)
        #expect(try j.totals().accepted == 1)
    }

    @Test func survivesReopeningWithCountsOfSends() throws {
        let path = temporaryPath("journal.sqlite")
        do {
            let j = try DeliveryJournal(path: path)
            try j.accept(origin: "o1", id: "a")
            try j.sent(["a"])
            try j.accept(origin: "o2", id: "b")
            try j.settle([.stored(id: "b")])
        }
        let j = try DeliveryJournal(path: path)
        #expect(try j.pending() == [DeliveryJournal.Entry(origin: "o1", id: "a", state: .pending, attempts: 2, reason: nil)])
        #expect(try j.totalSends() == 3)
    }

    @Test func aLateStoreOverridesAFailure() throws {
        let j = try DeliveryJournal(path: temporaryPath("journal.sqlite"))
        try j.accept(origin: "o", id: "a")
        try j.settle([.failed(id: "a", reason: "x")])
        try j.settle([.stored(id: "a")])
        #expect(try j.entry(id: "a")?.state == .stored)
    }
}

@Suite struct DeliveryWindowIdleTests {
    let t0 = Date(timeIntervalSince1970: 2_000_000)

    /// A crawler between polls has nothing in flight for an hour; that hour is not slowness.
    @Test func idleTimeDoesNotSlowTheMeasuredRate() {
        var w = DeliveryWindow(capacity: 100, minimumTimeout: 1, maximumTimeout: 10_000)
        for i in 0..<10 { w.sent("a\(i)", at: t0) }
        for i in 0..<10 { w.settled("a\(i)", at: t0.addingTimeInterval(Double(i + 1))) }
        let busyRate = w.rate
        let later = t0.addingTimeInterval(3_600)
        w.sent("b", at: later)
        w.settled("b", at: later.addingTimeInterval(1))
        #expect(busyRate != nil)
        #expect(abs((w.rate ?? 0) - (busyRate ?? -1)) < 0.2, "rate after an idle hour: \(w.rate ?? -1)/s")
    }

    /// However often one article was lost, it is re-sent before the stall timeout ends the run.
    @Test func reSendsNeverWaitLongerThanAThirdOfTheStallTimeout() {
        var s = SourceSettings()
        s.minimumRetry = 3; s.maximumRetry = 600; s.stallTimeout = 300
        #expect(s.effectiveMaximumRetry == 100)
        s.stallTimeout = 1
        #expect(s.effectiveMaximumRetry == 3, "never below the shortest wait")
    }
}
